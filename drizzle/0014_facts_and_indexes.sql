CREATE TABLE `competency_levels` (
	`placement_id` integer NOT NULL,
	`competency_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`assessment_id` integer NOT NULL,
	`level` text NOT NULL,
	`observed_on` text NOT NULL,
	`independent_id` integer,
	`independent_on` text,
	`independent_by` integer,
	PRIMARY KEY(`placement_id`, `competency_id`),
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `competency_levels_signed` ON `competency_levels` (`independent_on`,`site_id`) WHERE independent_on is not null;--> statement-breakpoint
CREATE TABLE `placement_weeks` (
	`placement_id` integer NOT NULL,
	`week_of` text NOT NULL,
	`site_id` integer NOT NULL,
	`reviews` integer DEFAULT 0 NOT NULL,
	`first_review_at` integer,
	`signoffs` integer DEFAULT 0 NOT NULL,
	`attendance_days` integer DEFAULT 0 NOT NULL,
	`afternoons_agreed_mask` integer DEFAULT 0 NOT NULL,
	`afternoons_released_mask` integer DEFAULT 0 NOT NULL,
	`afternoons_attended_mask` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`placement_id`, `week_of`),
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placement_weeks_site_week` ON `placement_weeks` (`site_id`,`week_of`);--> statement-breakpoint
DROP INDEX `education_events_afternoon`;--> statement-breakpoint
CREATE INDEX `education_events_afternoon` ON `education_events` (`afternoon_id`,`id`,`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `assessments_placement_observed` ON `assessments` (`placement_id`,`observed_on`);--> statement-breakpoint
CREATE INDEX `assessments_supersedes` ON `assessments` (`supersedes_id`) WHERE supersedes_id is not null;--> statement-breakpoint
CREATE INDEX `placements_transferred_from` ON `placements` (`transferred_from_id`) WHERE transferred_from_id is not null;