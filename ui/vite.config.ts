import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // Absolute asset URLs resolve against the root of Tauri's custom protocol,
  // so the default base works for both `vite dev` and the bundled app.
  base: '/',
  // Keep Rust compiler output visible when `tauri dev` runs this alongside cargo.
  clearScreen: false,
  server: {
    port: 5173,
    // Tauri's devUrl points at a fixed port; silently moving elsewhere would
    // leave the window blank.
    strictPort: true,
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bundle is loaded from disk, not a network, so one large vendor chunk
    // costs nothing at startup worth warning about.
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // antd's CSS-in-JS makes first renders in jsdom slow on small machines.
    testTimeout: 20_000,
  },
});
