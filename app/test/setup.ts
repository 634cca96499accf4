/**
 * Every test file: a stray console.error is a failure (docs/conventions.md §8), and the environment is
 * the test one.
 */
import { afterEach, beforeEach, vi } from "vitest";

process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.LOG_REQUESTS = "false";

let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) {
    const shown = errors.map((args) => args.map(String).join(" ")).join("\n");
    throw new Error(`console.error was called during the test:\n${shown}`);
  }
});
