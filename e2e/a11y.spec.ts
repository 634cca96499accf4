/**
 * Readable by every user (issue 11): every page of the role × route table, as the role that may
 * open it, in Khmer and in English on a 360 px phone. A page fails on
 * - any serious or critical axe-core violation;
 * - horizontal overflow (the page scrolls sideways);
 * - Khmer text under 14 px or with a line height under 1.5 (computed styles of the elements
 *   that hold Khmer text, SVG text measured at its drawn size);
 * - Khmer digits on a page in the default Latin digits (one numeral system per page; pages in
 *   Khmer digits are e2e/numerals.spec.ts);
 * - a preloaded font file the page draws nothing with.
 * One page load per page and language; one signed-in browser context per role and language.
 */
import fs from "node:fs";
import nodePath from "node:path";

import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright/test";

import { CALLERS, ROWS, type Caller } from "./access-table";
import { E2E_BASE_URL } from "./env";
import { expect, sessionCookieFor, test } from "./fixtures";

const LANGUAGES = [
  { locale: "km", acceptLanguage: "km-KH,km;q=0.9" },
  { locale: "en", acceptLanguage: "en-GB,en;q=0.9" },
] as const;
type Language = (typeof LANGUAGES)[number]["locale"];

interface SmallText {
  text: string;
  size: number;
  lineHeight: number | null;
  tag: string;
}

/**
 * Each page's findings are written to a file as the crawl goes, and one last test reads them all,
 * prints the totals and fails on any problem: a failing page does not restart the worker (and its
 * signed-in contexts) halfway through the crawl, and the totals count every page.
 */
