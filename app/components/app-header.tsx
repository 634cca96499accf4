import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import type { Locale, Role } from "~/domain/enums";

interface Props {
  user: { displayName: string; role: Role; home: string } | null;
  locale: Locale;
}

type NavKey =
  | "nav.home"
  | "nav.myApprentices"
  | "me.title"
  | "nav.trainers"
  | "nav.flags"
  | "nav.frameworks"
  | "nav.settings"
  | "reports.nav.trainers"
  | "reports.nav.outcomes"
  | "plan.nav"
  | "notice2.nav"
  | "feedback.nav"
  | "admin.nav"
  | "nav.apprentices"
  | "nav.employers"
  | "reminders.nav"
  | "nav.menu";
const STAFF_NAV: { to: string; key: NavKey }[] = [
  { to: "/staff", key: "nav.home" },
  { to: "/staff/flags", key: "nav.flags" },
  { to: "/staff/reports/trainers", key: "reports.nav.trainers" },
  { to: "/staff/reports/outcomes", key: "reports.nav.outcomes" },
  { to: "/staff/apprentices", key: "nav.apprentices" },
  { to: "/staff/employers", key: "nav.employers" },
  { to: "/staff/trainers", key: "nav.trainers" },
  { to: "/staff/reminders", key: "reminders.nav" },
  { to: "/staff/frameworks", key: "nav.frameworks" },
];
const NAV: Record<Role, { to: string; key: NavKey }[]> = {
  staff: STAFF_NAV,
  admin: [...STAFF_NAV, { to: "/staff/settings", key: "nav.settings" }, { to: "/admin", key: "admin.nav" }],
  trainer: [{ to: "/trainer", key: "nav.myApprentices" }],
  apprentice: [
    { to: "/me", key: "me.title" },
    // The apprentice's pages keep their labels in their own catalogue sections.
    { to: "/me/plan", key: "plan.nav" },
    { to: "/me/notices", key: "notice2.nav" },
    { to: "/me/feedback", key: "feedback.nav" },
  ],
};

export function AppHeader({ user, locale }: Props) {
  const { t } = useTranslation();
  return (
    <header className="no-print border-b border-brand-800 bg-brand-700 text-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 focus:text-brand-800">
        {t("app.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
        <Link to={user?.home ?? "/"} className="flex min-h-11 items-center text-lg font-bold">
          {t("app.name")}
        </Link>
        {user ? (
          NAV[user.role].length > 4 ? (
            <>
              {/* A long menu folds away on a phone (a <details>: no script needed); wider screens show it in a row. */}
              <details className="order-last w-full sm:hidden [&>summary::-webkit-details-marker]:hidden">
                <summary className="flex min-h-11 cursor-pointer list-none items-center rounded-md border border-white/40 px-3">☰ {t("nav.menu")}</summary>
                <MainNav items={NAV[user.role]} className="mt-1 flex-col" />
              </details>
              <MainNav items={NAV[user.role]} className="hidden sm:flex" />
            </>
          ) : (
            <MainNav items={NAV[user.role]} className="flex-row" />
          )
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitch locale={locale} />
          {user ? (
            <Form method="post" action="/logout" reloadDocument>
              <button
                type="submit"
                className="min-h-11 rounded-md border border-white/40 px-3 hover:bg-brand-800"
                title={t("app.signedInAs", { name: user.displayName })}
              >
                {t("app.signOut")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </header>
  );
}

function MainNav({ items, className }: { items: { to: string; key: NavKey }[]; className: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("app.mainNav")} className={`flex flex-wrap gap-1 ${className}`}>
      {items.map((item) => (
        <NavLink
          key={item.to}
          to={item.to}
          end
          className={({ isActive }) => `flex min-h-11 items-center rounded-md px-3 ${isActive ? "bg-brand-800" : "hover:bg-brand-800/60"}`}
        >
          {t(item.key)}
        </NavLink>
      ))}
    </nav>
  );
}

/** The language button's labels, each in its own language (the Khmer one has a font of its own on other pages: app/tailwind.css). */
export const LANGUAGES: { locale: Locale; label: string; lang: string }[] = [
  { locale: "km", label: "ខ្មែរ", lang: "km" },
  { locale: "en", label: "English", lang: "en" },
];

/** A plain form: works without JavaScript, and reloads the page in the new language. */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" reloadDocument aria-label={t("app.language")} className="flex">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LANGUAGES.map((l) => (
        <button
          key={l.locale}
          type="submit"
          name="locale"
          value={l.locale}
          lang={l.lang}
          aria-pressed={l.locale === locale}
          className={`language-button min-h-11 min-w-11 px-3 first:rounded-l-md last:rounded-r-md border border-white/40 ${
            l.locale === locale ? "bg-white font-semibold text-brand-800" : "hover:bg-brand-800"
          }`}
        >
          {l.label}
        </button>
      ))}
    </Form>
  );
}
