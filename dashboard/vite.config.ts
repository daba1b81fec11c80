// Vite builds the dashboard into dist/, which the API serves under /dashboard (src/dashboard/dashboard-static.ts).
// `npm run dev -w dashboard` serves it with hot reload and passes the API and the sockets to a server on :8000.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const API = process.env.DASHBOARD_API_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  base: '/dashboard/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
  server: {
    proxy: { '/api': API, '/socket.io': { target: API, ws: true } },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
