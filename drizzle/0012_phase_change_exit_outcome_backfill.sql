-- The exit outcome was kept as the first line of the exit's note ("own_business\nOpened a stall").
-- It moves to its own column; the note keeps the reason (NULL when there was none). Only exits
-- whose first line is one of the outcome codes move: any other note stays as it was.
-- phase_changes is append-only: its UPDATE trigger steps aside for this one backfill and is
-- re-created exactly as drizzle/0001 made it.
DROP TRIGGER `phase_changes_no_update`;
--> statement-breakpoint
UPDATE `phase_changes`
SET `exit_outcome` = substr(`note`, 1, instr(`note`, char(10)) - 1),
    `note` = nullif(substr(`note`, instr(`note`, char(10)) + 1), '')
WHERE `phase` = 'exited'
  AND instr(`note`, char(10)) > 0
  AND substr(`note`, 1, instr(`note`, char(10)) - 1) IN ('retained_by_employer', 'employed_elsewhere', 'own_business', 'not_employed');
--> statement-breakpoint
CREATE TRIGGER `phase_changes_no_update` BEFORE UPDATE ON `phase_changes`
BEGIN
  SELECT RAISE(ABORT, 'phase_changes is append-only');
END;
--> statement-breakpoint
-- What a CHECK would say, as a trigger (a CHECK would make drizzle-kit rebuild the table and
-- drop its triggers): an outcome only on an exit, and only one of the outcome codes.
CREATE TRIGGER `phase_changes_exit_outcome` BEFORE INSERT ON `phase_changes`
WHEN NEW.`exit_outcome` IS NOT NULL
  AND (NEW.`phase` <> 'exited' OR NEW.`exit_outcome` NOT IN ('retained_by_employer', 'employed_elsewhere', 'own_business', 'not_employed'))
BEGIN
  SELECT RAISE(ABORT, 'exit_outcome must be an outcome code, on an exit');
END;
