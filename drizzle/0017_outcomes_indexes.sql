DROP INDEX `phase_changes_apprentice`;--> statement-breakpoint
CREATE INDEX `phase_changes_apprentice` ON `phase_changes` (`apprentice_id`,`changed_on`,`phase`);--> statement-breakpoint
CREATE INDEX `outcome_checkins_apprentice` ON `outcome_checkins` (`apprentice_id`);