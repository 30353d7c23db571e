import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfConcat } from '../../electron/pdf/merge';
import { renderPaper } from '../../electron/pdf/paper-doc';
import { tempDir } from '../helpers';
import { allSamples, priceConfirmationSample } from './fixtures';
import { pdfInfoFile, pdfText, squash } from './pdf-tools';

const hasQpdf = (() => {
  try {
    execFileSync('qpdf', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

describe('combined PDF', () => {
  it('concatenates rendered papers into one valid PDF, pages in order', async () => {
    const papers = [...allSamples('zh'), ...allSamples('en'), priceConfirmationSample('en', 80, 'LETTER')];
    const file = path.join(tempDir(), 'all.pdf');
    const merged = new PdfConcat(file);
    let pages = 0;
    for (const p of papers) {
      const r = await renderPaper(p);
      pages += r.pages;
      merged.add(r.pdf);
    }
    expect(merged.finish().pages).toBe(pages);
    expect(pdfInfoFile(file).pages).toBe(pages);
    const text = pdfText(fs.readFileSync(file));
    const order = papers.map((p) => squash(text).indexOf(p.number));
    expect(order.every((i) => i >= 0)).toBe(true);
    if (hasQpdf) expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });
});
