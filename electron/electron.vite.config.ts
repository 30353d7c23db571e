/**
 * electron-vite builds three bundles into out/: main (ESM, Node side), preload (one CommonJS file,
 * because a sandboxed preload cannot load modules other than 'electron'), and the renderer (the
 * same vite config `npm run build:renderer` uses, so browser mode and the app serve one build).
 */
import { defineConfig } from 'electron-vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rendererConfig from '../renderer/vite.config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (dir: string) => path.join(root, 'out', dir);

export default defineConfig({
  main: {
    build: {
      outDir: out('main'),
      // Runtime dependencies stay in node_modules (shipped by electron-builder). better-sqlite3
      // must: it loads a native binary; kysely is listed too so it is never inlined by accident.
      externalizeDeps: { include: ['better-sqlite3', 'kysely'] },
      rollupOptions: {
        // The month-end batch renders on worker threads: their entry is bundled beside main.
        input: { index: path.join(root, 'electron/main/index.ts'), 'batch-worker': path.join(root, 'electron/papers/batch-worker.ts') },
      },
      sourcemap: true,
    },
  },
  preload: {
    build: {
      outDir: out('preload'),
      // Bundle everything: the only require() left in the output may be 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: path.join(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: path.join(root, 'renderer'),
    build: {
      ...rendererConfig.build,
      outDir: out('renderer'),
      rollupOptions: { ...rendererConfig.build?.rollupOptions, input: path.join(root, 'renderer/index.html') },
    },
  },
});
