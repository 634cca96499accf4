import { AsyncLocalStorage } from "node:async_hooks";

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
import { withoutZeroBytes } from "~/utils/zero-bytes.server";

export { bootServer } from "~/boot.server";
export { isCrossOriginWrite } from "~/utils/origin";
export { precompressedFile } from "~/utils/precompressed";
export { buildWithRoutes, routeGroupOf, routeGroups } from "~/utils/route-groups";

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
            [waitForAll ? "onAllReady" : "onShellReady"]() {
              shellRendered = true;
              const body = withoutZeroBytes();
              const stream = createReadableStreamFromReadable(body);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
              pipe(body);
            },
            onShellError(error: unknown) {
              reject(error);
            },
            onError(error: unknown) {
              responseStatusCode = 500;
              if (shellRendered) console.error(error);
            },
          },
        );
        setTimeout(abort, ABORT_DELAY);
      }),
  );
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // A refused or malformed request (4xx) is the caller's mistake, not ours: no stack trace.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", route: new URL(request.url).pathname }));
  console.error(error);
}
