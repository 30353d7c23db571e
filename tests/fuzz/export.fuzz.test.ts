/**
 * Hostile text on the way out: CSV exports never hand a spreadsheet a formula, XLSX cells are
 * inline strings, and names inside the case ZIP cannot leave its folder whatever the user typed.
 */
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agingCsv } from '../../electron/cli/arw';
import { openCase } from '../../electron/collections/cases';
import { attachEvidence } from '../../electron/collections/evidence';
import { exportCase } from '../../electron/collections/export/case-zip';
import { isSafeArchivePath, safeComponent, safeFileName } from '../../electron/collections/export/names';
import { verifyCaseZip } from '../../electron/collections/export/verify';
import { csvCell, parseCsv, toCsv } from '../../electron/import/csv';
import { agingReport } from '../../electron/services/aging';
import { postInvoice } from '../../electron/services/ledger';
import { toCsv as gridCsv } from '../../renderer/src/components/grid/engine/csv';
import { addCustomer, tempLedger } from '../helpers';
import { HOSTILE_STRINGS } from './values';

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const text = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1000)), fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('=', '+', '-', '@', '\t=1', '\r=1', '-12.50', '-1e5', '=1+1,2', '"=x"'));

/** A cell as a spreadsheet would read it back: the same text, or the text behind a neutralising apostrophe. */
function assertSafeRoundTrip(original: string, readBack: string, numbersAsText = false) {
  if (FORMULA_START.test(original) && (numbersAsText || !NUMBER.test(original))) expect(readBack).toBe(`'${original}`);
  else expect(readBack).toBe(original);
  expect(FORMULA_START.test(readBack) && !NUMBER.test(readBack)).toBe(false);
}

describe('formula injection', () => {
  it('csvCell / toCsv (ledger extracts) neutralise every formula and round-trip everything else', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = Math.max(...rows.map((r) => r.length));
        // (A line whose only cell is empty is no record at all in CSV: keep one cell filled.)
        const padded = rows.map((r) => [...r, ...Array(width - r.length).fill('x')]).map((r) => (r.every((c) => c.trim() === '') ? ['x', ...r.slice(1)] : r));
        const csv = toCsv(padded[0], padded.slice(1));
        const back = parseCsv(csv).records.map((r) => r.cells);
        expect(back.length).toBe(padded.length);
        padded.forEach((r, i) => r.forEach((cell, j) => assertSafeRoundTrip(cell, back[i][j])));
      }),
      { numRuns: 500 },
    );
    expect(csvCell(-12.5)).toBe('-12.5');
  });

  it('the grid CSV export neutralises text cells', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (cells) => {
        const csv = gridCsv([['x', ...cells].map((v) => ({ t: 's' as const, v }))]);
        const back = parseCsv(csv.replace(/^\uFEFF/, '')).records[0].cells.slice(1);
        cells.forEach((c, j) => assertSafeRoundTrip(c, back[j], true)); // text cells: even "-12.50" stays text
      }),
      { numRuns: 300 },
    );
  });

  it('arw aging --format csv neutralises customer names and invoice numbers', async () => {
    const ledger = await tempLedger();
    const c = await addCustomer(ledger, '=cmd', { name: '=HYPERLINK("http://evil.example","Click")' });
    await postInvoice(ledger.db, { customerId: c.id, number: '@SUM(A1:A9)', date: '2026-01-01', amount: '10.00' });
    for (const by of ['customer', 'invoice'] as const) {
      const csv = agingCsv(await agingReport(ledger.db, '2026-03-01', by));
      for (const row of parseCsv(csv).records.slice(1)) for (const cell of row.cells) expect(FORMULA_START.test(cell) && !NUMBER.test(cell), cell).toBe(false);
      expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    }
    await ledger.close();
  });
});

describe('ZIP entry names', () => {
  it('safe names stay inside their folder for any text', () => {
    fc.assert(
      fc.property(text, fc.string({ maxLength: 6 }), (stem, ext) => {
        const name = `evidence/${safeFileName(stem, ext)}`;
        expect(isSafeArchivePath(name), name).toBe(true);
        const resolved = path.posix.normalize(path.posix.join('/case', name));
        expect(resolved.startsWith('/case/evidence/')).toBe(true);
        expect(isSafeArchivePath(safeComponent(stem))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\b', 'con.txt', 'x/./y', 'trailing. ', '']) expect(isSafeArchivePath(bad), bad).toBe(false);
  });

  it('a case file exported with hostile evidence descriptions has only safe, unique entries', async () => {
    const ledger = await tempLedger();
    const c = await addCustomer(ledger, 'Z1', { name: '../../客户' });
    await postInvoice(ledger.db, { customerId: c.id, number: '../INV', date: '2026-01-01', amount: '10.00' });
    const caseId = await openCase(ledger.db, c.id, { date: '2026-03-01' });
    const hostile = ['../../../etc/passwd', '..\\..\\Windows\\win.ini', 'C:\\evil', '/abs/path', 'CON', 'aux.txt', 'a/b/c', '\u0000nul', ' . ', '证据'.repeat(100), '../../../etc/passwd'];
    for (const [i, description] of hostile.entries()) {
      await attachEvidence(ledger.db, caseId, { fileName: `${description}.pdf`, bytes: Buffer.from(`%PDF-1.4\n% evidence ${i}\n%%EOF\n`), kind: 'other', description, date: '2026-03-01', proves: '' });
    }
    const res = await exportCase(ledger.db, caseId, { asOf: '2026-03-02', language: 'en' });
    const zip = Buffer.from(res.base64, 'base64');
    const names = Object.keys(unzipSync(zip));
    expect(names.length).toBeGreaterThan(hostile.length);
    for (const n of names) expect(isSafeArchivePath(n), n).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(isSafeArchivePath(res.fileName)).toBe(true);
    expect(verifyCaseZip(zip).ok).toBe(true);
    await ledger.close();
  });
});
