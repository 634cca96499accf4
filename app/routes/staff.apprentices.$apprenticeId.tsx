import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { actorOf, notFound, requireStaff } from "~/auth/guards.server";
import { CheckinFields } from "~/components/checkin-fields";
import { CorrectTextForm, EarlierVersions } from "~/components/corrections";
import { FieldErrors, SubmitButton } from "~/components/forms";
import { Field, FormErrors, SelectField } from "~/components/record-fields";
import { changePhase, consentHistory, exitApprentice, intakesForForm, phaseHistory, recordConsent, updateApprenticeProfile } from "~/db/admin-records.server";
import { addPlanComment, correctPlanComment, loadCareerPlan } from "~/db/career-plan.server";
import { apprenticeAccount, setPinByStaff } from "~/db/pin.server";
import { addFollowUpNote, addOutcomeCheckin, apprenticeExitedOn, apprenticeSince, correctFollowUpNote, correctOutcomeCheckin, getApprenticeForStaff, loadApprenticeRecord } from "~/db/staff-records.server";
import { ageOn } from "~/domain/dates";
import { CONSENT_ITEMS, FOLLOW_UP_KINDS, GENDERS, OUTCOME_CHECKIN_MONTHS, PHASES, PLACEMENT_OUTCOMES } from "~/domain/enums";
import { PLAN_COMMENT_MAX } from "~/domain/me-progress";
import { readForm } from "~/forms/form-data.server";
import { parsePlanComment, parseStaffPin } from "~/forms/me.server";
import { parseConsent, parseExit, parsePhaseChange, parseProfile } from "~/forms/records.server";
import { parseCheckinCorrection, parseFollowUpNote, parseOutcomeCheckin, parseTextCorrection } from "~/forms/staff.server";
import { formatDate, formatDateTime, formatUsd } from "~/i18n/format";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { siteToday } from "~/utils/today.server";
import { withSaved } from "~/utils/saved";
import { FreeText } from "~/components/free-text";
import { IntakeName, useIntakeName } from "~/components/codes";

