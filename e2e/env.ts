import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATABASE = path.resolve("data/e2e/portal.db");
export const E2E_TODAY = "2026-11-19";
export const E2E_SESSION_SECRET = "e2e-session-secret-e2e-session-secret-0123";
