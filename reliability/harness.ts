/**
 * What the reliability tests share: a temporary database with fixtures made by the factories,
 * the built server started on it as a child process (and killed or stopped), session cookies,
 * and plain form posts as a browser without JavaScript sends them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Database from "better-sqlite3";

import { createUserSession } from "~/auth/session.server";
import { openDatabase, setDb, type DB } from "~/db/client.server";

import { serverNodeFlags } from "../scripts/server-node-flags";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The sites' "today" for every reliability run: a Thursday with no holiday that week. */
export const TODAY = "2026-11-19";
process.env.DEMO_TODAY = TODAY;

/** Ports: from RELIABILITY_PORT, else from the one after E2E_PORT; each file takes its own offset (0, 1, 2, …). */
export function port(offset: number): number {
  const base = Number(process.env.RELIABILITY_PORT ?? Number(process.env.E2E_PORT ?? 3107) + 1);
  return base + offset;
}

/** A fresh database file made from the migrations; the test process writes its fixtures through it. */
export function tempDatabase(label: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${label}-`));
  const file = path.join(dir, "portal.db");
  const db = openDatabase(file);
  setDb(db);
  return {
    file,
    db,
    /** Close the test process's connection, so only the server holds the file. */
    release() {
      setDb(undefined);
      db.$client.close();
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Cookie header for a new session of this user (written through the test process's connection). */
export async function cookieFor(user: { id: number; role: "trainer" | "staff" | "admin" | "apprentice" }) {
  const setCookie = await createUserSession(user, "password", new Request("http://localhost/"));
  return setCookie.split(";")[0]!;
}

/** Open the file read-only for checks, run `fn`, close. */
export function inspect<T>(file: string, fn: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { readonly: true });
  try {
    return fn(sqlite);
  } finally {
    sqlite.close();
  }
}

export class PortalServer {
  private child: ChildProcess | null = null;
  /** Everything the server printed, across restarts. */
  output = "";
  readonly base: string;

  constructor(
    private readonly databaseFile: string,
    readonly port: number,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  async start() {
    if (!fs.existsSync(path.join(ROOT, "build", "index.js"))) {
      throw new Error("No server build: run `npm run build` first (`npm run test:reliability` does).");
    }
    // With the node flags `npm run serve` gives it (package.json): the server as it runs in production.
    const child = spawn(process.execPath, [...serverNodeFlags(), "server.js"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        PORT: String(this.port),
        HOST: "127.0.0.1",
        DATABASE_PATH: this.databaseFile,
        SESSION_SECRET: process.env.SESSION_SECRET,
        SEED_DEMO: "false",
        LOG_REQUESTS: "false",
        DEMO_TODAY: TODAY,
      },
    });
    this.child = child;
    child.stdout!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    const exited = new Promise<never>((_, reject) =>
      child.once("exit", (code) => reject(new Error(`server exited (${code}) before it answered:\n${this.output}`))),
    );
    // Poll until it answers; a server that exits ends the wait with its output.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const up = await Promise.race([
        fetch(`${this.base}/healthcheck`).then(
          (r) => r.status === 200,
          () => false,
        ),
        exited,
      ]);
      if (up) return;
      if (Date.now() > deadline) throw new Error(`server did not answer /healthcheck within a minute:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGKILL: no shutdown handler runs, as in a power cut of the process. */
  async kill() {
    await this.signal("SIGKILL");
  }

  async stop() {
    await this.signal("SIGTERM");
  }

  private async signal(signal: NodeJS.Signals) {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await gone;
    this.child = null;
  }
}

export interface Answer {
  status: number;
  location: string | null;
  /** The request never got an answer (connection refused or reset). */
  failed: boolean;
}

/** POST a form as a browser without JavaScript does, without following the redirect. */
export async function postForm(base: string, urlPath: string, fields: Record<string, string>, cookie: string): Promise<Answer> {
  try {
    const response = await fetch(`${base}${urlPath}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams(fields),
    });
    await response.arrayBuffer();
    return { status: response.status, location: response.headers.get("location"), failed: false };
  } catch {
    return { status: 0, location: null, failed: true };
  }
}

export async function get(base: string, urlPath: string, cookie = ""): Promise<number> {
  const response = await fetch(`${base}${urlPath}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  await response.arrayBuffer();
  return response.status;
}

export type { DB };
