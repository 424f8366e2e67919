// Lint rules for ui/. Beyond the recommended sets, one house rule is enforced here: only
// src/ipc/ may import @tauri-apps/api, so everything else can run against a fake backend.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.browser },
    rules: {
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
);
