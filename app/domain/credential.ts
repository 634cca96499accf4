/**
 * The signed record of achievement as an Open Badges 3.0 `OpenBadgeCredential`, a
 * W3C Verifiable Credential (data model 2.0) secured as a VC-JWT (docs/decisions/0020).
 *
 * Pure: plain facts in, the credential object out; and back from a credential (a verified JWT
 * payload) to what a verifier is shown. The verify page and `npm run verify` read credentials only
 * through `readCredential`, so they can show nothing the credential does not hold.
 */
import { dateInZone } from "./dates";
import type { RevocationReason } from "./enums";

export interface Bilingual {
  en: string;
  km: string;
}

/** A credential's public id: 128 random bits as base64url, no padding. */
const PUBLIC_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const isPublicId = (value: string): boolean => PUBLIC_ID_PATTERN.test(value);

const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const REVOCATION_LIST_TYPE = "1EdTechRevocationList";

/**
 * The few terms this credential adds to Open Badges: Khmer beside each English title, the unit
 * of a competency, the date it was reached, weeks completed and education afternoons attended.
 */
const EXTENSION_CONTEXT = {
  cpp: "urn:career-pathways:vocab#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  nameKm: { "@id": "cpp:nameKm", "@language": "km" },
  descriptionKm: { "@id": "cpp:descriptionKm", "@language": "km" },
  narrativeKm: { "@id": "cpp:narrativeKm", "@language": "km" },
  addressLocalityKm: { "@id": "cpp:addressLocalityKm", "@language": "km" },
  targetNameKm: { "@id": "cpp:targetNameKm", "@language": "km" },
  unitCode: "cpp:unitCode",
  unitName: "cpp:unitName",
  unitNameKm: { "@id": "cpp:unitNameKm", "@language": "km" },
  reachedOn: { "@id": "cpp:reachedOn", "@type": "xsd:date" },
  weeksCompleted: { "@id": "cpp:weeksCompleted", "@type": "xsd:integer" },
  educationAfternoonsAttended: { "@id": "cpp:educationAfternoonsAttended", "@type": "xsd:integer" },
} as const;

/** The site's offset from UTC (Asia/Phnom_Penh, no daylight saving): placement dates are its calendar days. */
const SITE_OFFSET = "+07:00";

const credentialUrl = (baseUrl: string, publicId: string) => `${baseUrl}/verify/${publicId}`;
const credentialStatusUrl = (baseUrl: string, publicId: string) => `${baseUrl}/verify/${publicId}/status`;
/** The issuer's id: the public page where anyone checks the programme's credentials. */
const issuerUrl = (baseUrl: string) => `${baseUrl}/verify`;
const jwksUrl = (baseUrl: string) => `${baseUrl}/.well-known/jwks.json`;
/** The JOSE `kid`: a URI that dereferences to the public key (the JWKS entry with this thumbprint). */
export const keyUri = (baseUrl: string, thumbprint: string) => `${jwksUrl(baseUrl)}#${thumbprint}`;
/** The thumbprint part of a `kid` (a bare thumbprint is accepted too). */
export const thumbprintOf = (kid: string) => kid.slice(kid.lastIndexOf("#") + 1);

/** The public id at the end of a credential's id (`…/verify/<publicId>`), or null. */
export function publicIdOf(credentialId: string): string | null {
  const m = /\/verify\/([A-Za-z0-9_-]{22})$/.exec(credentialId);
  return m ? m[1]! : null;
}

export interface ReachedCompetency {
  code: string;
  title: Bilingual;
  unit: { code: string; title: Bilingual };
  reachedOn: string;
}

