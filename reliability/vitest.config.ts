/**
 * `npm run test:reliability`: tests that start the built server (node server.js) as a child
 * process on a temporary database and drive it over HTTP, and checks that generate or replay many
 * requests against every action. Each file prints its figures. Files run one after another:
 * each owns a server and its port.
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
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
