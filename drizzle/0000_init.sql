CREATE TABLE `advance_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "advance_notices_kind" CHECK("advance_notices"."kind" in ('late', 'absent')),
	CONSTRAINT "advance_notices_reason" CHECK("advance_notices"."reason" in ('transport', 'family', 'illness', 'childcare', 'misunderstood_time', 'other')),
	CONSTRAINT "advance_notices_date" CHECK("advance_notices"."date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE INDEX `advance_notices_placement_date` ON `advance_notices` (`placement_id`,`date`);--> statement-breakpoint
CREATE TABLE `apprentices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`site_id` integer NOT NULL,
	`intake_id` integer,
	`preferred_name` text NOT NULL,
	`legal_name` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`gender` text NOT NULL,
	`referral_source` text,
	`background` text,
	`phase` text DEFAULT 'work_readiness' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`intake_id`) REFERENCES `intakes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "apprentices_gender" CHECK("apprentices"."gender" in ('female', 'male', 'other')),
	CONSTRAINT "apprentices_phase" CHECK("apprentices"."phase" in ('work_readiness', 'guidance', 'apprenticeship', 'employed', 'business', 'follow_up', 'exited')),
	CONSTRAINT "apprentices_dob" CHECK("apprentices"."date_of_birth" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `apprentices_code_unique` ON `apprentices` (`code`);--> statement-breakpoint
CREATE INDEX `apprentices_site_phase` ON `apprentices` (`site_id`,`phase`);--> statement-breakpoint
CREATE INDEX `apprentices_intake` ON `apprentices` (`intake_id`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`competency_id` integer NOT NULL,
	`trainer_user_id` integer NOT NULL,
	`level` text NOT NULL,
	`observed_on` text NOT NULL,
	`evidence_note` text,
	`weekly_review_id` integer,
	`supersedes_id` integer,
	`correction_reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`weekly_review_id`) REFERENCES `weekly_reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessments_level" CHECK("assessments"."level" in ('not_yet', 'with_help', 'supervised', 'independent')),
	CONSTRAINT "assessments_observed_on" CHECK("assessments"."observed_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "assessments_correction" CHECK(("assessments"."supersedes_id" is null) = ("assessments"."correction_reason" is null))
);
--> statement-breakpoint
CREATE INDEX `assessments_placement_competency` ON `assessments` (`placement_id`,`competency_id`,`id`);--> statement-breakpoint
CREATE INDEX `assessments_trainer_created` ON `assessments` (`trainer_user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`late_minutes` integer,
	`absence_reason` text,
	`note` text,
	`recorded_by` integer NOT NULL,
	`supersedes_id` integer,
	`correction_reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `attendance`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attendance_status" CHECK("attendance"."status" in ('present', 'late', 'absent', 'education', 'holiday', 'leave')),
	CONSTRAINT "attendance_date" CHECK("attendance"."date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "attendance_absence_reason" CHECK("attendance"."absence_reason" is null or "attendance"."absence_reason" in ('transport', 'family', 'illness', 'childcare', 'misunderstood_time', 'other')),
	CONSTRAINT "attendance_details" CHECK((("attendance"."status" = 'late') = ("attendance"."late_minutes" is not null))
        and ("attendance"."late_minutes" is null or "attendance"."late_minutes" between 1 and 720)
        and (("attendance"."status" = 'absent') = ("attendance"."absence_reason" is not null)))
);
--> statement-breakpoint
CREATE INDEX `attendance_placement_date` ON `attendance` (`placement_id`,`date`,`id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`detail` text,
	`request_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_events_created` ON `audit_events` (`created_at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor` ON `audit_events` (`actor_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_events_entity` ON `audit_events` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `career_plan_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`apprentice_id` integer NOT NULL,
	`author_user_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`apprentice_id`) REFERENCES `apprentices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `career_plan_comments_apprentice` ON `career_plan_comments` (`apprentice_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `career_plans` (
	`apprentice_id` integer PRIMARY KEY NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`apprentice_id`) REFERENCES `apprentices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `competencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`code` text NOT NULL,
	`title_en` text NOT NULL,
	`title_km` text NOT NULL,
	`criteria_en` text NOT NULL,
	`criteria_km` text NOT NULL,
	`expected_by_week` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `framework_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "competencies_expected_by_week" CHECK("competencies"."expected_by_week" between 1 and 52),
	CONSTRAINT "competencies_titles" CHECK(length(trim("competencies"."title_en")) > 0 and length(trim("competencies"."title_km")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competencies_version_code` ON `competencies` (`version_id`,`code`);--> statement-breakpoint
CREATE INDEX `competencies_unit` ON `competencies` (`unit_id`,`position`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`apprentice_id` integer NOT NULL,
	`item` text NOT NULL,
	`granted` integer NOT NULL,
	`recorded_by` integer,
	`recorded_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`note` text,
	FOREIGN KEY (`apprentice_id`) REFERENCES `apprentices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consents_item" CHECK("consents"."item" in ('share_legal_name', 'photo', 'story'))
);
--> statement-breakpoint
CREATE INDEX `consents_apprentice_item` ON `consents` (`apprentice_id`,`item`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `education_afternoons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`date` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "education_afternoons_date" CHECK("education_afternoons"."date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `education_afternoons_placement_date` ON `education_afternoons` (`placement_id`,`date`);--> statement-breakpoint
CREATE TABLE `education_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`afternoon_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text,
	`recorded_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`afternoon_id`) REFERENCES `education_afternoons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "education_events_kind" CHECK("education_events"."kind" in ('released', 'refused', 'attended', 'missed', 'confirmed_by_apprentice')),
	CONSTRAINT "education_events_refusal" CHECK("education_events"."kind" <> 'refused' or "education_events"."reason" is not null)
);
--> statement-breakpoint
CREATE INDEX `education_events_afternoon` ON `education_events` (`afternoon_id`,`id`);--> statement-breakpoint
CREATE TABLE `employers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`name` text NOT NULL,
	`sector` text NOT NULL,
	`district` text NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "employers_sector" CHECK("employers"."sector" in ('beauty', 'hospitality', 'catering', 'tailoring', 'food_service', 'office', 'cleaning'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employers_site_name` ON `employers` (`site_id`,`name`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`explains_rating` integer NOT NULL,
	`learning_rating` integer NOT NULL,
	`fairness_rating` integer NOT NULL,
	`safety_rating` integer NOT NULL,
	`comment` text,
	`submitted_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "feedback_ratings" CHECK("feedback"."explains_rating" between 1 and 5 and "feedback"."learning_rating" between 1 and 5
        and "feedback"."fairness_rating" between 1 and 5 and "feedback"."safety_rating" between 1 and 5),
	CONSTRAINT "feedback_comment_length" CHECK("feedback"."comment" is null or length("feedback"."comment") <= 1000)
);
--> statement-breakpoint
CREATE INDEX `feedback_placement` ON `feedback` (`placement_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `flag_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flag_id` integer NOT NULL,
	`action` text NOT NULL,
	`actor_user_id` integer,
	`note` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`flag_id`) REFERENCES `flags`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "flag_events_action" CHECK("flag_events"."action" in ('raised', 'severity_changed', 'acknowledged', 'resolved', 'dismissed', 'cleared'))
);
--> statement-breakpoint
CREATE INDEX `flag_events_flag` ON `flag_events` (`flag_id`,`id`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`rule` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`placement_id` integer,
	`trainer_user_id` integer,
	`employer_id` integer,
	`apprentice_id` integer,
	`severity` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`evidence` text NOT NULL,
	`raised_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`cleared_at` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`apprentice_id`) REFERENCES `apprentices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "flags_rule" CHECK("flags"."rule" in ('no_weekly_review', 'behind_plan', 'bulk_signoff', 'signoff_while_absent', 'education_not_granted', 'education_mismatch', 'attendance_risk', 'feedback_concern', 'under_18', 'overdue', 'trainer_inactive')),
	CONSTRAINT "flags_subject_type" CHECK("flags"."subject_type" in ('placement', 'trainer', 'apprentice')),
	CONSTRAINT "flags_severity" CHECK("flags"."severity" in ('info', 'warn', 'urgent')),
	CONSTRAINT "flags_status" CHECK("flags"."status" in ('open', 'acknowledged', 'resolved', 'dismissed', 'cleared'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flags_one_open_per_rule_subject` ON `flags` (`rule`,`subject_type`,`subject_id`) WHERE status in ('open', 'acknowledged');--> statement-breakpoint
CREATE INDEX `flags_site_status` ON `flags` (`site_id`,`status`,`severity`);--> statement-breakpoint
CREATE INDEX `flags_placement` ON `flags` (`placement_id`);--> statement-breakpoint
CREATE INDEX `flags_trainer` ON `flags` (`trainer_user_id`);--> statement-breakpoint
CREATE TABLE `follow_up_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`apprentice_id` integer NOT NULL,
	`placement_id` integer,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`body` text NOT NULL,
	`author_user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`apprentice_id`) REFERENCES `apprentices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "follow_up_notes_kind" CHECK("follow_up_notes"."kind" in ('visit', 'call', 'counselling_referral', 'employer_discussion', 'other')),
	CONSTRAINT "follow_up_notes_occurred_on" CHECK("follow_up_notes"."occurred_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE INDEX `follow_up_notes_apprentice` ON `follow_up_notes` (`apprentice_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `framework_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`code` text NOT NULL,
	`title_en` text NOT NULL,
	`title_km` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `framework_units_version_code` ON `framework_units` (`version_id`,`code`);--> statement-breakpoint
CREATE TABLE `framework_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`framework_id` integer NOT NULL,
	`version` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`typical_weeks` integer NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`published_at` integer,
	`retired_at` integer,
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "framework_versions_status" CHECK("framework_versions"."status" in ('draft', 'published', 'retired')),
	CONSTRAINT "framework_versions_typical_weeks" CHECK("framework_versions"."typical_weeks" between 2 and 52)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `framework_versions_framework_version` ON `framework_versions` (`framework_id`,`version`);--> statement-breakpoint
CREATE TABLE `frameworks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`trade_en` text NOT NULL,
	`trade_km` text NOT NULL,
	`sector` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "frameworks_sector" CHECK("frameworks"."sector" in ('beauty', 'hospitality', 'catering', 'tailoring', 'food_service', 'office', 'cleaning'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `frameworks_code_unique` ON `frameworks` (`code`);--> statement-breakpoint
CREATE TABLE `intakes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "intakes_starts_on" CHECK("intakes"."starts_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intakes_site_name` ON `intakes` (`site_id`,`name`);--> statement-breakpoint
CREATE TABLE `manual_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`status_date` text NOT NULL,
	`follow_up_due_on` text,
	`set_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "manual_statuses_status" CHECK("manual_statuses"."status" in ('green', 'amber', 'red')),
	CONSTRAINT "manual_statuses_reason" CHECK(length(trim("manual_statuses"."reason")) > 0),
	CONSTRAINT "manual_statuses_red_follow_up" CHECK("manual_statuses"."status" <> 'red' or "manual_statuses"."follow_up_due_on" is not null)
);
--> statement-breakpoint
CREATE INDEX `manual_statuses_placement` ON `manual_statuses` (`placement_id`,`id`);--> statement-breakpoint
CREATE TABLE `outcome_checkins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`apprentice_id` integer NOT NULL,
	`months` integer NOT NULL,
	`checked_on` text NOT NULL,
	`employed` integer NOT NULL,
	`employer_name` text,
	`monthly_salary_cents` integer,
	`note` text,
	`recorded_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`apprentice_id`) REFERENCES `apprentices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outcome_checkins_months" CHECK("outcome_checkins"."months" in (3, 6, 12, 24)),
	CONSTRAINT "outcome_checkins_checked_on" CHECK("outcome_checkins"."checked_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outcome_checkins_apprentice_months` ON `outcome_checkins` (`apprentice_id`,`months`);--> statement-breakpoint
