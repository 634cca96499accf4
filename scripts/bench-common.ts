// What the benchmark scripts share: the generated data's "today" and where its files live.
import path from "node:path";

/** The generated history ends on this day; the benchmark server runs with DEMO_TODAY set to it. */
export const BENCH_TODAY = "2026-11-25";

export function benchDatabasePath(scale: number): string {
  return path.resolve("data/bench", `portal-${scale}x.db`);
}

export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
