import { describe, expect, it } from "vitest";

import {
  buildCredential,
  claimsAgree,
  envelope,
  extractCredential,
  isPublicId,
  jwtClaimsOf,
  pageVerdict,
  publicIdOf,
  readCredential,
  type RecordFacts,
} from "./credential";

const facts: RecordFacts = {
  baseUrl: "https://portal.example.org",
  publicId: "AbCdEfGhIjKlMnOpQrStUv",
  subjectId: "urn:uuid:6f1c2a8e-0000-4000-8000-000000000001",
  issuedAt: new Date("2026-11-19T03:04:05.678Z"),
  text: {
    programme: { en: "Hagar Cambodia · Career Pathways", km: "កម្មវិធីផ្លូវអាជីព" },
    name: { en: "Record of achievement: Hairdressing", km: "លិខិតបញ្ជាក់សមិទ្ធផល៖ កាត់សក់" },
    description: { en: "Skills reached on the job.", km: "ជំនាញ។" },
    criteria: { en: "Signed off as independent.", km: "ធ្វើបានដោយខ្លួនឯង។" },
  },
  preferredName: "Sokha",
  legalName: null,
  trade: { en: "Hairdressing", km: "កាត់សក់" },
  framework: { code: "HAIR", version: 3 },
  employer: { id: 7, name: "Parkway Beauty Salon" },
  site: { en: "Phnom Penh", km: "ភ្នំពេញ" },
  startDate: "2026-03-02",
  endDate: "2026-08-28",
  weeksCompleted: 26,
  educationAfternoonsAttended: 41,
  competencies: [
    {
      code: "HB-1.1",
      title: { en: "Greet the client", km: "ស្វាគមន៍អតិថិជន" },
      unit: { code: "HB-1", title: { en: "Client care", km: "ការថែអតិថិជន" } },
      reachedOn: "2026-04-10",
    },
    { code: "HB-1.2", title: { en: "Wash hair", km: "កក់សក់" }, unit: { code: "HB-1", title: { en: "Client care", km: "ការថែអតិថិជន" } }, reachedOn: "2026-05-02" },
    { code: "HB-2.1", title: { en: "Blow-dry", km: "ផ្លុំសក់" }, unit: { code: "HB-2", title: { en: "Styling", km: "ការរចនាម៉ូដសក់" } }, reachedOn: "2026-07-15" },
  ],
};

