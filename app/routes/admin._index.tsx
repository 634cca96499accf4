import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { requireRole } from "~/auth/guards.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await requestT(request);
  return { title: t("admin.title") };
}

export default function AdminHome() {
  const { t } = useTranslation();
  const links = [
    { to: "/admin/users", title: t("admin.users.title"), help: t("admin.home.usersHelp") },
    { to: "/admin/sites", title: t("admin.sites.title"), help: t("admin.home.sitesHelp") },
    { to: "/admin/audit", title: t("admin.audit.title"), help: t("admin.home.auditHelp") },
  ];
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("admin.title")}</h1>
      <ul className="grid gap-3 sm:grid-cols-3">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to} className="block min-h-11 rounded-xl bg-white p-4 shadow-sm hover:bg-brand-50">
              <span className="block text-lg font-semibold text-brand-700 underline">{l.title}</span>
              <span className="mt-1 block text-sm text-stone-700">{l.help}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
