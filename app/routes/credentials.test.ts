/**
 * Signed records of achievement, called as Remix would: staff issue, re-issue and
 * revoke (audited, scoped to their site, completed placements only); the public verify page and
 * its upload check; the revocation list and the published keys; the apprentice's own download;
 * consent; and what the public side never shows.
 */
import { eq } from "drizzle-orm";
import { base64url } from "jose";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { ensureCredentialKeys } from "~/db/credential-keys.server";
import { lookUpCredential } from "~/db/credentials.server";
import {
  createApprenticeWithUser,
  createEducationAfternoon,
  createEmployer,
  createFramework,
  createPlacement,
  createSite,
  createUser,
  grantConsent,
  recordAssessment,
  recordFeedback,
} from "~/db/factories.server";
import { auditEvents, credentialRevocations, credentials, followUpNotes } from "~/db/schema";
import type { PageVerdict } from "~/domain/credential";
import { useTestDatabase } from "~/test/db";
import { BASE, context, cookieFor, get, post, run } from "~/test/requests";

import { loader as jwksLoader } from "./[.well-known].jwks[.json]";
import { loader as myAchievementLoader } from "./me.achievement.$placementId/route";
import { loader as downloadLoader } from "./me.achievement.$placementId_.credential[.json]";
import { action as staffAction, loader as staffLoader } from "./staff.placements.$placementId_.achievement";
import { loader as verifyLoader } from "./verify.$credentialId";
import { loader as statusLoader } from "./verify.$credentialId_.status";
import { action as uploadAction } from "./verify._index";

const db = useTestDatabase();

const pp = createSite(db, { code: "PP", nameEn: "Phnom Penh", nameKm: "ភ្នំពេញ" });
const sr = createSite(db, { code: "SR", nameEn: "Siem Reap", nameKm: "សៀមរាប" });
const salon = createEmployer(db, { siteId: pp.id, name: "Parkway Beauty Salon" });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id, displayName: "Trainer Canary Name" });
const staff = createUser(db, { role: "staff", siteId: pp.id, displayName: "Staff Sopheap" });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });
const fw = createFramework(db, { code: "HAIR", tradeEn: "Hairdressing", tradeKm: "កាត់សក់" });

// Vanna: a completed placement with two skills reached, staff-only facts full of canaries.
const { apprentice: vanna, user: vannaUser } = createApprenticeWithUser(db, {
  siteId: pp.id,
  code: "PP-26-777",
  preferredName: "Vanna",
  legalName: "Keo Vanna Legal",
  dateOfBirth: "2007-04-05",
  referralSource: "canary-referral",
  background: "canary-background",
  phase: "follow_up",
});
const done = createPlacement(db, {
  apprenticeId: vanna.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: "2026-01-05",
  plannedWeeks: 8,
  status: "completed",
  endedOn: "2026-03-06",
  outcome: "retained_by_employer",
});
recordAssessment(db, {
  placementId: done.id,
  competencyId: fw.competencies[0]!.id,
  trainerUserId: trainer.id,
  level: "independent",
  observedOn: "2026-02-03",
  evidenceNote: "canary-evidence",
});
recordAssessment(db, { placementId: done.id, competencyId: fw.competencies[2]!.id, trainerUserId: trainer.id, level: "independent", observedOn: "2026-02-24" });
recordAssessment(db, { placementId: done.id, competencyId: fw.competencies[3]!.id, trainerUserId: trainer.id, level: "with_help", observedOn: "2026-02-24" });
for (const [date, kind] of [
  ["2026-01-13", "attended"],
  ["2026-01-15", "missed"],
  ["2026-01-20", "attended"],
] as const) {
  createEducationAfternoon(db, { placementId: done.id, date }, [
    { kind: "released", recordedBy: trainer.id },
    { kind, recordedBy: staff.id },
  ]);
}
recordFeedback(db, { placementId: done.id, explainsRating: 2, learningRating: 2, fairnessRating: 1, safetyRating: 1, comment: "canary-feedback" });
db.insert(followUpNotes)
  .values({ apprenticeId: vanna.id, placementId: done.id, kind: "visit", occurredOn: "2026-03-01", body: "canary-follow-up", authorUserId: staff.id })
  .run();

