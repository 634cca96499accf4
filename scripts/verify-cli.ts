/** The offline check behind `npm run verify` (scripts/verify.ts), testable without a process. */
import fs from "node:fs";
import path from "node:path";

import { checkCredential } from "~/credentials/jwt.server";
import { publishedKeysOfFile } from "~/db/credential-keys.server";
import { env } from "~/env.server";
import { serverT } from "~/i18n/i18n.server";

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

type Jwk = { kty?: string; crv?: string; x?: string; kid?: string };

async function loadKeys(source: string | undefined): Promise<{ keys: Jwk[]; from: string }> {
  if (!source) {
    // The local database's published keys, opened read-only (the server may be running).
    const file = path.resolve(env().DATABASE_PATH);
    try {
      return { keys: publishedKeysOfFile(file), from: file };
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}. Give the published keys with --jwks JWKS_FILE_OR_URL.`);
    }
  }
  const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : fs.readFileSync(source, "utf8");
  const parsed = JSON.parse(text) as { keys?: unknown };
  if (!Array.isArray(parsed.keys)) throw new Error(`${source} is not a JWKS (no "keys" list)`);
  return { keys: parsed.keys as Jwk[], from: source };
}

export async function runVerify(args: string[], io: Io): Promise<number> {
  const jwksAt = args.indexOf("--jwks");
  const jwks = jwksAt >= 0 ? args[jwksAt + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith("--") && !(jwksAt >= 0 && i === jwksAt + 1));
  const online = args.includes("--online");
  if (!file || (jwksAt >= 0 && !jwks)) {
    io.err("Usage: npm run verify -- FILE [--jwks JWKS_FILE_OR_URL] [--online]");
    return 2;
  }
  let input: string;
  let keys: { keys: Jwk[]; from: string };
  try {
    input = fs.readFileSync(file, "utf8");
    keys = await loadKeys(jwks);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const t = serverT("en");
  const result = await checkCredential(input, keys.keys);
  if (!result.ok) {
    io.out(`NOT VALID: ${t(`verify.reasons.${result.reason}`)}`);
    io.out(`Checked against ${keys.keys.length} public key(s) from ${keys.from}.`);
    return 1;
  }
  const c = result.credential;
  io.out(`VALID SIGNATURE: ${c.title.en}`);
  io.out(`  issued by ${c.issuer.name.en}${c.issuer.site.en ? `, ${c.issuer.site.en}` : ""} on ${c.validFrom}`);
  io.out(`  for ${c.preferredName}${c.legalName ? ` (${c.legalName})` : ""}: ${c.competencyCount} skill(s) at ${c.employer}, ${c.startDate} to ${c.endDate}`);
  io.out(`  signed with key ${result.kid}`);
  // Revocation needs the issuer: a signature alone cannot say a record was revoked later.
  if (!c.statusUrl) return 0;
  if (!online) {
    io.out(`  revocation: not checked offline (add --online); see ${c.statusUrl}`);
    return 0;
  }
  try {
    const list = (await (await fetch(c.statusUrl)).json()) as { revokedCredentials?: { id?: string; revocationReason?: string }[] };
    const revoked = list.revokedCredentials?.find((r) => r.id === c.id);
    if (revoked) {
      io.out(`REVOKED: ${revoked.revocationReason ? t(`revocationReason.${revoked.revocationReason}`, { defaultValue: revoked.revocationReason }) : ""}`);
      return 1;
    }
    io.out("  revocation: not revoked");
    return 0;
  } catch (error) {
    io.err(`Could not read the revocation list at ${c.statusUrl}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