/** Everything a credential states, gathered by the issuer (app/db/credentials.server.ts). */
export interface RecordFacts {
  baseUrl: string;
  publicId: string;
  /** A random `urn:uuid:` per credential: credentials of one person are not linkable by it. */
  subjectId: string;
  issuedAt: Date;
  /** Catalogue text, in both languages. */
  text: { programme: Bilingual; name: Bilingual; description: Bilingual; criteria: Bilingual };
  preferredName: string;
  /** Only when consent to share it was current at issue time. */
  legalName: string | null;
  trade: Bilingual;
  framework: { code: string; version: number };
  employer: { id: number; name: string };
  site: Bilingual;
  startDate: string;
  endDate: string;
  weeksCompleted: number;
  educationAfternoonsAttended: number;
  competencies: readonly ReachedCompetency[];
}

/** Seconds precision: the JWT's `nbf` must equal `validFrom`. */
const isoSeconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");

export function buildCredential(f: RecordFacts) {
  const id = credentialUrl(f.baseUrl, f.publicId);
  const frameworkLabel = `${f.framework.code} v${f.framework.version}`;
  const identifier = [
    { type: "IdentityObject", hashed: false, identityHash: f.preferredName, identityType: "ext:preferredName" },
    ...(f.legalName === null ? [] : [{ type: "IdentityObject", hashed: false, identityHash: f.legalName, identityType: "ext:name" }]),
  ];
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT, EXTENSION_CONTEXT],
    id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: f.text.name.en,
    nameKm: f.text.name.km,
    issuer: {
      id: issuerUrl(f.baseUrl),
      type: ["Profile"],
      name: f.text.programme.en,
      nameKm: f.text.programme.km,
      address: { type: ["Address"], addressCountryCode: "KH", addressLocality: f.site.en, addressLocalityKm: f.site.km },
    },
    validFrom: isoSeconds(f.issuedAt),
    credentialSubject: {
      id: f.subjectId,
      type: ["AchievementSubject"],
      identifier,
      activityStartDate: `${f.startDate}T00:00:00${SITE_OFFSET}`,
      activityEndDate: `${f.endDate}T00:00:00${SITE_OFFSET}`,
      source: { id: `urn:career-pathways:employer:${f.employer.id}`, type: ["Profile"], name: f.employer.name },
      weeksCompleted: f.weeksCompleted,
      educationAfternoonsAttended: f.educationAfternoonsAttended,
      achievement: {
        id: `urn:career-pathways:framework:${encodeURIComponent(f.framework.code)}:v${f.framework.version}`,
        type: ["Achievement"],
        achievementType: "ApprenticeshipCertificate",
        name: f.trade.en,
        nameKm: f.trade.km,
        description: f.text.description.en,
        descriptionKm: f.text.description.km,
        criteria: { narrative: f.text.criteria.en, narrativeKm: f.text.criteria.km },
        fieldOfStudy: f.trade.en,
        humanCode: frameworkLabel,
        version: String(f.framework.version),
      },
      result: f.competencies.map((c) => ({
        type: ["Result"],
        value: "independent",
        reachedOn: c.reachedOn,
        alignment: [
          {
            type: ["Alignment"],
            targetType: "ceasn:Competency",
            targetCode: c.code,
            targetName: c.title.en,
            targetNameKm: c.title.km,
            targetFramework: frameworkLabel,
            targetUrl: `${id}#${encodeURIComponent(c.code)}`,
            unitCode: c.unit.code,
            unitName: c.unit.title.en,
            unitNameKm: c.unit.title.km,
          },
        ],
      })),
    },
    credentialStatus: { id: credentialStatusUrl(f.baseUrl, f.publicId), type: REVOCATION_LIST_TYPE },
  };
}

export type OpenBadgeCredential = ReturnType<typeof buildCredential>;

