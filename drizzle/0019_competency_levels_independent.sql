-- Hand-written (numbered 0019 to follow 0016-0018, merged from another branch; its snapshot was
-- generated after the merge): the flag pass
-- reads, per placement, which competencies are `independent` now (behind_plan, overdue). This
-- partial index answers that from its own pages, without reading the table's rows
-- (docs/decisions/0035).
CREATE INDEX `competency_levels_independent` ON `competency_levels` (`placement_id`,`competency_id`) WHERE "competency_levels"."level" = 'independent';
