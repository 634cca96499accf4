import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { actorOf, notFound, requireStaff } from "~/auth/guards.server";
import { qrSvg } from "~/components/qr.server";
import { errorsOf, Field, FormErrors, SubmitButton } from "~/components/forms";
import { TrainerDelivery } from "~/components/reminders/trainer-delivery";
import { setTrainerPhone } from "~/db/record-keeping.server";
import { trainerDelivery } from "~/db/reminders.server";
import { createLink, getTrainerForStaff, listLinks, revokeLink } from "~/db/sign-in-links.server";
import { readForm } from "~/forms/form-data.server";
import { badRequest, replyOf, sentIntent } from "~/forms/parse.server";
import { parseTrainerIntent } from "~/forms/staff.server";
import { formatDateTime } from "~/i18n/format";
import { requestT } from "~/i18n/request.server";
import { telegramAction, telegramState } from "~/messaging/link-actions.server";
import { pageMeta } from "~/utils/meta";
import { withSaved } from "~/utils/saved";
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
  const delivery = trainerDelivery(trainer);
  return {
    title: trainer.displayName,
    heading: t("links.title", { name: trainer.displayName }),
    trainer: {
      id: trainer.id,
      displayName: trainer.displayName,
      username: trainer.username,
      employerName: trainer.employerName,
      active: trainer.active,
      phone: delivery.phone,
    },
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
    reminders: { ...delivery, telegram: telegramState(trainer.id, { showChatId: true }) },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, trainer } = await guard(request, params.trainerId);
  const form = await readForm(request);
  const parsed = parseTrainerIntent(form);
  if (!parsed.ok) return badRequest(parsed, { intent: sentIntent(parsed), created: null, telegram: null });
  const input = parsed.value;
  switch (input.intent) {
    case "telegram_link":
    case "telegram_unlink": {
      const done = await telegramAction(input.intent, { subject: trainer, actorUserId: user.id, reason: "staff", requestId: context.requestId });
      return data({ errors: null, created: null, telegram: done.telegram }, { status: done.status });
    }
    case "phone": {
      const done = setTrainerPhone(trainer, { phone: input.phone, actorUserId: user.id, requestId: context.requestId });
      return redirect(withSaved(`/staff/trainers/${trainer.id}#phone`, done === "saved" ? "phone" : "unchanged"));
    }
    case "revoke":
      if (!revokeLink({ trainerUserId: trainer.id, linkId: input.linkId, revokedBy: user.id, requestId: context.requestId })) throw notFound();
      return data({ errors: null, created: null, telegram: null });
    case "create": {
      if (!trainer.active) return badRequest(replyOf(form, { days: ["links.errors.inactive"] }), { created: null, telegram: null });
      const { token, link } = createLink({ trainerUserId: trainer.id, createdBy: user.id, days: input.days, requestId: context.requestId });
      const url = new URL(`/signin/${token}`, request.url).toString();
      return data({ errors: null, created: { url, svg: await qrSvg(url), expiresAt: link.expiresAt.toISOString() }, telegram: null });
    }
  }
}

export default function TrainerLinks() {
  const { heading, trainer, links, reminders } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const phoneErrors = errorsOf(actionData, "phone");
  // After a refused phone, the box keeps what was typed; otherwise it shows the number on record.
  const phoneValue = actionData && "values" in actionData && Object.keys(phoneErrors).length > 0 ? (actionData.values.phone ?? "") : (trainer.phone ?? "");
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
        <Form method="post" className="mt-2 flex flex-wrap items-end gap-3" noValidate>
          <Field
            name="days"
            type="number"
            label={t("links.days")}
            errors={actionData?.errors ?? {}}
            min={1}
            max={30}
            defaultValue={14}
            inputClassName="max-w-28"
          />
          <SubmitButton intent="create" pendingText={t("links.creating")}>
            {t("links.create")}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="phone" className="no-print rounded-xl bg-white p-4 shadow-sm">
        <h2 id="phone" className="text-lg font-semibold">
          {t("links.phoneHeading")}
        </h2>
        <Form key={phoneValue} method="post" className="mt-2 flex flex-wrap items-end gap-3" noValidate>
          <Field
            name="phone"
            type="tel"
            prefix="trainer"
            label={t("records.employers.phone")}
            help={t("links.phoneHelp")}
            errors={phoneErrors}
            defaultValue={phoneValue}
            maxLength={20}
            autoComplete="off"
            inputClassName="max-w-56"
          />
          <SubmitButton intent="phone">{t("links.savePhone")}</SubmitButton>
        </Form>
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
                  <SubmitButton intent="revoke" variant="danger">
                    {t("links.revoke")}
                  </SubmitButton>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <FormErrors errors={{ intent: actionData?.errors?.intent }} />
      <TrainerDelivery data={reminders} result={actionData?.telegram ?? null} />
    </div>
  );
}
