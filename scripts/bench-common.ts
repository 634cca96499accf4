// What the benchmark scripts share: the generated data's "today" and where its files live.
import path from "node:path";

/** The generated history ends on this day; the benchmark server runs with DEMO_TODAY set to it. */
export const BENCH_TODAY = "2026-11-25";

export function benchDatabasePath(scale: number): string {
  return path.resolve("data/bench", `portal-${scale}x.db`);
}

/**
 * Points this process at `databasePath` as the benchmark server runs (the generated data's day, a
 * fixed session secret, no demo seeding, no request log): call it before importing the app's
 * modules, which read the environment when they load.
 */
export function useBenchEnvironment(databasePath: string, extra: Record<string, string> = {}) {
  Object.assign(process.env, {
    DATABASE_PATH: databasePath,
    SESSION_SECRET: "bench-session-secret-bench-session-secret-0123",
    DEMO_TODAY: BENCH_TODAY,
    SEED_DEMO: "false",
    LOG_REQUESTS: "false",
    COOKIE_SECURE: "false",
    ...extra,
  });
}

export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
