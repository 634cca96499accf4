import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/db";
import { seedDemo } from "./seed.server";
import { runFlagPass } from "./flags.server";

const db = useTestDatabase();
describe("smoke", () => {
  it("runs", () => {
    seedDemo(db, { today: "2026-11-25" });
    const t = performance.now();
    const r = runFlagPass(db, { today: "2026-11-25" });
    console.log(r, performance.now() - t);
    console.log(db.$client.prepare("select f.rule, f.severity, f.subject_id, f.evidence from flags f order by rule").all().map((x:any)=>`${x.rule} ${x.severity} ${x.subject_id} ${x.evidence}`).join("\n"));
    console.log(runFlagPass(db, { today: "2026-11-25" }));
  });
});
