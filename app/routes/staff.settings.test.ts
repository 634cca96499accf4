import { describe, expect, it } from "vitest";

import { createSite, createUser } from "~/db/factories.server";
import { thresholdsFor } from "~/db/site-settings.server";
import { siteSettings } from "~/db/schema";
import { DEFAULT_THRESHOLDS } from "~/domain/flags/thresholds";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";

import { action, loader } from "./staff.settings";

const db = useTestDatabase();
const site = createSite(db);
const admin = createUser(db, { role: "admin" });
const staff = createUser(db, { role: "staff", siteId: site.id });
const form = (over: Record<string, string>) => ({
  siteId: String(site.id),
  ...Object.fromEntries(Object.entries(DEFAULT_THRESHOLDS).map(([k, v]) => [k, String(v)])),
  ...over,
});
type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
const save = async (who: Who, fields: Record<string, string>) =>
  run<{ errors: Record<string, string[]> }>(async () =>
    action({ request: post("/staff/settings", fields, { cookie: await cookieFor(who) }), params: {}, context: context() }),
  );

describe("/staff/settings (admin)", () => {
  it("shows each site's thresholds, defaulting to docs/product.md §5", async () => {
    const { status, data } = await run<{ sites: { thresholds: object }[] }>(async () =>
      loader({ request: get("/staff/settings", { cookie: await cookieFor(admin) }), params: {}, context: context() }),
    );
    expect(status).toBe(200);
    expect(data.sites[0]!.thresholds).toEqual(DEFAULT_THRESHOLDS);
  });

  it("saves only what differs from the defaults", async () => {
    expect((await save(admin, form({ noReviewWarnWeeks: "1" }))).status).toBe(302);
    expect(db.select().from(siteSettings).all()).toMatchObject([{ siteId: site.id, flagThresholds: { noReviewWarnWeeks: 1 } }]);
    expect(thresholdsFor(db, site.id).noReviewWarnWeeks).toBe(1);
  });

  it("refuses out-of-range and inverted thresholds with 400", async () => {
    expect((await save(admin, form({ behindPlanWarnPercent: "140" }))).data.errors.behindPlanWarnPercent).toEqual(["settings.errors.range"]);
    expect((await save(admin, form({ noReviewWarnWeeks: "5", noReviewUrgentWeeks: "3" }))).data.errors.form).toEqual(["flags.thresholds.order"]);
  });

  it("is for admin only", async () => {
    expect((await save(staff, form({}))).status).toBe(403);
  });
});
