/**
 * `npm run test:reliability`: checks that generate or replay many requests (and may hold more
 * than one file). Separate from `npm run test:unit` so their figures print on their own.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    include: ["reliability/**/*.test.ts"],
    environment: "node",
    setupFiles: ["app/test/setup.ts"],
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
