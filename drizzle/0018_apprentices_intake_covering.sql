DROP INDEX `apprentices_intake`;--> statement-breakpoint
CREATE INDEX `apprentices_intake` ON `apprentices` (`intake_id`,`site_id`,`phase`);