import { describe, expect, it } from "vitest";
import { z } from "zod";

import { id, intent, intents, list, optionalId, requiredText } from "./fields.server";
import { parseForm, sentValues } from "./parse.server";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("parseForm", () => {
  const schema = z.object({ name: requiredText(10), intakeId: optionalId() });

  it("answers the typed value", () => {
    expect(
      parseForm(
        form([
          ["name", " Sokha "],
          ["intakeId", "3"],
        ]),
        schema,
      ),
    ).toEqual({ ok: true, value: { name: "Sokha", intakeId: 3 } });
    expect(
      parseForm(
        form([
          ["name", "Sokha"],
          ["intakeId", " "],
        ]),
        schema,
      ),
    ).toEqual({ ok: true, value: { name: "Sokha", intakeId: undefined } });
  });

  it("answers messages by field, as catalogue keys, with the text fields as sent", () => {
    const refused = parseForm(
      form([
        ["name", ""],
        ["intakeId", "1e3"],
        ["extra", "kept"],
      ]),
      schema,
    );
    expect(refused).toEqual({
      ok: false,
      errors: { name: ["errors.required"], intakeId: ["errors.invalid"] },
      values: { name: "", intakeId: "1e3", extra: "kept" },
    });
  });

  it("refuses a name sent twice where one value is expected, beside the field", () => {
    const twice = parseForm(
      form([
        ["name", "A"],
        ["name", "B"],
      ]),
      schema,
    );
    expect(twice.ok ? null : twice.errors).toEqual({ name: ["errors.required"] });
  });

  it("never shows zod's own English: an unknown message becomes errors.invalid, or the form's fallback", () => {
    const english = z.object({ n: z.number() });
    expect(parseForm(form([["n", "1"]]), english)).toMatchObject({ ok: false, errors: { n: ["errors.invalid"] } });
    expect(parseForm(form([["n", "1"]]), english, { fallback: "settings.errors.range" })).toMatchObject({ errors: { n: ["settings.errors.range"] } });
  });

  it("puts a whole-form refusal under `form`", () => {
    const both = z.object({ a: z.string(), b: z.string() }).refine((v) => v.a === v.b, { error: "pin.errors.mismatch" });
    expect(
      parseForm(
        form([
          ["a", "1"],
          ["b", "2"],
        ]),
        both,
      ),
    ).toMatchObject({ errors: { form: ["pin.errors.mismatch"] } });
  });

  it("leaves secrets out of the values it sends back", () => {
    expect(
      sentValues(
        form([
          ["username", "staff"],
          ["password", "x"],
          ["pin", "1"],
          ["pinAgain", "1"],
          ["current", "2"],
        ]),
      ),
    ).toEqual({ username: "staff" });
  });

  it("ignores conform's own field names, which no portal form sends (a crafted one used to throw)", () => {
    for (const name of ["__intent__", "__state__"]) {
      expect(
        parseForm(
          form([
            ["name", "A"],
            [name, "{not json"],
          ]),
          schema,
        ),
        name,
      ).toEqual({ ok: true, value: { name: "A", intakeId: undefined } });
    }
  });

  it("builds no object a crafted query-string name could reach: prototypes stay untouched", () => {
    const crafted = [
      "__proto__.toString",
      "__proto__.weekNote",
      "level.__proto__",
      "constructor.prototype.x",
      "att.prototype.status",
      "constructor",
      "__proto__[polluted]",
      "a[constructor][prototype][b]",
    ];
    for (const name of crafted) {
      const params = new URLSearchParams([
        [name, "x"],
        ["name", "kept"],
      ]);
      expect(parseForm(params, schema), name).toEqual({ ok: true, value: { name: "kept", intakeId: undefined } });
      expect(sentValues(params), name).toEqual({ name: "kept" });
    }
    expect(({} as Record<string, unknown>).weekNote).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof {}.toString).toBe("function");
  });
});

describe("intents", () => {
  const page = intents(intent("rename", { name: requiredText(10) }), intent("remove", { id: id() }));

  it("gives the chosen button's fields, typed", () => {
    const parsed = parseForm(
      form([
        ["intent", "remove"],
        ["id", "7"],
        ["name", "ignored"],
      ]),
      page,
    );
    expect(parsed).toEqual({ ok: true, value: { intent: "remove", id: 7 } });
  });

  it("refuses an unknown or missing button with a message, never a guess", () => {
    for (const sent of [[["intent", "delete_everything"]], [["name", "x"]]] as [string, string][][]) {
      const parsed = parseForm(form(sent), page);
      expect(parsed.ok ? null : parsed.errors).toEqual({ intent: ["form.errors.intent"] });
    }
  });
});

describe("list", () => {
  const days = z.object({ days: list(["1", "2", "3"] as const) });
  const read = (entries: [string, string][]) => parseForm(form(entries), days);

  it("takes none, one or several known values, once each, in the list's order", () => {
    expect(read([])).toEqual({ ok: true, value: { days: [] } });
    expect(read([["days", "2"]])).toEqual({ ok: true, value: { days: ["2"] } });
    expect(
      read([
        ["days", "3"],
        ["days", "1"],
      ]),
    ).toEqual({ ok: true, value: { days: ["1", "3"] } });
  });

  it("refuses an unknown value, a value twice, and a crafted sparse list", () => {
    for (const entries of [
      [["days", "9"]],
      [
        ["days", "1"],
        ["days", "1"],
      ],
      [["days[99999999]", "1"]],
    ] as [string, string][][]) {
      expect(read(entries).ok, JSON.stringify(entries)).toBe(false);
    }
  });
});
