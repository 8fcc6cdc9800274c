import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const uiDir = fileURLToPath(new URL('.', import.meta.url));
const localesDir = fileURLToPath(new URL('../assets/locales', import.meta.url));

// The built page is served by the Tauri shell from inside the binary, under a strict CSP:
// one module script and one stylesheet from 'self', nothing inline, nothing remote.
export default defineConfig({
  root: uiDir,
  base: './',
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill is bundled (not inline), but WebKitGTK and WebView2 support modulepreload
    // anyway; leave it out.
    modulePreload: { polyfill: false },
    // Keep every asset a file of its own: a data: URL would break under img-src 'self'.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // The translations live in ../assets/locales and are imported with ?raw.
    fs: { allow: [uiDir, localesDir] },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    // CI machines have two cores, shared with a Rust build: a slow test is not a failing one.
    testTimeout: 20_000,
    // Hand the tests the real text of the stylesheets (by default vitest gives '').
    css: { include: [/\.css(?:$|\?)/] },
  },
});