// Sokha: an active placement (nothing to sign yet). Srey: Siem Reap, completed.
const { apprentice: sokha, user: sokhaUser } = createApprenticeWithUser(db, { siteId: pp.id, code: "PP-26-778", preferredName: "Sokha" });
const active = createPlacement(db, {
  apprenticeId: sokha.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: "2026-10-05",
});
const srEmployer = createEmployer(db, { siteId: sr.id, name: "Hotel C" });
const srTrainer = createUser(db, { role: "trainer", siteId: sr.id, employerId: srEmployer.id });
const { apprentice: srey } = createApprenticeWithUser(db, { siteId: sr.id, code: "SR-26-777" });
const sreyDone = createPlacement(db, {
  apprenticeId: srey.id,
  employerId: srEmployer.id,
  trainerUserId: srTrainer.id,
  frameworkVersionId: fw.version.id,
  startDate: "2026-01-05",
  status: "completed",
  endedOn: "2026-04-03",
});

beforeAll(async () => {
  await ensureCredentialKeys(db);
});

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
type PanelData = { done?: string; errors?: Record<string, string[]> };
const cookie = async (who: Who | null): Promise<Record<string, string>> => (who ? { cookie: await cookieFor(who) } : {});

const staffPage = async (who: Who, id: number) =>
  run<Awaited<ReturnType<typeof staffLoader>>>(async () =>
    staffLoader({ request: get(`/staff/placements/${id}/achievement`, await cookie(who)), params: { placementId: String(id) }, context: context() }),
  );
const staffPost = async (who: Who, id: number, fields: Record<string, string>) =>
  run<PanelData>(async () =>
    staffAction({ request: post(`/staff/placements/${id}/achievement`, fields, await cookie(who)), params: { placementId: String(id) }, context: context() }),
  );
const currentOf = async (id: number) => (await staffPage(staff, id)).data.credentials.find((c) => c.revokedOn === null) ?? null;
const issue = async (who: Who, id: number) => staffPost(who, id, { intent: "issue", current: String((await currentOf(id))?.id ?? "") });
const verifyPage = async (credentialId: string, headers: Record<string, string> = {}) =>
  run<{ verdict: PageVerdict }>(async () => verifyLoader({ request: get(`/verify/${credentialId}`, headers), params: { credentialId }, context: context() }));
const upload = async (fields: Record<string, string>) =>
  run<{ verdict?: PageVerdict; errors?: Record<string, string[]> }>(async () =>
    uploadAction({ request: post("/verify", fields), params: {}, context: context() }),
  );
const rows = () => db.select().from(credentials).where(eq(credentials.placementId, done.id)).all();
const publicIdOfRow = (id: number) => db.select().from(credentials).where(eq(credentials.id, id)).get()!.publicId;
const jwtOfRow = (id: number) => db.select().from(credentials).where(eq(credentials.id, id)).get()!.jwt;
const payloadOf = (jwt: string) => JSON.parse(new TextDecoder().decode(base64url.decode(jwt.split(".")[1]!)));
const audits = (action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action)).all();

