import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";
import { Choices, errorsOf, Field, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { LevelSymbols, SharedLevelIcon } from "~/components/levels";
import { MANUAL_STATUSES, PLACEMENT_OUTCOMES } from "~/domain/enums";
import { digits, formatDate, formatDateTime, formatNumber, formatUsd } from "~/i18n/format";
import { localized } from "~/i18n/localized";
import { pageMeta } from "~/utils/meta";
import { ScrollTable } from "~/components/scroll-table";
import { FreeText } from "~/components/free-text";

import type { action, loader } from "~/routes/staff.placements.$placementId/route.server";

// The loader and action live in route.server.ts, so that the browser build follows none of
// their server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { action, loader } from "~/routes/staff.placements.$placementId/route.server";

export const meta = pageMeta;

const RAG = { green: "bg-green-600", amber: "bg-amber-500", red: "bg-red-600" } as const;
const SEVERITY = { urgent: "bg-red-100 text-red-900", warn: "bg-amber-100 text-amber-900", info: "bg-sky-100 text-sky-900" } as const;

export default function StaffPlacement() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = errorsOf(actionData, "status");
  const { t } = useTranslation();
  const locale = useLocale();
  const p = d.placement;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">
          <FreeText text={p.preferredName} /> <span className="font-mono text-lg text-stone-600">{p.apprenticeCode}</span>
        </h1>
        <p className="text-stone-700">
          <FreeText text={p.legalName} /> ·{" "}
          <Link to={`/staff/apprentices/${p.apprenticeId}`} className="text-brand-700 underline">
            {t("placement.staffRecord")}
          </Link>
        </p>
        <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
          <dt className="text-stone-600">{t("common.employer")}</dt>
          <dd>
            <FreeText text={p.employerName} />
          </dd>
          <dt className="text-stone-600">{t("placement.trainer")}</dt>
          <dd>
            <FreeText text={p.trainerName} />
          </dd>
          <dt className="text-stone-600">{t("common.trade")}</dt>
          <dd>{localized(locale, p, "trade")}</dd>
          <dt className="text-stone-600">{t("placement.dates")}</dt>
          <dd>
            {formatDate(locale, p.startDate)} · {t("common.weeks", { count: p.plannedWeeks })}
          </dd>
          <dt className="text-stone-600">{t("placement.status")}</dt>
          <dd>{t(`placementStatus.${p.status}`)}</dd>
          <dt className="text-stone-600">{t("placement.stipend")}</dt>
          <dd>
            {formatUsd(locale, p.stipendHagarCents)} + {formatUsd(locale, p.stipendEmployerCents)}
          </dd>
          <dt className="text-stone-600">{t("placement.competent")}</dt>
          <dd>
            {formatNumber(locale, d.competent)} / {formatNumber(locale, d.total)}
          </dd>
          {d.under18AtStart ? (
            <>
              <dt className="text-stone-600">{t("common.under18")}</dt>
              <dd>✓</dd>
            </>
          ) : null}
        </dl>
      </div>

      <FormErrors errors={{ intent: actionData?.errors.intent }} />

      <section id="status" aria-labelledby="status-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="status-title" className="text-lg font-semibold">
          {t("placement.manualStatus")}
        </h2>
        {d.currentStatus ? (
          <p className="mt-1 flex flex-wrap items-center gap-2" data-testid="current-status">
            <span className={`inline-block size-4 rounded-full ${RAG[d.currentStatus.status]}`} aria-hidden />
            <strong>{t(`rag.${d.currentStatus.status}`)}</strong> · {t("placement.statusAsOf", { date: formatDate(locale, d.currentStatus.statusDate) })} ·{" "}
            <FreeText text={d.currentStatus.reason} />
          </p>
        ) : (
          <p className="mt-1 text-stone-600">{t("placement.noStatus")}</p>
        )}
        {d.currentStatus?.status === "red" && d.currentStatus.followUpDueOn ? (
          <p className={`mt-1 font-medium ${d.followUpOverdue ? "text-red-800" : "text-stone-700"}`} data-testid="follow-up-due">
            {d.followUpOverdue
              ? t("placement.followUpOverdue", { date: formatDate(locale, d.currentStatus.followUpDueOn) })
              : t("placement.followUpDue", { date: formatDate(locale, d.currentStatus.followUpDueOn) })}
          </p>
        ) : null}
        <Form method="post" className="mt-3 space-y-3" noValidate>
          <Choices
            name="status"
            label={t("placement.setStatus")}
            errors={errors}
            defaultValue={d.currentStatus?.status}
            options={MANUAL_STATUSES.map((s) => ({
              value: s,
              label: (
                <>
                  <span className={`inline-block size-3 rounded-full ${RAG[s]}`} aria-hidden />
                  {t(`rag.${s}`)}
                </>
              ),
            }))}
          />
          <Field name="reason" label={t("placement.reason")} errors={errors} maxLength={500} />
          <Field name="statusDate" type="date" label={t("placement.statusDate")} errors={errors} defaultValue={d.today} min={d.statusDateMin} max={d.today} />
          <p className="text-sm text-stone-600">{t("placement.redHelp")}</p>
          <SubmitButton intent="status">{t("placement.saveStatus")}</SubmitButton>
        </Form>
        {d.statuses.length > 1 ? (
          <details className="mt-3 text-sm">
            <summary className="min-h-11 cursor-pointer py-2">{t("placement.statusHistory")}</summary>
            <ul className="space-y-1">
              {d.statuses.map((s) => (
                <li key={s.id}>
                  {t("placement.statusAsOf", { date: formatDate(locale, s.statusDate) })} · {t(`rag.${s.status}`)} · <FreeText text={s.reason} /> ·{" "}
                  <FreeText text={s.setBy} /> · {t("placement.statusEntered", { when: formatDateTime(locale, new Date(s.createdAt)) })}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      {d.transfer.fromId || d.transfer.toId ? (
        <p className="flex flex-wrap gap-4 rounded-xl bg-white p-4 shadow-sm" data-testid="transfer-links">
          {d.transfer.fromId ? (
            <Link to={`/staff/placements/${d.transfer.fromId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("records.placements.transferredFrom")}
            </Link>
          ) : null}
          {d.transfer.toId ? (
            <Link to={`/staff/placements/${d.transfer.toId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("records.placements.transferredTo")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {p.status === "active" || d.corrections.length > 0 ? (
        <section id="correct" aria-labelledby="correct-title" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="correct-title" className="text-lg font-semibold">
            {t("records.correct.title")}
          </h2>
          {p.status !== "active" ? null : d.hasWeeklyRecords ? (
            <p className="mt-1 text-sm text-stone-600" data-testid="correct-closed">
              {t("records.correct.closed")}
            </p>
          ) : (
            <>
              <p className="mt-1 text-sm text-stone-600">{t("records.correct.help")}</p>
              <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
                <FormErrors errors={errorsOf(actionData, "correct")} />
                <Field
                  name="startDate"
                  type="date"
                  prefix="correct"
                  label={t("records.placements.startDate")}
                  errors={errorsOf(actionData, "correct")}
                  defaultValue={p.startDate}
                  min={d.startMin}
                  max={d.startMax}
                />
                <Field
                  name="plannedWeeks"
                  type="number"
                  prefix="correct"
                  label={t("records.placements.plannedWeeks")}
                  errors={errorsOf(actionData, "correct")}
                  min={2}
                  max={52}
                  defaultValue={p.plannedWeeks}
                />
                <Field
                  name="reason"
                  prefix="correct"
                  label={t("records.correct.reason")}
                  errors={errorsOf(actionData, "correct")}
                  maxLength={500}
                  className="sm:col-span-2"
                />
                <div className="sm:col-span-2">
                  <SubmitButton intent="correct">{t("records.correct.button")}</SubmitButton>
                </div>
              </Form>
            </>
          )}
          {d.corrections.length > 0 ? (
            <ul className="mt-3 space-y-1 text-sm" data-testid="placement-corrections">
              {d.corrections.map((c) => (
                <li key={c.id}>
                  {t("records.correct.line", {
                    when: formatDateTime(locale, new Date(c.createdAt)),
                    by: c.correctedBy,
                    fromStart: formatDate(locale, c.fromStartDate),
                    toStart: formatDate(locale, c.toStartDate),
                    fromWeeks: c.fromPlannedWeeks,
                    toWeeks: c.toPlannedWeeks,
                    reason: c.reason,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {d.admin ? (
        <section id="manage" aria-labelledby="manage-title" className="space-y-4 rounded-xl bg-white p-4 shadow-sm">
          <h2 id="manage-title" className="text-lg font-semibold">
            {t("records.placements.changeTrainer")}
          </h2>
          <Form method="post" className="flex flex-wrap items-end gap-3" noValidate>
            <FormErrors errors={errorsOf(actionData, "changeTrainer")} />
            <SelectField
              name="trainerUserId"
              prefix="change"
              label={t("records.placements.trainer")}
              errors={errorsOf(actionData, "changeTrainer")}
              defaultValue={p.trainerUserId}
              options={d.admin.trainers.map((tr) => ({ value: tr.id, label: tr.displayName }))}
            />
            <SubmitButton intent="changeTrainer">{t("records.placements.changeTrainerButton")}</SubmitButton>
          </Form>

          <h2 className="text-lg font-semibold">{t("records.placements.transfer")}</h2>
          <p className="text-sm text-stone-600">{t("records.placements.transferHelp")}</p>
          <Form method="post" className="grid gap-3 sm:grid-cols-2" noValidate>
            <FormErrors errors={errorsOf(actionData, "transfer")} />
            <SelectField
              name="employerId"
              prefix="transfer"
              label={t("common.employer")}
              errors={errorsOf(actionData, "transfer")}
              blank={t("records.choose")}
              options={d.admin.transfer.employers.filter((e) => e.id !== p.employerId).map((e) => ({ value: e.id, label: e.name }))}
            />
            <SelectField
              name="trainerUserId"
              prefix="transfer"
              label={t("records.placements.trainer")}
              errors={errorsOf(actionData, "transfer")}
              blank={t("records.choose")}
              options={d.admin.transfer.employers
                .filter((e) => e.id !== p.employerId)
                .flatMap((e) =>
                  d.admin!.transfer.trainers.filter((tr) => tr.employerId === e.id).map((tr) => ({ value: tr.id, label: `${tr.displayName} · ${e.name}` })),
                )}
            />
            <SelectField
              name="frameworkVersionId"
              prefix="transfer"
              label={t("records.placements.framework")}
              errors={errorsOf(actionData, "transfer")}
              defaultValue={p.versionId}
              options={d.admin.versions.map((v) => ({
                value: v.id,
                label: t("records.placements.frameworkOption", { trade: localized(locale, v, "trade"), version: v.version }),
              }))}
            />
            <Field
              name="transferOn"
              type="date"
              prefix="transfer"
              label={t("records.placements.transferOn")}
              errors={errorsOf(actionData, "transfer")}
              defaultValue={d.today}
              max={d.today}
            />
            <Field
              name="plannedWeeks"
              type="number"
              prefix="transfer"
              label={t("records.placements.plannedWeeks")}
              errors={errorsOf(actionData, "transfer")}
              min={2}
              max={52}
              defaultValue={p.plannedWeeks}
            />
            <div className="sm:col-span-2">
              <SubmitButton intent="transfer">{t("records.placements.transferButton")}</SubmitButton>
            </div>
          </Form>

          <h2 className="text-lg font-semibold">{t("records.placements.end")}</h2>
          <Form method="post" className="grid gap-3 sm:grid-cols-2" noValidate>
            <FormErrors errors={errorsOf(actionData, "complete", "withdraw")} />
            <Field
              name="endedOn"
              type="date"
              prefix="end"
              label={t("records.placements.endedOn")}
              errors={errorsOf(actionData, "complete", "withdraw")}
              defaultValue={d.today}
              max={d.today}
            />
            <SelectField
              name="outcome"
              prefix="end"
              label={t("records.placements.outcome")}
              errors={errorsOf(actionData, "complete", "withdraw")}
              blank={t("records.choose")}
              options={PLACEMENT_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
            />
            <Field
              name="endReason"
              prefix="end"
              label={t("records.placements.endReason")}
              errors={errorsOf(actionData, "complete", "withdraw")}
              maxLength={500}
            />
            <Field
              name="startingSalary"
              prefix="end"
              label={t("records.placements.startingSalary")}
              errors={errorsOf(actionData, "complete", "withdraw")}
              inputMode="decimal"
            />
            <div className="flex flex-wrap gap-3 sm:col-span-2">
              <SubmitButton intent="complete">{t("records.placements.complete")}</SubmitButton>
              <SubmitButton intent="withdraw" variant="secondary">
                {t("records.placements.withdraw")}
              </SubmitButton>
            </div>
          </Form>
        </section>
      ) : p.endedOn ? (
        <p className="rounded-xl bg-white p-4 shadow-sm" data-testid="ended">
          {t("records.placements.ended", { date: formatDate(locale, p.endedOn) })}
        </p>
      ) : null}

      <section aria-labelledby="flags-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="flags-title" className="text-lg font-semibold">
          {t("placement.flags")}
        </h2>
        {d.flags.length === 0 ? <p className="mt-1 text-stone-600">{t("common.none")}</p> : null}
        <ul className="mt-2 space-y-1">
          {d.flags.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-2">
              <span className={`rounded px-2 py-0.5 text-sm font-medium ${SEVERITY[f.severity]}`}>{t(`flagSeverity.${f.severity}`)}</span>
              <Link to={`/staff/flags/${f.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                {t(`flagRule.${f.rule}`)}
              </Link>
              <span className="text-sm text-stone-600">
                {t(`flagStatus.${f.status}`)} · {formatDate(locale, f.raisedAt.slice(0, 10))}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="weeks-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="weeks-title" className="text-lg font-semibold">
          {t("placement.weekByWeek")}
        </h2>
        <ScrollTable label={t("placement.weekByWeek")} className="mt-2 shadow-none">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <thead>
              <tr className="border-b border-stone-200">
                <th scope="col" className="py-1 pr-2">
                  {t("placement.week")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("placement.review")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("placement.attendance")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("placement.signed")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("placement.educationLedger")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.weeks.map((w) => (
                <tr key={w.weekOf} className="border-b border-stone-100" data-testid="week-row">
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {formatDate(locale, w.weekOf)}
                  </th>
                  <td className={`py-1 pr-2 ${w.reviewed ? "" : "font-medium text-red-800"}`}>
                    {w.reviewed ? t("weekState.reviewed") : w.weekOf === d.thisMonday ? t("weekState.not_started") : t("placement.missing")}
                    {w.corrections > 0 ? ` (${t("placement.corrections", { count: w.corrections })})` : ""}
                  </td>
                  <td className="py-1 pr-2">{t("placement.attendanceSummary", { present: w.present, late: w.late, absent: w.absent })}</td>
                  <td className="py-1 pr-2 tabular-nums">{formatNumber(locale, w.signed)}</td>
                  <td className="py-1 pr-2">
                    {t("placement.educationSummary", { agreed: w.educationAgreed, released: w.educationReleased, attended: w.educationAttended })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>

      <section aria-labelledby="history-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="history-title" className="text-lg font-semibold">
          {t("placement.assessmentHistory")}
        </h2>
        <ul className="mt-2 divide-y divide-stone-100 text-sm">
          {d.history.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2 py-1.5">
              <SharedLevelIcon level={a.level} size={20} title={t(`levels.${a.level}`)} />
              <span className="font-mono text-xs text-stone-500">{a.code}</span>
              <span>{digits(locale, localized(locale, a, "title"))}</span>
              <span className="text-stone-600">
                {formatDate(locale, a.observedOn)} · <FreeText text={a.trainerName} />
              </span>
              {a.supersedesId ? (
                <span className="rounded bg-amber-100 px-1.5 text-amber-900">{t("placement.correction", { reason: a.correctionReason ?? "" })}</span>
              ) : null}
              {a.evidenceNote ? (
                <span className="w-full text-stone-700">
                  “<FreeText text={a.evidenceNote} />”
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="education-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="education-title" className="text-lg font-semibold">
          {t("placement.educationLedger")}
        </h2>
        <ul className="mt-2 divide-y divide-stone-100 text-sm">
          {d.education.slice(0, 40).map((e) => {
            const mismatch = (e.released === true && e.attended === false) || (e.released === false && e.attended === true);
            return (
              <li key={e.id} className={`flex flex-wrap gap-x-3 py-1.5 ${mismatch ? "font-medium text-red-800" : ""}`}>
                <span>{formatDate(locale, e.date)}</span>
                <span>{t("placement.agreed")}</span>
                <span>→ {e.released === null ? "—" : e.released ? t("week.edu.released") : `${t("week.edu.refused")} (${e.refusedReason ?? ""})`}</span>
                <span>→ {e.attended === null ? "—" : e.attended ? t("placement.attended") : t("placement.notAttended")}</span>
              </li>
            );
          })}
        </ul>
      </section>
      {/* The level pictures the page draws (last: it takes no room). */}
      <LevelSymbols />
    </div>
  );
}
