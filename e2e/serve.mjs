// The browser tests' server: the production build on a fresh database.
import fs from "node:fs";
import path from "node:path";

const database = process.env.DATABASE_PATH;
if (!database) throw new Error("DATABASE_PATH must be set for the e2e server");
fs.rmSync(path.dirname(database), { recursive: true, force: true });
await import("../server.js");