export const meta = pageMeta;

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
    notes: record.notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), earlier: n.earlier.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) })),
    checkins: record.checkins.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), earlier: c.earlier.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) })),
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
  const intent = form.get("intent");
  const today = siteToday();
  if (intent === "note") {
    const parsed = parseFollowUpNote(form, { today, apprenticeSince: apprenticeSince(apprentice) });
    if (!parsed.ok) return data({ intent, errors: parsed.errors }, { status: 400 });
    const result = addFollowUpNote({ apprenticeId: apprentice.id, placementId: parsed.data.placementId ?? null, kind: parsed.data.kind, occurredOn: parsed.data.occurredOn, body: parsed.data.body, authorUserId: user.id, requestId: context.requestId });
    if (!result.ok) return data({ intent, errors: result.errors as Record<string, string[] | undefined> }, { status: 400 });
    return redirect(withSaved(`/staff/apprentices/${apprentice.id}#notes`, "note"));
  }
  if (intent === "correctNote" || intent === "correctComment") {
    // Which row's form the errors belong to: several correction forms share the page.
    const target = String(form.get("supersedesId") ?? "");
    const parsed = parseTextCorrection(form, intent === "correctNote" ? 2000 : PLAN_COMMENT_MAX);
    if (!parsed.ok) return data({ intent, target, errors: parsed.errors }, { status: 400 });
    const input = { apprenticeId: apprentice.id, ...parsed.data, authorUserId: user.id, requestId: context.requestId };
    const result = intent === "correctNote" ? correctFollowUpNote(input) : correctPlanComment(input);
    if (result === "not_found") throw notFound();
    if (!result.ok) return data({ intent, target, errors: result.errors as Record<string, string[] | undefined> }, { status: 400 });
    return redirect(withSaved(`/staff/apprentices/${apprentice.id}#${intent === "correctNote" ? "notes" : "career-plan"}`, result.value === "unchanged" ? "unchanged" : "corrected"));
  }
  if (intent === "checkin" || intent === "correctCheckin") {
    // Check-ins follow the apprentice's exit from training (docs/product.md §3).
    const exitedOn = apprenticeExitedOn(apprentice.id);
    if (exitedOn === null) return data({ intent, errors: { form: ["plausible.errors.notExited"] } as Record<string, string[] | undefined> }, { status: 400 });
    if (intent === "correctCheckin") {
      const target = String(form.get("checkinId") ?? "");
      const parsed = parseCheckinCorrection(form, { today, exitedOn });
      if (!parsed.ok) return data({ intent, target, errors: parsed.errors }, { status: 400 });
      const { monthlySalary, ...rest } = parsed.data;
      const result = correctOutcomeCheckin({ apprenticeId: apprentice.id, ...rest, monthlySalaryCents: monthlySalary, recordedBy: user.id, requestId: context.requestId });
      if (result === "not_found") throw notFound();
      if (!result.ok) return data({ intent, target, errors: result.errors as Record<string, string[] | undefined> }, { status: 400 });
      return redirect(withSaved(`/staff/apprentices/${apprentice.id}#checkins`, result.value === "unchanged" ? "unchanged" : "corrected"));
    }
    const parsed = parseOutcomeCheckin(form, { today, exitedOn });
    if (!parsed.ok) return data({ intent, errors: parsed.errors }, { status: 400 });
    const { monthlySalary, ...rest } = parsed.data;
    const result = addOutcomeCheckin({ apprenticeId: apprentice.id, ...rest, monthlySalaryCents: monthlySalary, recordedBy: user.id, requestId: context.requestId });
    if (result === "exists") return data({ intent, errors: { months: ["staffRecord.errors.checkinExists"] } as Record<string, string[] | undefined> }, { status: 400 });
    return redirect(withSaved(`/staff/apprentices/${apprentice.id}#checkins`, "checkin"));
  }
  if (intent === "comment") {
    const parsed = parsePlanComment(form);
    if (!parsed.ok) return data({ intent, errors: parsed.errors }, { status: 400 });
    addPlanComment({ apprenticeId: apprentice.id, authorUserId: user.id, body: parsed.data.body, requestId: context.requestId });
    return redirect(withSaved(`/staff/apprentices/${apprentice.id}#career-plan`, "comment"));
  }
  if (intent === "pin") {
    const parsed = parseStaffPin(form);
    if (!parsed.ok) return data({ intent, errors: parsed.errors }, { status: 400 });
    const result = await setPinByStaff({ apprenticeId: apprentice.id, pin: parsed.data.pin, staffUserId: user.id, requestId: context.requestId });
    if (result === "no_account") return data({ intent, errors: { pin: ["pin.staff.noAccount"] } as Record<string, string[] | undefined> }, { status: 400 });
    return redirect(`/staff/apprentices/${apprentice.id}?pin=saved#pin`);
  }
  const back = `/staff/apprentices/${apprentice.id}`;
  const fail = (errors: Record<string, string[] | undefined>) => data({ intent, errors }, { status: 400 });
  if (intent === "profile") {
    const parsed = parseProfile(form, today);
    if (!parsed.ok) return fail(parsed.errors);
    const result = updateApprenticeProfile(apprentice, { ...parsed.data, updatedBy: user.id, requestId: context.requestId });
    return result.ok ? redirect(withSaved(`${back}#profile-edit`, "profile")) : fail(result.errors);
  }
  if (intent === "phase") {
    const parsed = parsePhaseChange(form, today);
    if (!parsed.ok) return fail(parsed.errors);
    const result = changePhase(apprentice, { ...parsed.data, recordedBy: user.id, requestId: context.requestId });
    return result.ok ? redirect(withSaved(`${back}#phase`, result.value === "unchanged" ? "unchanged" : "phase")) : fail(result.errors);
  }
  if (intent === "consent") {
    const parsed = parseConsent(form);
    if (!parsed.ok) return fail(parsed.errors);
    const result = recordConsent(apprentice.id, { ...parsed.data, recordedBy: user.id, requestId: context.requestId });
    return redirect(withSaved(`${back}#consent`, result === "unchanged" ? "unchanged" : "consent"));
  }
  if (intent === "exit") {
    const parsed = parseExit(form, today);
    if (!parsed.ok) return fail(parsed.errors);
    const result = exitApprentice(apprentice, { ...parsed.data, recordedBy: user.id, requestId: context.requestId });
    return result.ok ? redirect(withSaved(`${back}#phase`, result.value === "unchanged" ? "unchanged" : "exit")) : fail(result.errors);
  }
  return data({ intent: null, errors: { form: ["errors.invalid"] } as Record<string, string[] | undefined> }, { status: 400 });
}

