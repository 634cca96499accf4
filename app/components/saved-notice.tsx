import { Link, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { isSaved, withoutSaved } from "~/utils/saved";

/**
 * What the last save did (see app/utils/saved.ts). Fixed to the bottom of the screen, so it is in
 * view wherever the page scrolled to (the section that was saved); a close link takes it away,
 * which without JavaScript is a plain link to the same page.
 */
export function SavedNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const what = new URLSearchParams(location.search).get("saved");
  if (!isSaved(what) || navigation.state !== "idle") return null;
  return (
    <>
      {/* Room at the end of the page, so the notice never hides its last lines. */}
      <div aria-hidden="true" className="h-20" />
      <div className="no-print fixed inset-x-0 bottom-0 z-20 px-3 pb-3">
        <div
          role="status"
          data-testid="saved-notice"
          className="mx-auto flex max-w-xl items-center gap-3 rounded-xl border-2 border-green-700 bg-green-50 py-1 pl-4 pr-1 text-green-950 shadow-lg"
        >
          <svg
            width="24"
            height="24"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.5"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
            className="shrink-0"
          >
            <path d="M5 12.5l4.5 4.5L19 7.5" />
          </svg>
          <p className="flex-1 font-medium">{t(`saved.${what}`)}</p>
          <Link
            to={withoutSaved(location.pathname, location.search) + location.hash}
            replace
            preventScrollReset
            className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded-lg px-3 underline"
          >
            {t("saved.close")}
          </Link>
        </div>
      </div>
    </>
  );
}
