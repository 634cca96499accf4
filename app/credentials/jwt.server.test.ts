/**
 * Signing and checking records of achievement with real Ed25519 keys in a key store in memory:
 * the round trip, every way a credential can fail, and key rotation. (The keys in the database,
 * backups and adoption: app/db/credential-keys.server.test.ts.)
 */
import { base64url, exportJWK, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";

import { buildCredential, envelope, jwtClaimsOf, keyUri, type RecordFacts } from "~/domain/credential";
import { SAMPLE_BASE_URL, sampleRecordFacts } from "~/domain/credential-testing";

import { checkCredential, signCredential } from "./jwt.server";
import { ensureSigningKey, memoryKeyStore, publishedKeys, rotateSigningKey, signingKey } from "./keys.server";

const store = memoryKeyStore();
const readKeys = () => store.read()!;

const BASE = SAMPLE_BASE_URL;
const facts = sampleRecordFacts;

async function issue(over: Partial<RecordFacts> = {}) {
  return signCredential(buildCredential(facts(over)), await signingKey(store), BASE);
}

/** The same JWT with its payload rewritten and the old signature kept: what a forger can do. */
function tamper(jwt: string, change: (payload: Record<string, any>) => void): string {
  const [header, payload, signature] = jwt.split(".") as [string, string, string];
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
  change(claims);
  return `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
}

describe("signing and checking a record of achievement", () => {
  beforeAll(async () => {
    await ensureSigningKey(store);
  });

  it("creates one key on first start and keeps it on the next start", async () => {
    const kid = readKeys().keys[0]!.kid;
    expect(await ensureSigningKey(store)).toEqual({ kid, created: false });
    expect(readKeys().keys).toHaveLength(1);
    expect(readKeys().keys[0]!.privateJwk?.d).toEqual(expect.any(String));
  });

  it("keeps one first key when two starts race: the first to store wins and both read it back", async () => {
    const racing = memoryKeyStore();
    const [a, b] = await Promise.all([ensureSigningKey(racing), ensureSigningKey(racing)]);
    expect(a.kid).toBe(b.kid);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(racing.read()!.keys.map((k) => k.kid)).toEqual([a.kid]);
  });

  it("publishes public halves only", () => {
    const keys = publishedKeys(store);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toEqual({ kty: "OKP", crv: "Ed25519", x: expect.any(String), kid: readKeys().keys[0]!.kid, alg: "EdDSA", use: "sig" });
    expect(JSON.stringify(keys)).not.toContain('"d"');
  });

  it("round-trips: sign, then check against the published keys, and read back what was stated", async () => {
    const jwt = await issue({ legalName: "Chea Sokha" });
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(jwt.split(".")[0]!)));
    expect(header).toEqual({ alg: "EdDSA", kid: keyUri(BASE, readKeys().keys[0]!.kid), typ: "JWT" });
    const result = await checkCredential(jwt, publishedKeys(store));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.credential).toMatchObject({ preferredName: "Sokha", legalName: "Chea Sokha", competencyCount: 2, framework: "HAIR v3" });
    // The JWT payload is the credential itself with its registered claims (OB 3.0 VC-JWT).
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(jwt.split(".")[1]!)));
    expect(payload).toMatchObject({
      ...jwtClaimsOf(buildCredential(facts({ legalName: "Chea Sokha" }))),
      type: ["VerifiableCredential", "OpenBadgeCredential"],
    });
  });

  it("checks the downloaded file (the JWT in a JSON envelope) the same way", async () => {
    const jwt = await issue();
    expect(await checkCredential(JSON.stringify(envelope(jwt), null, 2), publishedKeys(store))).toMatchObject({ ok: true, jwt });
  });

  it("fails a credential with a competency added", async () => {
    const forged = tamper(await issue(), (p) => {
      p.credentialSubject.result.push({
        ...p.credentialSubject.result[0],
        reachedOn: "2026-06-01",
        alignment: [{ ...p.credentialSubject.result[0].alignment[0], targetCode: "HB-9.9", targetName: "Colour hair" }],
      });
    });
    expect(await checkCredential(forged, publishedKeys(store))).toEqual({ ok: false, reason: "tampered" });
  });

  it("fails a credential with a date changed", async () => {
    const forged = tamper(await issue(), (p) => {
      p.credentialSubject.result[1].reachedOn = "2026-04-11";
    });
    expect(await checkCredential(forged, publishedKeys(store))).toEqual({ ok: false, reason: "tampered" });
    const envelopeForged = JSON.stringify(envelope(tamper(await issue(), (p) => (p.credentialSubject.activityEndDate = "2026-12-31T00:00:00+07:00"))));
    expect(await checkCredential(envelopeForged, publishedKeys(store))).toEqual({ ok: false, reason: "tampered" });
  });

  it("fails a credential signed by another key, whatever kid it claims", async () => {
    const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
    const credential = buildCredential(facts());
    const ours = readKeys().keys[0]!.kid;
    const claimingOurs = await signCredential(credential, { kid: ours, key: privateKey }, BASE);
    expect(await checkCredential(claimingOurs, publishedKeys(store))).toEqual({ ok: false, reason: "tampered" });
    const ownKid = await signCredential(credential, { kid: "someone-elses-key-0000000000000000000000000", key: privateKey }, BASE);
    expect(await checkCredential(ownKid, publishedKeys(store))).toEqual({ ok: false, reason: "unknown_key" });
    // Against a JWKS that holds the other key, the same token checks: the key is what decides.
    expect((await checkCredential(ownKid, [{ ...(await exportJWK(publicKey)), kid: "someone-elses-key-0000000000000000000000000" }])).ok).toBe(true);
  });

  it("reports text that is not JSON, and JSON or tokens that are not signed", async () => {
    const keys = publishedKeys(store);
    expect(await checkCredential("Certificate: Sokha can cut hair", keys)).toEqual({ ok: false, reason: "not_json" });
    expect(await checkCredential(JSON.stringify(buildCredential(facts())), keys)).toEqual({ ok: false, reason: "not_signed" });
    const [, payload] = (await issue()).split(".");
    const unsecured = `${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.`;
    expect(await checkCredential(unsecured, keys)).toEqual({ ok: false, reason: "not_signed" });
    const hmac = await new SignJWT({ a: 1 }).setProtectedHeader({ alg: "HS256", kid: readKeys().keys[0]!.kid }).sign(new TextEncoder().encode("x".repeat(32)));
    expect(await checkCredential(hmac, keys)).toEqual({ ok: false, reason: "unknown_key" });
  });

  it("refuses a signed token that is not a record of achievement, or whose claims disagree with it", async () => {
    const signer = await signingKey(store);
    const header = { alg: "EdDSA", kid: keyUri(BASE, signer.kid), typ: "JWT" };
    const other = await new SignJWT({ hello: "world" }).setProtectedHeader(header).sign(signer.key);
    expect(await checkCredential(other, publishedKeys(store))).toEqual({ ok: false, reason: "not_a_record" });
    const credential = buildCredential(facts());
    const wrongJti = await new SignJWT({ ...credential })
      .setProtectedHeader(header)
      .setIssuer(credential.issuer.id)
      .setSubject(credential.credentialSubject.id)
      .setJti(`${BASE}/verify/ZZZZZZZZZZZZZZZZZZZZZZ`)
      .setNotBefore(jwtClaimsOf(credential).nbf)
      .sign(signer.key);
    expect(await checkCredential(wrongJti, publishedKeys(store))).toEqual({ ok: false, reason: "not_a_record" });
  });

  it("is not valid before its issue date", async () => {
    const jwt = await issue({ issuedAt: new Date("2027-01-01T00:00:00Z") });
    expect(await checkCredential(jwt, publishedKeys(store), new Date("2026-12-01T00:00:00Z"))).toEqual({ ok: false, reason: "not_yet_valid" });
    expect((await checkCredential(jwt, publishedKeys(store), new Date("2027-01-02T00:00:00Z"))).ok).toBe(true);
  });

  it("keeps old credentials verifiable after a key rotation, and signs new ones with the new key", async () => {
    const before = readKeys().keys[0]!.kid;
    const old = await issue();
    const { added, retired } = await rotateSigningKey(store);
    expect(retired).toEqual([before]);
    expect((await signingKey(store)).kid).toBe(added);
    const set = readKeys();
    expect(set.keys.map((k) => k.kid)).toEqual([added, before]);
    // The retired key can sign nothing more: its private half is gone from the store.
    expect(set.keys[1]!.privateJwk).toBeUndefined();
    expect(set.keys[1]!.retiredAt).not.toBeNull();
    expect(store.text()!.match(/"privateJwk"/g)).toHaveLength(1);
    expect(publishedKeys(store).map((k) => k.kid)).toEqual([added, before]);
    expect(JSON.stringify(publishedKeys(store))).not.toContain('"d"');

    const fresh = await issue();
    expect(await checkCredential(old, publishedKeys(store))).toMatchObject({ ok: true, kid: before });
    expect(await checkCredential(fresh, publishedKeys(store))).toMatchObject({ ok: true, kid: added });
    // A verifier who dropped the old key cannot check the old credential: keeping it published matters.
    expect(await checkCredential(old, publishedKeys(store).slice(0, 1))).toEqual({ ok: false, reason: "unknown_key" });
  });
});
