/**
 * Lint: the usual TypeScript and React hooks rules, no import cycles, and the layers of
 * docs/conventions.md ("Layers") kept by a tool rather than by review. See
 * docs/decisions/0027-lint-boundaries.md.
 */
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** An import specifier that reaches a folder of `app/`, by alias or relatively. */
const into = (folder) => `^(~/|(\\.\\./)+)${folder}(/|$)`;

export default tseslint.config(
  { ignores: ["build/", "public/build/", "public/fonts/", "data/", "node_modules/", "test-results/", "playwright-report/", ".cache/"] },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  // React code: the app, not its tests (whose `useTestDatabase` is no hook) nor Playwright's `use`.
  { ...reactHooks.configs.flat.recommended, files: ["app/**/*.{ts,tsx}"], ignores: ["app/**/*.test.{ts,tsx}", "app/test/**"] },

  {
    plugins: { "import-x": importX },
    settings: {
      // Without the parser and extensions, import-x skips .ts files when it follows imports, and finds no cycle.
      "import-x/extensions": importX.flatConfigs.typescript.settings["import-x/extensions"],
      "import-x/parsers": importX.flatConfigs.typescript.settings["import-x/parsers"],
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-duplicates": "error",
      "import-x/no-self-import": "error",
      // Unused on purpose: `_`-prefixed names (a destructured field left out, an unused argument).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },

  // Plain Node scripts and configs.
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        URLSearchParams: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        AbortController: "readonly",
      },
    },
  },

  // Tests poke at loader answers freely.
  {
    files: ["**/*.test.{ts,tsx}", "e2e/**/*.ts", "reliability/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },

  // Layers. The domain is pure: rules and figures from plain data.
  {
    files: ["app/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: into("db"), message: "app/domain is pure: it takes plain data, the caller reads the database." },
            { regex: into("routes"), message: "app/domain knows nothing of the web layer." },
            { regex: "\\.server$", message: "app/domain imports no server-only module (*.server)." },
            { regex: "^(react|react-dom|react-i18next)(/|$)", message: "app/domain has no React." },
            { regex: "^@remix-run/", message: "app/domain knows nothing of Remix." },
            { regex: "^drizzle-orm(/|$)", message: "app/domain has no database access." },
          ],
        },
      ],
    },
  },

  // Routes stay thin: the database is reached through app/db functions, never queried here.
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    ignores: ["app/routes/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^drizzle-orm(/|$)", message: "Routes do not query: put the query in an app/db function." },
            { regex: `${into("db")}schema$`, message: "Routes do not use the schema: put the query in an app/db function." },
          ],
        },
      ],
    },
  },

  // The database layer takes parsed values; it never parses forms itself.
  {
    files: ["app/db/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: into("forms"), message: "app/db takes parsed values: the route parses with app/forms." }] }],
    },
  },
);
