// Lint rules for ui/. Beyond the recommended sets and React's hook rules, one house rule is
// enforced here: only src/ipc/ may import @tauri-apps/api, so everything else can run against a
// fake backend.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@tauri-apps/api", "@tauri-apps/api/*"],
              message: "Only src/ipc/ talks to Tauri: import from the ipc module instead.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/ipc/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The browser test runs in Node but hands functions to the page, so both sets of globals.
    files: ["tests/**/*.mjs", "*.config.{js,ts}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
