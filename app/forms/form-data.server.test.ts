import { describe, expect, it } from "vitest";

import { FORM_LIMITS, formRequest, isAcceptableName, readForm, withoutControlCharacters } from "./form-data.server";

const URL_ = "http://localhost/x";
const urlencoded = (body: BodyInit, type = "application/x-www-form-urlencoded") =>
  new Request(URL_, { method: "POST", body, headers: { "Content-Type": type } });

/** The refusal a read throws: its status and catalogue key. */
async function refusal(request: Request) {
  try {
    await readForm(request);
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, key: ((await thrown.json()) as { formError: string }).formError };
    throw thrown;
  }
  return null;
}

describe("readForm", () => {
  it("reads urlencoded and multipart bodies, keeping every entry in order", async () => {
    const form = await readForm(urlencoded("a=1&b=two+words&a=3&k=%E1%9E%80"));
    expect([...form.entries()]).toEqual([
      ["a", "1"],
      ["b", "two words"],
      ["a", "3"],
      ["k", "ក"],
    ]);
    const multipart = new FormData();
    multipart.append("note", "ok");
    multipart.append("csv", new File(["a,b"], "x.csv", { type: "text/csv" }));
    const read = await readForm(new Request(URL_, { method: "POST", body: multipart }));
    expect(read.get("note")).toBe("ok");
    expect(await (read.get("csv") as File).text()).toBe("a,b");
    expect((await readForm(urlencoded("", "application/x-www-form-urlencoded; charset=UTF-8"))).has("a")).toBe(false);
  });

  it("refuses what is not a form with 415: JSON, text/plain, no Content-Type, another charset", async () => {
    expect(await refusal(urlencoded('{"a":1}', "application/json"))).toEqual({ status: 415, key: "form.body.unsupported" });
    expect(await refusal(urlencoded("a=1", "text/plain"))).toEqual({ status: 415, key: "form.body.unsupported" });
    expect(await refusal(new Request(URL_, { method: "POST" }))).toEqual({ status: 415, key: "form.body.unsupported" });
    expect(await refusal(urlencoded("a=1", "application/x-www-form-urlencoded; charset=iso-8859-1"))).toEqual({ status: 415, key: "form.body.unsupported" });
  });

  it("refuses an unreadable body with 400: invalid UTF-8, a broken escape, a broken multipart body", async () => {
    expect(await refusal(urlencoded(new Uint8Array([0x61, 0x3d, 0xff])))).toEqual({ status: 400, key: "form.body.unreadable" });
    expect(await refusal(urlencoded("a=%FF"))).toEqual({ status: 400, key: "form.body.unreadable" });
    expect(await refusal(urlencoded("a=%E0%A4%A"))).toEqual({ status: 400, key: "form.body.unreadable" });
    expect(await refusal(urlencoded("--x\r\n", "multipart/form-data"))).toEqual({ status: 400, key: "form.body.unreadable" });
  });

  it("refuses a body over the limit with 413 and too many fields with 400", async () => {
    expect(await refusal(urlencoded(`a=${"x".repeat(FORM_LIMITS.urlencodedBytes)}`))).toEqual({ status: 413, key: "form.body.tooLarge" });
    expect(await refusal(urlencoded(Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i) => `f${i}=1`).join("&")))).toEqual({
      status: 400,
      key: "form.body.tooManyFields",
    });
  });

  it("refuses names that could reach a prototype, and names no form uses", async () => {
    for (const name of [
      "__proto__",
      "__proto__.toString",
      "constructor.prototype.x",
      "a[__proto__]",
      "level.constructor",
      "prototype",
      "",
      "a b",
      "x".repeat(101),
      "a\u0000",
    ]) {
      expect(await refusal(urlencoded(`ok=1&${encodeURIComponent(name)}=1`)), name).toEqual({ status: 400, key: "form.body.badName" });
    }
    for (const name of ["intent", "att.2026-11-24.status", "level.12", "items[0]", "save_day:2026-11-17", "__protos"])
      expect(isAcceptableName(name), name).toBe(true);
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
  });

  it("drops invisible control characters from text, keeping tabs and line breaks", async () => {
    const form = await readForm(urlencoded(`note=${encodeURIComponent("\u0000a\u0007b\tc\r\nd\u007f\u0085e\u001b")}`));
    expect(form.get("note")).toBe("ab\tc\r\nde");
    expect(withoutControlCharacters("ក\u0000")).toBe("ក");
  });
});

describe("formRequest", () => {
  it("carries exactly the vetted text fields, for code that reads the body itself", async () => {
    const form = await readForm(urlencoded("username=a%00b&password=pw"));
    const again = await formRequest(urlencoded("ignored=1"), form).formData();
    expect([...again.entries()]).toEqual([
      ["username", "ab"],
      ["password", "pw"],
    ]);
  });
});
