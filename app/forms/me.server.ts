/**
 * The apprentice's forms (and the staff's PIN and plan-comment forms). Server-only: zod stays
 * out of the browser bundle. Messages are catalogue keys, shown beside the field they concern.
 */
import { z } from "zod";

import { ABSENCE_REASONS, ADVANCE_NOTICE_KINDS } from "~/domain/enums";
import { FEEDBACK_COMMENT_MAX, noticeDateProblem, PLAN_COMMENT_MAX, PLAN_TEXT_MAX } from "~/domain/me-progress";
import { formFields } from "~/forms/form-data.server";
import { msg, requiredText } from "~/utils/validation";

import { flat, id, integer } from "./fields.server";
import { isGuessablePin } from "~/domain/pin";


const fields = formFields;

// ---------------------------------------------------------------------------------------------
// Advance notice

export function parseNotice(form: FormData, rules: { today: string; workingWeekdays: readonly number[]; holidays: ReadonlySet<string> }) {
  return flat(
    z
      .object({
        kind: z.enum(ADVANCE_NOTICE_KINDS, { error: "notice2.errors.kind" }),
        reason: z.enum(ABSENCE_REASONS, { error: "notice2.errors.reason" }),
        date: z.string({ error: "notice2.errors.date" }).superRefine((date, ctx) => {
          const problem = noticeDateProblem(date, rules);
          if (problem) ctx.addIssue({ code: "custom", message: `notice2.errors.${problem}` });
        }),
      })
      .safeParse(fields(form)),
  );
}

export function parseWithdraw(form: FormData) {
  return flat(z.object({ noticeId: id() }).safeParse(fields(form)));
}

// ---------------------------------------------------------------------------------------------
// Confidential feedback

// A missing answer is "" or absent: both mean "choose a face".
const rating = integer({ min: 1, max: 5, error: "feedback.errors.rating", required: "feedback.errors.rating" });

export function parseFeedback(form: FormData) {
  const raw = fields(form);
  return flat(
    z
      .object({
        explainsRating: rating,
        learningRating: rating,
        fairnessRating: rating,
        safetyRating: rating,
        comment: z
          .string()
          .trim()
          .max(FEEDBACK_COMMENT_MAX, { error: "feedback.errors.commentTooLong" })
          .optional()
          .transform((v) => v || null),
      })
      .safeParse(raw),
  );
}

// ---------------------------------------------------------------------------------------------
// Career plan

export function parsePlan(form: FormData) {
  const text = z.string().trim().max(PLAN_TEXT_MAX, { error: "plan.errors.tooLong" }).optional().transform((v) => v ?? "");
  return flat(z.object({ goals: text, nextSteps: text }).safeParse(fields(form)));
}

export function parsePlanComment(form: FormData) {
  return flat(z.object({ body: requiredText(PLAN_COMMENT_MAX) }).safeParse(fields(form)));
}

// ---------------------------------------------------------------------------------------------
// PIN

const newPin = z
  .string({ error: "pin.errors.format" })
  .trim()
  .regex(/^\d{6}$/, { error: "pin.errors.format" })
  // Only a well-formed PIN is judged on guessability: one message at a time.
  .refine((pin) => !/^\d{6}$/.test(pin) || !isGuessablePin(pin), { error: "pin.errors.guessable" });

/** Staff set or reset an apprentice's PIN. */
export function parseStaffPin(form: FormData) {
  return flat(z.object({ pin: newPin }).safeParse(fields(form)));
}

/** The apprentice changes their own PIN: the current PIN (or password), then the new one twice. */
export function parseOwnPin(form: FormData) {
  return flat(
    z
      .object({
        current: z.string({ error: msg.required }).min(1, { error: msg.required }).max(256, { error: msg.tooLong }),
        pin: newPin,
        pinAgain: z.string({ error: msg.required }).trim(),
      })
      .refine((v) => v.pin === v.pinAgain, { path: ["pinAgain"], error: "pin.errors.mismatch" })
      .safeParse(fields(form)),
  );
}
