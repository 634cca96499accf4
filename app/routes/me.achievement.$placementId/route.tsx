import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";
import { AchievementRecord } from "~/components/achievement";
import { pageMeta } from "~/utils/meta";

import type { loader } from "~/routes/me.achievement.$placementId/route.server";

// The loader lives in route.server.ts, so that the browser build follows none of
// its server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { loader } from "~/routes/me.achievement.$placementId/route.server";

export const meta = pageMeta;

export default function MyAchievement() {
  const { record, today, verify } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="space-y-4">
      <Link to="/me" className="inline-flex min-h-11 items-center text-brand-700 underline print:hidden">
        ← {t("achievement.back")}
      </Link>
      <section className="mx-auto max-w-3xl rounded-xl bg-white p-5 shadow-sm print:hidden" aria-labelledby="my-credential-title" data-testid="my-credential">
        <h2 id="my-credential-title" className="text-lg font-semibold">
          {t("myCredential.title")}
        </h2>
        {verify ? (
          <>
            <p className="text-stone-700">{t("myCredential.body")}</p>
            {/* Big enough for a phone camera from across a counter. */}
            <div
              className="mx-auto my-3 w-64 max-w-full bg-white"
              role="img"
              aria-label={t("achievement.verifyQr")}
              dangerouslySetInnerHTML={{ __html: verify.svg }}
            />
            {/* A plain link: the browser downloads the file, with or without JavaScript. */}
            <a
              href={`/me/achievement/${record.placement.id}/credential.json`}
              download
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800"
            >
              {t("myCredential.download")}
            </a>
          </>
        ) : (
          <p className="text-stone-700">{t("myCredential.none")}</p>
        )}
      </section>
      <AchievementRecord record={record} today={today} locale={locale} verify={verify} qrOnPaperOnly />
    </div>
  );
}
