/**
 * The apprentice's career plan (docs/product.md §1, §3): written and kept by the apprentice, read and
 * commented on by staff of their site. Trainers never see it: no trainer page reads this module.
 *
 * The plan is the apprentice's own document and stays editable in place; staff comments are
 * append-only case records, corrected by a new comment (docs/decisions/0023).
 */
import { and, asc, desc, eq, gte } from "drizzle-orm";

import { audit } from "./audit.server";
import { db } from "./client.server";
import { careerPlanComments, careerPlans, users } from "./schema";
import { withEarlierVersions } from "./staff-records.server";

const withRequest = (requestId?: string) => (requestId ? { requestId } : null);

export function loadCareerPlan(apprenticeId: number) {
  const plan = db().select().from(careerPlans).where(eq(careerPlans.apprenticeId, apprenticeId)).get() ?? null;
  const rows = db()
    .select({
      id: careerPlanComments.id,
      body: careerPlanComments.body,
      author: users.displayName,
      supersedesId: careerPlanComments.supersedesId,
      correctionReason: careerPlanComments.correctionReason,
      createdAt: careerPlanComments.createdAt,
    })
    .from(careerPlanComments)
    .innerJoin(users, eq(users.id, careerPlanComments.authorUserId))
    .where(eq(careerPlanComments.apprenticeId, apprenticeId))
    .orderBy(desc(careerPlanComments.createdAt), desc(careerPlanComments.id))
    .all()
    .map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
  return {
    plan: plan ? { goals: plan.goals, nextSteps: plan.nextSteps, updatedAt: plan.updatedAt.toISOString() } : null,
    // The apprentice and staff read the latest version of each comment; staff also its history.
    comments: withEarlierVersions(rows),
  };
}

/** The apprentice's own write: the plan is theirs, so it is kept as one row they edit. */
export function saveCareerPlan(input: { apprenticeId: number; goals: string; nextSteps: string; userId: number; requestId?: string }): "saved" | "unchanged" {
  return db().transaction((tx) => {
    const held = tx.select().from(careerPlans).where(eq(careerPlans.apprenticeId, input.apprenticeId)).get();
    if (held && held.goals === input.goals && held.nextSteps === input.nextSteps) return "unchanged";
    const values = { goals: input.goals, nextSteps: input.nextSteps, updatedAt: new Date() };
    tx.insert(careerPlans)
      .values({ apprenticeId: input.apprenticeId, ...values })
      .onConflictDoUpdate({ target: careerPlans.apprenticeId, set: values })
      .run();
    // Ids only: the plan's words are the apprentice's and stay out of the audit log.
    audit({ actorUserId: input.userId, action: "career_plan_saved", entity: "apprentice", entityId: input.apprenticeId }, withRequest(input.requestId), tx);
    return "saved";
  });
}

/** A double submit of the same comment by the same person within this time writes once. */
const SAME_COMMENT_MS = 10 * 60_000;

export function addPlanComment(input: { apprenticeId: number; authorUserId: number; body: string; requestId?: string; now?: Date }): "saved" | "duplicate" {
  const now = input.now ?? new Date();
  return db().transaction((tx) => {
    const same = tx
      .select({ id: careerPlanComments.id })
      .from(careerPlanComments)
      .where(
        and(
          eq(careerPlanComments.apprenticeId, input.apprenticeId),
          eq(careerPlanComments.authorUserId, input.authorUserId),
          eq(careerPlanComments.body, input.body),
          gte(careerPlanComments.createdAt, new Date(now.getTime() - SAME_COMMENT_MS)),
        ),
      )
      .orderBy(asc(careerPlanComments.id))
      .get();
    if (same) return "duplicate";
    const row = tx
      .insert(careerPlanComments)
      .values({ apprenticeId: input.apprenticeId, authorUserId: input.authorUserId, body: input.body, createdAt: now })
      .returning({ id: careerPlanComments.id })
      .get();
    audit(
      {
        actorUserId: input.authorUserId,
        action: "career_plan_comment_added",
        entity: "apprentice",
        entityId: input.apprenticeId,
        detail: { commentId: row.id },
      },
      withRequest(input.requestId),
      tx,
    );
    return "saved";
  });
}

/**
 * Correct a staff comment: a new comment with the new text that points at the one it replaces,
 * with a reason. Only the latest version can be corrected; the same correction again writes nothing.
 */
export function correctPlanComment(input: {
  apprenticeId: number;
  supersedesId: number;
  body: string;
  correctionReason: string;
  authorUserId: number;
  requestId?: string;
}): { ok: true; value: "saved" | "unchanged" } | { ok: false; errors: Record<string, string[]> } | "not_found" {
  return db().transaction((tx) => {
    const original = tx
      .select()
      .from(careerPlanComments)
      .where(and(eq(careerPlanComments.id, input.supersedesId), eq(careerPlanComments.apprenticeId, input.apprenticeId)))
      .get();
    if (!original) return "not_found" as const;
    const next = tx.select().from(careerPlanComments).where(eq(careerPlanComments.supersedesId, original.id)).get();
    if (next) {
      if (next.body === input.body && next.correctionReason === input.correctionReason && next.authorUserId === input.authorUserId)
        return { ok: true as const, value: "unchanged" as const };
      return { ok: false as const, errors: { form: ["corrections.errors.alreadyCorrected"] } };
    }
    const row = tx
      .insert(careerPlanComments)
      .values({
        apprenticeId: original.apprenticeId,
        authorUserId: input.authorUserId,
        body: input.body,
        supersedesId: original.id,
        correctionReason: input.correctionReason,
      })
      .returning({ id: careerPlanComments.id })
      .get();
    audit(
      {
        actorUserId: input.authorUserId,
        action: "career_plan_comment_corrected",
        entity: "apprentice",
        entityId: input.apprenticeId,
        detail: { commentId: row.id, supersedes: original.id },
      },
      withRequest(input.requestId),
      tx,
    );
    return { ok: true as const, value: "saved" as const };
  });
}
