-- Hand-written in place of drizzle-kit's table rebuild: one new nullable column with its CHECK,
-- added in place (SQLite checks it against the existing rows, all null). The snapshot matches.
ALTER TABLE `users` ADD `numerals` text CONSTRAINT "users_numerals" CHECK("numerals" is null or "numerals" in ('latin', 'khmer'));
