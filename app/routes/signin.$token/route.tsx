import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { SubmitButton } from "~/components/forms";
import { pageMeta } from "~/utils/meta";

import type { loader } from "~/routes/signin.$token/route.server";

// The loader, action and headers live in route.server.ts, so that the browser build follows
// none of their imports into chunks of their own (docs/decisions/0039, 0046).
export { action, headers, loader } from "~/routes/signin.$token/route.server";

export const meta = pageMeta;

export default function OpenLink() {
  const loaded = useLoaderData<typeof loader>();
  const { state, name } = loaded;
  const target = "target" in loaded ? loaded.target : null;
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">{t("links.open.title")}</h1>
      {state === "valid" ? (
        <Form method="post" className="space-y-3 rounded-xl bg-white p-5 shadow-sm">
          <p>{t("links.open.forName", { name: name ?? "" })}</p>
          {target ? <input type="hidden" name="to" value={target} /> : null}
          <SubmitButton pendingText={t("login.submitting")} className="w-full">
            {target ? t("reminders.openWeek") : t("links.open.continue")}
          </SubmitButton>
        </Form>
      ) : (
        <div role="alert" className="space-y-3 rounded-xl bg-white p-5 shadow-sm">
          <p>{t(`links.open.${state}`)}</p>
          <Link to="/login" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white">
            {t("links.open.usePassword")}
          </Link>
        </div>
      )}
    </div>
  );
}
