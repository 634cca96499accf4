// `npm run keys:rotate`: a new Ed25519 key signs records of achievement from now on. The old keys
// stay published at /.well-known/jwks.json (public halves only), so what they signed still
// verifies; their private halves are deleted. The key file is beside the database at DATABASE_PATH.
import path from "node:path";

import { keyFilePath, rotateSigningKey } from "~/credentials/keys.server";
import { env } from "~/env.server";

const dir = path.dirname(path.resolve(env().DATABASE_PATH));
const { added, retired } = await rotateSigningKey(dir);
console.log(`New signing key ${added} in ${keyFilePath(dir)}.`);
for (const kid of retired) console.log(`  retired ${kid} (still published, signs nothing more)`);
console.log("A running server picks the new key up at its next signature; no restart needed.");
