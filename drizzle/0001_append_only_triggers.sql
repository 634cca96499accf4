-- Append-only records: history is added to, never rewritten (DESIGN.md §3).
-- A correction is a new row that supersedes an old one.
CREATE TRIGGER `assessments_no_update` BEFORE UPDATE ON `assessments`
BEGIN
  SELECT RAISE(ABORT, 'assessments is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_no_delete` BEFORE DELETE ON `assessments`
BEGIN
  SELECT RAISE(ABORT, 'assessments is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_no_update` BEFORE UPDATE ON `attendance`
BEGIN
  SELECT RAISE(ABORT, 'attendance is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_no_delete` BEFORE DELETE ON `attendance`
BEGIN
  SELECT RAISE(ABORT, 'attendance is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `weekly_reviews_no_update` BEFORE UPDATE ON `weekly_reviews`
BEGIN
  SELECT RAISE(ABORT, 'weekly_reviews is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `weekly_reviews_no_delete` BEFORE DELETE ON `weekly_reviews`
BEGIN
  SELECT RAISE(ABORT, 'weekly_reviews is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `education_events_no_update` BEFORE UPDATE ON `education_events`
BEGIN
  SELECT RAISE(ABORT, 'education_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `education_events_no_delete` BEFORE DELETE ON `education_events`
BEGIN
  SELECT RAISE(ABORT, 'education_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `flag_events_no_update` BEFORE UPDATE ON `flag_events`
BEGIN
  SELECT RAISE(ABORT, 'flag_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `flag_events_no_delete` BEFORE DELETE ON `flag_events`
BEGIN
  SELECT RAISE(ABORT, 'flag_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consents_no_update` BEFORE UPDATE ON `consents`
BEGIN
  SELECT RAISE(ABORT, 'consents is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consents_no_delete` BEFORE DELETE ON `consents`
BEGIN
  SELECT RAISE(ABORT, 'consents is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `manual_statuses_no_update` BEFORE UPDATE ON `manual_statuses`
BEGIN
  SELECT RAISE(ABORT, 'manual_statuses is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `manual_statuses_no_delete` BEFORE DELETE ON `manual_statuses`
BEGIN
  SELECT RAISE(ABORT, 'manual_statuses is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `phase_changes_no_update` BEFORE UPDATE ON `phase_changes`
BEGIN
  SELECT RAISE(ABORT, 'phase_changes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `phase_changes_no_delete` BEFORE DELETE ON `phase_changes`
BEGIN
  SELECT RAISE(ABORT, 'phase_changes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `feedback_no_update` BEFORE UPDATE ON `feedback`
BEGIN
  SELECT RAISE(ABORT, 'feedback is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `feedback_no_delete` BEFORE DELETE ON `feedback`
BEGIN
  SELECT RAISE(ABORT, 'feedback is append-only');
END;
--> statement-breakpoint
-- A published or retired framework version is immutable: its units and competencies cannot change.
CREATE TRIGGER `framework_units_immutable_insert` BEFORE INSERT ON `framework_units`
WHEN (SELECT status FROM framework_versions WHERE id = NEW.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'framework version is not a draft');
END;
--> statement-breakpoint
CREATE TRIGGER `framework_units_immutable_update` BEFORE UPDATE ON `framework_units`
WHEN (SELECT status FROM framework_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'framework version is not a draft');
END;
--> statement-breakpoint
CREATE TRIGGER `framework_units_immutable_delete` BEFORE DELETE ON `framework_units`
WHEN (SELECT status FROM framework_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'framework version is not a draft');
END;
--> statement-breakpoint
CREATE TRIGGER `competencies_immutable_insert` BEFORE INSERT ON `competencies`
WHEN (SELECT status FROM framework_versions WHERE id = NEW.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'framework version is not a draft');
END;
--> statement-breakpoint
CREATE TRIGGER `competencies_immutable_update` BEFORE UPDATE ON `competencies`
WHEN (SELECT status FROM framework_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'framework version is not a draft');
END;
--> statement-breakpoint
CREATE TRIGGER `competencies_immutable_delete` BEFORE DELETE ON `competencies`
WHEN (SELECT status FROM framework_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'framework version is not a draft');
END;
--> statement-breakpoint
CREATE TRIGGER `framework_versions_no_unpublish` BEFORE UPDATE OF status ON `framework_versions`
WHEN OLD.status <> 'draft' AND NEW.status = 'draft' OR OLD.status = 'retired' AND NEW.status <> 'retired'
BEGIN
  SELECT RAISE(ABORT, 'a published framework version cannot go back');
END;
--> statement-breakpoint
CREATE TRIGGER `framework_versions_no_delete` BEFORE DELETE ON `framework_versions`
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'a published framework version cannot be deleted');
END;
