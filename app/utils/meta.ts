import type { MetaFunction } from "@remix-run/node";

/**
 * The document title: the route loader's translated `title`, then the app's name (from the
 * root loader), so titles follow the page's language without shipping catalogues to `meta`.
 */
export const pageMeta: MetaFunction = ({ data, matches }) => {
  const appName = (matches.find((m) => m.id === "root")?.data as { appName?: string } | undefined)?.appName ?? "";
  const title = (data as { title?: unknown } | undefined)?.title;
  return [{ title: typeof title === "string" && title ? `${title} · ${appName}` : appName }];
};
