/**
 * The apprentice's forms (and the staff's PIN and plan-comment forms). Server-only: zod stays
 * out of the browser bundle. Messages are catalogue keys, shown beside the field they concern.
 */
import { z } from "zod";

import { ABSENCE_REASONS, ADVANCE_NOTICE_KINDS } from "~/domain/enums";
import { noticeDateProblem } from "~/domain/me-progress";
import { FEEDBACK_COMMENT_MAX, PLAN_COMMENT_MAX, PLAN_TEXT_MAX } from "~/domain/writing-limits";

import { choice, id, integer, intent, intents, msg, optionalText, pin, requiredText, secret, text } from "./fields.server";
import { parseForm, type FormInput } from "./parse.server";

// ---------------------------------------------------------------------------------------------
// Advance notices: give one, or withdraw one

/** Without an intent the form is "give", the page's main form (its button sends `give`). */
export function parseNoticeIntent(form: FormInput, rules: { today: string; workingWeekdays: readonly number[]; holidays: ReadonlySet<string> }) {
  return parseForm(
    form,
    z.preprocess(
      (v) => (typeof v === "object" && v !== null && (v as { intent?: unknown }).intent === undefined ? { ...v, intent: "give" } : v),
      intents(
        intent("give", {
          kind: choice(ADVANCE_NOTICE_KINDS, "notice2.errors.kind"),
          reason: choice(ABSENCE_REASONS, "notice2.errors.reason"),
          date: z.string({ error: "notice2.errors.date" }).superRefine((date, ctx) => {
            const problem = noticeDateProblem(date, rules);
            if (problem) ctx.addIssue({ code: "custom", message: `notice2.errors.${problem}` });
          }),
        }),
        intent("withdraw", { noticeId: id() }),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Confidential feedback

// A missing answer is "" or absent: both mean "choose a face".
const rating = integer({ min: 1, max: 5, error: "feedback.errors.rating", required: "feedback.errors.rating" });

const FeedbackSchema = z.object({
  explainsRating: rating,
  learningRating: rating,
  fairnessRating: rating,
  safetyRating: rating,
  comment: optionalText(FEEDBACK_COMMENT_MAX, "feedback.errors.commentTooLong"),
});

export function parseFeedback(form: FormInput) {
  return parseForm(form, FeedbackSchema);
}

// ---------------------------------------------------------------------------------------------
// Career plan

const PlanSchema = z.object({ goals: text(PLAN_TEXT_MAX, "plan.errors.tooLong"), nextSteps: text(PLAN_TEXT_MAX, "plan.errors.tooLong") });

export function parsePlan(form: FormInput) {
  return parseForm(form, PlanSchema);
}

/** A staff comment on the plan (a field of the staff apprentice record). */
export const planCommentFields = { body: requiredText(PLAN_COMMENT_MAX) };

// ---------------------------------------------------------------------------------------------
// PIN

/** Staff set or reset an apprentice's PIN (a field of the staff apprentice record). */
export const staffPinFields = { pin: pin() };

/** The apprentice changes their own PIN: the current PIN (or password), then the new one twice. */
const OwnPinSchema = z
  .object({
    current: secret(),
    pin: pin(),
    pinAgain: z.string({ error: msg.required }).trim(),
  })
  .refine((v) => v.pin === v.pinAgain, { path: ["pinAgain"], error: "pin.errors.mismatch" });

export function parseOwnPin(form: FormInput) {
  return parseForm(form, OwnPinSchema);
}
