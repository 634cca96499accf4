// The staff apprentice record's loader and action (route.tsx re-exports them), in a .server
// module so that the browser build leaves out their imports (docs/decisions/0039, 0046).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";

import { actorOf, notFound, requireStaff } from "~/auth/guards.server";
import { addPlanComment, correctPlanComment, loadCareerPlan } from "~/db/career-plan.server";
import { apprenticeAccount, setPinByStaff } from "~/db/pin.server";
import { changePhase, consentHistory, exitApprentice, intakesForForm, phaseHistory, recordConsent, updateApprenticeProfile } from "~/db/record-keeping.server";
import {
  addFollowUpNote,
  addOutcomeCheckin,
  apprenticeExitedOn,
  apprenticeSince,
  correctFollowUpNote,
  correctOutcomeCheckin,
  getApprenticeForStaff,
  loadApprenticeRecord,
} from "~/db/staff-records.server";
import { ageOn } from "~/domain/dates";
import type { FieldErrorMap } from "~/domain/field-errors";
import { readForm } from "~/forms/form-data.server";
import { badRequest, replyOf, sentIntent } from "~/forms/parse.server";
import { parseApprenticeRecordIntent } from "~/forms/staff.server";
import { requestT } from "~/i18n/request.server";
import { siteToday } from "~/utils/today.server";
import { withSaved } from "~/utils/saved";

async function guard(request: Request, apprenticeId: string | undefined) {
  const user = await requireStaff(request);
  const apprentice = getApprenticeForStaff(actorOf(user), Number(apprenticeId));
  if (!apprentice) throw notFound();
  return { user, apprentice };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, apprentice } = await guard(request, params.apprenticeId);
  const t = await requestT(request);
  const today = siteToday();
  const record = loadApprenticeRecord(apprentice, user, context.requestId);
  return {
    title: `${apprentice.code} · ${t("staffRecord.title")}`,
    pinSaved: new URL(request.url).searchParams.get("pin") === "saved",
    today,
    apprentice: { ...apprentice, age: ageOn(apprentice.dateOfBirth, today), createdAt: undefined },
    ...record,
    notes: record.notes.map((n) => ({
      ...n,
      createdAt: n.createdAt.toISOString(),
      earlier: n.earlier.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    })),
    checkins: record.checkins.map((c) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      earlier: c.earlier.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    })),
    // The date fields' own bounds; the server checks the same.
    noteDateMin: apprenticeSince(apprentice),
    exitedOn: apprenticeExitedOn(apprentice.id),
    feedback: record.feedback.map((f) => ({ ...f, submittedAt: f.submittedAt.toISOString() })),
    openFlags: record.openFlags.map((f) => ({ id: f.id, rule: f.rule, severity: f.severity })),
    // The apprentice's own career plan (staff read and comment; trainers never see it).
    careerPlan: loadCareerPlan(apprentice.id),
    // Whether a PIN is set and any lock: never the hash.
    account: apprenticeAccount(apprentice.id),
    // Administration: phase and consent histories, the site's intakes for the profile form.
    phaseHistory: phaseHistory(apprentice.id),
    consentHistory: consentHistory(apprentice.id).map((c) => ({ ...c, recordedAt: c.recordedAt.toISOString() })),
    intakes: intakesForForm(actorOf(user)).filter((i) => i.siteId === apprentice.siteId),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, apprentice } = await guard(request, params.apprenticeId);
  const form = await readForm(request);
  const today = siteToday();
  const parsed = parseApprenticeRecordIntent(form, { today, apprenticeSince: apprenticeSince(apprentice), exitedOn: apprenticeExitedOn(apprentice.id) });
  // Which row's form the errors belong to: several correction forms share the page.
  const target = String(form.get("supersedesId") ?? form.get("checkinId") ?? "");
  if (!parsed.ok) return badRequest(parsed, { intent: sentIntent(parsed), target });
  const input = parsed.value;
  const fail = (errors: FieldErrorMap) => badRequest(replyOf(form, errors), { intent: input.intent as string | null, target });
  const back = `/staff/apprentices/${apprentice.id}`;
  const requestId = context.requestId;
  switch (input.intent) {
    case "note": {
      const result = addFollowUpNote({
        apprenticeId: apprentice.id,
        placementId: input.placementId ?? null,
        kind: input.kind,
        occurredOn: input.occurredOn,
        body: input.body,
        authorUserId: user.id,
        requestId,
      });
      return result.ok ? redirect(withSaved(`${back}#notes`, "note")) : fail(result.errors);
    }
    case "correctNote":
    case "correctComment": {
      const { intent, ...correction } = input;
      const write = intent === "correctNote" ? correctFollowUpNote : correctPlanComment;
      const result = write({ apprenticeId: apprentice.id, ...correction, authorUserId: user.id, requestId });
      if (result === "not_found") throw notFound();
      return result.ok
        ? redirect(withSaved(`${back}#${intent === "correctNote" ? "notes" : "career-plan"}`, result.value === "unchanged" ? "unchanged" : "corrected"))
        : fail(result.errors);
    }
    case "checkin": {
      const { intent: _i, monthlySalary, ...checkin } = input;
      const result = addOutcomeCheckin({ apprenticeId: apprentice.id, ...checkin, monthlySalaryCents: monthlySalary, recordedBy: user.id, requestId });
      return result === "exists" ? fail({ months: ["staffRecord.errors.checkinExists"] }) : redirect(withSaved(`${back}#checkins`, "checkin"));
    }
    case "correctCheckin": {
      const { intent: _i, monthlySalary, ...checkin } = input;
      const result = correctOutcomeCheckin({ apprenticeId: apprentice.id, ...checkin, monthlySalaryCents: monthlySalary, recordedBy: user.id, requestId });
      if (result === "not_found") throw notFound();
      return result.ok ? redirect(withSaved(`${back}#checkins`, result.value === "unchanged" ? "unchanged" : "corrected")) : fail(result.errors);
    }
    case "comment":
      addPlanComment({ apprenticeId: apprentice.id, authorUserId: user.id, body: input.body, requestId });
      return redirect(withSaved(`${back}#career-plan`, "comment"));
    case "pin": {
      const result = await setPinByStaff({ apprenticeId: apprentice.id, pin: input.pin, staffUserId: user.id, requestId });
      return result === "no_account" ? fail({ pin: ["pin.staff.noAccount"] }) : redirect(`${back}?pin=saved#pin`);
    }
    case "profile": {
      const { intent: _i, ...profile } = input;
      const result = updateApprenticeProfile(apprentice, { ...profile, updatedBy: user.id, requestId });
      return result.ok ? redirect(withSaved(`${back}#profile-edit`, "profile")) : fail(result.errors);
    }
    case "phase": {
      const { intent: _i, ...phase } = input;
      const result = changePhase(apprentice, { ...phase, recordedBy: user.id, requestId });
      return result.ok ? redirect(withSaved(`${back}#phase`, result.value === "unchanged" ? "unchanged" : "phase")) : fail(result.errors);
    }
    case "consent": {
      const { intent: _i, ...consent } = input;
      const result = recordConsent(apprentice.id, { ...consent, recordedBy: user.id, requestId });
      return redirect(withSaved(`${back}#consent`, result === "unchanged" ? "unchanged" : "consent"));
    }
    case "exit": {
      const { intent: _i, ...exit } = input;
      const result = exitApprentice(apprentice, { ...exit, recordedBy: user.id, requestId });
      return result.ok ? redirect(withSaved(`${back}#phase`, result.value === "unchanged" ? "unchanged" : "exit")) : fail(result.errors);
    }
  }
}
