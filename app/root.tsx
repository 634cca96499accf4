import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";

import { AppHeader } from "~/components/app-header";
import { NumeralsSwitch } from "~/components/numerals-switch";
import { SavedNotice } from "~/components/saved-notice";
import { CatalogueGate, CatalogueLinks } from "~/i18n/catalogues";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { fontPreloads } from "~/i18n/fonts";
import { DEFAULT_NUMERALS } from "~/i18n/format";
import { useTranslation } from "~/i18n/react";
import tailwind from "~/tailwind.css";
import { useNonce } from "~/utils/nonce";

import type { loader } from "./root.server";

// The root loader lives in root.server.ts, so that the browser build follows none of its
// server-only imports into chunks of their own (docs/decisions/0039).
export { loader } from "./root.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tailwind },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.appName ?? "" }];

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const { i18n } = useTranslation();
  const locale = data?.locale ?? (isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE);
  const nonce = useNonce();
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={locale} dir="ltr" data-numerals={data?.numerals ?? DEFAULT_NUMERALS}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f5d56" />
        {fontPreloads(locale).map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="anonymous" />
        ))}
        <Meta />
        <Links />
        <CatalogueLinks />
      </head>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <AppHeader user={data?.user ?? null} locale={locale} />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-5 sm:px-6">
          {children}
          <SavedNotice />
        </main>
        {data?.user && locale === "km" ? (
          <footer className="no-print mx-auto w-full max-w-5xl px-4 pb-8 sm:px-6">
            <NumeralsSwitch numerals={data.numerals} />
          </footer>
        ) : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <CatalogueGate>
      <Outlet />
    </CatalogueGate>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const data = useRootData();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A body the server could not read (app/forms/form-data.server.ts) names its problem as a key.
  const formError =
    isRouteErrorResponse(error) && typeof error.data?.formError === "string" && error.data.formError.startsWith("form.body.")
      ? (error.data.formError as "form.body.unreadable")
      : null;
  const [title, body] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
        : status === 400 || status === 413 || status === 415
          ? [t("errors.badRequestTitle"), formError ? t(formError, { defaultValue: t("errors.badRequestBody") }) : t("errors.badRequestBody")]
          : status === 429
            ? [t("errors.busyTitle"), t("errors.busyBody")]
            : [t("errors.serverTitle"), t("errors.serverBody")];
  return (
    <section className="mx-auto max-w-lg rounded-xl bg-white p-6 text-center shadow-sm" aria-labelledby="error-title">
      <p className="text-5xl font-bold text-brand-700">{status}</p>
      <h1 id="error-title" className="mt-2 text-2xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-stone-700">{body}</p>
      <Link to={data?.user?.home ?? "/login"} className="mt-5 inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-5 font-semibold text-white">
        {t("errors.goHome")}
      </Link>
    </section>
  );
}