CREATE TABLE `phase_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`apprentice_id` integer NOT NULL,
	`phase` text NOT NULL,
	`changed_on` text NOT NULL,
	`recorded_by` integer,
	`note` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`apprentice_id`) REFERENCES `apprentices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "phase_changes_phase" CHECK("phase_changes"."phase" in ('work_readiness', 'guidance', 'apprenticeship', 'employed', 'business', 'follow_up', 'exited')),
	CONSTRAINT "phase_changes_changed_on" CHECK("phase_changes"."changed_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE INDEX `phase_changes_apprentice` ON `phase_changes` (`apprentice_id`,`changed_on`);--> statement-breakpoint
CREATE TABLE `placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`apprentice_id` integer NOT NULL,
	`employer_id` integer NOT NULL,
	`trainer_user_id` integer NOT NULL,
	`framework_version_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`planned_weeks` integer NOT NULL,
	`working_weekdays` text DEFAULT '1,2,3,4,5,6' NOT NULL,
	`education_weekdays` text DEFAULT '2,4' NOT NULL,
	`stipend_hagar_cents` integer DEFAULT 0 NOT NULL,
	`stipend_employer_cents` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`ended_on` text,
	`outcome` text,
	`end_reason` text,
	`starting_salary_cents` integer,
	`transferred_from_id` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`apprentice_id`) REFERENCES `apprentices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transferred_from_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "placements_status" CHECK("placements"."status" in ('active', 'completed', 'withdrawn', 'transferred')),
	CONSTRAINT "placements_outcome" CHECK("placements"."outcome" is null or "placements"."outcome" in ('retained_by_employer', 'employed_elsewhere', 'own_business', 'not_employed')),
	CONSTRAINT "placements_planned_weeks" CHECK("placements"."planned_weeks" between 2 and 52),
	CONSTRAINT "placements_start_date" CHECK("placements"."start_date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "placements_ended" CHECK(("placements"."status" = 'active') = ("placements"."ended_on" is null)),
	CONSTRAINT "placements_stipends" CHECK("placements"."stipend_hagar_cents" >= 0 and "placements"."stipend_employer_cents" >= 0)
);
--> statement-breakpoint
CREATE INDEX `placements_trainer_status` ON `placements` (`trainer_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `placements_employer_status` ON `placements` (`employer_id`,`status`);--> statement-breakpoint
CREATE INDEX `placements_apprentice` ON `placements` (`apprentice_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `placements_one_active_per_apprentice` ON `placements` (`apprentice_id`) WHERE status = 'active';--> statement-breakpoint
CREATE TABLE `public_holidays` (
	`site_id` integer NOT NULL,
	`date` text NOT NULL,
	`name_en` text NOT NULL,
	`name_km` text NOT NULL,
	PRIMARY KEY(`site_id`, `date`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "public_holidays_date" CHECK("public_holidays"."date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`method` text NOT NULL,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sessions_method" CHECK("sessions"."method" in ('password', 'pin', 'link'))
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by` integer,
	`last_used_at` integer,
	`use_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_in_links_token_hash_unique` ON `sign_in_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sign_in_links_user` ON `sign_in_links` (`user_id`);--> statement-breakpoint
CREATE TABLE `site_settings` (
	`site_id` integer PRIMARY KEY NOT NULL,
	`flag_thresholds` text DEFAULT '{}' NOT NULL,
	`updated_by` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "site_settings_flag_thresholds" CHECK(json_valid("site_settings"."flag_thresholds") and json_type("site_settings"."flag_thresholds") = 'object')
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL,
	`name_km` text NOT NULL,
	`timezone` text DEFAULT 'Asia/Phnom_Penh' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_code_unique` ON `sites` (`code`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`pin_hash` text,
	`failed_sign_ins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`site_id` integer,
	`employer_id` integer,
	`apprentice_id` integer,
	`phone` text,
	`locale` text,
	`active` integer DEFAULT true NOT NULL,
	`deactivated_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`apprentice_id`) REFERENCES `apprentices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role" CHECK("users"."role" in ('trainer', 'staff', 'admin', 'apprentice')),
	CONSTRAINT "users_locale" CHECK("users"."locale" is null or "users"."locale" in ('km', 'en')),
	CONSTRAINT "users_role_links" CHECK(("users"."role" <> 'trainer' or ("users"."employer_id" is not null and "users"."site_id" is not null))
        and ("users"."role" <> 'apprentice' or ("users"."apprentice_id" is not null and "users"."site_id" is not null))
        and ("users"."role" <> 'staff' or "users"."site_id" is not null)
        and ("users"."role" = 'trainer' or "users"."employer_id" is null)
        and ("users"."role" = 'apprentice' or "users"."apprentice_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_apprentice_id_unique` ON `users` (`apprentice_id`);--> statement-breakpoint
CREATE INDEX `users_employer` ON `users` (`employer_id`);--> statement-breakpoint
CREATE INDEX `users_site_role` ON `users` (`site_id`,`role`);--> statement-breakpoint
CREATE TABLE `weekly_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`week_of` text NOT NULL,
	`trainer_user_id` integer NOT NULL,
	`no_change` integer DEFAULT false NOT NULL,
	`note` text,
	`supersedes_id` integer,
	`correction_reason` text,
	`submission_key` text,
	`submitted_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `weekly_reviews`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "weekly_reviews_week_of" CHECK("weekly_reviews"."week_of" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "weekly_reviews_correction" CHECK(("weekly_reviews"."supersedes_id" is null) = ("weekly_reviews"."correction_reason" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `weekly_reviews_submission_key_unique` ON `weekly_reviews` (`submission_key`);--> statement-breakpoint
CREATE INDEX `weekly_reviews_placement_week` ON `weekly_reviews` (`placement_id`,`week_of`);--> statement-breakpoint
CREATE INDEX `weekly_reviews_trainer` ON `weekly_reviews` (`trainer_user_id`,`submitted_at`);