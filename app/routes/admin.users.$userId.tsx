import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { actorOf, notFound, requireRole } from "~/auth/guards.server";
import { Alert, Field, FieldErrors, FormErrors, SubmitButton } from "~/components/forms";
import { activeSessions, deactivateAccount, endSessions, getAccount, reactivateAccount, resetPassword, resetPin } from "~/db/admin.server";
import { readForm } from "~/forms/form-data.server";
import { can } from "~/domain/permissions";
import { parseUserIntent } from "~/forms/admin.server";
import type { FieldErrorMap } from "~/domain/field-errors";
import { formatDateTime } from "~/i18n/format";
import { localized } from "~/i18n/localized";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

const DONE = ["created", "password", "pin", "deactivate", "reactivate", "endSession", "endAllSessions"] as const;

async function guard(request: Request, userId: string | undefined) {
  const user = await requireRole(request, "admin");
  const account = getAccount(Number(userId));
  if (!account) throw notFound();
  return { user, account };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await guard(request, params.userId);
  const t = await requestT(request);
  return {
    title: account.displayName,
    account: { ...account, deactivatedAt: account.deactivatedAt?.toISOString() ?? null, lockedUntil: account.lockedUntil?.toISOString() ?? null },
    sessions: activeSessions(account.id).map((s) => ({
      id: s.idHash,
      method: s.method,
      userAgent: s.userAgent,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
    })),
    heading: t("admin.user.title", { name: account.displayName }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, account } = await guard(request, params.userId);
  const parsed = parseUserIntent(await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const by = { userId: account.id, actorUserId: user.id, requestId: context.requestId };
  const input = parsed.value;
  const subject = { kind: "account", userId: account.id, role: account.role, apprenticeId: account.apprenticeId } as const;
  switch (input.intent) {
    case "password":
      await resetPassword({ ...by, password: input.password });
      break;
    case "pin":
      if (!can(actorOf(user), "account.reset_pin", subject) || account.apprenticeId === null)
        return data({ errors: { pin: ["admin.errors.pinOnlyApprentice"] } as FieldErrorMap }, { status: 400 });
      await resetPin({ ...by, apprenticeId: account.apprenticeId, pin: input.pin });
      break;
    case "deactivate":
      // An admin locking themselves out would leave no one to undo it.
      if (!can(actorOf(user), "account.deactivate", subject))
        return data({ errors: { deactivate: ["admin.errors.notYourself"] } as FieldErrorMap }, { status: 400 });
      deactivateAccount(by);
      break;
    case "reactivate":
      reactivateAccount(by);
      break;
    case "endSession":
      endSessions({ ...by, idHash: input.sessionId });
      break;
    case "endAllSessions":
      endSessions(by);
      break;
  }
  return redirect(`/admin/users/${account.id}?done=${input.intent}`);
}

export default function AdminUser() {
  const { heading, account, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const when = (iso: string) => formatDateTime(locale, new Date(iso));
  const errors: FieldErrorMap = actionData?.errors ?? {};
  const done = DONE.find((d) => d === searchParams.get("done") || (d === "created" && searchParams.get("created") === "1"));
  return (
    <div className="space-y-5">
      <div>
        <Link to="/admin/users" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("admin.users.title")}
        </Link>
        <h1 className="text-2xl font-bold">{heading}</h1>
        <p className="text-stone-700">
          {account.username} · {t(`roles.${account.role}`)}
          {account.siteNameEn ? ` Â· ${localized(locale, account, "siteName")}` : ""}
          {account.employerName ? (
            <>
              {" "}
              Â· <FreeText text={account.employerName} />
            </>
          ) : null}
          {account.apprenticeCode ? ` · ${account.apprenticeCode}` : ""}
        </p>
        <p className="font-medium">
          {account.active ? t("admin.users.active") : t("admin.user.deactivatedOn", { when: account.deactivatedAt ? when(account.deactivatedAt) : "—" })}
        </p>
        {account.lockedUntil ? <p className="text-red-800">{t("admin.user.locked", { when: when(account.lockedUntil) })}</p> : null}
      </div>

      {done ? <Alert tone="info">{t(`admin.user.done.${done}`)}</Alert> : null}
      <FormErrors errors={{ intent: errors.intent }} />

      <section aria-labelledby="reset-password" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="reset-password" className="text-lg font-semibold">
          {t("admin.user.resetPassword")}
        </h2>
        <p className="text-sm text-stone-700">{t("admin.user.resetPasswordHelp")}</p>
        <Form method="post" className="mt-2 flex flex-wrap items-end gap-3" noValidate>
          <Field name="password" type="password" label={t("admin.users.password")} errors={errors} autoComplete="new-password" />
          <SubmitButton intent="password">{t("admin.user.resetPassword")}</SubmitButton>
        </Form>
      </section>

      {account.role === "apprentice" ? (
        <section aria-labelledby="reset-pin" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="reset-pin" className="text-lg font-semibold">
            {account.hasPin ? t("admin.user.resetPin") : t("admin.user.setPin")}
          </h2>
          <p className="text-sm text-stone-700">{t("admin.user.pinHelp")}</p>
          <Form method="post" className="mt-2 flex flex-wrap items-end gap-3" noValidate>
            <Field name="pin" type="password" label={t("admin.users.pin")} errors={errors} inputMode="numeric" maxLength={6} autoComplete="off" />
            <SubmitButton intent="pin">{account.hasPin ? t("admin.user.resetPin") : t("admin.user.setPin")}</SubmitButton>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="sessions" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="sessions" className="text-lg font-semibold">
          {t("admin.user.sessions")}
        </h2>
        {sessions.length === 0 ? <p className="mt-2 text-stone-600">{t("admin.user.noSessions")}</p> : null}
        <ul className="mt-2 divide-y divide-stone-100">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="session-row">
              <div className="text-sm">
                <p className="font-medium">{t(`admin.user.method.${s.method}`)}</p>
                <p>{t("admin.user.sessionStarted", { when: when(s.createdAt) })}</p>
                <p>{t("admin.user.sessionSeen", { when: when(s.lastSeenAt) })}</p>
                {s.userAgent ? <p className="text-stone-600">{s.userAgent}</p> : null}
              </div>
              <Form method="post">
                <input type="hidden" name="sessionId" value={s.id} />
                <SubmitButton intent="endSession" variant="danger">
                  {t("admin.user.endSession")}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
        {sessions.length > 1 ? (
          <Form method="post" className="mt-2">
            <SubmitButton intent="endAllSessions" variant="danger">
              {t("admin.user.endAllSessions")}
            </SubmitButton>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="activation" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="activation" className="text-lg font-semibold">
          {account.active ? t("admin.user.deactivate") : t("admin.user.reactivate")}
        </h2>
        <p className="text-sm text-stone-700">{account.active ? t("admin.user.deactivateHelp") : t("admin.user.reactivateHelp")}</p>
        <Form method="post" className="mt-2">
          <SubmitButton intent={account.active ? "deactivate" : "reactivate"} variant={account.active ? "danger" : "secondary"}>
            {account.active ? t("admin.user.deactivate") : t("admin.user.reactivate")}
          </SubmitButton>
        </Form>
        <FieldErrors id="deactivate-error" errors={errors.deactivate} />
      </section>
    </div>
  );
}
