/**
 * The desktop shell as electron-vite builds it (`npm test` runs `npm run build` first): the
 * sandboxed preload is one CommonJS file that needs nothing but 'electron' and exposes one
 * method; main is ESM and imports only Node built-ins and the packages electron-builder ships.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const OUT = fileURLToPath(new URL('../../out/', import.meta.url));
const pkg = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { dependencies: Record<string, string> };

describe('the built desktop shell', () => {
  it('has a preload that requires only electron and exposes window.arw.invoke on the one channel', () => {
    const preload = fs.readFileSync(`${OUT}preload/index.cjs`, 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).toContain('exposeInMainWorld("arw"');
    expect(preload).toContain('"arw:invoke"');
  });

  it('has an ESM main that imports only Node built-ins, electron and shipped dependencies', () => {
    const main = fs.readFileSync(`${OUT}main/index.js`, 'utf8');
    const imported = new Set([...main.matchAll(/^import .*? from "([^"]+)";?$|^import "([^"]+)";?$/gm)].map((m) => m[1] ?? m[2]));
    expect(imported.size).toBeGreaterThan(3);
    for (const spec of imported) {
      const ok = spec.startsWith('node:') || spec.startsWith('./') || spec === 'electron' || spec in pkg.dependencies;
      expect(ok, `main imports ${spec}, which the installer would not ship`).toBe(true);
    }
    expect(imported.has('better-sqlite3')).toBe(true); // native: loaded at run time, never bundled
    expect(fs.existsSync(`${OUT}main/batch-worker.js`)).toBe(true); // the statement batch's worker
  });
});
