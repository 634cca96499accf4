// Finds a Chromium for the browser tests. When none is found: as root, installs Debian's
// `chromium` package; otherwise prints the command to run and fails.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
const found = candidates.find((p) => fs.existsSync(p));
if (found) {
  console.log(`Browser tests use ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const command = "apt-get update && apt-get install -y chromium";
if (!isRoot) {
  console.error(`No Chromium found for the browser tests. Install Debian's package as root:\n\n  sudo sh -c '${command}'\n`);
  process.exit(1);
}
console.log(`No Chromium found: installing Debian's chromium (${command})…`);
execFileSync("sh", ["-c", command], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
if (!fs.existsSync("/usr/bin/chromium")) {
  console.error("apt-get finished but /usr/bin/chromium is missing.");
  process.exit(1);
}
