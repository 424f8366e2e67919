/// <reference types="vitest/config" />
// The desktop app loads ui/dist (tauri.conf.json `frontendDist`); `tauri dev` loads the dev server
// on the fixed port that tauri.conf.json's `devUrl` names, so the port must not drift.
// JSX is compiled by Vite's own esbuild (no React plugin: one dependency fewer; a change reloads
// the page instead of hot-swapping components).
import { defineConfig } from "vite";

export default defineConfig({
  clearScreen: false,
  esbuild: { jsx: "automatic" },
  server: {
    port: 5173,
    strictPort: true,
    host: "localhost",
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK on Debian 12 is the oldest engine the app runs in.
    target: "safari15",
    sourcemap: true,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
