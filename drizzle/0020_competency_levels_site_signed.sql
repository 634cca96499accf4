-- The trainer report across sites reads each site's signed competencies in the period, a site at a
-- time (docs/decisions/0042): (site, day) answers that for one site; (day, site) read the period's
-- rows of every site for each site.
DROP INDEX `competency_levels_signed`;--> statement-breakpoint
CREATE INDEX `competency_levels_site_signed` ON `competency_levels` (`site_id`,`independent_on`) WHERE independent_on is not null;