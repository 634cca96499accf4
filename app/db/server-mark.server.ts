/**
 * A running server marks the database it uses with a small file beside it
 * (`portal.db.server`: process id and port), so that `npm run restore` can refuse to replace
 * the database under it. A mark whose process is gone (a crash, a power cut) is ignored.
 */
import fs from "node:fs";
import path from "node:path";

export interface ServerMark {
  pid: number;
  port: number | null;
  startedAt: string;
  markFile: string;
}

export const markFileFor = (databasePath: string) => `${path.resolve(databasePath)}.server`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server using this database, or null when none is. */
export function serverUsing(databasePath: string): ServerMark | null {
  const markFile = markFileFor(databasePath);
  let parsed: { pid?: unknown; port?: unknown; startedAt?: unknown };
  try {
    parsed = JSON.parse(fs.readFileSync(markFile, "utf8")) as typeof parsed;
  } catch {
    return null;
  }
  const pid = Number(parsed.pid);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return null;
  return { pid, port: typeof parsed.port === "number" ? parsed.port : null, startedAt: String(parsed.startedAt ?? ""), markFile };
}

/** Mark the database as used by this process until it exits. */
export function markServer(databasePath: string, port: number) {
  const markFile = markFileFor(databasePath);
  fs.mkdirSync(path.dirname(markFile), { recursive: true });
  fs.writeFileSync(markFile, JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }));
  process.once("exit", () => {
    try {
      const current = JSON.parse(fs.readFileSync(markFile, "utf8")) as { pid?: unknown };
      if (current.pid === process.pid) fs.rmSync(markFile, { force: true });
    } catch {
      // Already gone.
    }
  });
}
