import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { createApprenticeWithUser, createEmployer, createFramework, createSite, createUser } from "~/db/factories.server";
import { auditEvents, competencies, frameworks, frameworkUnits, frameworkVersions } from "~/db/schema";
import { FRAMEWORK_CSV_HEADER } from "~/domain/frameworks";
import { useTestDatabase } from "~/test/db";
import { BASE, context, cookieFor, get, post, run } from "~/test/requests";

import { loader as diffLoader } from "./staff.frameworks.$frameworkId.diff";
import { action as indexAction, loader as indexLoader } from "./staff.frameworks._index";
import { action as versionAction, loader as versionLoader } from "./staff.frameworks.versions.$versionId";
import { loader as csvLoader } from "./staff.frameworks.versions.$versionId[.csv]";

const db = useTestDatabase();
const pp = createSite(db);
const sr = createSite(db);
const employer = createEmployer(db, { siteId: pp.id });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: employer.id });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });
const { user: apprenticeUser } = createApprenticeWithUser(db, { siteId: pp.id });
const seeded = createFramework(db, { code: "HAIR" });

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
type IndexData = { intent: string; errors: Record<string, string[]>; lineErrors: { line: number; key: string }[] };
type VersionData = { target: string; errors: Record<string, string[]> };

const HEADER = FRAMEWORK_CSV_HEADER.join(",");
const GOOD_ROWS = [
  "U1,Basics,មូលដ្ឋាន,C1,Wash hair,កក់សក់,Washes safely,កក់ដោយសុវត្ថិភាព,2",
  'U1,Basics,មូលដ្ឋាន,C2,"Dry hair, neatly",ផ្លុំសក់,Dries hair,ផ្លុំសក់ឱ្យស្ងួត,4',
  "U2,Cutting,កាត់,C3,Trim,កាត់ចុង,Trims ends,កាត់ចុងសក់,8",
];
const csvOf = (...lines: string[]) => [HEADER, ...lines].join("\r\n") + "\r\n";

const fields = (over: Record<string, string> = {}) => ({
  code: "CLEAN",
  tradeEn: "Cleaning",
  tradeKm: "សម្អាត",
  sector: "cleaning",
  typicalWeeks: "8",
  ...over,
});

const viewIndex = async (who: Who) =>
  run(async () => indexLoader({ request: get("/staff/frameworks", { cookie: await cookieFor(who) }), params: {}, context: context() }));
const postIndex = async (who: Who, form: Record<string, string>) =>
  run<IndexData>(async () => indexAction({ request: post("/staff/frameworks", form, { cookie: await cookieFor(who) }), params: {}, context: context() }));
const importCsv = async (who: Who, body: string | Uint8Array<ArrayBuffer>, over: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [k, v] of Object.entries({ intent: "import", ...fields(over) })) form.append(k, v);
  form.append("csv", new File([body], "x.csv", { type: "text/csv" }));
  const request = new Request(new URL("/staff/frameworks", BASE), { method: "POST", body: form, headers: { cookie: await cookieFor(who) } });
  return run<IndexData>(async () => indexAction({ request, params: {}, context: context() }));
};
const viewVersion = async (who: Who, id: number) =>
  run<{ version: { status: string }; units: { code: string; competencies: { code: string }[] }[] }>(async () =>
    versionLoader({
      request: get(`/staff/frameworks/versions/${id}`, { cookie: await cookieFor(who) }),
      params: { versionId: String(id) },
      context: context(),
    }),
  );
const postVersion = async (who: Who, id: number, form: Record<string, string>) =>
  run<VersionData>(async () =>
    versionAction({
      request: post(`/staff/frameworks/versions/${id}`, form, { cookie: await cookieFor(who) }),
      params: { versionId: String(id) },
      context: context(),
    }),
  );
