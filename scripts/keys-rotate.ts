// `npm run keys:rotate`: a new Ed25519 key signs records of achievement from now on. The old keys
// stay published at /.well-known/jwks.json (public halves only), so what they signed still
// verifies; their private halves are deleted. The keys are in the database at DATABASE_PATH
// (docs/decisions/0020), changed in one transaction; the server may keep running.
import path from "node:path";

import { rotateSigningKey } from "~/credentials/keys.server";
import { db } from "~/db/client.server";
import { databaseKeyStore, ensureCredentialKeys } from "~/db/credential-keys.server";
import { env } from "~/env.server";

const file = path.resolve(env().DATABASE_PATH);
const database = db();
try {
  // An install not started since the upgrade still has its keys in the old file: adopt them first.
  const start = await ensureCredentialKeys(database);
  if (start.source === "adopted") console.log(`Moved the signing keys from ${start.from} into the database (the file is now ${start.renamedTo}).`);
  if (start.source === "created") {
    console.log(`There were no signing keys: created the first, ${start.kid}, in ${file}.`);
  } else {
    const { added, retired } = await rotateSigningKey(databaseKeyStore(database));
    console.log(`New signing key ${added} in ${file}.`);
    for (const kid of retired) console.log(`  retired ${kid} (still published, signs nothing more)`);
  }
  console.log("A running server picks the new key up at its next signature; no restart needed.");
} finally {
  database.$client.close();
}
