import { describe, expect, it } from "vitest";

import { serverT } from "~/i18n/i18n.server";

import { bilingualBadToken, renderDigest, renderTrainerMessage, type TrainerMessage } from "./messages";

const message: TrainerMessage = {
  kind: "weekly",
  recipientName: "Ouch Sreypich",
  weekOf: "2026-11-16",
  linkHours: 72,
  channel: "telegram",
  items: [
    { code: "PP-26-011", preferredName: "Sreymom", url: "https://portal.example/signin/TOKEN?to=/trainer/placements/7/weeks/2026-11-16" },
    { code: "PP-26-019", preferredName: "Dara", url: "https://portal.example/signin/TOKEN?to=/trainer/placements/9/weeks/2026-11-16" },
  ],
};

describe("a trainer's reminder", () => {
  it("reads in English: the week, each apprentice by preferred name and code with a link, and how to stop", () => {
    const text = renderTrainerMessage(serverT("en"), "en", message);
    expect(text).toBe(
      [
        "Hello Ouch Sreypich,",
        "this week's checklist (week of 16 Nov 2026) is not submitted yet for:",
        "",
        "• Sreymom (PP-26-011)",
        "https://portal.example/signin/TOKEN?to=/trainer/placements/7/weeks/2026-11-16",
        "• Dara (PP-26-019)",
        "https://portal.example/signin/TOKEN?to=/trainer/placements/9/weeks/2026-11-16",
        "",
        "Tap a link to open that week's card. The links work for 72 hours.",
        "Send /stop to stop these reminders.",
        "Career Pathways, Hagar",
      ].join("\n"),
    );
  });

  it("reads in Khmer, with the month in Khmer and the same codes and links", () => {
    const text = renderTrainerMessage(serverT("km"), "km", message);
    expect(text.split("\n")[0]).toBe("សួស្តី Ouch Sreypich");
    expect(text).toContain("បញ្ជីពិនិត្យសប្តាហ៍នេះ (សប្តាហ៍ចាប់ពី 16 វិច្ឆិកា 2026) មិនទាន់បានបញ្ជូននៅឡើយទេ");
    expect(text).toContain("• Sreymom (លេខកូដ PP-26-011)\nhttps://portal.example/signin/TOKEN?to=/trainer/placements/7/weeks/2026-11-16");
    expect(text).toContain("ផ្ញើ /stop");
    expect(text).not.toMatch(/[A-Za-z]{4,} (this|week|checklist)/);
  });

  it("is firmer on Monday, and an SMS does not mention /stop", () => {
    const monday = renderTrainerMessage(serverT("en"), "en", { ...message, kind: "monday", channel: "sms" });
    expect(monday).toContain("last week's checklist (week of 16 Nov 2026) is still missing for:");
    expect(monday).toContain("Please submit it today.");
    expect(monday).not.toContain("/stop");
    expect(renderTrainerMessage(serverT("km"), "km", { ...message, kind: "monday" })).toContain("សូមបញ្ជូនវានៅថ្ងៃនេះ");
  });
});

describe("the staff digest", () => {
  const digest = {
    siteName: "Phnom Penh",
    weekOf: "2026-11-09",
    trainers: [
      { name: "Sok Chanlina", employer: "Apsara Angkor Beauty Salon", missing: 2 },
      { name: "Kao Channy", employer: "Gech Dressmaking", missing: 1 },
    ],
    url: "https://portal.example/staff/reminders",
  };

  it("lists who is still missing and how many apprentices, in English and Khmer", () => {
    const en = renderDigest(serverT("en"), "en", digest);
    expect(en).toContain("Weekly checklists still missing at Phnom Penh for the week of 9 Nov 2026:");
    expect(en).toContain("• Sok Chanlina, Apsara Angkor Beauty Salon: 2 apprentices");
    expect(en).toContain("• Kao Channy, Gech Dressmaking: 1 apprentice\n");
    expect(en).toContain("https://portal.example/staff/reminders");
    const km = renderDigest(serverT("km"), "km", { ...digest, siteName: "ភ្នំពេញ" });
    expect(km).toContain("នៅ ភ្នំពេញ សម្រាប់សប្តាហ៍ចាប់ពី 9 វិច្ឆិកា 2026");
    expect(km).toContain("• Sok Chanlina, Apsara Angkor Beauty Salon៖ សិក្ខាកាម 2 នាក់");
  });
});

describe("the bot's answer to a token that binds nothing", () => {
  it("is polite and in both languages, Khmer first", () => {
    const text = bilingualBadToken(serverT("km"), serverT("en"));
    const [km, en] = text.split("\n\n");
    expect(km).toMatch(/^តំណនេះមិនដំណើរការទេ/);
    expect(en).toMatch(/^This link does not work/);
  });
});
