/**
 * The staff-only record of an apprentice (every view is audited): profile, placements, consents,
 * phase, career plan, PIN, follow-up notes, confidential feedback and outcome check-ins. Each
 * section is a component beside this file; every form posts here with its intent.
 */
import { useActionData, useLoaderData } from "@remix-run/react";

import { FormErrors } from "~/components/forms";
import { FreeText } from "~/components/free-text";
import { useTranslation } from "~/i18n/react";
import { pageMeta } from "~/utils/meta";
import type { action, loader } from "~/routes/staff.apprentices.$apprenticeId/route.server";

import { CareerPlan } from "./career-plan";
import { Checkins } from "./checkins";
import { Consent } from "./consent";
import { Feedback } from "./feedback";
import { Notes } from "./notes";
import { Phase } from "./phase";
import { Pin } from "./pin";
import { Placements } from "./placements";
import { ProfileForm, ProfileSummary } from "./profile";

// The loader and action live in route.server.ts, so that the browser build follows none of
// their server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { action, loader } from "~/routes/staff.apprentices.$apprenticeId/route.server";

export const meta = pageMeta;

export default function ApprenticeRecord() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const a = d.apprentice;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">
          <FreeText text={a.preferredName} /> <span className="font-mono text-lg text-stone-600">{a.code}</span>
        </h1>
        <p className="text-sm text-amber-900">{t("staffRecord.confidential")}</p>
      </div>
      <FormErrors errors={{ intent: reply?.errors.intent }} />
      <ProfileSummary d={d} />
      <Placements d={d} />
      <Consent d={d} reply={reply} />
      <Phase d={d} reply={reply} />
      <ProfileForm d={d} reply={reply} />
      <CareerPlan d={d} reply={reply} />
      <Pin d={d} reply={reply} />
      <Notes d={d} reply={reply} />
      <Feedback d={d} />
      <Checkins d={d} reply={reply} />
    </div>
  );
}
