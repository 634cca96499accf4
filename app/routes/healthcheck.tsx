import { databaseAnswers } from "~/db/health.server";

// public route: for uptime checks; says nothing about any person.
export async function loader() {
  try {
    if (!databaseAnswers()) throw new Error("database did not answer");
    return new Response("OK", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthcheck failed", error);
    return new Response("ERROR", { status: 503, headers: { "Content-Type": "text/plain" } });
  }
}
