// `npx tsx scripts/bench-signoff-action.ts [N]`: the CPU of the week card's action alone, in process, for N
// sequential submissions (default 300) on a fresh demo database with the flag hooks registered as
// the server registers them: the loader opens the card, the action submits it with one level
// changed (as `npm run bench` does over HTTP). Figures only (docs/decisions/0043).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { BENCH_TODAY, useBenchEnvironment } from "./bench-common";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-signoff-"));
useBenchEnvironment(path.join(dir, "m.db"), { NODE_ENV: "production" });
const { db } = await import("~/db/client.server");
const { seedDemo } = await import("~/db/seed.server");
const { registerFlagHooks } = await import("~/db/flags.server");
const { thresholdsBySite } = await import("~/db/site-settings.server");
const { context, cookieFor, get, post } = await import("~/test/requests");
const { mondayOf } = await import("~/domain/dates");
const route = await import("~/routes/trainer.placements.$placementId.weeks.$weekOf/route.server");
seedDemo(db(), { today: BENCH_TODAY });
registerFlagHooks({ thresholdsBySite });
const sqlite = db().$client;
const trainer = sqlite.prepare("select id, role from users where role = 'trainer' order by id limit 1").get() as { id: number; role: "trainer" };
const placement = sqlite
  .prepare("select id from placements where trainer_user_id = ? and status = 'active' order by start_date, id limit 1")
  .get(trainer.id) as { id: number };
const weekOf = mondayOf(BENCH_TODAY);
const url = `/trainer/placements/${placement.id}/weeks/${weekOf}`;
const cookie = await cookieFor(trainer);
const params = { placementId: String(placement.id), weekOf };
const N = Number(process.argv[2] ?? 300);
const cpu: number[] = [];
const wall: number[] = [];
for (let i = 0; i < N; i++) {
  const card = (await route.loader({ request: get(`${url}?show=all`, { cookie }), params, context: context() })) as {
    submissionKey: string;
    baseline: string;
    competencies: { id: number }[];
  };
  const request = post(
    url,
    {
      intent: "submit",
      submissionKey: card.submissionKey,
      baseline: card.baseline,
      [`level.${card.competencies[0]!.id}`]: i % 2 ? "supervised" : "with_help",
      correctionReason: "Benchmark correction",
    },
    { cookie },
  );
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const res = (await route.action({ request, params, context: context() })) as Response;
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  if (res.status !== 302) throw new Error(`status ${res.status}`);
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const skip = (xs: number[]) => xs.slice(20);
console.log(
  `action, ${N} submissions (first 20 left out): CPU p50 ${q(skip(cpu), 50).toFixed(2)} ms, mean ${(skip(cpu).reduce((a, b) => a + b, 0) / (N - 20)).toFixed(2)}; wall p50 ${q(skip(wall), 50).toFixed(2)} p95 ${q(skip(wall), 95).toFixed(2)} ms`,
);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
