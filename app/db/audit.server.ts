import type { AppLoadContext } from "@remix-run/node";

import { db, prepared, type DB } from "./client.server";
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

const insertAudit = prepared((database) =>
  database.$client.prepare<[number | null, string, string, string | null, string | null, string | null]>(
    "insert into audit_events (actor_user_id, action, entity, entity_id, detail, request_id) values (?, ?, ?, ?, ?, ?)",
  ),
);

/**
 * `audit` for a hot write path, as a statement prepared once on the process's connection (inside
 * a transaction of that connection, it is part of the transaction): the same row, `detail` as the
 * JSON text the column holds, without building the insert each time (docs/decisions/0043).
 */
export function recordAudit(entry: AuditEntry, context?: Pick<AppLoadContext, "requestId"> | null) {
  insertAudit().run(
    entry.actorUserId,
    entry.action,
    entry.entity,
    entry.entityId == null ? null : String(entry.entityId),
    entry.detail == null ? null : JSON.stringify(entry.detail),
    context?.requestId ?? null,
  );
}
