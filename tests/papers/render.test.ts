import { describe, expect, it } from 'vitest';
import { fontRuns } from '../../electron/pdf/fonts';
import { renderPaper } from '../../electron/pdf/paper-doc';
import { PAGE } from '../../electron/pdf/layout';
import { allSamples, demandLetterSample, iouSample, priceConfirmationSample, RARE_NAME, statementSample } from './fixtures';
import { pdfInfo, pdfText, squash } from './pdf-tools';

describe('font runs', () => {
  it('Latin to the Latin font, Chinese to the CJK font, spaces stay in the run', () => {
    expect(fontRuns('INV-12 发票 龘䶮鬱')).toEqual([
      { text: 'INV-12 ', font: 'Latin' },
      { text: '发票 龘䶮鬱', font: 'CJK' },
    ]);
  });
  it('a character no font has is printed as its code point, and reported', () => {
    const missing = new Set<string>();
    expect(fontRuns('张𠀀三', undefined, missing)).toEqual([
      { text: '张', font: 'CJK' },
      { text: '[U+20000]', font: 'Latin' },
      { text: '三', font: 'CJK' },
    ]);
    expect([...missing]).toEqual(['𠀀']);
  });
});

describe('rendering the papers', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const sample of allSamples(lang)) {
      it(`${sample.kind} (${lang}): a PDF with the number, the customer (rare characters) and page numbers`, async () => {
        const r = await renderPaper(sample);
        expect(r.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const info = pdfInfo(r.pdf);
        expect(info.pages).toBe(r.pages);
        expect(info.width).toBeCloseTo(PAGE.A4.width, 0);
        const text = squash(pdfText(r.pdf));
        expect(text).toContain(sample.number);
        expect(text).toContain(squash('龘䶮鬱'));
        expect(text).toContain('[U+20000]');
        expect(text).toContain(squash(RARE_NAME.replace('𠀀', '[U+20000]')).slice(0, 18));
        expect(text).toContain(lang === 'zh' ? `第1页/共${r.pages}页` : `Page1of${r.pages}`);
        expect(r.missing).toEqual(['𠀀']);
      });
    }
  }

  it('amounts in words are printed (大写 on CNY papers)', async () => {
    const iou = iouSample('zh');
    const text = squash(pdfText((await renderPaper(iou)).pdf));
    expect(text).toContain('人民币玖拾叁元贰角贰分'); // 93.22
    const st = statementSample('en');
    expect(squash(pdfText((await renderPaper(st)).pdf))).toContain('CNY');
  });

  it('a long item list breaks across pages with the header repeated, on US Letter', async () => {
    const pc = priceConfirmationSample('en', 120, 'LETTER');
    const r = await renderPaper(pc);
    const info = pdfInfo(r.pdf);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.width).toBeCloseTo(612, 0);
    expect(info.height).toBeCloseTo(792, 0);
    const pages = pdfText(r.pdf).split('\f').filter((p) => p.trim());
    for (const p of pages.slice(0, -1)) expect(p).toMatch(/Unit price/);
    expect(squash(pages.join(''))).toContain('镀锌角钢120号');
  });

  it('the same data gives the same bytes (reprints can be checked)', async () => {
    const a = await renderPaper(demandLetterSample('zh'));
    const b = await renderPaper(demandLetterSample('zh'));
    expect(Buffer.compare(a.pdf, b.pdf)).toBe(0);
    const c = await renderPaper({ ...demandLetterSample('zh'), deadline: '2026-04-17' });
    expect(Buffer.compare(a.pdf, c.pdf)).not.toBe(0);
  });

  it('fonts are embedded as subsets', async () => {
    const r = await renderPaper(statementSample('zh'));
    const raw = r.pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DroidSansFallback/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans/);
    expect(r.pdf.length).toBeLessThan(200_000); // a 4 MB font, subset
  });
});