const exportCsv = async (who: Who, id: number) =>
  run<string>(async () =>
    csvLoader({
      request: get(`/staff/frameworks/versions/${id}.csv`, { cookie: await cookieFor(who) }),
      params: { versionId: String(id) },
      context: context(),
    }),
  );
const viewDiff = async (who: Who, frameworkId: number, query: string) =>
  run<{ lines: { code: string; kind: string }[]; summary: Record<string, number> | null }>(async () =>
    diffLoader({
      request: get(`/staff/frameworks/${frameworkId}/diff?${query}`, { cookie: await cookieFor(who) }),
      params: { frameworkId: String(frameworkId) },
      context: context(),
    }),
  );

const versionIdOf = (location: string | null) => Number(/\/versions\/(\d+)(?:[?#]|$)/.exec(location ?? "")?.[1]);
const counts = () => ({
  frameworks: db.select().from(frameworks).all().length,
  versions: db.select().from(frameworkVersions).all().length,
  units: db.select().from(frameworkUnits).all().length,
  competencies: db.select().from(competencies).all().length,
});
const competencyCodes = (versionId: number) =>
  db
    .select({ code: competencies.code })
    .from(competencies)
    .where(eq(competencies.versionId, versionId))
    .all()
    .map((c) => c.code)
    .sort();

describe("/staff/frameworks", () => {
  it("lists frameworks with their versions for any staff and admin; others are refused", async () => {
    const seen = await viewIndex(staff);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.data)).toContain("HAIR");
    expect((await viewIndex(staffSr)).status).toBe(200);
    expect((await viewIndex(admin)).status).toBe(200);
    expect((await viewIndex(trainer)).status).toBe(403);
    expect((await viewIndex(apprenticeUser)).status).toBe(403);
    const anonymous = await run(async () => indexLoader({ request: get("/staff/frameworks"), params: {}, context: context() }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/login");
  });

  it("creates a framework with an empty draft v1, audited; the same code twice is 400 'code taken'", async () => {
    const created = await postIndex(staff, { intent: "create", ...fields({ code: "hk" }) });
    expect(created.status).toBe(302);
    const versionId = versionIdOf(created.location);
    const version = db.select().from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).get();
    expect(version).toMatchObject({ version: 1, status: "draft", typicalWeeks: 8, createdBy: staff.id });
    expect(db.select().from(frameworks).where(eq(frameworks.code, "HK")).get()).toBeTruthy();
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "framework_create")).all()).toHaveLength(1);
    const before = counts();
    const again = await postIndex(admin, { intent: "create", ...fields({ code: "HK" }) });
    expect(again.status).toBe(400);
    expect(again.data.errors.code).toEqual(["frameworks.errors.codeTaken"]);
    expect(counts()).toEqual(before);
  });

  it("refuses bad fields with 400 and field errors, writing nothing", async () => {
    const before = counts();
    const bad = await postIndex(staff, { intent: "create", code: "", tradeEn: "x", tradeKm: " ", sector: "mining", typicalWeeks: "1" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.errors).sort()).toEqual(["code", "sector", "tradeKm", "typicalWeeks"]);
    expect(bad.data.errors.typicalWeeks).toEqual(["frameworks.errors.typicalWeeks"]);
    expect((await postIndex(staff, { intent: "create", ...fields({ code: "BIG", typicalWeeks: "53" }) })).status).toBe(400);
    expect((await postIndex(staff, { intent: "create", ...fields({ code: "has space" }) })).data.errors.code).toEqual(["frameworks.errors.code"]);
    expect(counts()).toEqual(before);
  });

  it("refuses trainers and apprentices (403), writing nothing", async () => {
    const before = counts();
    expect((await postIndex(trainer, { intent: "create", ...fields({ code: "T1" }) })).status).toBe(403);
    expect((await postIndex(apprenticeUser, { intent: "create", ...fields({ code: "T2" }) })).status).toBe(403);
    expect((await importCsv(trainer, csvOf(...GOOD_ROWS), { code: "T3" })).status).toBe(403);
    expect(counts()).toEqual(before);
  });
});