describe("the Open Badges 3.0 credential", () => {
  const credential = buildCredential(facts);

  it("is an OpenBadgeCredential in the VC 2.0 and OB 3.0 contexts, with its id at the verify page", () => {
    expect(credential["@context"].slice(0, 2)).toEqual(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(credential.id).toBe("https://portal.example.org/verify/AbCdEfGhIjKlMnOpQrStUv");
    expect(credential.validFrom).toBe("2026-11-19T03:04:05Z");
  });

  it("names the issuer as a Profile with the issuing site, in both languages", () => {
    expect(credential.issuer).toMatchObject({
      id: "https://portal.example.org/verify",
      type: ["Profile"],
      name: "Hagar Cambodia · Career Pathways",
      nameKm: "កម្មវិធីផ្លូវអាជីព",
      address: { addressLocality: "Phnom Penh", addressLocalityKm: "ភ្នំពេញ", addressCountryCode: "KH" },
    });
  });

  it("describes an AchievementSubject: the trade and framework version, each skill with its date, workplace, dates, weeks and education", () => {
    const s = credential.credentialSubject;
    expect(s.type).toEqual(["AchievementSubject"]);
    expect(s.achievement).toMatchObject({
      type: ["Achievement"],
      name: "Hairdressing",
      nameKm: "កាត់សក់",
      humanCode: "HAIR v3",
      version: "3",
      achievementType: "ApprenticeshipCertificate",
    });
    expect(s.result.map((r) => [r.alignment[0]!.targetCode, r.reachedOn, r.value])).toEqual([
      ["HB-1.1", "2026-04-10", "independent"],
      ["HB-1.2", "2026-05-02", "independent"],
      ["HB-2.1", "2026-07-15", "independent"],
    ]);
    expect(s.result[0]!.alignment[0]).toMatchObject({
      type: ["Alignment"],
      targetName: "Greet the client",
      targetNameKm: "ស្វាគមន៍អតិថិជន",
      targetFramework: "HAIR v3",
    });
    expect(s.source).toMatchObject({ type: ["Profile"], name: "Parkway Beauty Salon" });
    expect([s.activityStartDate, s.activityEndDate]).toEqual(["2026-03-02T00:00:00+07:00", "2026-08-28T00:00:00+07:00"]);
    expect([s.weeksCompleted, s.educationAfternoonsAttended]).toEqual([26, 41]);
  });

  it("carries its revocation check: a 1EdTech revocation list for this credential alone", () => {
    expect(credential.credentialStatus).toEqual({ id: "https://portal.example.org/verify/AbCdEfGhIjKlMnOpQrStUv/status", type: "1EdTechRevocationList" });
  });

  it("holds the preferred name always and the legal name only when given (consent)", () => {
    const names = (c: ReturnType<typeof buildCredential>) => c.credentialSubject.identifier.map((i) => [i.identityType, i.identityHash]);
    expect(names(credential)).toEqual([["ext:preferredName", "Sokha"]]);
    expect(names(buildCredential({ ...facts, legalName: "Chea Sokha" }))).toEqual([
      ["ext:preferredName", "Sokha"],
      ["ext:name", "Chea Sokha"],
    ]);
  });

  it("has JWT claims that agree with it: iss, jti, sub and nbf", () => {
    const claims = jwtClaimsOf(credential);
    expect(claims).toEqual({ iss: "https://portal.example.org/verify", jti: credential.id, sub: facts.subjectId, nbf: Date.UTC(2026, 10, 19, 3, 4, 5) / 1000 });
    expect(claimsAgree({ ...credential, ...claims })).toBe(true);
    expect(claimsAgree({ ...credential, ...claims, jti: "https://elsewhere.example/verify/x" })).toBe(false);
    expect(claimsAgree({ ...credential, ...claims, nbf: claims.nbf + 1 })).toBe(false);
  });
});

describe("reading a credential for the verify page", () => {
  it("gives back what was stated, units grouped in order", () => {
    const view = readCredential(buildCredential({ ...facts, legalName: "Chea Sokha" }))!;
    expect(view).toMatchObject({
      publicId: "AbCdEfGhIjKlMnOpQrStUv",
      preferredName: "Sokha",
      legalName: "Chea Sokha",
      trade: { en: "Hairdressing", km: "កាត់សក់" },
      framework: "HAIR v3",
      employer: "Parkway Beauty Salon",
      startDate: "2026-03-02",
      endDate: "2026-08-28",
      weeksCompleted: 26,
      educationAfternoonsAttended: 41,
      competencyCount: 3,
      issuer: { name: { en: "Hagar Cambodia · Career Pathways", km: "កម្មវិធីផ្លូវអាជីព" }, site: { en: "Phnom Penh", km: "ភ្នំពេញ" } },
      statusUrl: "https://portal.example.org/verify/AbCdEfGhIjKlMnOpQrStUv/status",
    });
    expect(view.units.map((u) => [u.code, u.competencies.map((c) => c.code)])).toEqual([
      ["HB-1", ["HB-1.1", "HB-1.2"]],
      ["HB-2", ["HB-2.1"]],
    ]);
  });

  it("has no legal name when the credential has none", () => {
    expect(readCredential(buildCredential(facts))!.legalName).toBeNull();
  });

  it("refuses what is not a record of achievement of this shape", () => {
    const good = buildCredential(facts);
    expect(readCredential(null)).toBeNull();
    expect(readCredential("text")).toBeNull();
    expect(readCredential({ ...good, type: ["VerifiableCredential"] })).toBeNull();
    expect(readCredential({ ...good, credentialSubject: { ...good.credentialSubject, identifier: [] } })).toBeNull();
    expect(readCredential({ ...good, credentialSubject: { ...good.credentialSubject, activityEndDate: "soon" } })).toBeNull();
    expect(readCredential({ ...good, validFrom: "yesterday" })).toBeNull();
    const badResult = { ...good.credentialSubject.result[0]!, reachedOn: "2026-13" };
    expect(readCredential({ ...good, credentialSubject: { ...good.credentialSubject, result: [badResult] } })).toBeNull();
  });

  it("turns moments into the sites' calendar days for the page", () => {
    const view = readCredential(buildCredential({ ...facts, issuedAt: new Date("2026-11-19T18:30:00Z") }))!;
    expect(pageVerdict({ state: "valid", credential: view })).toMatchObject({ state: "valid", issuedOn: "2026-11-20" });
    expect(pageVerdict({ state: "revoked", revokedAt: "2026-11-19T17:00:00.000Z", reason: "issued_in_error" })).toEqual({
      state: "revoked",
      revokedOn: "2026-11-20",
      reason: "issued_in_error",
    });
  });
});

describe("what a verifier pastes or uploads", () => {
  const jwt = "eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln";

  it("finds the JWT in a compact token, the downloaded envelope, or a JSON string", () => {
    expect(extractCredential(`  ${jwt}\n`)).toEqual({ kind: "jwt", jwt });
    expect(extractCredential(JSON.stringify(envelope(jwt)))).toEqual({ kind: "jwt", jwt });
    expect(extractCredential(JSON.stringify(jwt))).toEqual({ kind: "jwt", jwt });
  });

  it("tells text that is not JSON from JSON that carries no signature", () => {
    expect(extractCredential("hello there")).toEqual({ kind: "not_json" });
    expect(extractCredential("{ broken")).toEqual({ kind: "not_json" });
    expect(extractCredential(JSON.stringify(buildCredential(facts)))).toEqual({ kind: "not_signed" });
    expect(extractCredential(JSON.stringify({ type: "EnvelopedVerifiableCredential", id: "data:application/vc+jwt,not a jwt" }))).toEqual({
      kind: "not_signed",
    });
    expect(extractCredential("42")).toEqual({ kind: "not_signed" });
  });
});

describe("public ids", () => {
  it("are 22 base64url characters (128 bits), found at the end of a credential's id", () => {
    expect(isPublicId("AbCdEfGhIjKlMnOpQrSt-_")).toBe(true);
    expect(isPublicId("AbCdEfGhIjKlMnOpQrSt-")).toBe(false);
    expect(isPublicId("AbCdEfGhIjKlMnOpQrSt-_x")).toBe(false);
    expect(isPublicId("AbCdEfGhIjKlMnOpQrSt+/")).toBe(false);
    expect(isPublicId("../../../etc/passwd123")).toBe(false);
    expect(publicIdOf("https://p.example/verify/AbCdEfGhIjKlMnOpQrSt-_")).toBe("AbCdEfGhIjKlMnOpQrSt-_");
    expect(publicIdOf("https://p.example/other/AbCdEfGhIjKlMnOpQrSt-_")).toBeNull();
  });
});
