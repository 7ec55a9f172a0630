import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';

// Main and preload externalize `dependencies` (the native SQLite driver stays a regular
// dependency). The main build's entries: the Electron bootstrap (index), the workspace server
// (server), which shares every service and never imports electron, the benchmark (bench), and the
// statement run's worker thread (statementWorker), which must sit beside them.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          server: resolve(__dirname, 'src/main/host/cli.ts'),
          bench: resolve(__dirname, 'src/bench/index.ts'),
          statementWorker: resolve(__dirname, 'src/main/capabilities/statements/statementWorker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
});
