-- Case records are append-only too (issue 9): follow-up notes, career-plan comments, advance
-- notices (and their withdrawals), outcome check-ins and placement corrections. A correction or
-- a withdrawal is a new row; nothing is updated in place or deleted.

-- Withdrawals recorded before this migration move to their own table (the column goes next).
INSERT INTO `advance_notice_withdrawals` (`notice_id`, `withdrawn_by`, `created_at`)
SELECT `id`, NULL, `withdrawn_at` FROM `advance_notices` WHERE `withdrawn_at` IS NOT NULL ORDER BY `withdrawn_at`, `id`;
--> statement-breakpoint
CREATE TRIGGER `follow_up_notes_no_update` BEFORE UPDATE ON `follow_up_notes`
BEGIN
  SELECT RAISE(ABORT, 'follow_up_notes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `follow_up_notes_no_delete` BEFORE DELETE ON `follow_up_notes`
BEGIN
  SELECT RAISE(ABORT, 'follow_up_notes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `career_plan_comments_no_update` BEFORE UPDATE ON `career_plan_comments`
BEGIN
  SELECT RAISE(ABORT, 'career_plan_comments is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `career_plan_comments_no_delete` BEFORE DELETE ON `career_plan_comments`
BEGIN
  SELECT RAISE(ABORT, 'career_plan_comments is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `advance_notices_no_update` BEFORE UPDATE ON `advance_notices`
BEGIN
  SELECT RAISE(ABORT, 'advance_notices is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `advance_notices_no_delete` BEFORE DELETE ON `advance_notices`
BEGIN
  SELECT RAISE(ABORT, 'advance_notices is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `advance_notice_withdrawals_no_update` BEFORE UPDATE ON `advance_notice_withdrawals`
BEGIN
  SELECT RAISE(ABORT, 'advance_notice_withdrawals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `advance_notice_withdrawals_no_delete` BEFORE DELETE ON `advance_notice_withdrawals`
BEGIN
  SELECT RAISE(ABORT, 'advance_notice_withdrawals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `outcome_checkins_no_update` BEFORE UPDATE ON `outcome_checkins`
BEGIN
  SELECT RAISE(ABORT, 'outcome_checkins is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `outcome_checkins_no_delete` BEFORE DELETE ON `outcome_checkins`
BEGIN
  SELECT RAISE(ABORT, 'outcome_checkins is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `placement_corrections_no_update` BEFORE UPDATE ON `placement_corrections`
BEGIN
  SELECT RAISE(ABORT, 'placement_corrections is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `placement_corrections_no_delete` BEFORE DELETE ON `placement_corrections`
BEGIN
  SELECT RAISE(ABORT, 'placement_corrections is append-only');
END;
--> statement-breakpoint
-- A correction names the row it replaces and why (both or neither), and stays with the same
-- apprentice (and, for a check-in, the same months). Triggers rather than CHECKs: a CHECK on an
-- existing table would need a table rebuild, which drops triggers.
CREATE TRIGGER `follow_up_notes_correction` BEFORE INSERT ON `follow_up_notes`
WHEN (NEW.supersedes_id IS NULL) <> (NEW.correction_reason IS NULL)
  OR length(trim(coalesce(NEW.correction_reason, 'x'))) = 0
  OR (NEW.supersedes_id IS NOT NULL AND (SELECT apprentice_id FROM follow_up_notes WHERE id = NEW.supersedes_id) IS NOT NEW.apprentice_id)
BEGIN
  SELECT RAISE(ABORT, 'a follow-up note correction must name the note it replaces and why');
END;
--> statement-breakpoint
CREATE TRIGGER `career_plan_comments_correction` BEFORE INSERT ON `career_plan_comments`
WHEN (NEW.supersedes_id IS NULL) <> (NEW.correction_reason IS NULL)
  OR length(trim(coalesce(NEW.correction_reason, 'x'))) = 0
  OR (NEW.supersedes_id IS NOT NULL AND (SELECT apprentice_id FROM career_plan_comments WHERE id = NEW.supersedes_id) IS NOT NEW.apprentice_id)
BEGIN
  SELECT RAISE(ABORT, 'a plan comment correction must name the comment it replaces and why');
END;
--> statement-breakpoint
CREATE TRIGGER `outcome_checkins_correction` BEFORE INSERT ON `outcome_checkins`
WHEN (NEW.supersedes_id IS NULL) <> (NEW.correction_reason IS NULL)
  OR length(trim(coalesce(NEW.correction_reason, 'x'))) = 0
  OR (NEW.supersedes_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM outcome_checkins WHERE id = NEW.supersedes_id AND apprentice_id = NEW.apprentice_id AND months = NEW.months))
BEGIN
  SELECT RAISE(ABORT, 'a check-in correction must name the check-in it replaces and why');
END;
--> statement-breakpoint
-- A placement's start date is corrected only while nothing was recorded week by week: after
-- that, the weeks of the record hang on it.
CREATE TRIGGER `placements_start_date_fixed` BEFORE UPDATE OF `start_date` ON `placements`
WHEN NEW.start_date <> OLD.start_date AND (
  EXISTS (SELECT 1 FROM weekly_reviews WHERE placement_id = OLD.id)
  OR EXISTS (SELECT 1 FROM assessments WHERE placement_id = OLD.id)
  OR EXISTS (SELECT 1 FROM attendance WHERE placement_id = OLD.id))
BEGIN
  SELECT RAISE(ABORT, 'the start date of a placement with weekly records cannot change');
END;
