import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { actorOf, notFound, requireStaff } from "~/auth/guards.server";
import { FlagFacts, FlagSummary, SeverityBadge } from "~/components/flags";
import { FormErrors, SubmitButton, TextArea } from "~/components/forms";
import { getFlagForStaff, reviewFlag } from "~/db/flag-review.server";
import { readForm } from "~/forms/form-data.server";
import { parseFlagReview } from "~/forms/flags.server";
import { badRequest, replyOf } from "~/forms/parse.server";
import { formatDateTime } from "~/i18n/format";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { withSaved } from "~/utils/saved";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

async function guard(request: Request, flagId: string | undefined) {
  const user = await requireStaff(request);
  const flag = getFlagForStaff(actorOf(user), Number(flagId));
  if (!flag) throw notFound();
  return { user, flag };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { flag } = await guard(request, params.flagId);
  const t = await requestT(request);
  return {
    title: t(`flagRule.${flag.rule}`),
    flag: {
      ...flag,
      evidence: flag.evidence as Record<string, unknown>,
      raisedAt: flag.raisedAt.toISOString(),
      clearedAt: flag.clearedAt?.toISOString() ?? null,
      history: flag.history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, flag } = await guard(request, params.flagId);
  const form = await readForm(request);
  const parsed = parseFlagReview(form);
  if (!parsed.ok) return badRequest(parsed);
  // One form, three buttons: each is a step of the review, with the same note.
  const result = reviewFlag({ flagId: flag.id, action: parsed.value.intent, note: parsed.value.note, actorUserId: user.id, requestId: context.requestId });
  if (result === "invalid") return badRequest(replyOf(form, { intent: ["flags.errors.step"] }));
  return redirect(withSaved(`/staff/flags/${flag.id}`, result === "already" ? "unchanged" : "flag"));
}

export default function FlagPage() {
  const { flag } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const { t } = useTranslation();
  const locale = useLocale();
  const open = flag.status === "open" || flag.status === "acknowledged";
  return (
    <div className="space-y-4">
      <Link to="/staff/flags" className="inline-flex min-h-11 items-center text-brand-700 underline">
        ← {t("flags.title")}
      </Link>
      <div>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
          <SeverityBadge severity={flag.severity} /> {t(`flagRule.${flag.rule}`)}
        </h1>
        <p className="text-stone-700" data-testid="flag-status">
          {t(`flagStatus.${flag.status}`)} · {t("flags.raised", { when: formatDateTime(locale, new Date(flag.raisedAt)) })}
        </p>
        <p className="text-stone-700">
          {flag.apprenticeCode && flag.apprenticeId ? (
            <Link to={`/staff/apprentices/${flag.apprenticeId}`} className="text-brand-700 underline">
              {flag.apprenticeCode}
            </Link>
          ) : null}
          {flag.employerName ? (
            <>
              {" "}
              · <FreeText text={flag.employerName} />
            </>
          ) : null}
          {flag.trainerName && flag.trainerUserId ? (
            <>
              {" · "}
              <Link to={`/staff/trainers/${flag.trainerUserId}`} className="text-brand-700 underline">
                <FreeText text={flag.trainerName} />
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <section aria-labelledby="evidence" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="evidence" className="text-lg font-semibold">
          {t("flags.evidence")}
        </h2>
        <FlagSummary rule={flag.rule} evidence={flag.evidence} />
        <FlagFacts evidence={flag.evidence} placementId={flag.placementId} />
      </section>
      {open ? (
        <section aria-labelledby="review" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="review" className="text-lg font-semibold">
            {t("flags.review")}
          </h2>
          <Form method="post" className="mt-2 space-y-3" noValidate>
            <TextArea name="note" label={t("flags.note")} errors={errors} maxLength={1000} />
            <FormErrors id="intent-error" errors={{ intent: errors.intent }} />
            <div className="flex flex-wrap gap-2">
              {flag.status === "open" ? <SubmitButton intent="acknowledge">{t("flags.acknowledge")}</SubmitButton> : null}
              <SubmitButton intent="resolve">{t("flags.resolve")}</SubmitButton>
              <SubmitButton intent="dismiss" variant="secondary">
                {t("flags.dismiss")}
              </SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="history" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="history" className="text-lg font-semibold">
          {t("flags.history")}
        </h2>
        <ol className="mt-2 space-y-1 text-sm" data-testid="flag-history">
          {flag.history.map((h) => (
            <li key={h.id}>
              {formatDateTime(locale, new Date(h.createdAt))} · {t(`flagEvent.${h.action}`)}
              {h.actorName ? ` · ${h.actorName}` : ""}
              {h.note ? (
                <>
                  {" "}
                  · “<FreeText text={h.note} />”
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
