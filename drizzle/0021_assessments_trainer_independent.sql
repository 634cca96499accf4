-- The flag pass's bulk_signoff reads each trainer's recent `independent` sign-offs: this partial
-- index answers that from its own pages (no read of the assessments' rows, most of which are
-- other levels), docs/decisions/0040. Only CREATE INDEX: the append-only triggers stay as they are.
CREATE INDEX `assessments_trainer_independent` ON `assessments` (`trainer_user_id`,`created_at`,`observed_on`,`placement_id`,`competency_id`) WHERE "assessments"."level" = 'independent';