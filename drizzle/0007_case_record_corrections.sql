CREATE TABLE `advance_notice_withdrawals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notice_id` integer NOT NULL,
	`withdrawn_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `advance_notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `advance_notice_withdrawals_notice_id_unique` ON `advance_notice_withdrawals` (`notice_id`);--> statement-breakpoint
CREATE TABLE `placement_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`from_start_date` text NOT NULL,
	`to_start_date` text NOT NULL,
	`from_planned_weeks` integer NOT NULL,
	`to_planned_weeks` integer NOT NULL,
	`reason` text NOT NULL,
	`corrected_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "placement_corrections_dates" CHECK("placement_corrections"."from_start_date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and "placement_corrections"."to_start_date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "placement_corrections_weeks" CHECK("placement_corrections"."from_planned_weeks" between 2 and 52 and "placement_corrections"."to_planned_weeks" between 2 and 52),
	CONSTRAINT "placement_corrections_reason" CHECK(length(trim("placement_corrections"."reason")) > 0)
);
--> statement-breakpoint
CREATE INDEX `placement_corrections_placement` ON `placement_corrections` (`placement_id`,`id`);--> statement-breakpoint
DROP INDEX `outcome_checkins_apprentice_months`;--> statement-breakpoint
ALTER TABLE `outcome_checkins` ADD `supersedes_id` integer REFERENCES outcome_checkins(id);--> statement-breakpoint
ALTER TABLE `outcome_checkins` ADD `correction_reason` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outcome_checkins_supersedes` ON `outcome_checkins` (`supersedes_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `outcome_checkins_apprentice_months` ON `outcome_checkins` (`apprentice_id`,`months`) WHERE supersedes_id is null;--> statement-breakpoint
ALTER TABLE `career_plan_comments` ADD `supersedes_id` integer REFERENCES career_plan_comments(id);--> statement-breakpoint
ALTER TABLE `career_plan_comments` ADD `correction_reason` text;--> statement-breakpoint
CREATE UNIQUE INDEX `career_plan_comments_supersedes` ON `career_plan_comments` (`supersedes_id`);--> statement-breakpoint
ALTER TABLE `follow_up_notes` ADD `supersedes_id` integer REFERENCES follow_up_notes(id);--> statement-breakpoint
ALTER TABLE `follow_up_notes` ADD `correction_reason` text;--> statement-breakpoint
CREATE UNIQUE INDEX `follow_up_notes_supersedes` ON `follow_up_notes` (`supersedes_id`);