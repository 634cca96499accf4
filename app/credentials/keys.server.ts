/**
 * The programme's Ed25519 signing keys for records of achievement (docs/decisions/0020).
 *
 * They live in one file beside the database (`.credential-keys.json`, mode 0600, like
 * `.session-secret`): outside `public/`, so never served, and under the ignored `data/` folder,
 * so never committed. The first start creates a key; `npm run keys:rotate` puts a new one first.
 * A rotated key keeps its public half (still published, so what it signed still verifies) and
 * loses its private half (it signs nothing more).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { z } from "zod";

export const KEY_FILE = ".credential-keys.json";
export const SIGNING_ALG = "EdDSA";

const PublicJwk = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string().min(40) });
const StoredKey = z.object({
  kid: z.string().min(40),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  publicJwk: PublicJwk,
  privateJwk: PublicJwk.extend({ d: z.string().min(40) }).optional(),
});
const KeyFile = z.object({ version: z.literal(1), keys: z.array(StoredKey).min(1) });

export type StoredKey = z.infer<typeof StoredKey>;
export type KeyFileContents = z.infer<typeof KeyFile>;
/** A public key as published: what a verifier needs and nothing else. */
export interface PublishedKey {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
  alg: typeof SIGNING_ALG;
  use: "sig";
}

export const keyFilePath = (dir: string) => path.join(dir, KEY_FILE);

async function newKey(): Promise<StoredKey> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { crv: "Ed25519", extractable: true });
  const publicJwk = PublicJwk.parse(await exportJWK(publicKey));
  const privateJwk = (await exportJWK(privateKey)) as z.infer<typeof PublicJwk> & { d: string };
  return { kid: await calculateJwkThumbprint(publicJwk), createdAt: new Date().toISOString(), retiredAt: null, publicJwk, privateJwk };
}

/** Write the whole file at once (a temporary file renamed over it), readable by the owner only. */
function writeKeyFile(dir: string, contents: KeyFileContents) {
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `${KEY_FILE}.${crypto.randomBytes(6).toString("hex")}.tmp`);
  fs.writeFileSync(temp, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  fs.renameSync(temp, keyFilePath(dir));
}

const cache = new Map<string, { stamp: string; contents: KeyFileContents }>();

/** The key file, or null when there is none yet. Re-read when it changes (a rotation by the command). */
export function readKeyFile(dir: string): KeyFileContents | null {
  const file = keyFilePath(dir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  const stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.contents;
  const parsed = KeyFile.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is not a credential key file: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  cache.set(file, { stamp, contents: parsed.data });
  return parsed.data;
}

/** Create the first signing key when there is none (the first start). Returns the signing key's id. */
export async function ensureSigningKey(dir: string): Promise<string> {
  const existing = readKeyFile(dir);
  if (existing) return existing.keys[0]!.kid;
  const key = await newKey();
  try {
    fs.mkdirSync(dir, { recursive: true });
    // "wx": two processes starting at once cannot both create it.
    fs.writeFileSync(keyFilePath(dir), `${JSON.stringify({ version: 1, keys: [key] } satisfies KeyFileContents, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readKeyFile(dir)!.keys[0]!.kid;
}

/** A new signing key first; every older key keeps only its public half, marked retired. */
export async function rotateSigningKey(dir: string): Promise<{ added: string; retired: string[] }> {
  const existing = readKeyFile(dir);
  const key = await newKey();
  const now = new Date().toISOString();
  const older = (existing?.keys ?? []).map(({ privateJwk: _private, ...k }) => ({ ...k, retiredAt: k.retiredAt ?? now }));
  writeKeyFile(dir, { version: 1, keys: [key, ...older] });
  return { added: key.kid, retired: older.filter((k) => k.retiredAt === now).map((k) => k.kid) };
}

/** The key that signs now. */
export async function signingKey(dir: string) {
  const current = readKeyFile(dir)?.keys[0];
  if (!current?.privateJwk) throw new Error(`No signing key in ${keyFilePath(dir)}: start the server once, or run npm run keys:rotate`);
  return { kid: current.kid, key: await importJWK(current.privateJwk as JWK, SIGNING_ALG) };
}

/** Every public key, current first: old ones stay so that what they signed still verifies. */
export function publishedKeys(dir: string): PublishedKey[] {
  return (readKeyFile(dir)?.keys ?? []).map((k) => ({ ...k.publicJwk, kid: k.kid, alg: SIGNING_ALG, use: "sig" }));
}
