/**
 * Staff's printable record of achievement of a completed placement of their site, with its signed
 * record: issue, re-issue, revoke. The file name's `$placementId_` keeps it out of the
 * placement page's layout: it is a page of its own.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { readForm } from "~/forms/form-data.server";
import { actorOf, notFound, requireStaff } from "~/auth/guards.server";
import { AchievementRecord } from "~/components/achievement";
import { CredentialPanel, type PanelResult } from "~/components/credential-panel";
import { qrSvg } from "~/components/qr.server";
import { audit } from "~/db/audit.server";
import { consentChangedSince, credentialsOfPlacement, issueCredential, publicBaseUrl, revokeCredential } from "~/db/credentials.server";
import { loadAchievement } from "~/db/me.server";
import { getPlacementForStaff } from "~/db/staff-records.server";
import { dateInZone } from "~/domain/dates";
import type { FieldErrorMap } from "~/domain/field-errors";
import { parseCredentialIntent } from "~/forms/credentials.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { siteToday } from "~/utils/today.server";

export const meta = pageMeta;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const placement = getPlacementForStaff(actorOf(user), Number(params.placementId));
  const record = placement ? loadAchievement(placement.id) : null;
  if (!record) throw notFound();
  // The record carries the legal name: a view of staff-only data is audited (docs/product.md §4).
  audit({ actorUserId: user.id, action: "view_achievement", entity: "placement", entityId: record.placement.id }, context);
  const t = await requestT(request);
  const { apprenticeId, preferredName: _p, ...rest } = record.placement;
  const issued = credentialsOfPlacement(record.placement.id);
  const current = issued.find((c) => c.revokedAt === null) ?? null;
  return {
    title: `${rest.code} · ${t("achievement.title")}`,
    today: siteToday(),
    apprenticeId,
    record: { ...record, placement: rest },
    verify: current ? { url: current.url, svg: await qrSvg(current.url) } : null,
    consentChanged: consentChangedSince(record.placement.id, current),
    credentials: issued.map((c) => ({
      id: c.id,
      url: c.url,
      issuedOn: dateInZone(new Date(c.issuedAt)),
      issuedByName: c.issuedByName,
      includesLegalName: c.includesLegalName,
      revokedOn: c.revokedAt ? dateInZone(new Date(c.revokedAt)) : null,
      reason: c.reason,
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const placement = getPlacementForStaff(actorOf(user), Number(params.placementId));
  if (!placement) throw notFound();
  const parsed = parseCredentialIntent(await readForm(request));
  const fail = (errors: FieldErrorMap) => data<PanelResult>({ errors }, { status: 400 });
  if (!parsed.ok) return fail(parsed.errors);
  const input = parsed.value;
  switch (input.intent) {
    case "issue": {
      // Only a completed placement has a record to sign: anything else is refused, not hidden.
      if (placement.status !== "completed") return fail({ form: ["credentialPanel.notCompleted"] });
      const result = await issueCredential({
        placementId: placement.id,
        actorUserId: user.id,
        baseUrl: publicBaseUrl(request),
        expectedCurrentId: input.current,
        requestId: context.requestId,
      });
      if (result.status === "not_completed") return fail({ form: ["credentialPanel.notCompleted"] });
      if (result.status === "stale") return fail({ form: ["credentialPanel.stale"] });
      return data<PanelResult>({ done: result.reissue ? "reissued" : "issued" });
    }
    case "revoke": {
      const outcome = revokeCredential({
        placementId: placement.id,
        credentialId: input.credentialId,
        reason: input.reason,
        actorUserId: user.id,
        requestId: context.requestId,
      });
      if (outcome === "not_found") throw notFound();
      if (outcome === "already") return fail({ form: ["credentialPanel.already"] });
      return data<PanelResult>({ done: "revoked" });
    }
  }
}

export default function StaffAchievement() {
  const { record, today, apprenticeId, verify, credentials, consentChanged } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="space-y-4">
      <Link to={`/staff/apprentices/${apprenticeId}`} className="inline-flex min-h-11 items-center text-brand-700 underline print:hidden">
        ← {t("achievement.back")}
      </Link>
      <AchievementRecord record={record} today={today} locale={locale} verify={verify} />
      <CredentialPanel credentials={credentials} consentChanged={consentChanged} result={result} locale={locale} />
    </div>
  );
}
