/**
 * What the sections of the staff apprentice record share: the loader's record, and the answer to
 * the last form sent (its intent, the row it was about, its errors).
 */
import type { useActionData, useLoaderData } from "@remix-run/react";

import type { FieldErrorMap } from "~/domain/field-errors";

import type { action, loader } from "~/routes/staff.apprentices.$apprenticeId/route.server";

export type RecordData = ReturnType<typeof useLoaderData<typeof loader>>;
export type RecordReply = ReturnType<typeof useActionData<typeof action>>;

/** Errors of one row's correction form, or null when that form was not the one sent. */
export function rowErrors(reply: RecordReply, intent: string, id: number): FieldErrorMap | null {
  return reply?.intent === intent && reply.target === String(id) ? reply.errors : null;
}
