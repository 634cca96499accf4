CREATE INDEX `flags_site_raised` ON `flags` (`site_id`,`raised_at`);--> statement-breakpoint
CREATE INDEX `placements_status_ended` ON `placements` (`status`,`ended_on`);