describe("issuing a signed record", () => {
  it("answers 400 for a placement that is not completed, and writes nothing", async () => {
    const result = await staffPost(staff, active.id, { intent: "issue", current: "" });
    expect(result.status).toBe(400);
    expect(result.data.errors?.form).toEqual(["credentialPanel.notCompleted"]);
    expect(db.select().from(credentials).all()).toHaveLength(0);
    // The page itself does not exist for it either.
    expect((await staffPage(staff, active.id)).status).toBe(404);
  });

  it("is refused to staff of another site (404), trainers and apprentices (403)", async () => {
    expect((await staffPost(staffSr, done.id, { intent: "issue", current: "" })).status).toBe(404);
    expect((await staffPost(staff, sreyDone.id, { intent: "issue", current: "" })).status).toBe(404);
    expect((await staffPost(trainer, done.id, { intent: "issue", current: "" })).status).toBe(403);
    expect((await staffPost(vannaUser, done.id, { intent: "issue", current: "" })).status).toBe(403);
    expect((await staffPost(staff, 999_999, { intent: "issue", current: "" })).status).toBe(404);
    expect(db.select().from(credentials).all()).toHaveLength(0);
  });

  it("answers 400 for a bad form, writing nothing", async () => {
    expect((await staffPost(staff, done.id, { intent: "made_up" })).status).toBe(400);
    expect((await staffPost(staff, done.id, { intent: "issue", current: "abc" })).status).toBe(400);
    expect(db.select().from(credentials).all()).toHaveLength(0);
  });

  it("signs the record of a completed placement, audited; without consent it holds the preferred name only", async () => {
    const result = await issue(staff, done.id);
    expect(result.status).toBe(200);
    expect(result.data.done).toBe("issued");
    const [row] = rows();
    expect(row).toMatchObject({ includesLegalName: false, supersedesId: null, issuedBy: staff.id });
    expect(row!.publicId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const payload = payloadOf(row!.jwt);
    expect(payload.credentialSubject.identifier).toEqual([{ type: "IdentityObject", hashed: false, identityHash: "Vanna", identityType: "ext:preferredName" }]);
    expect(
      payload.credentialSubject.result.map((r: { alignment: { targetCode: string }[]; reachedOn: string }) => [r.alignment[0]!.targetCode, r.reachedOn]),
    ).toEqual([
      [fw.competencies[0]!.code, "2026-02-03"],
      [fw.competencies[2]!.code, "2026-02-24"],
    ]);
    expect(payload.credentialSubject).toMatchObject({
      weeksCompleted: 9,
      educationAfternoonsAttended: 2,
      activityStartDate: "2026-01-05T00:00:00+07:00",
      activityEndDate: "2026-03-06T00:00:00+07:00",
    });
    expect(payload.credentialSubject.source.name).toBe("Parkway Beauty Salon");
    expect(payload.issuer.address).toMatchObject({ addressLocality: "Phnom Penh", addressLocalityKm: "ភ្នំពេញ" });
    expect(payload.id).toBe(`${BASE}/verify/${row!.publicId}`);
    const [event] = audits("credential_issued");
    expect(event).toMatchObject({ actorUserId: staff.id, entity: "placement", entityId: String(done.id), requestId: "test-request" });
    expect(event!.detail).toMatchObject({ credentialId: row!.id, includesLegalName: false, competencies: 2 });
    // The printable record now carries the QR code of its verify page.
    const page = await staffPage(staff, done.id);
    expect(page.data.verify?.url).toBe(payload.id);
    expect(page.data.verify?.svg).toContain("<svg");
  });

  it("holds nothing staff-only: no code, date of birth, phase, notes, feedback, evidence, trainer or referral", () => {
    const jwt = rows()[0]!.jwt;
    const text = JSON.stringify(payloadOf(jwt));
    for (const secret of ["PP-26-777", "2007-04-05", "follow_up", "canary-", "Trainer Canary Name", "Keo Vanna Legal", "retained_by_employer"])
      expect(text).not.toContain(secret);
  });

  it("issues once on a double submit: the second form still names no current record and is refused", async () => {
    const before = rows().length;
    const stale = await staffPost(staff, done.id, { intent: "issue", current: "" });
    expect(stale.status).toBe(400);
    expect(stale.data.errors?.form).toEqual(["credentialPanel.stale"]);
    expect(rows()).toHaveLength(before);
  });

  it("re-issues after consent to share the legal name: the new record holds it, the old one shows as replaced", async () => {
    grantConsent(db, { apprenticeId: vanna.id, item: "share_legal_name", granted: true, recordedBy: staff.id });
    const [old] = rows();
    const result = await issue(admin, done.id);
    expect(result.data.done).toBe("reissued");
    const [fresh] = rows().sort((a, b) => b.id - a.id);
    expect(fresh).toMatchObject({ supersedesId: old!.id, includesLegalName: true });
    expect(payloadOf(fresh!.jwt).credentialSubject.identifier.map((i: { identityHash: string }) => i.identityHash)).toEqual(["Vanna", "Keo Vanna Legal"]);
    expect(db.select().from(credentialRevocations).where(eq(credentialRevocations.credentialId, old!.id)).get()).toMatchObject({
      reason: "superseded",
      revokedBy: admin.id,
    });
    expect(audits("credential_reissued")[0]?.detail).toMatchObject({ credentialId: fresh!.id, supersedes: old!.id, includesLegalName: true });
    expect((await verifyPage(old!.publicId)).data.verdict).toMatchObject({ state: "revoked", reason: "superseded" });
  });

  it("after consent is withdrawn, tells staff, and the next issue leaves the legal name out", async () => {
    grantConsent(db, { apprenticeId: vanna.id, item: "share_legal_name", granted: false, recordedBy: staff.id });
    expect((await staffPage(staff, done.id)).data.consentChanged).toBe(true);
    expect((await issue(staff, done.id)).data.done).toBe("reissued");
    const [fresh] = rows().sort((a, b) => b.id - a.id);
    expect(fresh!.includesLegalName).toBe(false);
    expect(JSON.stringify(payloadOf(fresh!.jwt))).not.toContain("Keo Vanna Legal");
    expect((await staffPage(staff, done.id)).data.consentChanged).toBe(false);
    const verdict = (await verifyPage(fresh!.publicId)).data.verdict;
    expect(verdict.state === "valid" && verdict.credential.legalName).toBeNull();
  });

  it("keeps credentials as facts: the database refuses to rewrite or delete them or their revocations", () => {
    const [row] = rows();
    expect(() => db.update(credentials).set({ includesLegalName: true }).where(eq(credentials.id, row!.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(credentials).where(eq(credentials.id, row!.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(credentialRevocations).run()).toThrow(/append-only/);
  });
});

describe("the public verify page", () => {
  const currentPublicId = async () => publicIdOfRow((await currentOf(done.id))!.id);

  it("says valid, who issued it and when, and shows what the credential holds — to anyone, signed in or not", async () => {
    const id = await currentPublicId();
    const seen = await verifyPage(id);
    expect(seen.status).toBe(200);
    expect(seen.data.verdict).toMatchObject({
      state: "valid",
      credential: {
        preferredName: "Vanna",
        legalName: null,
        trade: { en: "Hairdressing", km: "កាត់សក់" },
        employer: "Parkway Beauty Salon",
        competencyCount: 2,
        weeksCompleted: 9,
        educationAfternoonsAttended: 2,
      },
    });
    expect((await verifyPage(id, await cookie(trainer))).status).toBe(200);
  });

  it("never sends a staff-only field, whoever asks", async () => {
    for (const who of [null, trainer, staff] as const) {
      const text = JSON.stringify((await verifyPage(await currentPublicId(), await cookie(who))).data);
      for (const secret of ["PP-26-777", "2007-04-05", "follow_up", "canary-", "Trainer Canary Name", "Keo Vanna Legal", "retained_by_employer"])
        expect(text, String(who?.role)).not.toContain(secret);
    }
  });

  it("answers 404 for an unknown id and for a malformed one", async () => {
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "short", "x".repeat(200), "../../etc/passwd", "%00", ""]) {
      expect((await verifyPage(id)).status, id).toBe(404);
    }
  });

  it("does the same database work for a malformed, an unknown and a real id: one look-up by hash", async () => {
    const real = await currentPublicId();
    const statements: string[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    const spy = vi.spyOn(db.$client, "prepare").mockImplementation(((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof db.$client.prepare);
    const shapes: string[][] = [];
    for (const id of ["not-an-id", "AAAAAAAAAAAAAAAAAAAAAA", real]) {
      statements.length = 0;
      const found = lookUpCredential(id);
      expect(found === null).toBe(id !== real);
      shapes.push([...statements]);
    }
    spy.mockRestore();
    expect(shapes[0]).toHaveLength(1);
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    expect(shapes[0]![0]).toContain("id_hash");
  });

  it("publishes the revocation status of the credential alone (1EdTech revocation list)", async () => {
    const id = await currentPublicId();
    const list = await run<string>(async () => statusLoader({ request: get(`/verify/${id}/status`), params: { credentialId: id }, context: context() }));
    expect(list.status).toBe(200);
    expect(JSON.parse(list.data)).toEqual({ id: `${BASE}/verify/${id}/status`, issuer: `${BASE}/verify`, revokedCredentials: [] });
    expect((await run(async () => statusLoader({ request: get("/verify/nope/status"), params: { credentialId: "nope" }, context: context() }))).status).toBe(
      404,
    );
  });

  it("publishes the public keys, never a private part", async () => {
    const jwks = await run<string>(async () => jwksLoader());
    expect(jwks.status).toBe(200);
    expect(jwks.headers.get("access-control-allow-origin")).toBe("*");
    const { keys } = JSON.parse(jwks.data) as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const key of keys) expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x"]);
    expect(jwks.data).not.toContain('"d"');
  });
});

describe("checking a pasted or uploaded record", () => {
  const currentJwt = async () => jwtOfRow((await currentOf(done.id))!.id);

  it("says valid for the signed token and for the downloaded JSON", async () => {
    const jwt = await currentJwt();
    expect((await upload({ credential: jwt })).data.verdict?.state).toBe("valid");
    const file = await run<string>(async () =>
      downloadLoader({
        request: get(`/me/achievement/${done.id}/credential.json`, await cookie(vannaUser)),
        params: { placementId: String(done.id) },
        context: context(),
      }),
    );
    expect((await upload({ credential: file.data })).data.verdict?.state).toBe("valid");
  });

  it("checks an uploaded file (multipart), as the form sends it", async () => {
    const form = new FormData();
    form.append("credential", "");
    form.append("file", new File([await currentJwt()], "record.json", { type: "application/json" }));
    const result = await run<{ verdict?: PageVerdict }>(async () =>
      uploadAction({ request: new Request(new URL("/verify", BASE), { method: "POST", body: form }), params: {}, context: context() }),
    );
    expect(result.data.verdict?.state).toBe("valid");
  });

  it("says not valid with the reason: not JSON, not signed, changed after signing", async () => {
    expect((await upload({ credential: "Vanna can cut hair. Signed, the salon." })).data.verdict).toEqual({ state: "not_valid", reason: "not_json" });
    const payload = payloadOf(await currentJwt());
    expect((await upload({ credential: JSON.stringify(payload) })).data.verdict).toEqual({ state: "not_valid", reason: "not_signed" });
    const [h, , s] = (await currentJwt()).split(".");
    payload.credentialSubject.result[0].reachedOn = "2026-01-06";
    const forged = `${h}.${base64url.encode(JSON.stringify(payload))}.${s}`;
    expect((await upload({ credential: forged })).data.verdict).toEqual({ state: "not_valid", reason: "tampered" });
  });

  it("answers 400 with the field's error when nothing was given", async () => {
    const result = await upload({ credential: "   " });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({ credential: ["verify.errors.empty"] });
  });
});

describe("revoking", () => {
  it("needs a reason from the list (400), then revokes with it, audited; the verify page says so at once", async () => {
    const current = (await currentOf(done.id))!;
    const publicId = publicIdOfRow(current.id);
    const jwt = jwtOfRow(current.id);
    const bad = await staffPost(staff, done.id, { intent: "revoke", credentialId: String(current.id), reason: "superseded" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors?.reason).toEqual(["errors.required"]);
    expect((await staffPost(staffSr, done.id, { intent: "revoke", credentialId: String(current.id), reason: "issued_in_error" })).status).toBe(404);
    // Another placement's credential is not found from this placement's page.
    expect((await staffPost(staff, active.id, { intent: "revoke", credentialId: String(current.id), reason: "issued_in_error" })).status).toBe(404);

    const result = await staffPost(staff, done.id, { intent: "revoke", credentialId: String(current.id), reason: "issued_in_error" });
    expect(result.data.done).toBe("revoked");
    expect(audits("credential_revoked").at(-1)).toMatchObject({
      actorUserId: staff.id,
      entityId: String(done.id),
      detail: { credentialId: current.id, reason: "issued_in_error" },
    });

    const verdict = (await verifyPage(publicId)).data.verdict;
    expect(verdict).toMatchObject({ state: "revoked", reason: "issued_in_error" });
    // A revoked record's contents are no longer vouched for: the page does not show them.
    expect(JSON.stringify(verdict)).not.toContain("Vanna");
    expect((await upload({ credential: jwt })).data.verdict).toMatchObject({ state: "revoked", reason: "issued_in_error" });
    const list = await run<string>(async () =>
      statusLoader({ request: get(`/verify/${publicId}/status`), params: { credentialId: publicId }, context: context() }),
    );
    expect(JSON.parse(list.data).revokedCredentials).toEqual([
      { id: `${BASE}/verify/${publicId}`, revocationReason: "issued_in_error", revokedAt: expect.any(String) },
    ]);

    const again = await staffPost(staff, done.id, { intent: "revoke", credentialId: String(current.id), reason: "details_wrong" });
    expect(again.status).toBe(400);
    expect(again.data.errors?.form).toEqual(["credentialPanel.already"]);
  });
});

describe("the apprentice's own signed record", () => {
  const download = async (who: Who, id: number) =>
    run<string>(async () =>
      downloadLoader({ request: get(`/me/achievement/${id}/credential.json`, await cookie(who)), params: { placementId: String(id) }, context: context() }),
    );
  const mine = async (who: Who, id: number) =>
    run<Awaited<ReturnType<typeof myAchievementLoader>>>(async () =>
      myAchievementLoader({ request: get(`/me/achievement/${id}`, await cookie(who)), params: { placementId: String(id) }, context: context() }),
    );

  it("has nothing to download or show while no record stands (the last one was revoked)", async () => {
    expect((await download(vannaUser, done.id)).status).toBe(404);
    expect((await mine(vannaUser, done.id)).data.verify).toBeNull();
  });

  it("downloads their own current record as JSON and sees its QR code; nobody else can download it", async () => {
    await issue(staff, done.id);
    const file = await download(vannaUser, done.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("application/json");
    expect(file.headers.get("content-disposition")).toContain("attachment");
    const body = JSON.parse(file.data);
    expect(body).toMatchObject({ "@context": "https://www.w3.org/ns/credentials/v2", type: "EnvelopedVerifiableCredential" });
    expect(body.id).toBe(`data:application/vc+jwt,${jwtOfRow((await currentOf(done.id))!.id)}`);
    const page = await mine(vannaUser, done.id);
    expect(page.data.verify?.url).toMatch(/\/verify\/[A-Za-z0-9_-]{22}$/);

    expect((await download(sokhaUser, done.id)).status).toBe(404);
    expect((await download(sokhaUser, active.id)).status).toBe(404);
    expect((await download(vannaUser, sreyDone.id)).status).toBe(404);
    expect((await download(staff, done.id)).status).toBe(403);
    expect((await download(trainer, done.id)).status).toBe(403);
    expect(
      (
        await run(async () =>
          downloadLoader({ request: get(`/me/achievement/${done.id}/credential.json`), params: { placementId: String(done.id) }, context: context() }),
        )
      ).status,
    ).toBe(302);
  });
});
