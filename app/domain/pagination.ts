/**
 * Pages of a long list (the flags inbox and the list pages): a page number and a page size from
 * the address, both capped, so no request asks the server for an unbounded list.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
/** Deeper than this many rows, narrow the filters instead: an offset costs its rows to skip. */
export const MAX_OFFSET = 10_000;

export interface PageRequest {
  page: number;
  size: number;
}

export interface PageInfo extends PageRequest {
  total: number;
  pages: number;
  /** 1-based positions of the first and last rows shown (0 and 0 when empty). */
  first: number;
  last: number;
}

export function pageInfo(request: PageRequest, total: number): PageInfo {
  const pages = Math.max(1, Math.ceil(total / request.size));
  const first = total === 0 ? 0 : Math.min(total, (request.page - 1) * request.size + 1);
  const last = Math.min(total, request.page * request.size);
  return { ...request, total, pages, first: first > last ? 0 : first, last: first > last ? 0 : last };
}

export const offsetOf = (request: PageRequest) => (request.page - 1) * request.size;
