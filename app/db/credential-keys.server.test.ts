/**
 * The signing keys of records of achievement live in the database (docs/decisions/0020, 0013):
 * created once (one key even when two processes start together), adopted from an older install's
 * key file, rotated in one transaction and seen by a running server at once, and carried by a
 * backup, so that a restore into a fresh data directory still verifies what was issued before it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import { checkCredential, signCredential } from "~/credentials/jwt.server";
import { ensureSigningKey, memoryKeyStore, publishedKeys, rotateSigningKey, signingKey } from "~/credentials/keys.server";
import { buildCredential } from "~/domain/credential";
import { SAMPLE_BASE_URL, sampleRecordFacts } from "~/domain/credential-testing";
import { loader as jwksLoader } from "~/routes/[.well-known].jwks[.json]";
import { useTestDatabase } from "~/test/db";

import { restoreBackup, takeBackup } from "./backup.server";
import { openDatabase, setDb, type DB } from "./client.server";
import { CREDENTIAL_KEYS, databaseKeyStore, ensureCredentialKeys, LEGACY_KEY_FILE, publishedKeysOfFile } from "./credential-keys.server";
import { issueCredential, verdictForId } from "./credentials.server";
import { createApprentice, createEmployer, createFramework, createPlacement, createSite, createUser, recordAssessment } from "./factories.server";
import { instanceSecrets } from "./schema";

const db = useTestDatabase();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-credential-keys-"));
const opened: DB[] = [];
afterAll(() => {
  for (const d of opened) if (d.$client.open) d.$client.close();
  fs.rmSync(work, { recursive: true, force: true });
});

let n = 0;
/** A database in a folder of its own, as on a machine of its own. */
function install(name: string) {
  const file = path.join(work, `${name}-${++n}`, "portal.db");
  const database = openDatabase(file);
  opened.push(database);
  return { file, folder: path.dirname(file), database, store: databaseKeyStore(database) };
}
const keyFilesIn = (folder: string) => fs.readdirSync(folder).filter((f) => f.startsWith(".credential-keys"));
const rowOf = (database: DB) => database.select().from(instanceSecrets).where(eq(instanceSecrets.name, CREDENTIAL_KEYS)).get();

const BASE = SAMPLE_BASE_URL;
const facts = (publicId: string) => sampleRecordFacts({ publicId });

describe("the keys in the database", () => {
  it("are created on the first start, the same on every later start, and no key file is written", async () => {
    const { folder, database, store } = install("first");
    expect(rowOf(database)).toBeUndefined();
    const first = await ensureCredentialKeys(database);
    expect(first.source).toBe("created");
    expect(await ensureCredentialKeys(database)).toEqual({ kid: first.kid, source: "stored" });
    expect(store.read()!.keys.map((k) => k.kid)).toEqual([first.kid]);
    expect((await signingKey(store)).kid).toBe(first.kid);
    expect(keyFilesIn(folder)).toEqual([]);
  });

  it("are one first key when two processes start at once", async () => {
    const { file, database } = install("race");
    const other = openDatabase(file);
    opened.push(other);
    const [a, b] = await Promise.all([ensureCredentialKeys(database), ensureCredentialKeys(other)]);
    expect(a.kid).toBe(b.kid);
    expect([a.source, b.source].sort()).toEqual(["created", "stored"]);
    expect(databaseKeyStore(other).read()!.keys).toHaveLength(1);
  });

  it("are rotated in one step, and a running server signs with the new key at once, without a restart", async () => {
    const { file, database: server, store: serverKeys } = install("rotate");
    const { kid: before } = await ensureCredentialKeys(server);
    const old = await signCredential(buildCredential(facts("AAAAAAAAAAAAAAAAAAAAAA")), await signingKey(serverKeys), BASE);
    expect(publishedKeys(serverKeys).map((k) => k.kid)).toEqual([before]);

    // `npm run keys:rotate`: its own connection, while the server's stays open.
    const command = openDatabase(file);
    opened.push(command);
    const { added, retired } = await rotateSigningKey(databaseKeyStore(command));
    command.$client.close();
    expect(retired).toEqual([before]);

    expect((await signingKey(serverKeys)).kid).toBe(added);
    expect(publishedKeys(serverKeys).map((k) => k.kid)).toEqual([added, before]);
    // The retired key's private half is gone from the database; nothing published has one.
    const stored = JSON.parse(rowOf(server)!.value) as { keys: { kid: string; privateJwk?: unknown }[] };
    expect(stored.keys.map((k) => [k.kid, k.privateJwk !== undefined])).toEqual([
      [added, true],
      [before, false],
    ]);
    expect(JSON.stringify(publishedKeys(serverKeys))).not.toContain('"d"');
    expect(await checkCredential(old, publishedKeys(serverKeys))).toMatchObject({ ok: true, kid: before });
  });
});

