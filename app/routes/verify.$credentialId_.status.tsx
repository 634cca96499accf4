/**
 * A credential's revocation status, as its `credentialStatus` names it: a 1EdTech
 * Revocation List (VCRL 1.0) holding this one credential when it is revoked, and nothing when it
 * is not. One list per credential, so the list names no other credential (no enumeration).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { decodeJwt } from "jose";

import { notFound } from "~/auth/guards.server";
import { lookUpCredential } from "~/db/credentials.server";

// public route: a verifier's software fetches this; no session needed.
export async function loader({ params }: LoaderFunctionArgs) {
  const stored = lookUpCredential(params.credentialId ?? "");
  if (!stored) throw notFound();
  // The addresses as the credential states them (the JWT is the portal's own, as signed).
  const claims = decodeJwt(stored.jwt) as { jti: string; iss: string; credentialStatus?: { id?: string } };
  const list = {
    id: claims.credentialStatus?.id ?? `${claims.jti}/status`,
    issuer: claims.iss,
    revokedCredentials: stored.revocation ? [{ id: claims.jti, revocationReason: stored.revocation.reason, revokedAt: stored.revocation.revokedAt }] : [],
  };
  return new Response(`${JSON.stringify(list, null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" },
  });
}
