import { hash, verify } from "@node-rs/argon2";

/** argon2id, OWASP's minimum (m = 19 MiB, t = 2, p = 1): ≈ 40 ms a hash here. */
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, OPTIONS);
}

export async function verifySecret(hashed: string, secret: string): Promise<boolean> {
  try {
    return await verify(hashed, secret);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spend the same time as a real check when there is no account, so timing tells nothing. */
export async function verifyAgainstNothing(secret: string): Promise<false> {
  dummy ??= hashSecret("no account has this password");
  await verifySecret(await dummy, secret);
  return false;
}
