/**
 * The programme's public signing keys (docs/decisions/0020): every key that ever signed
 * a record of achievement, current first, so a verifier needs nothing else. Public halves only.
 */
import { currentPublishedKeys } from "~/db/credentials.server";

// public route: published keys are for everyone, from any origin.
export async function loader() {
  return new Response(`${JSON.stringify({ keys: currentPublishedKeys() }, null, 2)}\n`, {
    headers: { "Content-Type": "application/jwk-set+json; charset=utf-8", "Access-Control-Allow-Origin": "*" },
  });
}
