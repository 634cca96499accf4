/**
 * The public page a record's QR code opens: "valid — issued by … on …", "revoked on …",
 * or "not valid", in Khmer and English, with only what the signed credential holds. An unknown or
 * malformed id is a plain 404, reached by the same work (docs/decisions/0021).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { notFound } from "~/auth/guards.server";
import { Verdict } from "~/components/verdict";
import { verdictForId } from "~/db/credentials.server";
import { pageVerdict } from "~/domain/credential";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";

// Names are on this page: keep it out of search engines even if its address is posted somewhere.
export const meta: MetaFunction = (args) => [...pageMeta(args), { name: "robots", content: "noindex" }];

// public route: anyone with the address (the QR code) may check the record; no session needed.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const verdict = await verdictForId(params.credentialId ?? "");
  if (!verdict) throw notFound();
  const t = await requestT(request);
  return { title: t("verify.title"), verdict: pageVerdict(verdict) };
}

export default function VerifyCredential() {
  const { verdict } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
      <Verdict verdict={verdict} locale={locale} />
      <Link to="/verify" className="inline-flex min-h-11 items-center text-brand-700 underline">
        {t("verify.checkTitle")}
      </Link>
    </div>
  );
}
