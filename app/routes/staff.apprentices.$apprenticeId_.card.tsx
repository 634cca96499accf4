import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useSyncExternalStore } from "react";
import { useTranslation } from "~/i18n/react";

import { actorOf, notFound, requireStaff } from "~/auth/guards.server";
import { FreeText } from "~/components/free-text";
import { Alert, SubmitButton } from "~/components/forms";
import { qrSvg } from "~/components/qr.server";
import { publicBaseUrl } from "~/db/credentials.server";
import { apprenticeAccount } from "~/db/pin.server";
import { makeSignInCard } from "~/db/sign-in-card.server";
import { getApprenticeForStaff } from "~/db/staff-records.server";
import { readForm } from "~/forms/form-data.server";
import { parseCardIntent } from "~/forms/staff.server";
import { serverT } from "~/i18n/i18n.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;

async function guard(request: Request, apprenticeId: string | undefined) {
  const user = await requireStaff(request);
  const apprentice = getApprenticeForStaff(actorOf(user), Number(apprenticeId));
  if (!apprentice) throw notFound();
  return { user, apprentice };
}

// Staff of the apprentice's site, and admin: the page that makes an apprentice's sign-in card.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { apprentice } = await guard(request, params.apprenticeId);
  const t = await requestT(request);
  const account = apprenticeAccount(apprentice.id);
  return {
    title: `${apprentice.code} · ${t("card.title")}`,
    apprentice: { id: apprentice.id, code: apprentice.code, preferredName: apprentice.preferredName },
    account: account ? { hasPin: account.hasPin, active: account.active } : null,
  };
}

/** The card's words for the apprentice, in both languages whatever the staff member reads. */
function cardWords(locale: "km" | "en") {
  const t = serverT(locale);
  return {
    heading: t("card.for.heading"),
    scan: t("card.for.scan"),
    type: t("card.for.type"),
    pin: t("card.for.pin"),
    safe: t("card.for.safe"),
  };
}

// Making a card sets a new PIN (shown once, here, to print) and creates the account if missing.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, apprentice } = await guard(request, params.apprenticeId);
  const parsed = parseCardIntent(await readForm(request));
  if (!parsed.ok) return data({ error: "card.errors.intent" as const, card: null }, { status: 400 });
  const made = await makeSignInCard({ apprentice, staffUserId: user.id, requestId: context.requestId });
  if (!made.ok) return data({ error: `card.errors.${made.reason}` as const, card: null }, { status: 400 });
  const url = `${publicBaseUrl(request)}/login?as=${encodeURIComponent(made.username)}`;
  return {
    error: null,
    card: { username: made.username, pin: made.pin, url, svg: await qrSvg(url), words: { km: cardWords("km"), en: cardWords("en") } },
  };
}

const noSubscription = () => () => {};

/** The print button needs the browser's print dialog: shown once the page runs its script. */
function PrintButton() {
  const { t } = useTranslation();
  // False in the server's HTML and while hydrating, true once the page runs its script.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!ready) return null;
  return (
    <button type="button" onClick={() => window.print()} className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-5 font-semibold text-white">
      {t("card.print")}
    </button>
  );
}

const STEP_ICONS = {
  scan: "M4 8V5a1 1 0 0 1 1-1h3 M16 4h3a1 1 0 0 1 1 1v3 M20 16v3a1 1 0 0 1-1 1h-3 M8 20H5a1 1 0 0 1-1-1v-3 M9 9h2v2H9z M13 13h2v2h-2z M13 9h2 M9 13v2",
  type: "M5 4h14v16H5z M8 8h.01 M12 8h.01 M16 8h.01 M8 12h.01 M12 12h.01 M16 12h.01 M8 16h.01 M12 16h.01 M16 16h.01",
} as const;

function Step({ icon, km, en }: { icon: keyof typeof STEP_ICONS; km: string; en: string }) {
  return (
    <li className="flex items-center gap-3">
      <svg
        width="40"
        height="40"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        className="shrink-0 text-brand-700"
      >
        <path d={STEP_ICONS[icon]} />
      </svg>
      <span>
        <span lang="km" className="block text-lg">
          {km}
        </span>
        <span lang="en" className="block text-stone-700">
          {en}
        </span>
      </span>
    </li>
  );
}

export default function SignInCard() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const a = d.apprentice;
  const card = actionData?.card ?? null;
  return (
    <div className="space-y-5">
      <div className="no-print">
        <Link to={`/staff/apprentices/${a.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← <FreeText text={a.preferredName} className="ml-1" />
        </Link>
        <h1 className="text-2xl font-bold">{t("card.title")}</h1>
      </div>

      {actionData?.error ? <Alert>{t(actionData.error)}</Alert> : null}

      {card ? (
        <>
          <p role="status" className="no-print rounded-lg bg-green-50 px-4 py-3 text-green-900">
            {t("card.made")}
          </p>
          <div className="no-print flex flex-wrap items-center gap-3">
            <PrintButton />
            <p className="text-sm text-stone-700">{t("card.printHelp")}</p>
          </div>
          <article
            aria-labelledby="card-heading"
            data-testid="sign-in-card"
            className="mx-auto max-w-sm break-inside-avoid rounded-2xl border-4 border-brand-700 bg-white p-5 print:border-2"
          >
            <h2 id="card-heading" className="text-center text-xl font-bold">
              <span lang="km" className="block">
                {card.words.km.heading}
              </span>
              <span lang="en" className="block text-base font-semibold text-stone-700">
                {card.words.en.heading}
              </span>
            </h2>
            <p className="mt-2 text-center text-lg font-semibold">
              <FreeText text={a.preferredName} /> <span className="font-mono">{a.code}</span>
            </p>
            <div
              className="mx-auto mt-3 w-52"
              role="img"
              aria-label={t("card.qrLabel", { code: a.code })}
              data-testid="card-qr"
              data-url={card.url}
              dangerouslySetInnerHTML={{ __html: card.svg }}
            />
            <ol className="mt-4 space-y-3">
              <Step icon="scan" km={card.words.km.scan} en={card.words.en.scan} />
              <Step icon="type" km={card.words.km.type} en={card.words.en.type} />
            </ol>
            <div className="mt-4 rounded-xl bg-brand-50 p-3 text-center">
              <p>
                <span lang="km">{card.words.km.pin}</span> · <span lang="en">{card.words.en.pin}</span>
              </p>
              {/* Latin digits: what a phone's number pad types (sign-in takes Khmer digits too). */}
              <p className="font-mono text-4xl font-bold tracking-[0.3em]" data-testid="card-pin" data-numerals-sample>
                {card.pin}
              </p>
            </div>
            <p className="mt-3 text-center text-sm">
              <span lang="km" className="block">
                {card.words.km.safe}
              </span>
              <span lang="en" className="block text-stone-700">
                {card.words.en.safe}
              </span>
            </p>
          </article>
        </>
      ) : (
        <section aria-labelledby="make-card" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="make-card" className="text-lg font-semibold">
            <FreeText text={a.preferredName} /> <span className="font-mono text-base text-stone-600">{a.code}</span>
          </h2>
          <p className="mt-1">{t("card.intro")}</p>
          <p className="mt-2 text-sm text-stone-700">{d.account === null ? t("card.noAccount") : d.account.hasPin ? t("card.replaces") : t("card.firstPin")}</p>
          <Form method="post" className="mt-3">
            <SubmitButton intent="make" pendingText={t("card.making")}>
              {t("card.make")}
            </SubmitButton>
          </Form>
        </section>
      )}
    </div>
  );
}