describe("CSV import", () => {
  it("creates the framework and draft v1 from the file (BOM accepted), once for a double submit", async () => {
    const imported = await importCsv(staff, "\uFEFF" + csvOf(...GOOD_ROWS), { code: "SALON" });
    expect(imported.status).toBe(302);
    const versionId = versionIdOf(imported.location);
    expect(competencyCodes(versionId)).toEqual(["C1", "C2", "C3"]);
    const units = db.select().from(frameworkUnits).where(eq(frameworkUnits.versionId, versionId)).all();
    expect(units.map((u) => [u.code, u.titleKm])).toEqual([
      ["U1", "មូលដ្ឋាន"],
      ["U2", "កាត់"],
    ]);
    const before = counts();
    const again = await importCsv(staff, "\uFEFF" + csvOf(...GOOD_ROWS), { code: "SALON" });
    expect(again.status).toBe(302);
    expect(versionIdOf(again.location)).toBe(versionId);
    expect(counts()).toEqual(before);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "framework_import")).all()).toHaveLength(1);
  });

  it("makes a new draft version when the code exists and the content differs", async () => {
    const imported = await importCsv(staff, csvOf(...GOOD_ROWS.slice(0, 2)), { code: "HAIR" });
    expect(imported.status).toBe(302);
    const version = db
      .select()
      .from(frameworkVersions)
      .where(eq(frameworkVersions.id, versionIdOf(imported.location)))
      .get();
    expect(version).toMatchObject({ frameworkId: seeded.framework.id, version: 2, status: "draft" });
    expect(db.select().from(frameworks).where(eq(frameworks.code, "HAIR")).all()).toHaveLength(1);
  });

  const cases: [string, string | Uint8Array<ArrayBuffer>, { line: number; key: string }[]][] = [
    ["a wrong header", ["unit,title", ...GOOD_ROWS].join("\n"), [{ line: 1, key: "frameworks.csv.badHeader" }]],
    ["a duplicate code", csvOf(...GOOD_ROWS, "U2,Cutting,កាត់,C1,Again,ម្តងទៀត,x,y,9"), [{ line: 5, key: "frameworks.csv.duplicateCode" }]],
    ["an empty Khmer title", csvOf(GOOD_ROWS[0]!, "U1,Basics,មូលដ្ឋាន,C9,Style,  ,Styles,រចនា,3"), [{ line: 3, key: "frameworks.csv.emptyKhmerTitle" }]],
    [
      "a bad expected week",
      csvOf("U1,Basics,មូលដ្ឋាន,C1,Wash,កក់,x,y,0", "U1,Basics,មូលដ្ឋាន,C2,Dry,ផ្លុំ,x,y,53", "U1,Basics,មូលដ្ឋាន,C3,Cut,កាត់,x,y,two", GOOD_ROWS[2]!),
      [
        { line: 2, key: "frameworks.csv.badWeek" },
        { line: 3, key: "frameworks.csv.badWeek" },
        { line: 4, key: "frameworks.csv.badWeek" },
      ],
    ],
    [
      "a wrong encoding",
      new Uint8Array([...new TextEncoder().encode(HEADER + "\n"), 0x55, 0x31, 0x2c, 0xe9, 0x74, 0xe9, 0x0a]),
      [{ line: 1, key: "frameworks.csv.encoding" }],
    ],
    ["a short row", csvOf(GOOD_ROWS[0]!, "U1,Basics"), [{ line: 3, key: "frameworks.csv.columns" }]],
    ["no rows", csvOf(), [{ line: 2, key: "frameworks.csv.empty" }]],
  ];
  for (const [name, body, lineErrors] of cases) {
    it(`reports ${name} by line with 400, writing nothing`, async () => {
      const before = counts();
      const refused = await importCsv(staff, body, { code: "BAD" });
      expect(refused.status).toBe(400);
      expect(refused.data.lineErrors).toEqual(lineErrors);
      expect(counts()).toEqual(before);
    });
  }

  it("counts lines across a quoted field that spans lines", async () => {
    const refused = await importCsv(staff, csvOf('U1,Basics,មូលដ្ឋាន,C1,Wash,កក់,"two\nlines",y,2', "U1,Basics,មូលដ្ឋាន,C2,Dry,,x,y,3"), { code: "BAD" });
    expect(refused.data.lineErrors).toEqual([{ line: 4, key: "frameworks.csv.emptyKhmerTitle" }]);
  });

  it("wants a file, and valid fields too", async () => {
    const before = counts();
    const noFile = await postIndex(staff, { intent: "import", ...fields({ code: "NOFILE" }) });
    expect(noFile.status).toBe(400);
    expect(noFile.data.errors.csv).toEqual(["frameworks.errors.file"]);
    const badFields = await importCsv(staff, csvOf(...GOOD_ROWS), { code: "OK2", typicalWeeks: "99" });
    expect(badFields.status).toBe(400);
    expect(badFields.data.errors.typicalWeeks).toEqual(["frameworks.errors.typicalWeeks"]);
    expect(counts()).toEqual(before);
  });
});

