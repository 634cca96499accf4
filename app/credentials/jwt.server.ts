/**
 * Signing and checking records of achievement as VC-JWTs with jose (Ed25519, `EdDSA`). No
 * database here: `npm run verify` uses the same check with only a set of public keys.
 */
import { decodeProtectedHeader, errors, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK } from "jose";

import {
  claimsAgree,
  extractCredential,
  jwtClaimsOf,
  keyUri,
  readCredential,
  thumbprintOf,
  type CredentialView,
  type NotValidReason,
  type OpenBadgeCredential,
} from "~/domain/credential";

import { SIGNING_ALG } from "./keys.server";

/** Sign a credential: the JWT payload is the credential itself plus the registered claims. */
export async function signCredential(credential: OpenBadgeCredential, signer: { kid: string; key: CryptoKey | Uint8Array }, baseUrl: string): Promise<string> {
  const claims = jwtClaimsOf(credential);
  return new SignJWT({ ...credential })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: keyUri(baseUrl, signer.kid), typ: "JWT" })
    .setIssuer(claims.iss)
    .setJti(claims.jti)
    .setSubject(claims.sub)
    .setNotBefore(claims.nbf)
    .sign(signer.key);
}

export type CheckResult = { ok: true; jwt: string; kid: string; credential: CredentialView } | { ok: false; reason: NotValidReason };

/** Clocks differ: a credential issued a moment ago on a fast server still checks. */
const CLOCK_TOLERANCE_S = 300;

/**
 * Check a credential as given (a JWT, the downloaded JSON envelope, …) against a set of public
 * keys: is it JSON, is it signed, by which key, is it untouched, is it a record of achievement.
 */
export async function checkCredential(input: string, keys: readonly (JWK & { kid?: string })[], now = new Date()): Promise<CheckResult> {
  const extracted = extractCredential(input);
  if (extracted.kind !== "jwt") return { ok: false, reason: extracted.kind };
  const { jwt } = extracted;

  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return { ok: false, reason: "not_json" };
  }
  if (header.alg === "none" || jwt.endsWith(".")) return { ok: false, reason: "not_signed" };
  if (header.alg !== SIGNING_ALG || typeof header.kid !== "string") return { ok: false, reason: "unknown_key" };
  const jwk = keys.find((k) => k.kid === thumbprintOf(header.kid!) && k.kty === "OKP" && k.crv === "Ed25519");
  if (!jwk) return { ok: false, reason: "unknown_key" };

  let payload: Record<string, unknown>;
  try {
    const key = await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, SIGNING_ALG);
    ({ payload } = await jwtVerify(jwt, key, { algorithms: [SIGNING_ALG], clockTolerance: CLOCK_TOLERANCE_S, currentDate: now }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf") return { ok: false, reason: "not_yet_valid" };
    return { ok: false, reason: "tampered" };
  }
  const credential = readCredential(payload);
  if (!credential || !claimsAgree(payload)) return { ok: false, reason: "not_a_record" };
  return { ok: true, jwt, kid: jwk.kid!, credential };
}
