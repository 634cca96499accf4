import { notFound } from "~/auth/guards.server";

// public route: any address that is not a page is a friendly 404.
export async function loader() {
  throw notFound();
}

// public route: a POST to an unknown address is a 404 too, never a 405 stack trace.
export async function action() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
