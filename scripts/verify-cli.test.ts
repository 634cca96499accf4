/**
 * `npm run verify -- FILE`: a partner checks a record with the published keys and no database;
 * on the portal's machine, the keys come from the local database, opened read-only.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { signCredential } from "~/credentials/jwt.server";
import { publishedKeys, signingKey } from "~/credentials/keys.server";
import { openDatabase } from "~/db/client.server";
import { databaseKeyStore, ensureCredentialKeys } from "~/db/credential-keys.server";
import { buildCredential, envelope, type RecordFacts } from "~/domain/credential";

import { runVerify } from "./verify-cli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-verify-cli-"));
// The default keys are the published ones in the database at DATABASE_PATH.
const databaseFile = path.join(dir, "portal.db");
process.env.DATABASE_PATH = databaseFile;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const facts: RecordFacts = {
  baseUrl: "https://portal.example.org",
  publicId: "AbCdEfGhIjKlMnOpQrStUv",
  subjectId: "urn:uuid:6f1c2a8e-0000-4000-8000-000000000001",
  issuedAt: new Date("2026-11-19T03:04:05Z"),
  text: {
    programme: { en: "Hagar Cambodia · Career Pathways", km: "កម្មវិធីផ្លូវអាជីព" },
    name: { en: "Record of achievement: Hairdressing", km: "លិខិតបញ្ជាក់សមិទ្ធផល" },
    description: { en: "Skills.", km: "ជំនាញ។" },
    criteria: { en: "Independent.", km: "ខ្លួនឯង។" },
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
      title: { en: "Greet the client", km: "ស្វាគមន៍" },
      unit: { code: "HB-1", title: { en: "Client care", km: "អតិថិជន" } },
      reachedOn: "2026-04-10",
    },
  ],
};

const files = {
  record: path.join(dir, "record.json"),
  jwt: path.join(dir, "record.jwt"),
  forged: path.join(dir, "forged.json"),
  jwks: path.join(dir, "jwks.json"),
  empty: path.join(dir, "empty.json"),
};

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runVerify(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  const database = openDatabase(databaseFile);
  await ensureCredentialKeys(database);
  const store = databaseKeyStore(database);
  const jwt = await signCredential(buildCredential(facts), await signingKey(store), facts.baseUrl);
  fs.writeFileSync(files.record, JSON.stringify(envelope(jwt)));
  fs.writeFileSync(files.jwt, `${jwt}\n`);
  const [h, p, s] = jwt.split(".") as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  payload.credentialSubject.result[0].reachedOn = "2026-03-03";
  fs.writeFileSync(files.forged, JSON.stringify(envelope(`${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`)));
  fs.writeFileSync(files.jwks, JSON.stringify({ keys: publishedKeys(store) }));
  fs.writeFileSync(files.empty, JSON.stringify({ keys: [] }));
  // Checkpointed and closed, as a stopped server leaves it: the check below sees every byte.
  database.$client.close();
});

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("npm run verify", () => {
  it("prints VALID with what the record says, from a JWKS file or the local public keys (exit 0)", async () => {
    for (const args of [[files.record, "--jwks", files.jwks], ["--jwks", files.jwks, files.jwt], [files.record]]) {
      const result = await run(args);
      expect(result.code, args.join(" ")).toBe(0);
      expect(result.out).toContain("VALID SIGNATURE: Record of achievement: Hairdressing");
      expect(result.out).toContain("for Sokha: 1 skill(s) at Parkway Beauty Salon, 2026-03-02 to 2026-08-28");
      expect(result.out).toContain("revocation: not checked offline (add --online); see https://portal.example.org/verify/AbCdEfGhIjKlMnOpQrStUv/status");
    }
  });

  it("reads the local database's published keys without writing to it, and says so", async () => {
    const before = sha(databaseFile);
    const result = await run([files.record]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`signed with key ${JSON.parse(fs.readFileSync(files.jwks, "utf8")).keys[0].kid}`);
    expect(sha(databaseFile)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(".credential-keys"))).toEqual([]);
  });

  it("says when there is no local database to read the keys from, and creates none (exit 2)", async () => {
    const away = `${databaseFile}.away`;
    fs.renameSync(databaseFile, away);
    try {
      const result = await run([files.record]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`There is no database at ${databaseFile}`);
      expect(result.err).toContain("--jwks");
      expect(fs.existsSync(databaseFile)).toBe(false);
    } finally {
      fs.renameSync(away, databaseFile);
    }
  });

  it("prints NOT VALID with the reason for a changed record or an unknown key (exit 1)", async () => {
    const forged = await run([files.forged, "--jwks", files.jwks]);
    expect(forged.code).toBe(1);
    expect(forged.out).toContain("NOT VALID: It was changed after it was signed.");
    const noKeys = await run([files.record, "--jwks", files.empty]);
    expect(noKeys.code).toBe(1);
    expect(noKeys.out).toContain("NOT VALID: It was not signed with one of the programme's published keys.");
  });

  it("explains its use, or a file it cannot read (exit 2)", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([files.record, "--jwks"])).err).toContain("Usage: npm run verify -- FILE");
    const missing = await run([path.join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.json");
  });
});