describe("/staff/frameworks/versions/:versionId", () => {
  let draftId = 0;
  let unitId = 0;

  it("shows a version to any staff and admin; 403 for others; 404 for no such version", async () => {
    expect((await viewVersion(staff, seeded.version.id)).data.units[0]!.competencies).toHaveLength(4);
    expect((await viewVersion(staffSr, seeded.version.id)).status).toBe(200);
    expect((await viewVersion(admin, seeded.version.id)).status).toBe(200);
    expect((await viewVersion(trainer, seeded.version.id)).status).toBe(403);
    expect((await viewVersion(apprenticeUser, seeded.version.id)).status).toBe(403);
    expect((await viewVersion(staff, 999_999)).status).toBe(404);
  });

  it("adds, edits and deletes units and competencies in a draft, audited; a repeated code is 400", async () => {
    const created = await postIndex(staff, { intent: "create", ...fields({ code: "COOK", sector: "catering" }) });
    draftId = versionIdOf(created.location);
    expect((await postVersion(staff, draftId, { intent: "add_unit", code: "K1", titleEn: "Kitchen", titleKm: "ផ្ទះបាយ" })).status).toBe(302);
    const again = await postVersion(staff, draftId, { intent: "add_unit", code: "k1", titleEn: "Kitchen", titleKm: "ផ្ទះបាយ" });
    expect(again.status).toBe(400);
    expect(again.data.errors.code).toEqual(["frameworks.errors.codeTaken"]);
    unitId = db.select().from(frameworkUnits).where(eq(frameworkUnits.versionId, draftId)).get()!.id;
    const comp = {
      unitId: String(unitId),
      code: "K1.1",
      titleEn: "Knife safety",
      titleKm: "សុវត្ថិភាពកាំបិត",
      criteriaEn: "Holds knife safely",
      criteriaKm: "កាន់កាំបិតដោយសុវត្ថិភាព",
      expectedByWeek: "2",
    };
    expect((await postVersion(staff, draftId, { intent: "add_competency", ...comp })).status).toBe(302);
    expect((await postVersion(staff, draftId, { intent: "add_competency", ...comp })).data.errors.code).toEqual(["frameworks.errors.codeTaken"]);
    expect((await postVersion(admin, draftId, { intent: "add_competency", ...comp, code: "K1.2", titleEn: "Chop" })).status).toBe(302);
    expect(competencyCodes(draftId)).toEqual(["K1.1", "K1.2"]);

    const k12 = db
      .select()
      .from(competencies)
      .where(and(eq(competencies.versionId, draftId), eq(competencies.code, "K1.2")))
      .get()!;
    const { unitId: _, ...editable } = comp;
    expect(
      (
        await postVersion(staff, draftId, {
          intent: "edit_competency",
          competencyId: String(k12.id),
          ...editable,
          code: "K1.2",
          titleEn: "Chop onions",
          expectedByWeek: "5",
        })
      ).status,
    ).toBe(302);
    expect(db.select().from(competencies).where(eq(competencies.id, k12.id)).get()).toMatchObject({ titleEn: "Chop onions", expectedByWeek: 5 });
    expect(
      (await postVersion(staff, draftId, { intent: "edit_unit", unitId: String(unitId), code: "K1", titleEn: "The kitchen", titleKm: "ផ្ទះបាយ" })).status,
    ).toBe(302);
    expect((await postVersion(staff, draftId, { intent: "delete_competency", competencyId: String(k12.id) })).status).toBe(302);
    expect(competencyCodes(draftId)).toEqual(["K1.1"]);
    // A competency of another version is not found from this one.
    expect((await postVersion(staff, draftId, { intent: "delete_competency", competencyId: String(seeded.competencies[0]!.id) })).status).toBe(404);
    // Deleting a unit of a draft takes its competencies with it.
    expect((await postVersion(staff, draftId, { intent: "add_unit", code: "K2", titleEn: "Spare", titleKm: "បម្រុង" })).status).toBe(302);
    const spare = db
      .select()
      .from(frameworkUnits)
      .where(and(eq(frameworkUnits.versionId, draftId), eq(frameworkUnits.code, "K2")))
      .get()!;
    expect((await postVersion(staff, draftId, { intent: "delete_unit", unitId: String(spare.id) })).status).toBe(302);
    const actions = db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(draftId)))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "framework_unit_add",
        "framework_competency_add",
        "framework_competency_edit",
        "framework_unit_edit",
        "framework_competency_delete",
        "framework_unit_delete",
      ]),
    );
  });

  it("refuses bad competency input with field errors, writing nothing", async () => {
    const before = counts();
    const bad = await postVersion(staff, draftId, {
      intent: "add_competency",
      unitId: String(unitId),
      code: "K1.9",
      titleEn: "x",
      titleKm: "",
      criteriaEn: "x",
      criteriaKm: "y",
      expectedByWeek: "60",
    });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.titleKm).toEqual(["errors.required"]);
    expect(bad.data.errors.expectedByWeek).toEqual(["frameworks.errors.week"]);
    expect((await postVersion(staff, draftId, { intent: "made_up" })).status).toBe(400);
    expect(counts()).toEqual(before);
  });

  it("refuses trainers and apprentices (403)", async () => {
    const before = counts();
    expect((await postVersion(trainer, draftId, { intent: "add_unit", code: "X", titleEn: "x", titleKm: "ក" })).status).toBe(403);
    expect((await postVersion(apprenticeUser, draftId, { intent: "publish" })).status).toBe(403);
    expect(counts()).toEqual(before);
  });

  it("refuses to publish an empty draft (400)", async () => {
    const created = await postIndex(staff, { intent: "create", ...fields({ code: "EMPTY" }) });
    const empty = versionIdOf(created.location);
    const refused = await postVersion(staff, empty, { intent: "publish" });
    expect(refused.status).toBe(400);
    expect(refused.data.errors.form).toEqual(["frameworks.errors.noCompetencies"]);
    expect(db.select().from(frameworkVersions).where(eq(frameworkVersions.id, empty)).get()!.status).toBe("draft");
  });

  it("refuses to publish while a Khmer unit title is empty (400)", async () => {
    const created = await postIndex(staff, { intent: "create", ...fields({ code: "NOKM" }) });
    const id = versionIdOf(created.location);
    // The form wants a Khmer title, so an empty one can only come from elsewhere: write it directly.
    const unit = db.insert(frameworkUnits).values({ versionId: id, code: "U", titleEn: "Unit", titleKm: "", position: 0 }).returning().get();
    db.insert(competencies)
      .values({ versionId: id, unitId: unit.id, code: "C", titleEn: "C", titleKm: "គ", criteriaEn: "c", criteriaKm: "គ", expectedByWeek: 2, position: 0 })
      .run();
    const refused = await postVersion(staff, id, { intent: "publish" });
    expect(refused.status).toBe(400);
    expect(refused.data.errors.form).toEqual(["frameworks.errors.khmerMissing"]);
  });

  it("publishes once; a published version is immutable in the app (400) and in the database", async () => {
    expect((await postVersion(staff, draftId, { intent: "publish" })).status).toBe(302);
    expect((await postVersion(staff, draftId, { intent: "publish" })).status).toBe(302);
    expect(db.select().from(frameworkVersions).where(eq(frameworkVersions.id, draftId)).get()).toMatchObject({ status: "published" });
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "framework_publish"), eq(auditEvents.entityId, String(draftId))))
        .all(),
    ).toHaveLength(1);

    const before = counts();
    const k11 = db.select().from(competencies).where(eq(competencies.versionId, draftId)).get()!;
    const edits: Record<string, string>[] = [
      { intent: "add_unit", code: "K9", titleEn: "x", titleKm: "ក" },
      { intent: "edit_unit", unitId: String(unitId), code: "K1", titleEn: "x", titleKm: "ក" },
      { intent: "delete_unit", unitId: String(unitId) },
      {
        intent: "edit_competency",
        competencyId: String(k11.id),
        code: "K1.1",
        titleEn: "x",
        titleKm: "ក",
        criteriaEn: "x",
        criteriaKm: "ក",
        expectedByWeek: "3",
      },
      { intent: "delete_competency", competencyId: String(k11.id) },
    ];
    for (const form of edits) {
      const refused = await postVersion(staff, draftId, form);
      expect(refused.status, form.intent).toBe(400);
      expect(refused.data.errors.form).toEqual(["frameworks.errors.notDraft"]);
    }
    expect(counts()).toEqual(before);
    expect(() => db.update(competencies).set({ titleEn: "Changed" }).where(eq(competencies.id, k11.id)).run()).toThrow(/not a draft/);
    expect(() => db.delete(frameworkUnits).where(eq(frameworkUnits.id, unitId)).run()).toThrow(/not a draft/);
    expect(() => db.update(frameworkVersions).set({ status: "draft" }).where(eq(frameworkVersions.id, draftId)).run()).toThrow(/cannot go back/);
  });

  let v2 = 0;
  it("makes a new draft (version N+1) that copies units and competencies, once for a double submit", async () => {
    const made = await postVersion(staff, draftId, { intent: "new_draft" });
    expect(made.status).toBe(302);
    v2 = versionIdOf(made.location);
    expect(db.select().from(frameworkVersions).where(eq(frameworkVersions.id, v2)).get()).toMatchObject({ version: 2, status: "draft", typicalWeeks: 8 });
    expect(competencyCodes(v2)).toEqual(competencyCodes(draftId));
    const again = await postVersion(staff, draftId, { intent: "new_draft" });
    expect(versionIdOf(again.location)).toBe(v2);
    const onDraft = await postVersion(staff, v2, { intent: "new_draft" });
    expect(onDraft.status).toBe(400);
    expect(onDraft.data.errors.form).toEqual(["frameworks.errors.alreadyDraft"]);
    // The copy is a draft: it can change while the published version stays.
    const copied = db.select().from(frameworkUnits).where(eq(frameworkUnits.versionId, v2)).get()!;
    expect(
      (
        await postVersion(staff, v2, {
          intent: "add_competency",
          unitId: String(copied.id),
          code: "K1.3",
          titleEn: "Plate up",
          titleKm: "រៀបចំចាន",
          criteriaEn: "Plates neatly",
          criteriaKm: "រៀបចានបានស្អាត",
          expectedByWeek: "6",
        })
      ).status,
    ).toBe(302);
    expect(competencyCodes(draftId)).toEqual(["K1.1"]);
  });

  it("retires a published version once; a draft cannot be retired", async () => {
    expect((await postVersion(staff, v2, { intent: "retire" })).status).toBe(400);
    expect((await postVersion(staff, draftId, { intent: "retire" })).status).toBe(302);
    expect((await postVersion(staff, draftId, { intent: "retire" })).status).toBe(302);
    expect(db.select().from(frameworkVersions).where(eq(frameworkVersions.id, draftId)).get()).toMatchObject({ status: "retired" });
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "framework_retire"), eq(auditEvents.entityId, String(draftId))))
        .all(),
    ).toHaveLength(1);
    expect((await postVersion(staff, draftId, { intent: "publish" })).status).toBe(400);
    expect((await postVersion(trainer, draftId, { intent: "retire" })).status).toBe(403);
  });

  it("shows the differences between two versions side by side; bad or foreign ids are 400", async () => {
    const fwId = db.select().from(frameworkVersions).where(eq(frameworkVersions.id, draftId)).get()!.frameworkId;
    const diff = await viewDiff(staff, fwId, `a=${draftId}&b=${v2}`);
    expect(diff.status).toBe(200);
    expect(diff.data.lines.map((l) => [l.code, l.kind])).toEqual([
      ["K1.1", "same"],
      ["K1.3", "added"],
    ]);
    expect((await viewDiff(staffSr, fwId, "")).status).toBe(200);
    expect((await viewDiff(staff, fwId, `a=${draftId}&b=${seeded.version.id}`)).status).toBe(400);
    expect((await viewDiff(staff, fwId, `a=abc&b=${v2}`)).status).toBe(400);
    expect((await viewDiff(staff, fwId, `a=999999&b=${v2}`)).status).toBe(400);
    expect((await viewDiff(staff, 999_999, "a=1&b=2")).status).toBe(404);
    expect((await viewDiff(trainer, fwId, "")).status).toBe(403);
  });
});

