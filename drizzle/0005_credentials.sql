CREATE TABLE `credential_revocations` (
	`credential_id` integer PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`revoked_by` integer NOT NULL,
	`revoked_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`credential_id`) REFERENCES `credentials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "credential_revocations_reason" CHECK("credential_revocations"."reason" in ('issued_in_error', 'details_wrong', 'holder_request', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE `credentials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`id_hash` text NOT NULL,
	`placement_id` integer NOT NULL,
	`jwt` text NOT NULL,
	`kid` text NOT NULL,
	`includes_legal_name` integer NOT NULL,
	`supersedes_id` integer,
	`issued_by` integer NOT NULL,
	`issued_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `credentials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "credentials_public_id" CHECK(length("credentials"."public_id") = 22)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credentials_public_id_unique` ON `credentials` (`public_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `credentials_id_hash_unique` ON `credentials` (`id_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `credentials_supersedes_id_unique` ON `credentials` (`supersedes_id`);--> statement-breakpoint
CREATE INDEX `credentials_placement` ON `credentials` (`placement_id`,`id`);