// `npm run verify -- FILE [--jwks FILE_OR_URL] [--online]`: check a record of achievement (the
// downloaded JSON, or the signed token) against the programme's published keys. The keys: a JWKS
// file, or its address (https://…/.well-known/jwks.json), so a partner needs no database; by
// default the published (public) keys in the database at DATABASE_PATH, opened read-only.
// `--online` also asks the issuer whether it was revoked. Exit code 0: valid; 1: not valid or
// revoked; 2: could not check.
import { runVerify } from "./verify-cli";

process.exitCode = await runVerify(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
