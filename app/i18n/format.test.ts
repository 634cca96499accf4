import { afterEach, describe, expect, it } from "vitest";

import {
  DEFAULT_NUMERALS,
  formatDate,
  formatDateTime,
  formatDay,
  formatFraction,
  formatNumber,
  formatPercent,
  formatPhone,
  formatTime,
  formatUsd,
  formatWeekdayRange,
  inNumerals,
  setNumeralsSource,
  telHref,
  weekdayNames,
} from "./format";
import { serverT } from "./i18n.server";

describe("formatting that reads the same on the server and on any phone", () => {
  it("writes calendar dates with the month spelled out in Khmer", () => {
    expect(formatDate("km", "2026-11-16")).toBe("16 វិច្ឆិកា 2026");
    expect(formatDate("en", "2026-11-16")).toBe("16 Nov 2026");
    expect(formatDate("en", "2026-11-16", "long")).toBe("Monday 16 November 2026");
    expect(formatDay("km", "2026-11-22")).toBe("អាទិត្យ 22 វិច្ឆិកា");
  });

  it("shows moments in Phnom Penh time, whatever the server's zone", () => {
    // 23:30 UTC on the 25th is 06:30 on the 26th in Phnom Penh.
    expect(formatDateTime("en", new Date("2026-11-25T23:30:00Z"))).toBe("26 Nov 2026, 06:30");
    expect(formatTime("km", new Date("2026-11-25T16:30:00Z"))).toBe("23:30");
  });

  it("writes money in US dollars with the currency", () => {
    expect(formatUsd("en", 7500)).toBe("$75.00");
    expect(formatUsd("km", 123456)).toBe("$1,234.56");
  });
});

describe("one numeral system per page", () => {
  afterEach(() => setNumeralsSource(() => DEFAULT_NUMERALS));

  it("writes Khmer pages in Latin digits by default, and English pages always", () => {
    expect(DEFAULT_NUMERALS).toBe("latin");
    expect(formatDate("km", "2026-11-16")).toBe("16 វិច្ឆិកា 2026");
    setNumeralsSource(() => "khmer");
    expect(formatDate("en", "2026-11-16")).toBe("16 Nov 2026");
    expect(formatNumber("en", 1234)).toBe("1,234");
  });

  it("writes every number of a Khmer page in Khmer digits when the reader chose them", () => {
    setNumeralsSource(() => "khmer");
    expect(formatDate("km", "2026-11-16")).toBe("១៦ វិច្ឆិកា ២០២៦");
    expect(formatDateTime("km", new Date("2026-11-25T23:30:00Z"))).toBe("២៦ វិច្ឆិកា ២០២៦, ០៦:៣០");
    expect(formatPercent("km", 0.75)).toBe("៧៥%");
    expect(formatFraction("km", 13, 19)).toBe("១៣/១៩");
    expect(formatUsd("km", 7550)).toBe("$៧៥.៥០");
  });

  it("keeps codes and typed formats as typed, and turns Khmer digits back into Latin ones", () => {
    expect(inNumerals("PP-26-014 · 2026-11-29 · UTF-8 · 3 of 5", "khmer")).toBe("PP-26-014 · 2026-11-29 · UTF-8 · ៣ of ៥");
    expect(inNumerals("ពីលេខ ១ ដល់ ៥", "latin")).toBe("ពីលេខ 1 ដល់ 5");
  });

  it("keeps a phone number on one line in the page's digits, and dials it whatever its digits", () => {
    setNumeralsSource(() => "khmer");
    expect(formatPhone("km", "012 900 417")).toBe("០១២\u00A0៩០០\u00A0៤១៧");
    expect(telHref("០១២ ៩០០ ៤១៧")).toBe("tel:012900417");
    expect(formatPhone("en", "012  900 417")).toBe("012\u00A0900\u00A0417");
  });

  it("puts the catalogue's own numbers and the numbers passed in into the reader's digits", () => {
    expect(serverT("km", "latin")("pin.errors.format")).toBe("លេខ PIN ត្រូវមាន 6 ខ្ទង់។");
    expect(serverT("km", "khmer")("me.weeksDone", { week: 13, planned: 24 })).toBe("សប្តាហ៍ទី ១៣ នៃ ២៤");
    expect(serverT("km", "khmer")("card.qrLabel", { code: "PP-26-014" })).toContain("PP-26-014");
    expect(serverT("en", "khmer")("me.weeksDone", { week: 13, planned: 24 })).toBe("Week 13 of 24");
  });
});

describe("weekdays that fit", () => {
  it("gives Khmer calendar initials, and names a run of days", () => {
    expect(weekdayNames("km", "narrow")).toEqual(["ច", "អ", "ព", "ព្រ", "សុ", "ស", "អា"]);
    expect(formatWeekdayRange("en", "2026-11-16", "2026-11-18")).toBe("Mon–Wed");
    expect(formatWeekdayRange("km", "2026-11-19", "2026-11-19")).toBe("ព្រហស្បតិ៍");
  });
});
