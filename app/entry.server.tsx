import { AsyncLocalStorage } from "node:async_hooks";
import { Writable } from "node:stream";

import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import type { Locale, Numerals } from "~/domain/enums";
import { catalogueFiles } from "~/i18n/catalogue-files.server";
import { CataloguesProvider } from "~/i18n/catalogues";
import { isLocale, isNumerals } from "~/i18n/config";
import { DEFAULT_NUMERALS, setNumeralsSource } from "~/i18n/format";
import { resolveLocale } from "~/i18n/locale.server";
import { TranslationProvider } from "~/i18n/react";
import { serverTranslation } from "~/i18n/translation.server";
import { NonceProvider } from "~/utils/nonce";
import { dropZeroBytes, withoutZeroBytes } from "~/utils/zero-bytes.server";

export { bootServer } from "~/boot.server";
export { isCrossOriginWrite } from "~/utils/origin";
export { precompressedFile } from "~/utils/precompressed";
export { buildWithRoutes, routeGroupOf, routeGroups } from "~/utils/route-groups";
export { useCountedCompression } from "~/utils/yield.server";

const ABORT_DELAY = 5_000;

/** The digits of the page being rendered, for the formatting helpers (docs/decisions/0028). */
const renderNumerals = new AsyncLocalStorage<Numerals>();
setNumeralsSource(() => renderNumerals.getStore() ?? DEFAULT_NUMERALS);

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const rootData = remixContext.staticHandlerContext.loaderData["root"] as { locale?: Locale; numerals?: Numerals } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : await resolveLocale(request, null);
  const numerals = isNumerals(rootData?.numerals) ? rootData.numerals : DEFAULT_NUMERALS;
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return renderNumerals.run(
    numerals,
    () =>
      new Promise((resolve, reject) => {
        let shellRendered = false;
        let answered = false;
        const respond = (body: ReadableStream | Uint8Array<ArrayBuffer>) => {
          if (answered) return;
          answered = true;
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          if (body instanceof Uint8Array) responseHeaders.set("Content-Length", String(body.length));
          resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        };
        // A page whose loader defers data (a promise in its data) is sent as React writes it: the
        // shell first, each deferred part when it arrives.
        const sendStreamed = () => {
          const body = withoutZeroBytes();
          body.once("end", () => clearTimeout(timer));
          respond(createReadableStreamFromReadable(body));
          pipe(body);
        };
        // Any other page is complete a few turns after its shell (once Remix has written its
        // loader data into it): it is sent whole, with its length, in one socket write instead of
        // a chunked stream (docs/decisions/0036).
        const sendWhole = () => {
          clearTimeout(timer);
          try {
            respond(renderedPage(pipe));
          } catch (error) {
            reject(error);
          }
        };
        const streams = !waitForAll && defersData(remixContext.staticHandlerContext.loaderData);
        const { pipe, abort } = renderToPipeableStream(
          <NonceProvider value={nonce}>
            <CataloguesProvider value={{ locale, files: catalogueFiles(locale) }}>
              <TranslationProvider value={serverTranslation(locale)}>
                <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
              </TranslationProvider>
            </CataloguesProvider>
          </NonceProvider>,
          {
            nonce,
            onShellReady() {
              shellRendered = true;
              if (streams) sendStreamed();
            },
            onAllReady() {
              // React calls this before it has written what the last task completed: read the page
              // once this render pass is over.
              if (!streams) queueMicrotask(sendWhole);
            },
            onShellError(error: unknown) {
              clearTimeout(timer);
              reject(error);
            },
            onError(error: unknown) {
              responseStatusCode = 500;
              if (shellRendered) console.error(error);
            },
          },
        );
        // React starts rendering on the next turn: no callback above runs before this is set.
        const timer = setTimeout(abort, ABORT_DELAY);
      }),
  );
}

/** Whether a route's loader returned a promise among its data, to be streamed into the page. */
function defersData(loaderData: Record<string, unknown>): boolean {
  for (const data of Object.values(loaderData)) {
    if (data === null || typeof data !== "object") continue;
    for (const value of Object.values(data)) if (typeof (value as { then?: unknown } | null)?.then === "function") return true;
  }
  return false;
}

/**
 * Everything React has rendered, without the zero bytes of its Khmer padding. Only for a page
 * that is all ready: React then writes the whole of it, and ends, within `pipe`. The sink emits
 * no `close`, which React would answer with a second, failing `end` (an error object per page).
 */
function renderedPage(pipe: (destination: Writable) => Writable): Uint8Array<ArrayBuffer> {
  const pieces: Buffer[] = [];
  const sink = new Writable({
    autoDestroy: false,
    emitClose: false,
    decodeStrings: true,
    write(chunk: Buffer, _encoding, done) {
      const clean = dropZeroBytes(chunk);
      if (clean.length > 0) pieces.push(clean);
      done();
    },
  });
  pipe(sink);
  if (!sink.writableEnded || sink.writableLength > 0) throw new Error("entry.server: a page said to be all ready was not written at once");
  return (pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces)) as Uint8Array<ArrayBuffer>;
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // A refused or malformed request (4xx) is the caller's mistake, not ours: no stack trace.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", route: new URL(request.url).pathname }));
  console.error(error);
}
