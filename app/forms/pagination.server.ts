/**
 * `page` and `size` from a list page's address (server-only: zod stays out of the browser). A
 * page size above the cap, or a page past the deepest one served, is a 400 with a message —
 * never a silently shortened list and never an unbounded one.
 */
import { z } from "zod";

import { DEFAULT_PAGE_SIZE, MAX_OFFSET, MAX_PAGE_SIZE, type PageRequest } from "~/domain/pagination";

const whole = (error: string) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), z.coerce.number({ error }).int({ error }).optional());

const PageSchema = z.object({
  page: whole("pagination.errors.page").pipe(z.number().min(1, { error: "pagination.errors.page" }).optional()),
  size: whole("pagination.errors.size").pipe(
    z.number().min(1, { error: "pagination.errors.size" }).max(MAX_PAGE_SIZE, { error: "pagination.errors.size" }).optional(),
  ),
});

export type PageErrors = Partial<Record<"page" | "size", string[]>>;

export function parsePage(params: URLSearchParams, defaultSize = DEFAULT_PAGE_SIZE): { ok: true; data: PageRequest } | { ok: false; errors: PageErrors } {
  const parsed = PageSchema.safeParse({ page: params.get("page") ?? undefined, size: params.get("size") ?? undefined });
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors as PageErrors };
  const size = parsed.data.size ?? defaultSize;
  const page = parsed.data.page ?? 1;
  if ((page - 1) * size > MAX_OFFSET) return { ok: false, errors: { page: ["pagination.errors.tooDeep"] } };
  return { ok: true, data: { page, size } };
}
