/** The language and digits a signed-in user chose, kept on their account. */
import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";

import type { Locale, Numerals } from "~/domain/enums";

import { audit } from "./audit.server";
import { db } from "./client.server";
import { users } from "./schema";

export function saveUserLocale(userId: number, locale: Locale): void {
  db().update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/** The digits of a user's Khmer pages (docs/decisions/0028), audited. */
export function saveUserNumerals(userId: number, numerals: Numerals, context?: Pick<AppLoadContext, "requestId"> | null): void {
  db().transaction((tx) => {
    tx.update(users).set({ numerals }).where(eq(users.id, userId)).run();
    audit({ actorUserId: userId, action: "numerals_changed", entity: "user", entityId: userId, detail: { numerals } }, context, tx);
  });
}
