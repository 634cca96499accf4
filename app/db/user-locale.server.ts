/** The language a signed-in user chose, kept on their account. */
import { eq } from "drizzle-orm";

import type { Locale } from "~/domain/enums";

import { db } from "./client.server";
import { users } from "./schema";

export function saveUserLocale(userId: number, locale: Locale): void {
  db().update(users).set({ locale }).where(eq(users.id, userId)).run();
}
