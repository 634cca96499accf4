import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { actorOf, requireStaff } from "~/auth/guards.server";
import { FieldErrors } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { listTrainersForStaff } from "~/db/sign-in-links.server";
import { pageInfo } from "~/domain/pagination";
import { parsePage } from "~/forms/pagination.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const t = await requestT(request);
  const paging = parsePage(new URL(request.url).searchParams);
  const list = paging.ok ? listTrainersForStaff(actorOf(user), paging.data) : { rows: [], total: 0 };
  const body = {
    title: t("links.trainersTitle"),
    page: paging.ok ? pageInfo(paging.data, list.total) : null,
    pageErrors: paging.ok ? [] : [...(paging.errors.page ?? []), ...(paging.errors.size ?? [])],
    trainers: list.rows.map(({ siteId: _s, ...t }) => t),
  };
  return paging.ok ? body : data(body, { status: 400 });
}

export default function Trainers() {
  const { trainers, page, pageErrors } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("links.trainersTitle")}</h1>
      <p className="mt-1 text-stone-700">{t("links.trainersIntro")}</p>
      <div className="mt-4">{page ? <Pagination info={page} /> : <FieldErrors id="page-error" errors={pageErrors} />}</div>
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
