import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode, useSyncExternalStore, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";

import { CataloguesProvider } from "~/i18n/catalogues";
import { createClientI18n, type TranslationStore } from "~/i18n/i18n.client";
import { TranslationProvider } from "~/i18n/react";

function Translations({ store, children }: { store: TranslationStore; children: ReactNode }) {
  const value = useSyncExternalStore(store.subscribe, store.get, store.get);
  return <TranslationProvider value={value}>{children}</TranslationProvider>;
}

void createClientI18n().then(({ store, catalogues }) => {
  startTransition(() => {
    hydrateRoot(
      document,
      <CataloguesProvider value={catalogues}>
        <Translations store={store}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </Translations>
      </CataloguesProvider>,
    );
  });
});
