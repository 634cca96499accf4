CREATE TABLE `reminder_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`recipient_user_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`week_of` text NOT NULL,
	`channel` text NOT NULL,
	`locale` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`payload` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_attempt_at` integer,
	`last_error` text,
	`last_failed_at` integer,
	`sent_at` integer,
	`provider_message_id` text,
	`sign_in_link_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`recipient_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sign_in_link_id`) REFERENCES `sign_in_links`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reminder_outbox_kind" CHECK("reminder_outbox"."kind" in ('weekly', 'monday', 'digest')),
	CONSTRAINT "reminder_outbox_channel" CHECK("reminder_outbox"."channel" in ('telegram', 'sms', 'log')),
	CONSTRAINT "reminder_outbox_status" CHECK("reminder_outbox"."status" in ('queued', 'sending', 'sent', 'failed', 'cancelled')),
	CONSTRAINT "reminder_outbox_locale" CHECK("reminder_outbox"."locale" in ('km', 'en')),
	CONSTRAINT "reminder_outbox_week_of" CHECK("reminder_outbox"."week_of" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_outbox_one_per_week` ON `reminder_outbox` (`recipient_user_id`,`week_of`,`kind`);--> statement-breakpoint
CREATE INDEX `reminder_outbox_due` ON `reminder_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `reminder_outbox_site` ON `reminder_outbox` (`site_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `reminder_schedules` (
	`site_id` integer PRIMARY KEY NOT NULL,
	`weekday` integer DEFAULT 5 NOT NULL,
	`time` text DEFAULT '16:00' NOT NULL,
	`monday_time` text DEFAULT '09:00' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`updated_by` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reminder_schedules_weekday" CHECK("reminder_schedules"."weekday" between 1 and 7),
	CONSTRAINT "reminder_schedules_time" CHECK("reminder_schedules"."time" glob '[0-2][0-9]:[0-5][0-9]' and "reminder_schedules"."monday_time" glob '[0-2][0-9]:[0-5][0-9]')
);
--> statement-breakpoint
CREATE TABLE `telegram_chats` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`chat_id` text NOT NULL,
	`linked_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `telegram_chats_chat_id_unique` ON `telegram_chats` (`chat_id`);--> statement-breakpoint
CREATE TABLE `telegram_link_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `telegram_link_tokens_token_hash_unique` ON `telegram_link_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `telegram_link_tokens_user` ON `telegram_link_tokens` (`user_id`);--> statement-breakpoint
ALTER TABLE `sign_in_links` ADD `purpose` text DEFAULT 'staff' NOT NULL;