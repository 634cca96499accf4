// The loader and action of this page (route.tsx re-exports them), in a .server module so that
// the browser build leaves out their imports (docs/decisions/0039, 0046).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, requireStaff } from "~/auth/guards.server";
import { createApprenticeRecord, intakesForForm, listApprentices, proposeCodes, siteForNewRecord, sitesForForm } from "~/db/record-keeping.server";
import { PHASES, type Phase } from "~/domain/enums";
import { pageInfo } from "~/domain/pagination";
import { intakeYear } from "~/domain/records";
import { parsePage } from "~/forms/pagination.server";
import { readForm } from "~/forms/form-data.server";
import { replyOf } from "~/forms/parse.server";
import { parseApprenticeCreate } from "~/forms/records.server";
import { requestT } from "~/i18n/request.server";
import { siteToday } from "~/utils/today.server";
import { withSaved } from "~/utils/saved";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const actor = actorOf(user);
  const t = await requestT(request);
  const url = new URL(request.url);
  const today = siteToday();
  const intakeParam = Number(url.searchParams.get("intake") ?? "");
  const phaseParam = url.searchParams.get("phase") ?? "";
  const sites = sitesForForm(actor);
  // Admin of several sites chooses one for its intakes (every site's would fill the page).
  const siteParam = Number(url.searchParams.get("site") ?? "");
  const siteId = sites.some((s) => s.id === siteParam) ? siteParam : undefined;
  const bySite = user.role === "admin" && sites.length > 1 && siteId === undefined;
  const intakes = bySite ? [] : intakesForForm(actor).filter((i) => siteId === undefined || i.siteId === siteId);
  const intakeId = intakes.some((i) => i.id === intakeParam) ? intakeParam : undefined;
  const phase = (PHASES as readonly string[]).includes(phaseParam) ? (phaseParam as Phase) : undefined;
  const paging = parsePage(url.searchParams);
  const list = paging.ok ? listApprentices(actor, { siteId, intakeId, phase }, paging.data) : { rows: [], total: 0 };
  // The next free code: per site for this year, and per intake for its year (one query).
  const wanted = [
    ...sites.filter((s) => siteId === undefined || s.id === siteId).map((s) => ({ label: s.code, siteId: s.id, year: intakeYear(today) })),
    ...intakes.map((i) => ({ label: i.name, siteId: i.siteId, year: intakeYear(i.startsOn) })),
  ];
  const codes = proposeCodes(wanted);
  const proposals = wanted.map((w, i) => ({ label: w.label, code: codes[i] ?? null }));
  const body = {
    title: t("records.apprentices.title"),
    isAdmin: user.role === "admin",
    filter: { siteId: siteId ?? null, intakeId: intakeId ?? null, phase: phase ?? null },
    page: paging.ok ? pageInfo(paging.data, list.total) : null,
    pageErrors: paging.ok ? [] : [...(paging.errors.page ?? []), ...(paging.errors.size ?? [])],
    apprentices: list.rows.map(({ siteId: _s, ...a }) => a),
    intakes,
    sites,
    proposals,
    today,
  };
  return paging.ok ? body : data(body, { status: 400 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const actor = actorOf(user);
  const form = await readForm(request);
  const today = siteToday();
  const parsed = parseApprenticeCreate(form, today);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const site = siteForNewRecord(actor, parsed.value.siteId);
  if (!site) return data(replyOf(form, { siteId: ["records.errors.unknownSite"] }), { status: 400 });
  const { siteId: _s, ...input } = parsed.value;
  const result = createApprenticeRecord({ ...input, siteId: site.id, siteCode: site.code, createdBy: user.id, today, requestId: context.requestId });
  if (!result.ok) return data(replyOf(form, result.errors), { status: 400 });
  return redirect(withSaved(`/staff/apprentices/${result.value.id}`, "apprentice"));
}