describe("CSV export", () => {
  it("exports a version that imports back to the same rows (round trip)", async () => {
    const imported = await importCsv(staff, csvOf(...GOOD_ROWS, '"U3","=Risky, ""quoted""",ហានិភ័យ,C4,Line,ជួរ,"multi\nline",ពីរ,52'), { code: "ROUND" });
    expect(imported.status).toBe(302);
    const id = versionIdOf(imported.location);
    const exported = await exportCsv(staff, id);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("text/csv");
    const rows = parse(exported.data.replace(/^\uFEFF/, "")) as string[][];
    expect(rows[0]).toEqual([...FRAMEWORK_CSV_HEADER]);
    expect(rows.slice(1).map((r) => r[3])).toEqual(["C1", "C2", "C3", "C4"]);
    // The exported file imported again (with the formula guard's apostrophe) gives the same competencies.
    const back = await importCsv(staff, exported.data, { code: "ROUND2" });
    expect(back.status).toBe(302);
    const again = await exportCsv(staff, versionIdOf(back.location));
    const rowsAgain = parse(again.data.replace(/^\uFEFF/, "")) as string[][];
    expect(rowsAgain.slice(1).map((r) => r.filter((_, i) => i !== 1))).toEqual(rows.slice(1).map((r) => r.filter((_, i) => i !== 1)));
    expect(rows.slice(1, 4)).toEqual(GOOD_ROWS.map((l) => (parse(l) as string[][])[0]));
  });

  it("is for staff and admin only; 404 for no such version", async () => {
    expect((await exportCsv(admin, seeded.version.id)).status).toBe(200);
    expect((await exportCsv(trainer, seeded.version.id)).status).toBe(403);
    expect((await exportCsv(apprenticeUser, seeded.version.id)).status).toBe(403);
    expect((await exportCsv(staff, 999_999)).status).toBe(404);
  });
});
