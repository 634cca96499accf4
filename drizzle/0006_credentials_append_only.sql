-- Signed records of achievement are facts: a re-issue is a new credential, a revocation a new
-- row of credential_revocations (docs/decisions/0021). Neither table is ever rewritten.
CREATE TRIGGER `credentials_no_update` BEFORE UPDATE ON `credentials`
BEGIN
  SELECT RAISE(ABORT, 'credentials is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `credentials_no_delete` BEFORE DELETE ON `credentials`
BEGIN
  SELECT RAISE(ABORT, 'credentials is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `credential_revocations_no_update` BEFORE UPDATE ON `credential_revocations`
BEGIN
  SELECT RAISE(ABORT, 'credential_revocations is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `credential_revocations_no_delete` BEFORE DELETE ON `credential_revocations`
BEGIN
  SELECT RAISE(ABORT, 'credential_revocations is append-only');
END;
