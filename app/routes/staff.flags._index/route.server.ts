// The loader of this page (route.tsx re-exports it), in a .server module so that
// the browser build leaves out their imports (docs/decisions/0039, 0046).
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, requireStaff } from "~/auth/guards.server";
import { countFlags, employerInScope, filterChoices, listFlags, trainerInScope } from "~/db/flag-review.server";
import { offsetOf, pageInfo } from "~/domain/pagination";
import { chosenSite, parseInboxFilters } from "~/forms/flags.server";
import { parsePage } from "~/forms/pagination.server";
import { requestT } from "~/i18n/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const actor = actorOf(user);
  const t = await requestT(request);
  const url = new URL(request.url);
  const choices = filterChoices(actor, chosenSite(url.searchParams));
  const parsed = parseInboxFilters(url.searchParams, {
    sites: choices.sites,
    employer: (id) => employerInScope(actor, id),
    trainer: (id) => trainerInScope(actor, id),
  });
  const paging = parsePage(url.searchParams);
  const isAdmin = user.role === "admin";
  const base = { title: t("flags.title"), choices, isAdmin };
  if (!parsed.ok || !paging.ok) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(paging.ok ? {} : paging.errors) } as Record<string, string[] | undefined>;
    return data({ ...base, errors, flags: [], page: null }, { status: 400 });
  }
  const filters = parsed.data;
  const page = pageInfo(paging.data, countFlags(actor, filters));
  const rows = listFlags(actor, filters, paging.data.size, offsetOf(paging.data));
  return {
    ...base,
    errors: {} as Record<string, string[] | undefined>,
    page,
    flags: rows.map((f) => ({ ...f, evidence: f.evidence as Record<string, unknown>, raisedAt: f.raisedAt.toISOString() })),
  };
}
