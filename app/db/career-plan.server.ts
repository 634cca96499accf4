/**
 * The apprentice's career plan (DESIGN.md §1, §3): written and kept by the apprentice, read and
 * commented on by staff of their site. Trainers never see it: no trainer page reads this module.
 */
import { and, asc, desc, eq, gte } from "drizzle-orm";

import { audit } from "./audit.server";
import { db } from "./client.server";
import { careerPlanComments, careerPlans, users } from "./schema";

const withRequest = (requestId?: string) => (requestId ? { requestId } : null);

export function loadCareerPlan(apprenticeId: number) {
  const plan = db().select().from(careerPlans).where(eq(careerPlans.apprenticeId, apprenticeId)).get() ?? null;
  const comments = db()
    .select({ id: careerPlanComments.id, body: careerPlanComments.body, author: users.displayName, createdAt: careerPlanComments.createdAt })
    .from(careerPlanComments)
    .innerJoin(users, eq(users.id, careerPlanComments.authorUserId))
    .where(eq(careerPlanComments.apprenticeId, apprenticeId))
    .orderBy(desc(careerPlanComments.createdAt), desc(careerPlanComments.id))
    .all();
  return {
    plan: plan ? { goals: plan.goals, nextSteps: plan.nextSteps, updatedAt: plan.updatedAt.toISOString() } : null,
    comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
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
    audit({ actorUserId: input.authorUserId, action: "career_plan_comment_added", entity: "apprentice", entityId: input.apprenticeId, detail: { commentId: row.id } }, withRequest(input.requestId), tx);
    return "saved";
  });
}
