import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";

import type { Locale } from "~/domain/enums";

import { CATALOGUES_ELEMENT_ID, type CatalogueFiles, type Catalogues } from "./catalogues";
import { baseOptions, DEFAULT_LOCALE, isLocale } from "./config";

type Resources = Record<string, unknown>;

/**
 * The whole catalogue of a language: only loaded when a key is missing from the page's route
 * catalogues (a build that did not split them, or a key the build could not see), so that the
 * page still shows words and not keys.
 */
const whole: Record<Locale, () => Promise<{ default: Resources }>> = {
  en: () => import("./locales/en.json"),
  km: () => import("./locales/km.json"),
};

function givenFiles(): CatalogueFiles | null {
  const text = document.getElementById(CATALOGUES_ELEMENT_ID)?.textContent;
  if (!text) return null;
  const parsed = JSON.parse(text) as CatalogueFiles;
  return isLocale(parsed.locale) ? parsed : null;
}

/** The browser's i18next, holding the catalogues of the routes on the page (see ./catalogues.tsx). */
export async function createClientI18n(): Promise<{ i18n: i18n; catalogues: Catalogues }> {
  const given = givenFiles();
  const lang = document.documentElement.lang;
  const locale: Locale = given?.locale ?? (isLocale(lang) ? lang : DEFAULT_LOCALE);
  const files = given?.files ?? {};
  const instance = i18next.createInstance();
  const add = (resources: Resources) => {
    instance.addResourceBundle(locale, "translation", resources, true, true);
  };

  let wholeLoad: Promise<void> | null = null;
  const loadWhole = () => (wholeLoad ??= whole[locale]().then((m) => add(m.default)));
  const reported = new Set<string>();

  await instance.use(initReactI18next).init({
    ...baseOptions,
    lng: locale,
    resources: { [locale]: { translation: {} } },
    // Re-render when catalogues arrive (the whole one, after a missing key).
    react: { bindI18nStore: "added" },
    parseMissingKeyHandler(key: string, defaultValue?: string) {
      if (!reported.has(key)) {
        reported.add(key);
        console.error(`i18n: "${key}" is not in this page's route catalogues; see docs/decisions/0024-catalogue-per-route.md`);
        void loadWhole();
      }
      return defaultValue ?? key;
    },
  });

  const loaded = new Set<string>();
  const loading = new Map<string, Promise<void>>();
  const load = (routeId: string): Promise<void> | null => {
    const url = files[routeId];
    if (!url || loaded.has(routeId)) return null;
    const started = loading.get(routeId);
    if (started) return started;
    const pending = (import(/* @vite-ignore */ url) as Promise<{ default: Resources }>).then(
      (m) => {
        add(m.default);
        loaded.add(routeId);
      },
      () => {
        // Offline, or a new build replaced the file: show what can be shown.
        loaded.add(routeId);
        return loadWhole().catch(() => {});
      },
    );
    loading.set(routeId, pending);
    return pending;
  };
  const ensure = (routeIds: string[]): Promise<void> | null => {
    const waiting = routeIds.map(load).filter((p): p is Promise<void> => p !== null);
    return waiting.length > 0 ? Promise.all(waiting).then(() => undefined) : null;
  };

  if (Object.keys(files).length === 0) {
    await loadWhole();
  } else {
    const onPage = [...document.querySelectorAll<HTMLLinkElement>("link[data-catalogue]")].map((l) => l.dataset.catalogue ?? "");
    await ensure(onPage);
  }
  return { i18n: instance, catalogues: { locale, files, ensure } };
}
