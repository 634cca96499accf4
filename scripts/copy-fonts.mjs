// Copies the self-hosted Khmer font files from @fontsource into public/fonts (run before build).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const from = path.join(root, "node_modules/@fontsource/noto-sans-khmer/files");
const to = path.join(root, "public/fonts");
fs.mkdirSync(to, { recursive: true });
for (const weight of [400, 700]) {
  const file = `noto-sans-khmer-khmer-${weight}-normal.woff2`;
  fs.copyFileSync(path.join(from, file), path.join(to, file));
}
