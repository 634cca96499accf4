import type { AppLoadContext } from "@remix-run/node";

import { db, type DB } from "./client.server";
import { auditEvents } from "./schema";

export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  /** Small, non-personal detail: outcome codes, ids, counts. */
  detail?: Record<string, unknown> | null;
}

/** Append an audit event. Pass the transaction when the write it records is in one. */
export function audit(entry: AuditEntry, context?: Pick<AppLoadContext, "requestId"> | null, tx: Pick<DB, "insert"> = db()) {
  tx.insert(auditEvents)
    .values({
      actorUserId: entry.actorUserId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      detail: entry.detail ?? null,
      requestId: context?.requestId ?? null,
    })
    .run();
}
