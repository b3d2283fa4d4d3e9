/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API runs on Django's dev server; the SPA calls it same-origin through this proxy so the
// refresh-token cookie (SameSite=Strict, Path=/api/v1/auth/) is sent exactly as in production.
// HMS_API_PROXY points the dev server at another API (e.g. a second backend on another port).
const API_TARGET = process.env.HMS_API_PROXY ?? 'http://127.0.0.1:8000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine[\\/](core|hooks)|@floating-ui)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
    // Generous: route-level tests render the whole app, and CI shares two cores.
    testTimeout: 30000,
    // One test file per core: left to itself Vitest ran one file at a time on CI's two cores
    // (188 s, against 125 s with two).
    maxWorkers: '100%',
  },
});