interface Finding {
  caller: string;
  path: string;
  locale: Language;
  violations: { rule: string; impact: string; nodes: number; example: string }[];
  width: { scroll: number; client: number };
  khmerElements: number;
  small: SmallText[];
  /** Khmer digits on a page in the default (Latin) digits: two numeral systems on one page. */
  mixedDigits: string[];
  /** Font files the page preloads but draws no text with. */
  unusedPreloads: string[];
}
const NOT_PAGES = /\.(csv|json)\b|\/healthcheck|\/status`?$/;
const FINDINGS = nodePath.resolve("data/e2e/a11y-findings.json");

function readFindings(): Record<string, Finding> {
  return fs.existsSync(FINDINGS) ? (JSON.parse(fs.readFileSync(FINDINGS, "utf8")) as Record<string, Finding>) : {};
}
function record(finding: Finding) {
  const all = readFindings();
  all[`${finding.caller} ${finding.path} ${finding.locale}`] = finding;
  fs.writeFileSync(FINDINGS, JSON.stringify(all));
}

const contexts = new Map<string, BrowserContext>();
const savedLocales = new Map<string, string | null>();

async function setUserLocale(username: string, locale: string | null) {
  const { db } = await import("~/db/client.server");
  db().$client.prepare("update users set locale = ? where username = ?").run(locale, username);
}

/** A browser context signed in as the caller, asking for the language (kept for the whole file). */
async function contextFor(browser: Browser, caller: Caller, language: (typeof LANGUAGES)[number]): Promise<BrowserContext> {
  const key = `${caller}:${language.locale}`;
  const existing = contexts.get(key);
  if (existing) return existing;
  const username = CALLERS[caller];
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    viewport: { width: 360, height: 740 },
    locale: language.locale === "km" ? "km-KH" : "en-GB",
    extraHTTPHeaders: { "Accept-Language": language.acceptLanguage },
  });
  if (username) {
    // The account's saved language would win over Accept-Language: clear it, and put it back after.
    if (!savedLocales.has(username)) {
      const { db } = await import("~/db/client.server");
      const row = db().$client.prepare("select locale from users where username = ?").get(username) as { locale: string | null } | undefined;
      savedLocales.set(username, row?.locale ?? null);
      await setUserLocale(username, null);
    }
    const pair = await sessionCookieFor(username);
    const at = pair.indexOf("=");
    await context.addCookies([{ name: pair.slice(0, at), value: pair.slice(at + 1), url: E2E_BASE_URL }]);
  }
  contexts.set(key, context);
  return context;
}

/** Khmer text elements on the page, and those whose computed size or line height is too small. */
async function khmerText(page: Page): Promise<{ elements: number; small: SmallText[] }> {
  return page.evaluate(() => {
    const khmer = /[\u1780-\u17FF]/;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    const small: SmallText[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!khmer.test(node.nodeValue ?? "")) continue;
      const el = node.parentElement;
      if (!el || seen.has(el)) continue;
      seen.add(el);
      if (el.closest("title, option, script, style, noscript, template")) continue;
      if (el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden") continue;
      let size = parseFloat(style.fontSize);
      let lineHeight: number | null = null;
      if (el instanceof SVGElement) {
        // SVG text is drawn at its font size times the drawing's scale.
        const m = (el as unknown as SVGGraphicsElement).getScreenCTM?.();
        if (m) size *= Math.hypot(m.a, m.b);
      } else {
        lineHeight = style.lineHeight === "normal" ? 0 : parseFloat(style.lineHeight) / parseFloat(style.fontSize);
      }
      if (size < 13.95 || (lineHeight !== null && lineHeight < 1.499)) {
        small.push({
          text: (node.nodeValue ?? "").trim().slice(0, 40),
          size: Math.round(size * 10) / 10,
          lineHeight: lineHeight === null ? null : Math.round(lineHeight * 100) / 100,
          tag: el.tagName.toLowerCase(),
        });
      }
    }
    return { elements: seen.size, small };
  });
}

test.describe("every page, readable and accessible, in Khmer and English at 360 px", () => {
  test.setTimeout(120_000);

  test.afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    contexts.clear();
    for (const [username, locale] of savedLocales) await setUserLocale(username, locale);
  });

  for (const row of ROWS) {
    if (row.method !== "GET") continue;
    for (const caller of Object.keys(CALLERS) as Caller[]) {
      if (row.expect[caller] !== 200) continue;
      // CSV, JSON and plain-text answers are not pages (and a CSV would start a download).
      if (NOT_PAGES.test(typeof row.path === "string" ? row.path : row.path.toString())) continue;
      const name = typeof row.path === "string" ? row.path : row.path.toString().replace(/^(async )?\(\)\s*=>\s*/, "");
      test(`${caller} ${name}`, async ({ browser }) => {
        const path = typeof row.path === "string" ? row.path : await row.path();
        for (const language of LANGUAGES) {
          const context = await contextFor(browser, caller, language);
          const page = await context.newPage();
          const errors: string[] = [];
          page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
          page.on("console", (m) => {
            if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`console: ${m.text()}`);
          });
          try {
            const response = await page.goto(path);
            expect(response?.status(), `${path} as ${caller}`).toBe(200);
            expect(response?.headers()["content-type"]).toContain("text/html");
            await expect(page.locator("html")).toHaveAttribute("lang", language.locale);
            await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);
            const axe = await new AxeBuilder({ page }).analyze();
            const text = await khmerText(page);
            const fonts = await page.evaluate(async () => {
              await document.fonts.ready;
              const used = new Set([...document.fonts].filter((f) => f.status === "loaded").map((f) => String(f.weight)));
              return [...document.querySelectorAll<HTMLLinkElement>("link[rel=preload][as=font]")]
                .map((l) => l.getAttribute("href") ?? "")
                .filter((href) => !used.has(/-(\d{3})-/.exec(href)?.[1] ?? ""));
            });
            const mixedDigits = await page.evaluate(() => {
              const found: string[] = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (node.parentElement?.closest("[data-free-text], [data-numerals-sample], script, style")) continue;
                if (/[\u17E0-\u17E9]/.test(node.nodeValue ?? "")) found.push((node.nodeValue ?? "").trim().slice(0, 40));
              }
              return found;
            });
            record({
              caller,
              path,
              locale: language.locale,
              violations: axe.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => ({ rule: v.id, impact: v.impact ?? "", nodes: v.nodes.length, example: v.nodes[0]?.target.join(" ") ?? "" })),
              width: await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })),
              khmerElements: text.elements,
              small: text.small,
              mixedDigits,
              unusedPreloads: fonts,
            });
            expect(errors, "browser errors").toEqual([]);
          } finally {
            await page.close();
          }
        }
      });
    }
  }

  test("no page has a serious accessibility fault, scrolls sideways or has small Khmer text", () => {
    const findings = Object.values(readFindings());
    const pages = new Set(findings.map((f) => `${f.caller} ${f.path}`));
    const byRule = new Map<string, number>();
    for (const f of findings) for (const v of f.violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + v.nodes);
    const violations = [...byRule.values()].reduce((a, b) => a + b, 0);
    const overflow = findings.filter((f) => f.width.scroll > f.width.client);
    const small = findings.reduce((n, f) => n + f.small.length, 0);
    const khmer = findings.reduce((n, f) => n + f.khmerElements, 0);
    console.log(
      `a11y: ${pages.size} pages, ${findings.length} page loads (Khmer and English, 360 px); ` +
        `serious/critical axe violations: ${violations}${byRule.size ? ` (${[...byRule].map(([r, n]) => `${r} ${n}`).join(", ")})` : ""}; ` +
        `loads scrolling sideways: ${overflow.length}; Khmer text elements: ${khmer}, under 14 px or line height 1.5: ${small}; ` +
        `Khmer digits on Latin-digit pages: ${findings.reduce((n, f) => n + f.mixedDigits.length, 0)}; unused font preloads: ${findings.reduce((n, f) => n + f.unusedPreloads.length, 0)}`,
    );
    const problems = findings.flatMap((f) => {
      const at = `${f.locale} ${f.path} (${f.caller})`;
      return [
        ...f.violations.map((v) => `${at}: ${v.rule} (${v.impact}) × ${v.nodes}, e.g. ${v.example}`),
        ...(f.width.scroll > f.width.client ? [`${at}: ${f.width.scroll} px wide`] : []),
        ...f.small.slice(0, 3).map((s) => `${at}: Khmer <${s.tag}> "${s.text}" at ${s.size} px, line height ${s.lineHeight ?? "—"}`),
        ...f.mixedDigits.slice(0, 3).map((s) => `${at}: Khmer digits on a Latin-digit page: "${s}"`),
        ...f.unusedPreloads.map((href) => `${at}: preloads ${href} but draws nothing with it`),
      ];
    });
    expect(findings.length, "pages crawled").toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});
