// The loader and action of this page (route.tsx re-exports them), in a .server module so that
// the browser build leaves out their imports (docs/decisions/0039, 0046).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, notFound, requireStaff } from "~/auth/guards.server";
import {
  changePrimaryTrainer,
  correctPlacement,
  endPlacement,
  publishedVersions,
  trainersOfEmployer,
  transferChoices,
  transferLinks,
  transferPlacement,
} from "~/db/record-keeping.server";
import { getPlacementForStaff, loadPlacementRecord, manualStatusBounds, placementSince, setManualStatus } from "~/db/staff-records.server";
import { addYears } from "~/domain/dates";
import { PLACEMENT_START_MAX_YEARS_AHEAD, PLACEMENT_START_MAX_YEARS_BACK } from "~/domain/plausible";
import type { FieldErrorMap } from "~/domain/field-errors";
import { readForm } from "~/forms/form-data.server";
import { badRequest, replyOf, sentIntent } from "~/forms/parse.server";
import { parsePlacementIntent } from "~/forms/records.server";
import { requestT } from "~/i18n/request.server";
import { siteToday } from "~/utils/today.server";
import { withSaved } from "~/utils/saved";

async function guard(request: Request, placementId: string | undefined) {
  const user = await requireStaff(request);
  const placement = getPlacementForStaff(actorOf(user), Number(placementId));
  if (!placement) throw notFound();
  return { user, placement };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { placement } = await guard(request, params.placementId);
  const t = await requestT(request);
  const today = siteToday();
  const record = loadPlacementRecord(placement, today);
  const { dateOfBirth: _dob, createdAt: _c, ...shown } = placement;
  const bounds = manualStatusBounds(placement, today);
  return {
    title: `${placement.apprenticeCode} · ${t("placement.title")}`,
    today,
    // The date field's own bounds for a new status; the server checks the same.
    statusDateMin: bounds.currentStatusDate ?? placementSince(placement),
    startMin: addYears(today, -PLACEMENT_START_MAX_YEARS_BACK),
    startMax: addYears(today, PLACEMENT_START_MAX_YEARS_AHEAD),
    placement: shown,
    ...record,
    history: record.history.slice(0, 200).map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    flags: record.flags.map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, status: f.status, raisedAt: f.raisedAt.toISOString() })),
    statuses: record.statuses.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
    corrections: record.corrections.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    currentStatus: record.currentStatus ? { ...record.currentStatus, createdAt: record.currentStatus.createdAt.toISOString() } : null,
    transfer: transferLinks(placement.id),
    // Choices for changing the trainer, transferring and ending.
    admin:
      placement.status === "active"
        ? { trainers: trainersOfEmployer(placement.employerId), transfer: transferChoices(placement.siteId), versions: publishedVersions() }
        : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, placement } = await guard(request, params.placementId);
  const form = await readForm(request);
  const today = siteToday();
  const parsed = parsePlacementIntent(form, manualStatusBounds(placement, today));
  // A form sent without an intent is the manual status form (its older pages and scripts send none).
  if (!parsed.ok) return badRequest(parsed, { intent: sentIntent(parsed) ?? "status" });
  const input = parsed.value;
  const fail = (errors: FieldErrorMap) => badRequest(replyOf(form, errors), { intent: input.intent as string });
  const back = `/staff/placements/${placement.id}`;
  const by = { actorUserId: user.id, requestId: context.requestId };
  switch (input.intent) {
    case "status": {
      const { intent: _i, ...status } = input;
      const result = setManualStatus({ placementId: placement.id, ...status, setBy: user.id, requestId: context.requestId });
      return result.ok ? redirect(withSaved(`${back}#status`, "status")) : fail(result.errors);
    }
    case "changeTrainer": {
      const result = changePrimaryTrainer(placement, { trainerUserId: input.trainerUserId, ...by });
      return result.ok ? redirect(withSaved(back, result.value === "unchanged" ? "unchanged" : "trainerChanged")) : fail(result.errors);
    }
    case "correct": {
      const { intent: _i, ...correction } = input;
      const result = correctPlacement(placement, { ...correction, ...by });
      return result.ok ? redirect(withSaved(`${back}#correct`, result.value === "unchanged" ? "unchanged" : "corrected")) : fail(result.errors);
    }
    case "transfer": {
      const { intent: _i, ...transfer } = input;
      const result = transferPlacement(actorOf(user), placement, { ...transfer, ...by });
      return result.ok ? redirect(withSaved(`/staff/placements/${result.value.id}`, "transferred")) : fail(result.errors);
    }
    case "complete":
    case "withdraw": {
      const { intent, startingSalary, ...end } = input;
      const result = endPlacement(placement, { ...end, startingSalaryCents: startingSalary, status: intent === "complete" ? "completed" : "withdrawn", ...by });
      return result.ok ? redirect(withSaved(back, result.value === "unchanged" ? "unchanged" : "ended")) : fail(result.errors);
    }
  }
}
