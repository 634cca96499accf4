CREATE TABLE `week_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_key` text NOT NULL,
	`placement_id` integer NOT NULL,
	`week_of` text NOT NULL,
	`trainer_user_id` integer NOT NULL,
	`intent` text NOT NULL,
	`weekly_review_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`weekly_review_id`) REFERENCES `weekly_reviews`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "week_submissions_week_of" CHECK("week_submissions"."week_of" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "week_submissions_intent" CHECK("week_submissions"."intent" in ('submit', 'all_present', 'save'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `week_submissions_submission_key_unique` ON `week_submissions` (`submission_key`);--> statement-breakpoint
CREATE INDEX `week_submissions_placement` ON `week_submissions` (`placement_id`,`week_of`);--> statement-breakpoint
CREATE TRIGGER `week_submissions_no_update` BEFORE UPDATE ON `week_submissions`
BEGIN
  SELECT RAISE(ABORT, 'week_submissions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `week_submissions_no_delete` BEFORE DELETE ON `week_submissions`
BEGIN
  SELECT RAISE(ABORT, 'week_submissions is append-only');
END;
