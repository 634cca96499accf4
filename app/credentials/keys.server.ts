/**
 * The programme's Ed25519 signing keys for records of achievement (docs/decisions/0020).
 *
 * A key set lists every key, current first. The first key signs; a rotated key keeps its public
 * half (still published, so what it signed still verifies) and loses its private half (it signs
 * nothing more). This module makes, rotates and reads a key set through a `KeyStore`, and knows
 * nothing of where the set is kept: the portal keeps it in its database, so that a backup carries
 * it (`app/db/credential-keys.server.ts`); tests keep it in memory (`memoryKeyStore`).
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { z } from "zod";

export const SIGNING_ALG = "EdDSA";

const PublicJwk = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string().min(40) });
const StoredKey = z.object({
  kid: z.string().min(40),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  publicJwk: PublicJwk,
  privateJwk: PublicJwk.extend({ d: z.string().min(40) }).optional(),
});
const KeySet = z.object({ version: z.literal(1), keys: z.array(StoredKey).min(1) });

export type StoredKey = z.infer<typeof StoredKey>;
/** The stored form of the keys: `{ version: 1, keys: [current, ...older] }`. */
export type KeySet = z.infer<typeof KeySet>;
/** A public key as published: what a verifier needs and nothing else. */
export interface PublishedKey {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
  alg: typeof SIGNING_ALG;
  use: "sig";
}

/**
 * Where a key set is kept. Every method is synchronous and whole: a reader sees the old set or
 * the new one, never half of a change.
 */
export interface KeyStore {
  /** The key set, or null when there is none yet. */
  read(): KeySet | null;
  /** Keep `first` unless a key set is already kept; returns the set kept afterwards (insert if absent, then re-read). */
  createIfAbsent(first: KeySet): KeySet;
  /** Replace the set with `change(current)`, with no other change in between; returns the new set. */
  replace(change: (current: KeySet | null) => KeySet): KeySet;
}

/** Read a key set from its JSON text; `where` names its origin in the error. */
export function parseKeySet(text: string, where: string): KeySet {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${where} does not hold credential keys: it is not JSON`);
  }
  const parsed = KeySet.safeParse(json);
  if (!parsed.success) throw new Error(`${where} does not hold credential keys: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

export const serializeKeySet = (set: KeySet) => `${JSON.stringify(set, null, 2)}\n`;

async function newKey(): Promise<StoredKey> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { crv: "Ed25519", extractable: true });
  const publicJwk = PublicJwk.parse(await exportJWK(publicKey));
  const privateJwk = (await exportJWK(privateKey)) as z.infer<typeof PublicJwk> & { d: string };
  return { kid: await calculateJwkThumbprint(publicJwk), createdAt: new Date().toISOString(), retiredAt: null, publicJwk, privateJwk };
}

/** A key set holding one new key. */
export const newKeySet = async (): Promise<KeySet> => ({ version: 1, keys: [await newKey()] });

/**
 * Make sure the store holds keys (the first start). When it holds none, `first()` makes the set
 * to keep (a new key by default). Two processes starting at once keep one set: the first to
 * write wins, and both read it back. `created` says whether the set kept is the one `first()` made.
 */
export async function ensureSigningKey(store: KeyStore, first: () => KeySet | Promise<KeySet> = newKeySet): Promise<{ kid: string; created: boolean }> {
  const existing = store.read();
  if (existing) return { kid: existing.keys[0]!.kid, created: false };
  const candidate = await first();
  const kept = store.createIfAbsent(candidate);
  return { kid: kept.keys[0]!.kid, created: kept.keys[0]!.kid === candidate.keys[0]!.kid };
}

/** A new signing key first; every older key keeps only its public half, marked retired. */
export async function rotateSigningKey(store: KeyStore): Promise<{ added: string; retired: string[] }> {
  // Made before the store is touched: generating a key is asynchronous, a store's change is not.
  const key = await newKey();
  const now = new Date().toISOString();
  const next = store.replace((current) => ({
    version: 1,
    keys: [key, ...(current?.keys ?? []).map(({ privateJwk: _private, ...k }) => ({ ...k, retiredAt: k.retiredAt ?? now }))],
  }));
  return { added: key.kid, retired: next.keys.filter((k) => k.retiredAt === now).map((k) => k.kid) };
}

/** The key that signs now. */
export async function signingKey(store: KeyStore) {
  const current = store.read()?.keys[0];
  if (!current?.privateJwk) throw new Error("No credential signing key: start the server once, or run npm run keys:rotate");
  return { kid: current.kid, key: await importJWK(current.privateJwk as JWK, SIGNING_ALG) };
}

/**
 * Every public key, current first: old ones stay so that what they signed still verifies. Each
 * is built field by field from the public half, so nothing private can slip into it.
 */
export function publishedKeys(store: KeyStore): PublishedKey[] {
  return (store.read()?.keys ?? []).map((k) => ({ kty: "OKP", crv: "Ed25519", x: k.publicJwk.x, kid: k.kid, alg: SIGNING_ALG, use: "sig" }));
}

/** A store in memory (tests, and the pure code's reference): kept as text, as a database keeps it. */
export function memoryKeyStore(): KeyStore & { text: () => string | null } {
  let text: string | null = null;
  const read = () => (text === null ? null : parseKeySet(text, "the memory key store"));
  return {
    text: () => text,
    read,
    createIfAbsent(first) {
      text ??= serializeKeySet(first);
      return read()!;
    },
    replace(change) {
      text = serializeKeySet(change(read()));
      return read()!;
    },
  };
}
