import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { actorOf, notFound, requireStaff } from "~/auth/guards.server";
import { qrSvg } from "~/components/qr.server";
import { FieldErrors, SubmitButton } from "~/components/forms";
import { TrainerDelivery } from "~/components/reminders/trainer-delivery";
import { trainerDelivery } from "~/db/reminders.server";
import { createLink, getTrainerForStaff, listLinks, revokeLink } from "~/db/sign-in-links.server";
import { readForm } from "~/forms/form-data.server";
import { telegramIntentOf } from "~/forms/reminders.server";
import { parseLinkIntent } from "~/forms/staff.server";
import { formatDateTime } from "~/i18n/format";
import { requestT } from "~/i18n/request.server";
import { telegramAction, telegramState } from "~/messaging/link-actions.server";
import { pageMeta } from "~/utils/meta";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

async function guard(request: Request, trainerId: string | undefined) {
  const user = await requireStaff(request);
  const trainer = getTrainerForStaff(actorOf(user), Number(trainerId));
  if (!trainer) throw notFound();
  return { user, trainer };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { trainer } = await guard(request, params.trainerId);
  const t = await requestT(request);
  const now = new Date();
  return {
    title: trainer.displayName,
    heading: t("links.title", { name: trainer.displayName }),
    trainer: { id: trainer.id, displayName: trainer.displayName, username: trainer.username, employerName: trainer.employerName, active: trainer.active },
    links: listLinks(trainer.id, now).map((l) => ({
      id: l.id,
      state: l.state,
      createdAt: l.createdAt.toISOString(),
      expiresAt: l.expiresAt.toISOString(),
      lastUsedAt: l.lastUsedAt?.toISOString() ?? null,
      useCount: l.useCount,
      signedInNow: l.signedInNow,
      createdByName: l.createdByName,
    })),
    // The guard let in staff of the trainer's site (or admin): they may see the chat id and phone.
    reminders: { ...trainerDelivery(trainer), telegram: telegramState(trainer.id, { showChatId: true }) },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, trainer } = await guard(request, params.trainerId);
  const form = await readForm(request);
  const telegramIntent = telegramIntentOf(form);
  if (telegramIntent) {
    const done = await telegramAction(telegramIntent, { subject: trainer, actorUserId: user.id, reason: "staff", requestId: context.requestId });
    return data({ errors: null, created: null, telegram: done.telegram }, { status: done.status });
  }
  const parsed = parseLinkIntent(form);
  if (!parsed.ok) return data({ errors: parsed.errors, created: null }, { status: 400 });
  if (parsed.data.intent === "revoke") {
    if (!revokeLink({ trainerUserId: trainer.id, linkId: parsed.data.linkId, revokedBy: user.id, requestId: context.requestId })) throw notFound();
    return { errors: null, created: null };
  }
  if (!trainer.active) return data({ errors: { days: ["links.errors.inactive"] }, created: null }, { status: 400 });
  const { token, link } = createLink({ trainerUserId: trainer.id, createdBy: user.id, days: parsed.data.days, requestId: context.requestId });
  const url = new URL(`/signin/${token}`, request.url).toString();
  return { errors: null, created: { url, svg: await qrSvg(url), expiresAt: link.expiresAt.toISOString() } };
}

export default function TrainerLinks() {
  const { heading, trainer, links, reminders } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "km" ? "km" : "en";
  const when = (iso: string) => formatDateTime(locale, new Date(iso));
  return (
    <div className="space-y-5">
      <div>
        <Link to="/staff/trainers" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("links.trainersTitle")}
        </Link>
        <h1 className="text-2xl font-bold">{heading}</h1>
        <p className="text-stone-700">
          <FreeText text={trainer.employerName} /> · {trainer.username}
        </p>
      </div>

      {actionData?.created ? (
        <section aria-labelledby="new-link" className="rounded-xl border-2 border-brand-700 bg-white p-4" data-testid="new-link">
          <h2 id="new-link" className="text-lg font-semibold">
            {t("links.newLink")}
          </h2>
          <p className="mt-1 text-sm text-stone-700">{t("links.newLinkHelp", { when: when(actionData.created.expiresAt) })}</p>
          <p className="mt-2 break-all rounded bg-stone-100 p-2 font-mono text-sm" data-testid="link-url">
            {actionData.created.url}
          </p>
          <div className="mt-3 w-48" role="img" aria-label={t("links.qrLabel")} dangerouslySetInnerHTML={{ __html: actionData.created.svg }} />
        </section>
      ) : null}

      <section aria-labelledby="create-link" className="no-print rounded-xl bg-white p-4 shadow-sm">
        <h2 id="create-link" className="text-lg font-semibold">
          {t("links.create")}
        </h2>
        <Form method="post" className="mt-2 flex flex-wrap items-end gap-3">
          <label className="block">
            {t("links.days")}
            <input
              type="number"
              name="days"
              min={1}
              max={30}
              defaultValue={14}
              aria-invalid={actionData?.errors?.days ? true : undefined}
              aria-describedby="days-error"
              className="mt-1 block min-h-11 w-28 rounded-lg border border-stone-400 px-2"
            />
          </label>
          <SubmitButton intent="create" pendingText={t("links.creating")}>
            {t("links.create")}
          </SubmitButton>
        </Form>
        <FieldErrors id="days-error" errors={actionData?.errors?.days} />
      </section>

      <section aria-labelledby="links" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="links" className="text-lg font-semibold">
          {t("links.existing")}
        </h2>
        <p className="text-sm text-stone-700">{t("links.revokeHelp")}</p>
        {links.length === 0 ? <p className="mt-2 text-stone-600">{t("common.none")}</p> : null}
        <ul className="mt-2 divide-y divide-stone-100">
          {links.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="link-row">
              <div className="text-sm">
                <p className="font-medium">{t(`links.state.${l.state}`)}</p>
                <p>{t("links.created", { when: when(l.createdAt), name: l.createdByName })}</p>
                <p>{t("links.expires", { when: when(l.expiresAt) })}</p>
                <p>{l.lastUsedAt ? t("links.lastUsed", { when: when(l.lastUsedAt) }) : t("links.neverUsed")}</p>
                {l.useCount > 0 ? <p data-testid="link-devices">{t("links.devices", { count: l.useCount, now: l.signedInNow })}</p> : null}
              </div>
              {l.state === "active" ? (
                <Form method="post">
                  <input type="hidden" name="linkId" value={l.id} />
                  <button type="submit" name="intent" value="revoke" className="min-h-11 rounded-lg border border-red-700 px-3 text-red-800">
                    {t("links.revoke")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <TrainerDelivery data={reminders} result={actionData && "telegram" in actionData ? actionData.telegram : null} />
    </div>
  );
}