/** The registered JWT claims of a VC-JWT (Open Badges 3.0, JSON Web Token Proof Format). */
export function jwtClaimsOf(credential: OpenBadgeCredential) {
  return {
    iss: credential.issuer.id,
    jti: credential.id,
    sub: credential.credentialSubject.id,
    nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a credential back: what a verifier is shown

export interface CredentialView {
  id: string;
  publicId: string | null;
  title: Bilingual;
  issuer: { id: string; name: Bilingual; site: Bilingual };
  /** ISO moment of issue. */
  validFrom: string;
  preferredName: string;
  legalName: string | null;
  trade: Bilingual;
  framework: string;
  employer: string;
  startDate: string;
  endDate: string;
  weeksCompleted: number | null;
  educationAfternoonsAttended: number | null;
  units: { code: string; title: Bilingual; competencies: { code: string; title: Bilingual; reachedOn: string }[] }[];
  competencyCount: number;
  statusUrl: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (o: Obj, key: string): string | null => (typeof o[key] === "string" ? (o[key] as string) : null);
const obj = (o: Obj, key: string): Obj | null => (isObj(o[key]) ? (o[key] as Obj) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const types = (o: Obj): string[] => list(o.type).filter((t): t is string => typeof t === "string");
const count = (o: Obj, key: string): number | null => (Number.isSafeInteger(o[key]) && (o[key] as number) >= 0 ? (o[key] as number) : null);
const bilingual = (o: Obj, key: string): Bilingual | null => {
  const en = str(o, key);
  return en === null ? null : { en, km: str(o, `${key}Km`) ?? en };
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (v: string | null) => (v && ISO_DATE.test(v.slice(0, 10)) ? v.slice(0, 10) : null);

/**
 * What a credential says, for display; null when it is not a record of achievement of this
 * shape. Reads only the credential: whatever else is in the database stays out of the view.
 */
export function readCredential(payload: unknown): CredentialView | null {
  if (!isObj(payload)) return null;
  if (!types(payload).includes("OpenBadgeCredential")) return null;
  const id = str(payload, "id");
  const issuer = obj(payload, "issuer");
  const subject = obj(payload, "credentialSubject");
  const validFrom = str(payload, "validFrom");
  if (!id || !issuer || !subject || !validFrom || Number.isNaN(Date.parse(validFrom))) return null;
  const achievement = obj(subject, "achievement");
  const issuerId = str(issuer, "id");
  const issuerName = bilingual(issuer, "name");
  const title = bilingual(payload, "name");
  if (!achievement || !issuerId || !issuerName || !title) return null;
  const trade = bilingual(achievement, "name");
  if (!trade) return null;
  const address = obj(issuer, "address");
  const site = (address && bilingual(address, "addressLocality")) ?? { en: "", km: "" };

  const names = list(subject.identifier).filter(isObj);
  const nameOf = (type: string) =>
    names.find((n) => n.identityType === type && n.hashed === false && typeof n.identityHash === "string")?.identityHash as string | undefined;
  const preferredName = nameOf("ext:preferredName");
  if (!preferredName) return null;

  const startDate = dayOf(str(subject, "activityStartDate"));
  const endDate = dayOf(str(subject, "activityEndDate"));
  if (!startDate || !endDate) return null;

  const units: CredentialView["units"] = [];
  let competencyCount = 0;
  for (const result of list(subject.result)) {
    if (!isObj(result) || !types(result).includes("Result")) return null;
    const reachedOn = str(result, "reachedOn");
    const alignment = list(result.alignment).find(isObj);
    if (!reachedOn || !ISO_DATE.test(reachedOn) || !alignment) return null;
    const code = str(alignment, "targetCode");
    const competencyTitle = bilingual(alignment, "targetName");
    if (!code || !competencyTitle) return null;
    const unitCode = str(alignment, "unitCode") ?? "";
    const unitTitle = bilingual(alignment, "unitName") ?? { en: unitCode, km: unitCode };
    let unit = units.find((u) => u.code === unitCode);
    if (!unit) {
      unit = { code: unitCode, title: unitTitle, competencies: [] };
      units.push(unit);
    }
    unit.competencies.push({ code, title: competencyTitle, reachedOn });
    competencyCount += 1;
  }

  const status = obj(payload, "credentialStatus");
  return {
    id,
    publicId: publicIdOf(id),
    title,
    issuer: { id: issuerId, name: issuerName, site },
    validFrom,
    preferredName,
    legalName: nameOf("ext:name") ?? null,
    trade,
    framework: str(achievement, "humanCode") ?? "",
    employer: str(obj(subject, "source") ?? {}, "name") ?? "",
    startDate,
    endDate,
    weeksCompleted: count(subject, "weeksCompleted"),
    educationAfternoonsAttended: count(subject, "educationAfternoonsAttended"),
    units,
    competencyCount,
    statusUrl: status && str(status, "type") === REVOCATION_LIST_TYPE ? str(status, "id") : null,
  };
}

/**
 * The VC-JWT claims agree with the credential they carry (Open Badges 3.0, "Verify a Credential
 * VC-JWT Signature"): `iss` is the issuer, `jti` the id, `sub` the subject, `nbf` the issue time.
 */
export function claimsAgree(payload: Obj): boolean {
  const issuer = obj(payload, "issuer");
  const subject = obj(payload, "credentialSubject");
  const validFrom = str(payload, "validFrom");
  if (!issuer || !subject || !validFrom) return false;
  return (
    payload.iss === str(issuer, "id") &&
    payload.jti === str(payload, "id") &&
    payload.sub === str(subject, "id") &&
    payload.nbf === Math.floor(Date.parse(validFrom) / 1000)
  );
}

// ---------------------------------------------------------------------------------------------
// What someone pasted or uploaded

const ENVELOPED_TYPE = "EnvelopedVerifiableCredential";
const JWT_MEDIA_PREFIX = "data:application/vc+jwt,";
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/**
 * The file the apprentice downloads: the VC-JWT inside a VC data model 2.0 envelope, so it is
 * JSON and still exactly what was signed.
 */
export function envelope(jwt: string) {
  return { "@context": VC_CONTEXT, id: `${JWT_MEDIA_PREFIX}${jwt}`, type: ENVELOPED_TYPE };
}

export type ExtractedCredential = { kind: "jwt"; jwt: string } | { kind: "not_json" } | { kind: "not_signed" };

/**
 * A VC-JWT from what a verifier gave: a compact JWS, the downloaded envelope, or a JSON string
 * holding either. JSON without a JWT (a credential copied out, with no signature) is "not signed".
 */
export function extractCredential(input: string): ExtractedCredential {
  const text = input.trim();
  if (COMPACT_JWS.test(text)) return { kind: "jwt", jwt: text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: "not_json" };
  }
  if (typeof parsed === "string") return COMPACT_JWS.test(parsed.trim()) ? { kind: "jwt", jwt: parsed.trim() } : { kind: "not_signed" };
  if (isObj(parsed) && types(parsed).includes(ENVELOPED_TYPE)) {
    const id = str(parsed, "id");
    if (id?.startsWith(JWT_MEDIA_PREFIX) && COMPACT_JWS.test(id.slice(JWT_MEDIA_PREFIX.length))) {
      return { kind: "jwt", jwt: id.slice(JWT_MEDIA_PREFIX.length) };
    }
  }
  return { kind: "not_signed" };
}

// ---------------------------------------------------------------------------------------------
// Verdicts

export type NotValidReason = "not_json" | "not_signed" | "unknown_key" | "tampered" | "not_a_record" | "not_yet_valid" | "expired" | "unknown_record";

export type Verdict =
  | { state: "valid"; credential: CredentialView }
  | { state: "revoked"; revokedAt: string; reason: RevocationReason }
  | { state: "not_valid"; reason: NotValidReason };

/** A verdict as a page shows it: moments become the sites' calendar days (server and browser agree). */
export type PageVerdict =
  | { state: "valid"; issuedOn: string; credential: CredentialView }
  | { state: "revoked"; revokedOn: string; reason: RevocationReason }
  | { state: "not_valid"; reason: NotValidReason };

export function pageVerdict(verdict: Verdict): PageVerdict {
  if (verdict.state === "valid") return { state: "valid", issuedOn: dateInZone(new Date(verdict.credential.validFrom)), credential: verdict.credential };
  if (verdict.state === "revoked") return { state: "revoked", revokedOn: dateInZone(new Date(verdict.revokedAt)), reason: verdict.reason };
  return verdict;
}
