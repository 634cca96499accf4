import { PLACEMENT_RULES, TRAINER_RULES, DEFAULT_THRESHOLDS } from "~/domain/flags";
import { placementFacts, trainerFacts, assessment, day, ctx as mk } from "~/domain/flags/testing";
import { addDays } from "~/domain/dates";
const comps = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, expectedByWeek: i + 1 }));
const p = placementFacts({ startDate: "2025-12-01", competencies: comps, educationWeekdays: [2, 4],
  assessments: comps.flatMap((c) => [assessment(c.id, "with_help", "2026-06-01"), assessment(c.id, "supervised", "2026-07-01"), assessment(c.id, "independent", "2026-08-01")]),
  attendance: Array.from({ length: 34 }, (_, i) => day(addDays("2026-11-25", -i), "present")),
  educationAfternoons: Array.from({ length: 10 }, (_, i) => ({ afternoonId: i, date: addDays("2026-11-24", -7 * Math.floor(i / 2) - 2 * (i % 2)), events: ["released", "attended"] })) as any });
const ctx = mk({ today: "2026-11-26" });
for (const r of PLACEMENT_RULES) { r.evaluate(p, ctx); const t = performance.now(); for (let i = 0; i < 1000; i++) r.evaluate(p, ctx); console.log(r.rule.padEnd(24), ((performance.now() - t)).toFixed(1), "µs/eval"); }
