import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";

import { CataloguesProvider } from "~/i18n/catalogues";
import { createClientI18n } from "~/i18n/i18n.client";

void createClientI18n().then(({ i18n, catalogues }) => {
  startTransition(() => {
    hydrateRoot(
      document,
      <CataloguesProvider value={catalogues}>
        <I18nextProvider i18n={i18n}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>
      </CataloguesProvider>,
    );
  });
});
