// After the build: a brotli (quality 11) and a gzip (level 9) copy beside every text file of
// public/build, so that the server sends them as they are instead of compressing on each request
// (server.js). A copy that would not be smaller is not written.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, "public/build");
const TEXT = /\.(js|css|svg|json|txt|map)$/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && TEXT.test(e.name));

let raw = 0;
let br = 0;
let gz = 0;
await Promise.all(
  files.map(async (entry) => {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const body = fs.readFileSync(file);
    const [b, g] = await Promise.all([
      brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gzip(body, { level: 9 }),
    ]);
    raw += body.length;
    if (b.length < body.length) fs.writeFileSync(`${file}.br`, b);
    if (g.length < body.length) fs.writeFileSync(`${file}.gz`, g);
    br += Math.min(b.length, body.length);
    gz += Math.min(g.length, body.length);
  }),
);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`[compress] ${files.length} files in public/build: ${kb(raw)} → ${kb(br)} brotli, ${kb(gz)} gzip`);