export default function ApprenticeRecord() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "km" ? "km" : "en";
  const intakeName = useIntakeName();
  const a = d.apprentice;
  const noteErrors = actionData?.intent === "note" ? actionData.errors : {};
  const checkinErrors = actionData?.intent === "checkin" ? actionData.errors : {};
  const commentErrors = actionData?.intent === "comment" ? actionData.errors : {};
  const pinErrors = actionData?.intent === "pin" ? actionData.errors : {};
  const pinSaved = !actionData && d.pinSaved;
  const errorsOf = (name: string): Record<string, string[] | undefined> => (actionData?.intent === name ? actionData.errors : {});
  const profileErrors = errorsOf("profile");
  const phaseErrors = errorsOf("phase");
  const consentErrors = errorsOf("consent");
  const exitErrors = errorsOf("exit");
  /** Errors of one row's correction form, or null when that form was not the one sent. */
  const correctionErrors = (intent: string, id: number): Record<string, string[] | undefined> | null =>
    actionData?.intent === intent && "target" in actionData && actionData.target === String(id) ? actionData.errors : null;
  const input = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-2";
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">
          <FreeText text={a.preferredName} /> <span className="font-mono text-lg text-stone-600">{a.code}</span>
        </h1>
        <p className="text-sm text-amber-900">{t("staffRecord.confidential")}</p>
      </div>
      <section aria-labelledby="profile" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="profile" className="text-lg font-semibold">{t("staffRecord.profile")}</h2>
        <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-600">{t("staffRecord.legalName")}</dt>
          <dd><FreeText text={a.legalName} /></dd>
          <dt className="text-stone-600">{t("staffRecord.dateOfBirth")}</dt>
          <dd>
            {formatDate(locale, a.dateOfBirth)} ({t("staffRecord.age", { age: a.age })})
          </dd>
          <dt className="text-stone-600">{t("staffRecord.gender")}</dt>
          <dd>{t(`gender.${a.gender}`)}</dd>
          <dt className="text-stone-600">{t("staffRecord.phase")}</dt>
          <dd>{t(`phases.${a.phase}`)}</dd>
          <dt className="text-stone-600">{t("staffRecord.intake")}</dt>
          <dd><IntakeName name={a.intakeName} /></dd>
          <dt className="text-stone-600">{t("staffRecord.referral")}</dt>
          <dd>{a.referralSource ? <FreeText text={a.referralSource} /> : "—"}</dd>
          <dt className="text-stone-600">{t("staffRecord.background")}</dt>
          <dd>{a.background ? <FreeText text={a.background} /> : "—"}</dd>
        </dl>
        <h3 className="mt-3 font-semibold">{t("staffRecord.consents")}</h3>
        <ul className="text-sm">
          {CONSENT_ITEMS.map((item) => (
            <li key={item}>
              {t(`consent.${item}`)}: {d.consents[item] ? t("staffRecord.granted") : t("staffRecord.notGranted")}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="placements" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="placements" className="text-lg font-semibold">{t("staffRecord.placements")}</h2>
        {a.phase !== "exited" && !d.placements.some((pl) => pl.status === "active") ? (
          <Link to={`/staff/placements/new?apprentice=${a.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("records.placements.newLink")}
          </Link>
        ) : null}
        <ul className="mt-2 space-y-1 text-sm">
          {d.placements.map((p) => (
            <li key={p.id}>
              <Link to={`/staff/placements/${p.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                <FreeText text={p.employerName} /> · {locale === "km" ? p.tradeKm : p.tradeEn}
              </Link>{" "}
              · {formatDate(locale, p.startDate)} · {t(`placementStatus.${p.status}`)}
              {p.outcome ? ` · ${t(`outcome.${p.outcome}`)}` : ""}
              {p.startingSalaryCents !== null ? ` · ${formatUsd(locale, p.startingSalaryCents)}` : ""}
              {p.status === "completed" ? (
                <>
                  {" · "}
                  <Link to={`/staff/placements/${p.id}/achievement`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                    {t("achievement.title")}
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {d.openFlags.length > 0 ? (
          <p className="mt-2 text-sm">
            {t("staffRecord.openFlags")}:{" "}
            {d.openFlags.map((f, i) => (
              <span key={f.id}>
                {i > 0 ? ", " : ""}
                <Link to={`/staff/flags/${f.id}`} className="text-brand-700 underline">
                  {t(`flagRule.${f.rule}`)}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </section>


      <section id="consent" aria-labelledby="consent-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="consent-title" className="text-lg font-semibold">{t("records.consent.title")}</h2>
        <p className="text-sm text-stone-600">{t("records.consent.help")}</p>
        <FormErrors errors={consentErrors} />
        <ul className="mt-2 space-y-2" data-testid="consent-controls">
          {CONSENT_ITEMS.map((item) => (
            <li key={item} className="flex flex-wrap items-center gap-3">
              <span className="min-w-48">
                {t(`consent.${item}`)}: <strong>{d.consents[item] ? t("staffRecord.granted") : t("staffRecord.notGranted")}</strong>
              </span>
              <Form method="post">
                <input type="hidden" name="item" value={item} />
                <input type="hidden" name="granted" value={d.consents[item] ? "no" : "yes"} />
                <SubmitButton intent="consent" pendingText={t("week.saving")} className={d.consents[item] ? "bg-stone-600 hover:bg-stone-700" : ""}>
                  {d.consents[item] ? t("records.consent.withdraw") : t("records.consent.grant")}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
        {d.consentHistory.length > 0 ? (
          <details className="mt-3 text-sm">
            <summary className="min-h-11 cursor-pointer py-2">{t("records.consent.history")}</summary>
            <ul className="space-y-1" data-testid="consent-history">
              {d.consentHistory.map((c) => (
                <li key={c.id}>
                  {formatDateTime(locale, new Date(c.recordedAt))} · {c.granted ? t("records.consent.granted", { item: t(`consent.${c.item}`) }) : t("records.consent.withdrawn", { item: t(`consent.${c.item}`) })}
                  {c.recordedBy ? ` · ${t("records.consent.by", { name: c.recordedBy })}` : ""}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section id="phase" aria-labelledby="phase-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="phase-title" className="text-lg font-semibold">{t("records.apprentices.phaseHistory")}</h2>
        <ul className="mt-2 space-y-1 text-sm" data-testid="phase-history">
          {d.phaseHistory.map((ph) => (
            <li key={ph.id}>
              {formatDate(locale, ph.changedOn)} · {t(`phases.${ph.phase}`)}
              {ph.exitOutcome ? ` · ${t(`outcome.${ph.exitOutcome}`)}` : ""}
              {ph.note ? <> · <FreeText text={ph.note} /></> : null}
              {ph.recordedBy ? ` · ${ph.recordedBy}` : ""}
            </li>
          ))}
        </ul>
        {a.phase !== "exited" ? (
          <>
            <h3 className="mt-3 font-semibold">{t("records.apprentices.changePhase")}</h3>
            <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-3" noValidate>
              <FormErrors errors={phaseErrors} />
              <SelectField name="phase" prefix="phase" label={t("records.apprentices.phase")} errors={phaseErrors} defaultValue={a.phase} options={PHASES.filter((ph) => ph !== "exited").map((ph) => ({ value: ph, label: t(`phases.${ph}`) }))} />
              <Field name="changedOn" type="date" prefix="phase" label={t("records.apprentices.changedOn")} errors={phaseErrors} defaultValue={d.today} max={d.today} />
              <Field name="note" prefix="phase" label={t("records.apprentices.note")} errors={phaseErrors} maxLength={500} />
              <div>
                <SubmitButton intent="phase" pendingText={t("week.saving")}>{t("records.apprentices.savePhase")}</SubmitButton>
              </div>
            </Form>
            <h3 className="mt-4 font-semibold">{t("records.apprentices.exit")}</h3>
            <p className="text-sm text-stone-600">{t("records.apprentices.exitHelp")}</p>
            <p className="text-sm text-stone-600">{t("records.neverDeleted")}</p>
            <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-3" noValidate>
              <FormErrors errors={exitErrors} />
              <Field name="exitedOn" type="date" prefix="exit" label={t("records.apprentices.exitedOn")} errors={exitErrors} defaultValue={d.today} max={d.today} />
              <SelectField name="outcome" prefix="exit" label={t("records.apprentices.exitOutcome")} errors={exitErrors} blank={t("records.choose")} options={PLACEMENT_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
              <Field name="reason" prefix="exit" label={t("records.apprentices.exitReason")} errors={exitErrors} maxLength={500} />
              <div>
                <SubmitButton intent="exit" pendingText={t("week.saving")} className="bg-stone-600 hover:bg-stone-700">{t("records.apprentices.exitButton")}</SubmitButton>
              </div>
            </Form>
          </>
        ) : null}
      </section>

      <section id="profile-edit" aria-labelledby="profile-edit-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="profile-edit-title" className="text-lg font-semibold">{t("records.apprentices.editProfile")}</h2>
        <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
          <FormErrors errors={profileErrors} />
          <Field name="preferredName" prefix="profile" label={t("records.apprentices.preferredName")} errors={profileErrors} defaultValue={a.preferredName} maxLength={100} />
          <Field name="legalName" prefix="profile" label={t("staffRecord.legalName")} errors={profileErrors} defaultValue={a.legalName} maxLength={200} />
          <Field name="dateOfBirth" type="date" prefix="profile" label={t("staffRecord.dateOfBirth")} errors={profileErrors} defaultValue={a.dateOfBirth} max={d.today} />
          <SelectField name="gender" prefix="profile" label={t("staffRecord.gender")} errors={profileErrors} defaultValue={a.gender} options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
          <SelectField name="intakeId" prefix="profile" label={t("staffRecord.intake")} errors={profileErrors} defaultValue={a.intakeId} blank={t("records.none")} options={d.intakes.map((i) => ({ value: i.id, label: intakeName(i.name) }))} />
          <Field name="referralSource" prefix="profile" label={t("staffRecord.referral")} errors={profileErrors} defaultValue={a.referralSource} maxLength={200} />
          <Field name="background" prefix="profile" label={t("staffRecord.background")} errors={profileErrors} defaultValue={a.background} maxLength={2000} className="sm:col-span-2" />
          <div>
            <SubmitButton intent="profile" pendingText={t("week.saving")}>{t("records.apprentices.saveProfile")}</SubmitButton>
          </div>
        </Form>
      </section>

      <section id="career-plan" aria-labelledby="career-plan-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="career-plan-title" className="text-lg font-semibold">{t("plan.staff.title")}</h2>
        <p className="text-sm text-stone-600">{t("plan.staff.note")}</p>
        {d.careerPlan.plan && (d.careerPlan.plan.goals || d.careerPlan.plan.nextSteps) ? (
          <dl className="mt-2 space-y-2 text-sm" data-testid="career-plan">
            <dt className="font-semibold">{t("plan.goals")}</dt>
            <dd className="whitespace-pre-line">{d.careerPlan.plan.goals ? <FreeText text={d.careerPlan.plan.goals} /> : "—"}</dd>
            <dt className="font-semibold">{t("plan.nextSteps")}</dt>
            <dd className="whitespace-pre-line">{d.careerPlan.plan.nextSteps ? <FreeText text={d.careerPlan.plan.nextSteps} /> : "—"}</dd>
            <dd className="text-stone-600">{t("plan.updated", { date: formatDateTime(locale, new Date(d.careerPlan.plan.updatedAt)) })}</dd>
          </dl>
        ) : (
          <p className="mt-2 text-sm text-stone-600">{t("plan.staff.empty")}</p>
        )}
        <h3 className="mt-3 font-semibold">{t("plan.comments")}</h3>
        <ul className="divide-y divide-stone-100 text-sm" data-testid="plan-comments">
          {d.careerPlan.comments.map((c) => (
            <li key={c.id} className="py-2">
              <p className="text-stone-600">
                {formatDateTime(locale, new Date(c.createdAt))} · <FreeText text={c.author} />
                {c.correctionReason ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-amber-900">{t("corrections.corrected")}</span> : null}
              </p>
              <FreeText as="p" className="whitespace-pre-line" text={c.body} />
              <EarlierVersions
                versions={c.earlier.map((e) => ({ id: e.id, body: e.body, when: formatDateTime(locale, new Date(e.createdAt)), by: e.author }))}
                reasonOf={(i) => (i === 0 ? c.correctionReason : (c.earlier[i - 1]?.correctionReason ?? null))}
              />
              <CorrectTextForm intent="correctComment" targetId={c.id} body={c.body} maxLength={PLAN_COMMENT_MAX} errors={correctionErrors("correctComment", c.id)} />
            </li>
          ))}
        </ul>
        <Form method="post" className="mt-2 space-y-2" noValidate>
          <input type="hidden" name="intent" value="comment" />
          <label className="block">
            {t("plan.staff.comment")}
            <textarea name="body" rows={2} maxLength={PLAN_COMMENT_MAX} className="mt-1 block w-full rounded-lg border border-stone-400 px-2 py-2" aria-invalid={commentErrors.body ? true : undefined} aria-describedby="comment-body-error" />
            <FieldErrors id="comment-body-error" errors={commentErrors.body} />
          </label>
          <SubmitButton intent="comment" pendingText={t("week.saving")}>{t("plan.staff.add")}</SubmitButton>
        </Form>
      </section>

      <section id="pin" aria-labelledby="pin-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="pin-title" className="text-lg font-semibold">{t("pin.staff.title")}</h2>
        <p className="mt-1">
          <Link to={`/staff/apprentices/${a.id}/card`} className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline" data-testid="card-link">
            <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d="M4 4h6v6H4z M14 4h6v6h-6z M4 14h6v6H4z M14 14h2v2h-2z M18 18h2v2h-2z" />
            </svg>
            {t("card.title")}
          </Link>
        </p>
        {d.account === null ? (
          <p className="mt-2 text-sm">{t("pin.staff.noAccount")}</p>
        ) : (
          <>
            <p className="mt-1 text-sm">{t("pin.staff.username", { username: d.account.username })}</p>
            <p className="text-sm" data-testid="pin-state">
              {d.account.hasPin ? t("pin.staff.hasPin") : t("pin.staff.noPin")}
              {d.account.lockedUntil ? ` ${t("pin.staff.locked", { time: formatDateTime(locale, new Date(d.account.lockedUntil)) })}` : ""}
            </p>
            {pinSaved ? <p role="status" className="mt-2 rounded-lg bg-green-50 px-3 py-2 text-green-900">{t("pin.staff.saved")}</p> : null}
            <Form method="post" className="mt-2 flex flex-wrap items-end gap-3" noValidate autoComplete="off">
              <input type="hidden" name="intent" value="pin" />
              <label className="block">
                {t("pin.staff.newPin")}
                <input name="pin" inputMode="numeric" maxLength={6} autoComplete="off" className={`${input} w-40 tracking-widest`} aria-invalid={pinErrors.pin ? true : undefined} aria-describedby="pin-error" />
                <FieldErrors id="pin-error" errors={pinErrors.pin} />
              </label>
              <SubmitButton intent="pin" pendingText={t("week.saving")}>{t("pin.staff.set")}</SubmitButton>
            </Form>
            <p className="mt-2 text-sm text-stone-600">{t("pin.staff.help")}</p>
          </>
        )}
      </section>

      <section id="notes" aria-labelledby="notes-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="notes-title" className="text-lg font-semibold">{t("staffRecord.notes")}</h2>
        <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
          <input type="hidden" name="intent" value="note" />
          <label className="block">
            {t("staffRecord.kind")}
            <select name="kind" className={input} aria-invalid={noteErrors.kind ? true : undefined} aria-describedby="kind-error">
              {FOLLOW_UP_KINDS.map((k) => (
                <option key={k} value={k}>{t(`followUp.${k}`)}</option>
              ))}
            </select>
            <FieldErrors id="kind-error" errors={noteErrors.kind} />
          </label>
          <label className="block">
            {t("staffRecord.occurredOn")}
            <input type="date" name="occurredOn" defaultValue={d.today} min={d.noteDateMin} max={d.today} className={input} aria-invalid={noteErrors.occurredOn ? true : undefined} aria-describedby="occurredOn-error" />
            <FieldErrors id="occurredOn-error" errors={noteErrors.occurredOn} />
          </label>
          {d.placements.length > 0 ? (
            <label className="block sm:col-span-2">
              {t("staffRecord.notePlacement")}
              <select name="placementId" className={input} aria-invalid={noteErrors.placementId ? true : undefined} aria-describedby="placementId-error">
                <option value="">{t("staffRecord.noPlacement")}</option>
                {d.placements.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.employerName} · {formatDate(locale, p.startDate)}
                  </option>
                ))}
              </select>
              <FieldErrors id="placementId-error" errors={noteErrors.placementId} />
            </label>
          ) : null}
          <label className="block sm:col-span-2">
            {t("staffRecord.body")}
            <textarea name="body" rows={3} maxLength={2000} className="mt-1 block w-full rounded-lg border border-stone-400 px-2 py-2" aria-invalid={noteErrors.body ? true : undefined} aria-describedby="body-error" />
            <FieldErrors id="body-error" errors={noteErrors.body} />
          </label>
          <div>
            <SubmitButton intent="note" pendingText={t("week.saving")}>{t("staffRecord.addNote")}</SubmitButton>
          </div>
        </Form>
        <ul className="mt-3 divide-y divide-stone-100 text-sm" data-testid="notes">
          {d.notes.map((n) => (
            <li key={n.id} className="py-2">
              <p className="text-stone-600">
                {formatDate(locale, n.occurredOn)} · {t(`followUp.${n.kind}`)} · <FreeText text={n.author} />
                {n.correctionReason ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-amber-900">{t("corrections.corrected")}</span> : null}
              </p>
              <FreeText as="p" className="whitespace-pre-line" text={n.body} />
              <EarlierVersions
                versions={n.earlier.map((e) => ({ id: e.id, body: e.body, when: formatDateTime(locale, new Date(e.createdAt)), by: e.author }))}
                reasonOf={(i) => (i === 0 ? n.correctionReason : (n.earlier[i - 1]?.correctionReason ?? null))}
              />
              <CorrectTextForm intent="correctNote" targetId={n.id} body={n.body} maxLength={2000} errors={correctionErrors("correctNote", n.id)} />
            </li>
          ))}
        </ul>
      </section>

      <section id="feedback" aria-labelledby="feedback-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="feedback-title" className="text-lg font-semibold">{t("staffRecord.feedback")}</h2>
        <p className="text-sm text-amber-900">{t("staffRecord.feedbackConfidential")}</p>
        {d.feedback.length === 0 ? <p className="mt-1 text-stone-600">{t("common.none")}</p> : null}
        <ul className="mt-2 divide-y divide-stone-100 text-sm" data-testid="staff-feedback">
          {d.feedback.map((f) => (
            <li key={f.id} className="py-2">
              <p className="text-stone-600">{formatDateTime(locale, new Date(f.submittedAt))}</p>
              <p className={f.safety <= 2 ? "font-semibold text-red-800" : ""}>
                {t("staffRecord.ratings", { explains: f.explains, learning: f.learning, fairness: f.fairness, safety: f.safety })}
              </p>
              {f.comment ? <p className="whitespace-pre-line">“<FreeText text={f.comment} />”</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <section id="checkins" aria-labelledby="checkins-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="checkins-title" className="text-lg font-semibold">{t("staffRecord.checkins")}</h2>
        <FormErrors errors={actionData?.intent === "checkin" || actionData?.intent === "correctCheckin" ? { form: actionData.errors.form } : {}} />
        <table className="mt-2 w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">{t("staffRecord.months")}</th>
              <th scope="col">{t("staffRecord.employed")}</th>
              <th scope="col">{t("staffRecord.where")}</th>
              <th scope="col">{t("staffRecord.salary")}</th>
            </tr>
          </thead>
          <tbody>
            {d.checkins.map((c) => (
              <tr key={c.id} className="border-t border-stone-100 align-top" data-testid="checkin-row">
                <td>
                  {t("staffRecord.monthsAfter", { count: c.months })}
                  {c.correctionReason ? <span className="ml-1 rounded bg-amber-100 px-1.5 text-amber-900">{t("corrections.corrected")}</span> : null}
                </td>
                <td>{c.employed ? t("staffRecord.yes") : t("staffRecord.no")}</td>
                <td>{c.employerName ? <FreeText text={c.employerName} /> : "—"}</td>
                <td>{c.monthlySalaryCents !== null ? formatUsd(locale, c.monthlySalaryCents) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.checkins.map((c) => {
          const errors = correctionErrors("correctCheckin", c.id);
          return (
            <details key={c.id} className="mt-2 text-sm" open={errors !== null}>
              <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">
                {t("corrections.correctCheckin", { months: t("staffRecord.monthsAfter", { count: c.months }) })}
              </summary>
              {c.earlier.length > 0 ? (
                <ul className="mb-2 space-y-1 border-l-2 border-stone-200 pl-3 text-stone-700" data-testid="earlier-versions">
                  {c.earlier.map((e, i) => (
                    <li key={e.id}>
                      {formatDateTime(locale, new Date(e.createdAt))} · {e.employed ? t("staffRecord.yes") : t("staffRecord.no")} · {e.employerName ?? "—"} ·{" "}
                      {e.monthlySalaryCents !== null ? formatUsd(locale, e.monthlySalaryCents) : "—"} ·{" "}
                      {t("corrections.replacedBecause", { reason: (i === 0 ? c.correctionReason : c.earlier[i - 1]?.correctionReason) ?? "" })}
                    </li>
                  ))}
                </ul>
              ) : null}
              <Form method="post" className="grid gap-3 sm:grid-cols-2" noValidate>
                <input type="hidden" name="checkinId" value={c.id} />
                <CheckinFields
                  prefix={`correct-checkin-${c.id}`}
                  errors={errors ?? {}}
                  today={d.today}
                  minDate={d.exitedOn}
                  values={{ checkedOn: c.checkedOn, employed: c.employed, employerName: c.employerName, monthlySalary: c.monthlySalaryCents === null ? "" : (c.monthlySalaryCents / 100).toFixed(2), note: c.note }}
                />
                <label className="block sm:col-span-2">
                  {t("corrections.reason")}
                  <input name="correctionReason" maxLength={500} className={input} aria-invalid={errors?.correctionReason ? true : undefined} aria-describedby={`correct-checkin-${c.id}-reason-error`} />
                  <FieldErrors id={`correct-checkin-${c.id}-reason-error`} errors={errors?.correctionReason} />
                </label>
                <div>
                  <SubmitButton intent="correctCheckin" pendingText={t("week.saving")}>{t("corrections.save")}</SubmitButton>
                </div>
              </Form>
            </details>
          );
        })}
        {d.exitedOn === null ? (
          <p className="mt-3 text-sm text-stone-600" data-testid="checkins-not-yet">{t("staffRecord.checkinsAfterExit")}</p>
        ) : (
          <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
            <input type="hidden" name="intent" value="checkin" />
            <label className="block">
              {t("staffRecord.months")}
              <select name="months" className={input} aria-invalid={checkinErrors.months ? true : undefined} aria-describedby="months-error">
                {OUTCOME_CHECKIN_MONTHS.map((m) => (
                  <option key={m} value={m}>{t("staffRecord.monthsAfter", { count: m })}</option>
                ))}
              </select>
              <FieldErrors id="months-error" errors={checkinErrors.months} />
            </label>
            <CheckinFields prefix="checkin" errors={checkinErrors} today={d.today} minDate={d.exitedOn} />
            <div>
              <SubmitButton intent="checkin" pendingText={t("week.saving")}>{t("staffRecord.addCheckin")}</SubmitButton>
            </div>
          </Form>
        )}
      </section>
    </div>
  );
}
