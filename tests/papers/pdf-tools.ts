/** Reading PDFs back in tests with poppler's command-line tools (pdftotext, pdfinfo). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function withFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-pdf-'));
  const file = path.join(dir, 'x.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (f) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }));
}

export function pdfInfo(pdf: Uint8Array): { pages: number; width: number; height: number } {
  const out = withFile(pdf, (f) => execFileSync('pdfinfo', [f], { encoding: 'utf8' }));
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

export function pdfInfoFile(file: string): { pages: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]) };
}

/** pdftotext puts spaces between CJK glyphs in some layouts; compare without whitespace. */
export const squash = (s: string) => s.replace(/\s+/g, '');
