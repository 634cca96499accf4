import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { actorOf, requireStaff } from "~/auth/guards.server";
import { listTrainersForStaff } from "~/db/sign-in-links.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const t = await requestT(request);
  return { title: t("links.trainersTitle"), trainers: listTrainersForStaff(actorOf(user)).map(({ siteId: _s, ...t }) => t) };
}

export default function Trainers() {
  const { trainers } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("links.trainersTitle")}</h1>
      <p className="mt-1 text-stone-700">{t("links.trainersIntro")}</p>
      <ul className="mt-4 divide-y divide-stone-100 rounded-xl bg-white shadow-sm">
        {trainers.map((trainer) => (
          <li key={trainer.id}>
            <Link to={`/staff/trainers/${trainer.id}`} className="flex min-h-11 flex-wrap items-baseline justify-between gap-2 px-4 py-3 hover:bg-stone-50">
              <FreeText className="font-semibold text-brand-800 underline" text={trainer.displayName} />
              <span className="text-sm text-stone-600">
                <FreeText text={trainer.employerName} />
                {!trainer.active ? ` · ${t("links.inactive")}` : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
