/** The apprentice's profile: what is on record, and the form that edits it. */
import { Form } from "@remix-run/react";

import { errorsOf, Field, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { CONSENT_ITEMS, GENDERS } from "~/domain/enums";
import { formatDate } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { FreeText } from "~/components/free-text";
import { IntakeName, useIntakeName } from "~/components/codes";

import type { RecordData, RecordReply } from "./record";

export function ProfileSummary({ d }: { d: RecordData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const a = d.apprentice;
  return (
    <section aria-labelledby="profile" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="profile" className="text-lg font-semibold">
        {t("staffRecord.profile")}
      </h2>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        <dt className="text-stone-600">{t("staffRecord.legalName")}</dt>
        <dd>
          <FreeText text={a.legalName} />
        </dd>
        <dt className="text-stone-600">{t("staffRecord.dateOfBirth")}</dt>
        <dd>
          {formatDate(locale, a.dateOfBirth)} ({t("staffRecord.age", { age: a.age })})
        </dd>
        <dt className="text-stone-600">{t("staffRecord.gender")}</dt>
        <dd>{t(`gender.${a.gender}`)}</dd>
        <dt className="text-stone-600">{t("staffRecord.phase")}</dt>
        <dd>{t(`phases.${a.phase}`)}</dd>
        <dt className="text-stone-600">{t("staffRecord.intake")}</dt>
        <dd>
          <IntakeName name={a.intakeName} />
        </dd>
        <dt className="text-stone-600">{t("staffRecord.referral")}</dt>
        <dd>{a.referralSource ? <FreeText text={a.referralSource} /> : "—"}</dd>
        <dt className="text-stone-600">{t("staffRecord.background")}</dt>
        <dd>{a.background ? <FreeText text={a.background} /> : "—"}</dd>
      </dl>
      <h3 className="mt-3 font-semibold">{t("staffRecord.consents")}</h3>
      <ul className="text-sm">
        {CONSENT_ITEMS.map((item) => (
          <li key={item}>
            {t(`consent.${item}`)}: {d.consents[item] ? t("staffRecord.granted") : t("staffRecord.notGranted")}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProfileForm({ d, reply }: { d: RecordData; reply: RecordReply }) {
  const { t } = useTranslation();
  const intakeName = useIntakeName();
  const a = d.apprentice;
  const errors = errorsOf(reply, "profile");
  return (
    <section id="profile-edit" aria-labelledby="profile-edit-title" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="profile-edit-title" className="text-lg font-semibold">
        {t("records.apprentices.editProfile")}
      </h2>
      <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
        <FormErrors errors={errors} />
        <Field
          name="preferredName"
          prefix="profile"
          label={t("records.apprentices.preferredName")}
          errors={errors}
          defaultValue={a.preferredName}
          maxLength={100}
        />
        <Field name="legalName" prefix="profile" label={t("staffRecord.legalName")} errors={errors} defaultValue={a.legalName} maxLength={200} />
        <Field
          name="dateOfBirth"
          type="date"
          prefix="profile"
          label={t("staffRecord.dateOfBirth")}
          errors={errors}
          defaultValue={a.dateOfBirth}
          max={d.today}
        />
        <SelectField
          name="gender"
          prefix="profile"
          label={t("staffRecord.gender")}
          errors={errors}
          defaultValue={a.gender}
          options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
        />
        <SelectField
          name="intakeId"
          prefix="profile"
          label={t("staffRecord.intake")}
          errors={errors}
          defaultValue={a.intakeId}
          blank={t("records.none")}
          options={d.intakes.map((i) => ({ value: i.id, label: intakeName(i.name) }))}
        />
        <Field name="referralSource" prefix="profile" label={t("staffRecord.referral")} errors={errors} defaultValue={a.referralSource} maxLength={200} />
        <Field
          name="background"
          prefix="profile"
          label={t("staffRecord.background")}
          errors={errors}
          defaultValue={a.background}
          maxLength={2000}
          className="sm:col-span-2"
        />
        <div>
          <SubmitButton intent="profile">{t("records.apprentices.saveProfile")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
