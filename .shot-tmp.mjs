import { chromium } from "playwright";
const base = "http://localhost:3199";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
async function session(lang, user) {
  const ctx = await browser.newContext({ locale: lang === "km" ? "km-KH" : "en-GB", extraHTTPHeaders: { "Accept-Language": lang }, viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await page.goto(base + "/login");
  await page.fill("input[name=username]", user);
  await page.fill("input[name=password]", "career-pathways");
  await page.click("button[type=submit]:not([name=locale])");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}
const km = await session("km", "apprentice");
for (const [path, name] of [["/me", "me"], ["/me/notices", "notices"], ["/me/feedback", "feedback"], ["/me/plan", "plan"], ["/me/pin", "pin"]]) {
  await km.goto(base + path);
  await km.screenshot({ path: `/tmp/me-shot/km-${name}.png`, fullPage: true });
}
const errs = [];
km.on("console", (m) => { if (m.type() === "error") errs.push(m.text()); });
await km.goto(base + "/me"); await km.waitForTimeout(1000);
console.log("console errors:", errs);
await browser.close();