describe("an install from before the keys moved into the database", () => {
  /** The key file an older version kept beside the database: a key that signed a record, then a rotation. */
  async function legacyFile(folder: string) {
    const legacy = memoryKeyStore();
    await ensureSigningKey(legacy);
    const signedBefore = await signCredential(buildCredential(facts("BBBBBBBBBBBBBBBBBBBBBB")), await signingKey(legacy), BASE);
    await rotateSigningKey(legacy);
    const signedAfter = await signCredential(buildCredential(facts("CCCCCCCCCCCCCCCCCCCCCC")), await signingKey(legacy), BASE);
    fs.writeFileSync(path.join(folder, LEGACY_KEY_FILE), legacy.text()!, { mode: 0o600 });
    return { kids: legacy.read()!.keys.map((k) => k.kid), signedBefore, signedAfter };
  }

  it("has its key file adopted once, old keys included; the file is renamed .adopted and what it signed still verifies", async () => {
    const { folder, database, store } = install("upgrade");
    const { kids, signedBefore, signedAfter } = await legacyFile(folder);

    const start = await ensureCredentialKeys(database);
    expect(start).toEqual({
      kid: kids[0],
      source: "adopted",
      from: path.join(folder, LEGACY_KEY_FILE),
      renamedTo: path.join(folder, `${LEGACY_KEY_FILE}.adopted`),
    });
    expect(keyFilesIn(folder)).toEqual([`${LEGACY_KEY_FILE}.adopted`]);
    expect(publishedKeys(store).map((k) => k.kid)).toEqual(kids);
    expect((await signingKey(store)).kid).toBe(kids[0]);
    expect(await checkCredential(signedBefore, publishedKeys(store))).toMatchObject({ ok: true, kid: kids[1] });
    expect(await checkCredential(signedAfter, publishedKeys(store))).toMatchObject({ ok: true, kid: kids[0] });

    // Later starts use the database's keys; a key file that turns up again is not read.
    fs.writeFileSync(path.join(folder, LEGACY_KEY_FILE), "not even JSON");
    expect(await ensureCredentialKeys(database)).toEqual({ kid: kids[0], source: "stored" });
  });

  it("refuses to start on a key file that holds no keys, rather than replace them, and stores nothing", async () => {
    const { folder, database } = install("broken");
    fs.writeFileSync(path.join(folder, LEGACY_KEY_FILE), JSON.stringify({ version: 1, keys: [] }));
    await expect(ensureCredentialKeys(database)).rejects.toThrow(`${path.join(folder, LEGACY_KEY_FILE)} does not hold credential keys`);
    expect(rowOf(database)).toBeUndefined();
    expect(keyFilesIn(folder)).toEqual([LEGACY_KEY_FILE]);
  });
});

describe("a backup restored into a fresh data directory, with no key file", () => {
  const site = createSite(db);
  const employer = createEmployer(db, { siteId: site.id });
  const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: employer.id, password: null });
  const staff = createUser(db, { role: "staff", siteId: site.id, password: null });
  const fw = createFramework(db);
  function completedPlacement() {
    const apprentice = createApprentice(db, { siteId: site.id });
    const placement = createPlacement(db, {
      apprenticeId: apprentice.id,
      employerId: employer.id,
      trainerUserId: trainer.id,
      frameworkVersionId: fw.version.id,
      status: "completed",
      endedOn: "2026-03-06",
    });
    recordAssessment(db, {
      placementId: placement.id,
      competencyId: fw.competencies[0]!.id,
      trainerUserId: trainer.id,
      level: "independent",
      observedOn: "2026-02-03",
    });
    return placement;
  }
  async function issue() {
    const result = await issueCredential({ placementId: completedPlacement().id, actorUserId: staff.id, baseUrl: BASE, expectedCurrentId: null });
    if (result.status !== "issued") throw new Error(`not issued: ${result.status}`);
    return result.publicId;
  }
  const jwks = async () => (await jwksLoader()).text();

  /** Back up the test database, restore the backup on a "new machine", and look at it there. */
  async function restoreElsewhere<T>(look: (restored: DB) => Promise<T>): Promise<T> {
    const { file } = takeBackup(db.$client, path.join(path.dirname(db.$client.name), "backups"), 5);
    const target = path.join(work, `new-machine-${++n}`, "portal.db");
    restoreBackup({ file, databasePath: target, dir: path.join(path.dirname(target), "backups") });
    expect(keyFilesIn(path.dirname(target))).toEqual([]);
    const restored = openDatabase(target);
    opened.push(restored);
    setDb(restored);
    try {
      return await look(restored);
    } finally {
      setDb(db);
      restored.$client.close();
    }
  }

  it("still verifies a record issued before the backup, and publishes the same keys, without making a new one", async () => {
    const { kid } = await ensureCredentialKeys(db);
    const publicId = await issue();
    const published = await jwks();
    expect(await verdictForId(publicId)).toMatchObject({ state: "valid" });

    await restoreElsewhere(async (restored) => {
      expect(await ensureCredentialKeys(restored)).toEqual({ kid, source: "stored" });
      expect(await verdictForId(publicId)).toMatchObject({ state: "valid" });
      expect(await jwks()).toBe(published);
      expect(published).not.toContain('"d"');
      expect(keyFilesIn(path.dirname(restored.$client.name))).toEqual([]);
      // `npm run verify` on that machine reads the same published keys from the restored file.
      expect(publishedKeysOfFile(restored.$client.name)).toEqual(JSON.parse(published).keys);
    });
  });

  it("after a rotation, keeps both keys: records signed before and after it verify", async () => {
    const before = await issue();
    const { added, retired } = await rotateSigningKey(databaseKeyStore(db));
    const after = await issue();
    const published = await jwks();
    expect((JSON.parse(published) as { keys: { kid: string }[] }).keys.map((k) => k.kid)).toEqual([added, ...retired]);

    await restoreElsewhere(async (restored) => {
      expect(await ensureCredentialKeys(restored)).toEqual({ kid: added, source: "stored" });
      expect(await verdictForId(before)).toMatchObject({ state: "valid" });
      expect(await verdictForId(after)).toMatchObject({ state: "valid" });
      expect(await jwks()).toBe(published);
      expect(published).not.toContain('"d"');
      // New records on the new machine are signed with the rotated-to key.
      expect((await signingKey(databaseKeyStore(restored))).kid).toBe(added);
    });
  });
});
