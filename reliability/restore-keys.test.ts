/**
 * A restore on a new machine, the case backups exist for (docs/decisions/0013, 0020): the built
 * server issues a record of achievement, `npm run keys:rotate` runs beside it and the server signs
 * the next record with the new key without a restart; `npm run backup` copies the database; the
 * backup is restored with `npm run restore` into an empty data directory (no key file), and the
 * server started there still says both records are valid, publishes the same keys, and
 * `npm run verify` checks a record there against the restored database.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { createApprentice, createEmployer, createFramework, createPlacement, createSite, createUser, recordAssessment } from "~/db/factories.server";
import { envelope } from "~/domain/credential";

import { cookieFor, inspect, port, PortalServer, postForm, ROOT, tempDatabase } from "./harness";

const database = tempDatabase("restore-keys");
const site = createSite(database.db);
const employer = createEmployer(database.db, { siteId: site.id });
const trainer = createUser(database.db, { role: "trainer", siteId: site.id, employerId: employer.id, password: null });
const staff = createUser(database.db, { role: "staff", siteId: site.id, password: null });
const fw = createFramework(database.db);
const completed = [1, 2].map(() => {
  const apprentice = createApprentice(database.db, { siteId: site.id });
  const placement = createPlacement(database.db, {
    apprenticeId: apprentice.id,
    employerId: employer.id,
    trainerUserId: trainer.id,
    frameworkVersionId: fw.version.id,
    status: "completed",
    endedOn: "2026-03-06",
  });
  recordAssessment(database.db, {
    placementId: placement.id,
    competencyId: fw.competencies[0]!.id,
    trainerUserId: trainer.id,
    level: "independent",
    observedOn: "2026-02-03",
  });
  return placement;
});
const cookie = await cookieFor(staff);
database.release();

const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "portal-new-machine-"));
const backups = path.join(elsewhere, "backups");
const restoredFile = path.join(elsewhere, "data", "portal.db");
const original = new PortalServer(database.file, port(3));
const restored = new PortalServer(restoredFile, port(3));

afterAll(async () => {
  await original.stop();
  await restored.stop();
  database.remove();
  fs.rmSync(elsewhere, { recursive: true, force: true });
});

/** An npm script, as an operator runs it, against the database at `databaseFile`. */
function npm(script: string, args: string[], databaseFile: string) {
  const result = spawnSync("npm", ["run", "-s", script, "--", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_PATH: databaseFile, BACKUP_DIR: backups },
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const keyFiles = (file: string) => fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(".credential-keys"));
const jwksOf = async (server: PortalServer) => (await fetch(`${server.base}/.well-known/jwks.json`)).text();
const verifyPage = async (server: PortalServer, publicId: string) =>
  (await fetch(`${server.base}/verify/${publicId}`, { headers: { "Accept-Language": "en" } })).text();
const kidOf = (jwt: string) => String(JSON.parse(Buffer.from(jwt.split(".")[0]!, "base64url").toString("utf8")).kid).split("#")[1];

/** Issue the placement's record through the staff page; its public id and JWT from the database. */
async function issue(placementId: number) {
  const answer = await postForm(original.base, `/staff/placements/${placementId}/achievement`, { intent: "issue", current: "" }, cookie);
  expect(answer.status).toBe(200);
  return inspect(
    database.file,
    (sqlite) =>
      sqlite.prepare("select public_id as publicId, jwt from credentials where placement_id = ?").get(placementId) as { publicId: string; jwt: string },
  );
}

describe("a backup restored on a new machine", () => {
  it("still verifies every record issued before it, old key and rotated key, and publishes the same keys", async () => {
    await original.start();
    const first = await issue(completed[0]!.id);
    const firstKeys = JSON.parse(await jwksOf(original)) as { keys: { kid: string }[] };
    expect(firstKeys.keys.map((k) => k.kid)).toEqual([kidOf(first.jwt)]);

    // Rotated beside the running server: its next record is signed with the new key, no restart.
    const rotation = npm("keys:rotate", [], database.file);
    expect(rotation.code, rotation.out).toBe(0);
    const second = await issue(completed[1]!.id);
    const published = await jwksOf(original);
    const kids = (JSON.parse(published) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    expect(kids).toEqual([kidOf(second.jwt), kidOf(first.jwt)]);
    expect(kids[0]).not.toBe(kids[1]);
    expect(published).not.toContain('"d"');

    const backup = npm("backup", [], database.file);
    expect(backup.code, backup.out).toBe(0);
    const backupFile = backup.out.trim().split("\n")[0]!;
    expect(path.basename(backupFile)).toMatch(/^portal-.*\.db$/);
    await original.stop();

    // The new machine: an empty data directory, no key file anywhere near it.
    const restore = npm("restore", [backupFile], restoredFile);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain("The signing keys of records of achievement came back with the data (2 published)");
    expect(keyFiles(restoredFile)).toEqual([]);

    await restored.start();
    expect(await jwksOf(restored)).toBe(published);
    for (const record of [first, second]) expect(await verifyPage(restored, record.publicId)).toContain("Valid — issued by");
    expect(restored.output).not.toContain("Created the credential signing key");
    expect(keyFiles(restoredFile)).toEqual([]);
    expect(keyFiles(database.file)).toEqual([]);

    // A record file checked on that machine against its database (read while the server runs).
    const recordFile = path.join(elsewhere, "record.json");
    fs.writeFileSync(recordFile, JSON.stringify(envelope(first.jwt)));
    const verified = npm("verify", [recordFile], restoredFile);
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain("VALID SIGNATURE");
    expect(verified.out).toContain(`signed with key ${kids[1]}`);
    await restored.stop();
  }, 300_000);
});
