/**
 * Check a record of achievement someone was given: paste it (the JSON file's text or
 * the signed token) or upload the file, and read "valid", "revoked" or "not valid" with the
 * reason (not JSON, not signed, unknown key, changed after signing, …). Works without JavaScript.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { readForm } from "~/forms/form-data.server";
import { Field, SubmitButton, TextArea } from "~/components/forms";
import { Verdict } from "~/components/verdict";
import { verdictForUpload } from "~/db/credentials.server";
import { pageVerdict, type PageVerdict } from "~/domain/credential";
import type { FieldErrorMap } from "~/domain/field-errors";
import { MAX_CREDENTIAL_BYTES, parseVerifyUpload } from "~/forms/credentials.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = (args) => [...pageMeta(args), { name: "robots", content: "noindex" }];

// public route: the checking form is open to anyone.
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await requestT(request);
  return { title: t("verify.title") };
}

type Result = { verdict: PageVerdict; errors?: undefined } | { verdict?: undefined; errors: FieldErrorMap };

// public route: anyone may ask whether a record is valid; nothing is written.
export async function action({ request }: ActionFunctionArgs) {
  // A record is a few kilobytes: a body far larger is refused before it is read.
  if (Number(request.headers.get("content-length") ?? 0) > 4 * MAX_CREDENTIAL_BYTES) {
    return data<Result>({ errors: { credential: ["verify.errors.tooLarge"] } }, { status: 400 });
  }
  const parsed = await parseVerifyUpload(await readForm(request));
  if (!parsed.ok) return data<Result>({ errors: parsed.errors }, { status: 400 });
  return data<Result>({ verdict: pageVerdict(await verdictForUpload(parsed.text)) });
}

export default function VerifyUpload() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors = result?.errors ?? {};
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
      <p className="text-stone-700">{t("verify.intro")}</p>

      {result?.verdict ? (
        <section aria-labelledby="result-title" className="space-y-2">
          <h2 id="result-title" className="text-xl font-semibold">
            {t("verify.resultTitle")}
          </h2>
          <Verdict verdict={result.verdict} locale={locale} />
        </section>
      ) : null}

      <Form method="post" encType="multipart/form-data" className="space-y-3 rounded-xl bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("verify.checkTitle")}</h2>
        <p className="text-stone-700">{t("verify.checkIntro")}</p>
        <TextArea
          name="credential"
          prefix="verify"
          label={t("verify.pasteLabel")}
          errors={errors}
          rows={6}
          maxLength={MAX_CREDENTIAL_BYTES}
          spellCheck={false}
          inputClassName="font-mono text-sm"
        />
        <Field name="file" type="file" prefix="verify" label={t("verify.fileLabel")} errors={errors} accept=".json,.jwt,.txt,application/json,text/plain" />
        <SubmitButton pendingText={t("verify.checking")}>{t("verify.check")}</SubmitButton>
      </Form>
      <p>
        {/* A resource route: a document link, not a client-side navigation. */}
        <a href="/.well-known/jwks.json" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("verify.keys")}
        </a>
      </p>
    </div>
  );
}
