import type { Locale } from "~/domain/enums";

import { CATALOGUES_ELEMENT_ID, type CatalogueFiles, type Catalogues } from "./catalogues";
import { DEFAULT_LOCALE, isLocale, isNumerals } from "./config";
import { DEFAULT_NUMERALS, setNumeralsSource } from "./format";
import { translation, type Translation } from "./react";
import type { Resources } from "./translate";

/** What the page renders with; a new value when the whole catalogue had to be loaded. */
export interface TranslationStore {
  get: () => Translation;
  subscribe: (listener: () => void) => () => void;
}

function merge(target: Resources, source: Resources) {
  for (const [k, v] of Object.entries(source)) {
    if (k === "__proto__" || k === "constructor" || k === "prototype") continue;
    const existing = target[k];
    if (typeof v === "object" && typeof existing === "object") merge(existing, v);
    else target[k] = typeof v === "object" ? merge({}, v) : v;
  }
  return target;
}

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

/** The browser's translations: the catalogues of the routes on the page (see ./catalogues.tsx). */
export async function createClientI18n(): Promise<{ store: TranslationStore; catalogues: Catalogues }> {
  // The page's digits, as the server rendered them (the root sets `<html data-numerals>`).
  setNumeralsSource(() => {
    const chosen = document.documentElement.dataset.numerals;
    return isNumerals(chosen) ? chosen : DEFAULT_NUMERALS;
  });
  const given = givenFiles();
  const lang = document.documentElement.lang;
  const locale: Locale = given?.locale ?? (isLocale(lang) ? lang : DEFAULT_LOCALE);
  const files = given?.files ?? {};
  // Read on every call of t: a route's catalogue lands here before that route renders.
  const resources: Resources = {};
  const add = (more: Resources) => {
    merge(resources, more);
  };

  const listeners = new Set<() => void>();
  const reported = new Set<string>();
  let wholeLoad: Promise<void> | null = null;
  const loadWhole = () =>
    (wholeLoad ??= whole[locale]().then((m) => {
      add(m.default);
      // A new value, so that what showed a key re-renders with its words.
      current = translation(locale, resources, onMissing);
      for (const listener of listeners) listener();
    }));
  const onMissing = (key: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    console.error(`i18n: "${key}" is not in this page's route catalogues; see docs/decisions/0024-catalogue-per-route.md`);
    void loadWhole();
  };
  let current = translation(locale, resources, onMissing);
  const store: TranslationStore = {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

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
  return { store, catalogues: { locale, files, ensure } };
}
