import { defineConfig } from "vite";

// The UI is served by `sanctrace serve` under a strict CSP: no inline script or style, so
// Vite must not inject its module-preload polyfill inline.
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    target: "es2022",
  },
  server: { proxy: { "/api": "http://127.0.0.1:8000" } },
});
