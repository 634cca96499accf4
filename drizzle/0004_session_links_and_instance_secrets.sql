CREATE TABLE `instance_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `link_id` integer REFERENCES sign_in_links(id) ON DELETE cascade;--> statement-breakpoint
CREATE INDEX `sessions_link` ON `sessions` (`link_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);