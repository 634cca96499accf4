/**
 * Signed records of achievement (docs/decisions/0020, 0021): issue, re-issue and
 * revoke (staff, for a completed placement of their site, each audited), the apprentice's own
 * download, and the public look-up behind /verify.
 *
 * Callers scope first: staff with `getPlacementForStaff`, the apprentice with their session's
 * apprentice id. The public look-up knows nothing but the id it was given.
 */
import crypto from "node:crypto";

import { and, asc, desc, eq } from "drizzle-orm";
import { decodeJwt } from "jose";

import { checkCredential, signCredential } from "~/credentials/jwt.server";
import { publishedKeys, signingKey } from "~/credentials/keys.server";
import { buildCredential, isPublicId, type RecordFacts, type Verdict } from "~/domain/credential";
import type { RevocationReason } from "~/domain/enums";
import { educationAttended, placementWeeks } from "~/domain/me-progress";
import { env } from "~/env.server";
import { serverT } from "~/i18n/i18n.server";

import { audit } from "./audit.server";
import { db } from "./client.server";
import { databaseKeyStore } from "./credential-keys.server";
import { loadAchievement } from "./me.server";
import { consents, credentialRevocations, credentials, educationAfternoons, educationEvents, placements, users } from "./schema";
import { ownPlacementScope } from "./scope.server";

const withRequest = (requestId?: string) => (requestId ? { requestId } : null);

/** The public keys, current first (for /.well-known/jwks.json and the verify page), read from the database. */
export const currentPublishedKeys = () => publishedKeys(databaseKeyStore());

/** Where the credential's ids point: PUBLIC_URL, or the address the issuing request came to. */
export function publicBaseUrl(request: Request): string {
  return env().PUBLIC_URL ?? new URL(request.url).origin;
}

export const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

// ---------------------------------------------------------------------------------------------
// Reads

/** Whether consent to share the legal name is current: the latest answer holds. */
function sharesLegalName(apprenticeId: number, database: Pick<ReturnType<typeof db>, "select"> = db()): boolean {
  const latest = database
    .select({ granted: consents.granted })
    .from(consents)
    .where(and(eq(consents.apprenticeId, apprenticeId), eq(consents.item, "share_legal_name")))
    .orderBy(desc(consents.recordedAt), desc(consents.id))
    .get();
  return latest?.granted === true;
}

export interface CredentialRow {
  id: number;
  publicId: string;
  /** The verify page's address, as the credential itself states it (its `id`). */
  url: string;
  issuedAt: string;
  issuedByName: string;
  includesLegalName: boolean;
  supersedesId: number | null;
  revokedAt: string | null;
  reason: RevocationReason | null;
}

/** A placement's credentials, newest first, each with its revocation if any. */
export function credentialsOfPlacement(placementId: number, database: Pick<ReturnType<typeof db>, "select"> = db()): CredentialRow[] {
  return database
    .select({
      id: credentials.id,
      publicId: credentials.publicId,
      jwt: credentials.jwt,
      issuedAt: credentials.issuedAt,
      issuedByName: users.displayName,
      includesLegalName: credentials.includesLegalName,
      supersedesId: credentials.supersedesId,
      revokedAt: credentialRevocations.revokedAt,
      reason: credentialRevocations.reason,
    })
    .from(credentials)
    .innerJoin(users, eq(users.id, credentials.issuedBy))
    .leftJoin(credentialRevocations, eq(credentialRevocations.credentialId, credentials.id))
    .where(eq(credentials.placementId, placementId))
    .orderBy(desc(credentials.id))
    .all()
    .map(({ jwt, ...r }) => ({ ...r, url: String(decodeJwt(jwt).jti), issuedAt: r.issuedAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null }));
}

/** The credential that stands for a placement now: the newest one not revoked. */
const currentCredentialOf = (placementId: number, database?: Pick<ReturnType<typeof db>, "select">) =>
  credentialsOfPlacement(placementId, database).find((c) => c.revokedAt === null) ?? null;

/** Whether the current credential holds the legal name although consent has since been withdrawn. */
export function consentChangedSince(placementId: number, current: CredentialRow | null): boolean {
  if (!current?.includesLegalName) return false;
  const p = db().select({ apprenticeId: placements.apprenticeId }).from(placements).where(eq(placements.id, placementId)).get();
  return p ? !sharesLegalName(p.apprenticeId) : false;
}

/**
 * The apprentice's own current credential of a completed placement: its JWT, id and address, or
 * null (another apprentice's placement, one not completed, or none issued).
 */
export function ownCredential(placementId: number, apprenticeId: number | null) {
  if (apprenticeId === null || !Number.isSafeInteger(placementId)) return null;
  const placement = db()
    .select({ id: placements.id })
    .from(placements)
    .where(and(eq(placements.id, placementId), ownPlacementScope(apprenticeId), eq(placements.status, "completed")))
    .get();
  if (!placement) return null;
  const current = currentCredentialOf(placement.id);
  if (!current) return null;
  const row = db().select({ jwt: credentials.jwt }).from(credentials).where(eq(credentials.id, current.id)).get()!;
  return { publicId: current.publicId, url: current.url, jwt: row.jwt, issuedAt: current.issuedAt };
}

/** Not a possible public id: a malformed id is looked up as this, so it costs the same as an unknown one. */
const NEVER_AN_ID = "!".repeat(22);

/**
 * The public look-up behind /verify/:credentialId. Every call hashes an id and reads one row by
 * that hash, whether the id is well-formed, unknown or real: the answer's timing says nothing
 * about which ids exist. Returns only the JWT as signed and its revocation.
 */
export function lookUpCredential(given: string) {
  const wellFormed = isPublicId(given);
  const row = db()
    .select({ publicId: credentials.publicId, jwt: credentials.jwt, revokedAt: credentialRevocations.revokedAt, reason: credentialRevocations.reason })
    .from(credentials)
    .leftJoin(credentialRevocations, eq(credentialRevocations.credentialId, credentials.id))
    .where(eq(credentials.idHash, sha256(wellFormed ? given : NEVER_AN_ID)))
    .get();
  if (!wellFormed || !row) return null;
  return {
    publicId: row.publicId,
    jwt: row.jwt,
    revocation: row.revokedAt && row.reason ? { revokedAt: row.revokedAt.toISOString(), reason: row.reason } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Issue, re-issue, revoke

/** What the credential states, from the records; null when the placement is not completed. */
function gatherFacts(placementId: number): (Omit<RecordFacts, "baseUrl" | "publicId" | "subjectId" | "issuedAt"> & { apprenticeId: number }) | null {
  const record = loadAchievement(placementId);
  const endedOn = record?.placement.endedOn;
  if (!record || !endedOn) return null;
  const p = record.placement;
  const extra = db()
    .select({ plannedWeeks: placements.plannedWeeks, employerId: placements.employerId })
    .from(placements)
    .where(eq(placements.id, placementId))
    .get()!;
  const ledger = db()
    .select({ id: educationAfternoons.id, date: educationAfternoons.date, kind: educationEvents.kind })
    .from(educationAfternoons)
    .leftJoin(educationEvents, eq(educationEvents.afternoonId, educationAfternoons.id))
    .where(eq(educationAfternoons.placementId, placementId))
    .orderBy(asc(educationAfternoons.date), asc(educationEvents.id))
    .all();
  const afternoons = new Map<number, { date: string; events: NonNullable<(typeof ledger)[number]["kind"]>[] }>();
  for (const row of ledger) {
    const a = afternoons.get(row.id) ?? { date: row.date, events: [] };
    if (row.kind) a.events.push(row.kind);
    afternoons.set(row.id, a);
  }
  const [en, km] = [serverT("en"), serverT("km")];
  const both = (key: "credential.programme" | "credential.description" | "credential.criteria") => ({ en: en(key), km: km(key) });
  return {
    apprenticeId: p.apprenticeId,
    text: {
      programme: both("credential.programme"),
      name: { en: en("credential.name", { trade: p.tradeEn }), km: km("credential.name", { trade: p.tradeKm }) },
      description: both("credential.description"),
      criteria: both("credential.criteria"),
    },
    preferredName: p.preferredName,
    legalName: sharesLegalName(p.apprenticeId) ? p.legalName : null,
    trade: { en: p.tradeEn, km: p.tradeKm },
    framework: { code: p.frameworkCode, version: p.frameworkVersion },
    employer: { id: extra.employerId, name: p.employerName },
    site: { en: p.siteEn, km: p.siteKm },
    startDate: p.startDate,
    endDate: endedOn,
    weeksCompleted: placementWeeks({ startDate: p.startDate, plannedWeeks: extra.plannedWeeks, today: endedOn, endedOn }).current,
    educationAfternoonsAttended: educationAttended([...afternoons.values()], endedOn).attended,
    competencies: record.units.flatMap((u) =>
      u.reached.map((c) => ({
        code: c.code,
        title: { en: c.titleEn, km: c.titleKm },
        unit: { code: u.code, title: { en: u.titleEn, km: u.titleKm } },
        reachedOn: c.reachedOn,
      })),
    ),
  };
}

export type IssueResult = { status: "issued"; id: number; publicId: string; reissue: boolean } | { status: "not_completed" } | { status: "stale" };

/**
 * Issue a placement's record of achievement, or re-issue it (the current one is then revoked as
 * `superseded`). Signing is asynchronous, so the facts are read, signed, and then written in one
 * transaction that checks nothing moved meanwhile: the placement is still completed, the current
 * credential is still the one the form showed (`expectedCurrentId`: a double submit issues once),
 * and the consent the credential followed still holds.
 */
export async function issueCredential(input: {
  placementId: number;
  actorUserId: number;
  baseUrl: string;
  expectedCurrentId: number | null;
  requestId?: string;
  now?: Date;
}): Promise<IssueResult> {
  const facts = gatherFacts(input.placementId);
  if (!facts) return { status: "not_completed" };
  if ((currentCredentialOf(input.placementId)?.id ?? null) !== input.expectedCurrentId) return { status: "stale" };

  const publicId = crypto.randomBytes(16).toString("base64url");
  const { apprenticeId, ...rest } = facts;
  const credential = buildCredential({
    ...rest,
    baseUrl: input.baseUrl,
    publicId,
    subjectId: `urn:uuid:${crypto.randomUUID()}`,
    issuedAt: input.now ?? new Date(),
  });
  const signer = await signingKey(databaseKeyStore());
  const jwt = await signCredential(credential, signer, input.baseUrl);

  return db().transaction((tx): IssueResult => {
    const still = tx.select({ status: placements.status }).from(placements).where(eq(placements.id, input.placementId)).get();
    if (still?.status !== "completed") return { status: "not_completed" };
    const current = currentCredentialOf(input.placementId, tx);
    if ((current?.id ?? null) !== input.expectedCurrentId) return { status: "stale" };
    if (sharesLegalName(apprenticeId, tx) !== (facts.legalName !== null)) return { status: "stale" };
    const row = tx
      .insert(credentials)
      .values({
        publicId,
        idHash: sha256(publicId),
        placementId: input.placementId,
        jwt,
        kid: signer.kid,
        includesLegalName: facts.legalName !== null,
        supersedesId: current?.id ?? null,
        issuedBy: input.actorUserId,
      })
      .returning({ id: credentials.id })
      .get();
    if (current) tx.insert(credentialRevocations).values({ credentialId: current.id, reason: "superseded", revokedBy: input.actorUserId }).run();
    // Ids and facts about the credential only: never a name.
    audit(
      {
        actorUserId: input.actorUserId,
        action: current ? "credential_reissued" : "credential_issued",
        entity: "placement",
        entityId: input.placementId,
        detail: {
          credentialId: row.id,
          supersedes: current?.id ?? null,
          includesLegalName: facts.legalName !== null,
          competencies: facts.competencies.length,
          kid: signer.kid,
        },
      },
      withRequest(input.requestId),
      tx,
    );
    return { status: "issued", id: row.id, publicId, reissue: current !== null };
  });
}

/** Revoke one of the placement's credentials, with a reason. Another placement's credential is "not found". */
export function revokeCredential(input: {
  placementId: number;
  credentialId: number;
  reason: RevocationReason;
  actorUserId: number;
  requestId?: string;
}): "revoked" | "already" | "not_found" {
  if (!Number.isSafeInteger(input.credentialId)) return "not_found";
  return db().transaction((tx) => {
    const row = tx
      .select({ id: credentials.id, revokedAt: credentialRevocations.revokedAt })
      .from(credentials)
      .leftJoin(credentialRevocations, eq(credentialRevocations.credentialId, credentials.id))
      .where(and(eq(credentials.id, input.credentialId), eq(credentials.placementId, input.placementId)))
      .get();
    if (!row) return "not_found";
    if (row.revokedAt) return "already";
    tx.insert(credentialRevocations).values({ credentialId: row.id, reason: input.reason, revokedBy: input.actorUserId }).run();
    audit(
      {
        actorUserId: input.actorUserId,
        action: "credential_revoked",
        entity: "placement",
        entityId: input.placementId,
        detail: { credentialId: row.id, reason: input.reason },
      },
      withRequest(input.requestId),
      tx,
    );
    return "revoked";
  });
}

// ---------------------------------------------------------------------------------------------
// Verdicts for the public verify page

/**
 * The verdict on /verify/:credentialId, or null for an id that is not a credential's. A revoked
 * credential shows the revocation only: what it held is no longer vouched for (docs/decisions/0021).
 */
export async function verdictForId(given: string, now = new Date()): Promise<Verdict | null> {
  const stored = lookUpCredential(given);
  if (!stored) return null;
  if (stored.revocation) return { state: "revoked", ...stored.revocation };
  const checked = await checkCredential(stored.jwt, currentPublishedKeys(), now);
  return checked.ok ? { state: "valid", credential: checked.credential } : { state: "not_valid", reason: checked.reason };
}

/**
 * The verdict on a credential someone pasted or uploaded: signed by a published key, untouched,
 * a record of achievement, one this portal issued (the very JWT it keeps), and not revoked.
 */
export async function verdictForUpload(text: string, now = new Date()): Promise<Verdict> {
  const checked = await checkCredential(text, currentPublishedKeys(), now);
  if (!checked.ok) return { state: "not_valid", reason: checked.reason };
  const stored = lookUpCredential(checked.credential.publicId ?? "");
  if (!stored || stored.jwt !== checked.jwt) return { state: "not_valid", reason: "unknown_record" };
  if (stored.revocation) return { state: "revoked", ...stored.revocation };
  return { state: "valid", credential: checked.credential };
}
