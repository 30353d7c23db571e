/**
 * Hostile user text on the customer's papers. Statements, IOUs and price confirmations are issued
 * with generated text (names of hundreds of characters without a space, RTL and bidi marks,
 * zero-width joiners, combining marks, emoji, surrogate halves, control characters, CJK
 * Extension B, 10,000-character notes, strings that look like pdfmake or HTML) through the API
 * (the validation a user meets) and straight through the papers services (no length limits, as
 * an import could bring). Each paper either renders a valid PDF (%PDF, the page count pdfinfo
 * reads equals the register's, pdftotext finds every visible character of the customer's name
 * the fonts can draw, as often as the name has it, so nothing ran off the page or vanished), or
 * is refused with a typed error; never a crash, and each in bounded time. Afterwards the register
 * is consistent: every stored PDF intact and rebuilt byte for byte from its data, numbers without
 * gaps, the tamper-evidence chain and every ledger invariant hold.
 */
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueResult, PaperPdf } from '../../shared/api/papers';
import type { Customer } from '../../shared/domain';
import { ERRORS_EN } from '../../shared/i18n/errors';
import { dispatch } from '../../electron/api/dispatch';
import { createContext, type AppContext } from '../../electron/app/context';
import { LedgerError } from '../../electron/errors';
import { verifyLedger } from '../../electron/integrity/verify';
import { issueIou } from '../../electron/papers/iou';
import { createPriceConfirmation } from '../../electron/papers/price-confirmation';
import { paperPdf, verifyPaper } from '../../electron/papers/register';
import { issueStatement } from '../../electron/papers/statement';
import { loadFonts } from '../../electron/pdf/fonts';
import { checkLedger } from '../../electron/services/check';
import { createCustomer, editCompany, postInvoice } from '../../electron/services/ledger';
import { tempDir } from '../helpers';
import { pdfInfo, pdfText } from './pdf-tools';

/** A paper on a loaded two-core machine: seconds at most; a hang fails here, not at the suite's timeout. */
const PER_DOCUMENT_MS = 20_000;

const FRAGMENTS: string[] = [
  'Hangzhou Trading',
  '杭州远景贸易有限公司',
  '龘䶮鬱',
  '𠀀𠀁𪚥', // CJK Extension B
  'שלום עולם', // Hebrew
  'شركة التجارة', // Arabic
  '\u200F\u202E\u202C\u2067\u2069\u200E', // bidi marks and isolates
  '\u200D\u200C\u2060\uFEFF', // joiners, word joiner, BOM
  'e\u0301\u0301\u0301', // stacked combining marks
  'Z̷̢̛̤̮͎͈̩̞̫̈́̓̇͌͋͠a̸l̶g̴o̷',
  '😀🎉🇨🇳👨‍👩‍👧‍👦❤️',
  '\uD800A\uDFFF', // lone surrogate halves
  '\u0000\u0007\u001b[31m\r\u0085\u2028\u2029\u000b\u000c',
  '\t\n\u3000\u00A0',
  '{"text":"X","font":"CJK","pageBreak":"before"}',
  '{"image":"data:image/png;base64,AAAA"} {"qr":"x"}',
  '<script>alert(1)</script><b>bold</b>',
  '%PDF-1.7 endobj ) ( \\ ${x} {{y}}',
  '=HYPERLINK("http://x")',
  'Ünïcödé Ελληνικά Кириллица',
  '１２３ＡＢＣ（全角）',
];

const longWord = fc.integer({ min: 30, max: 150 }).chain((n) => fc.constantFrom('W', 'Ж', 'Mm', '9', 'A-').map((u) => u.repeat(Math.ceil(n / u.length)).slice(0, n)));
const fragment = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: longWord },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);
const hostile = fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

const fonts = loadFonts();
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{M}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|\p{Default_Ignorable_Code_Point}/u;

/** What the name should show: each visible character a bundled font has, with how often it occurs (NFKC, as pdftotext writes it). */
function visibleCounts(name: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of name) {
    if (INVISIBLE.test(ch) || fonts.fontFor(ch.codePointAt(0)!) < 0) continue;
    for (const c of ch.normalize('NFKC')) if (!INVISIBLE.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

function countsIn(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of text.normalize('NFKC')) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

const stats = { inputs: 0, rendered: 0, refused: new Map<string, number>(), slowestMs: 0, maxPages: 0 };

function expectTypedRefusal(error: { key: string; params?: unknown } | LedgerError, what: string) {
  expect(error.key, what).toMatch(/^error\.[a-z][A-Za-z0-9]*$/);
  expect(error.key, what).not.toBe('error.internal');
  expect(Object.keys(ERRORS_EN), what).toContain(error.key);
  stats.refused.set(error.key, (stats.refused.get(error.key) ?? 0) + 1);
}

/** A rendered paper: a PDF, the page count the register says, every visible character of the customer's name on it. */
function expectGoodPdf(bytes: Uint8Array, pages: number, customerName: string, what: string) {
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), what).toBe('%PDF-');
  const info = pdfInfo(bytes);
  expect(info.pages, what).toBe(pages);
  expect(info.pages, what).toBeGreaterThan(0);
  const raw = pdfText(bytes);
  // Invisible characters (joiners, bidi marks, BOM, variation selectors) are not printed as [U+XXXX].
  for (const ch of customerName) {
    if (/\p{Default_Ignorable_Code_Point}/u.test(ch)) expect(raw, what).not.toContain(`[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
  }
  const text = countsIn(raw);
  for (const [ch, n] of visibleCounts(customerName)) {
    expect(text.get(ch) ?? 0, `${what}: "${ch}" (U+${ch.codePointAt(0)!.toString(16)}) ${n}× in the name`).toBeGreaterThanOrEqual(n);
  }
  stats.rendered++;
  stats.maxPages = Math.max(stats.maxPages, info.pages);
}

async function timed<T>(fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await fn();
  const ms = performance.now() - t;
  stats.slowestMs = Math.max(stats.slowestMs, ms);
  expect(ms).toBeLessThan(PER_DOCUMENT_MS);
  return r;
}

let ctx: AppContext;
let seq = 0;

beforeAll(async () => {
  ctx = await createContext({ mode: 'web', version: 'test', dataDir: tempDir('arw-pdf-fuzz-') });
  const r = await dispatch(ctx, 'ledger-create', { companyName: '示例贸易有限公司 Demo Trading Co.', currency: 'CNY' });
  expect(r.ok).toBe(true);
});

afterAll(async () => {
  console.info(
    `pdf fuzz: ${stats.inputs} hostile inputs, ${stats.rendered} papers rendered and read back, refused: ${JSON.stringify(Object.fromEntries(stats.refused))}, slowest ${Math.round(stats.slowestMs)} ms, most pages ${stats.maxPages}`,
  );
  await ctx?.ledger?.close();
});

type Api<T> = { ok: true; value: T } | { ok: false; error: { key: string; params?: unknown; field?: string } };
const call = async <T>(op: string, req: unknown) => (await timed(() => dispatch(ctx, op, req))) as Api<T>;

async function checkIssued(res: Api<IssueResult>, name: string, what: string) {
  if (!res.ok) return expectTypedRefusal(res.error, what);
  const pdf = await call<PaperPdf>('paper-pdf', { id: res.value.paper.id });
  expect(pdf.ok, what).toBe(true);
  if (pdf.ok) expectGoodPdf(Buffer.from(pdf.value.base64, 'base64'), res.value.paper.pages, name, what);
}

describe('papers with hostile user text', () => {
  it('through the API: each paper renders and reads back, or is refused with a typed error', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ name: hostile, address: hostile, contact: hostile, item: hostile, memo: hostile, notes: hostile, zh: fc.boolean() }), async (t) => {
        const n = ++seq;
        stats.inputs++;
        const what = `input ${n} ${JSON.stringify(t.name).slice(0, 120)}`;
        const empty = { name: '', phone: '', email: '', address: '' };
        const created = await call<Customer>('customer-create', {
          code: `H${n}`,
          name: t.name,
          contacts: { original: { ...empty, name: t.contact, address: t.address }, finance: empty, decision: empty },
          paymentTermsDays: 30,
          currency: 'CNY',
          language: t.zh ? 'zh' : 'en',
        });
        if (!created.ok) return expectTypedRefusal(created.error, `${what} customer`);
        const customer = created.value;
        const invoice = await call<{ documentId: number }>('invoice-post', {
          customerId: customer.id,
          number: `INV-${n}`,
          date: '2026-03-05',
          lines: [{ item: t.item, quantity: '2', unitPrice: '12.34' }],
          memo: t.memo,
          override: { reason: 'fuzz' },
        });
        if (!invoice.ok) expectTypedRefusal(invoice.error, `${what} invoice`);
        await checkIssued(await call<IssueResult>('paper-issue-statement', { customerId: customer.id, month: '2026-03' }), customer.name, `${what} statement`);
        if (invoice.ok) await checkIssued(await call<IssueResult>('paper-issue-iou', { documentId: invoice.value.documentId }), customer.name, `${what} IOU`);
        const pc = await call<IssueResult>('price-confirmation-create', {
          customerId: customer.id,
          date: '2026-03-06',
          lines: [{ item: t.item, spec: t.memo.slice(0, 200), unit: t.contact.slice(0, 40), quantity: '1.5', unitPrice: '99.90' }],
          paymentMethod: t.contact || 'x',
          paymentTerms: t.address,
          deliveryAddress: t.address,
          acceptancePerson: t.contact || 'x',
          acceptanceCriteria: t.notes || 'x',
          paymentResponsible: t.name || 'x',
          notes: t.notes,
          override: { reason: 'fuzz' },
        });
        await checkIssued(pc, customer.name, `${what} price confirmation`);
      }),
      { numRuns: 40, seed: 20261207, endOnFailure: true },
    );
    expect(stats.rendered).toBeGreaterThan(50);
    expect(stats.refused.get('error.invalidText')).toBeGreaterThan(0); // surrogate halves: refused, never stored
  });

  it('through the services without length limits: thousands of characters without a space, 10,000-character notes', { timeout: 600_000 }, async () => {
    const db = ctx.ledger!.db;
    await editCompany(db, { name: `公司${'Ｃ'.repeat(120)}${'Co'.repeat(150)}\u200D😀`, address: '地址 '.repeat(200), taxId: '9'.repeat(60), defaultTermsDays: 30 });
    const cases: { name: string; notes: string; item: string }[] = [
      { name: 'N'.repeat(3000), notes: 'x'.repeat(10_000), item: 'I'.repeat(2000) },
      { name: '龘'.repeat(1500), notes: '注'.repeat(10_000), item: '货'.repeat(3000) },
      { name: `${'ab\u0301\u200D'.repeat(400)}\uD83D`, notes: `${'{"text":"'.repeat(900)}"}`, item: '😀'.repeat(500) },
      { name: `\u202E${'שלום'.repeat(300)}\u202C${'مرحبا'.repeat(100)}`, notes: '\u0000\u0007\u001b'.repeat(3000), item: '𠀀'.repeat(800) },
      { name: `${'Kunde-'.repeat(500)}GmbH`, notes: 'word '.repeat(2000), item: `${'/'.repeat(500)}${'\\'.repeat(500)}` },
    ];
    for (const c of cases) {
      const n = ++seq;
      stats.inputs++;
      const what = `service input ${n} ${JSON.stringify(c.name).slice(0, 60)}`;
      const customer = await createCustomer(db, { code: `S${n}`, name: c.name, salesperson: '', paymentTermsDays: 30, creditLimit: '0', currency: 'CNY', language: n % 2 ? 'zh' : 'en', notes: '', status: 'active' });
      const stored = customer.name; // as the ledger keeps it (a lone surrogate half comes back as U+FFFD)
      const inv = await postInvoice(db, { customerId: customer.id, number: `SV-${n}`, date: '2026-03-05', lines: [{ item: c.item, quantity: '3', unitPrice: '10.00' }], memo: c.notes, override: { reason: 'fuzz' } });
      const attempts: [string, () => Promise<IssueResult>][] = [
        ['statement', () => issueStatement(db, { customerId: customer.id, month: '2026-03' })],
        ['IOU', () => issueIou(db, { documentId: inv.documentId })],
        [
          'price confirmation',
          () =>
            createPriceConfirmation(db, {
              customerId: customer.id,
              date: '2026-03-06',
              lines: [{ item: c.item, spec: c.name, unit: c.notes.slice(0, 500), quantity: '2', unitPrice: '5' }],
              paymentMethod: c.name,
              paymentTerms: c.notes,
              deliveryAddress: c.name,
              interestBpPerDay: 5,
              acceptancePerson: c.name,
              acceptanceCriteria: c.notes,
              paymentResponsible: c.name,
              notes: c.notes,
              paperSize: 'A4',
              override: { reason: 'fuzz' },
            }),
        ],
      ];
      for (const [kind, issue] of attempts) {
        try {
          const res = await timed(issue);
          expectGoodPdf((await paperPdf(db, res.paper.id)).bytes, res.paper.pages, stored, `${what} ${kind}`);
        } catch (e) {
          if (!(e instanceof LedgerError)) throw e;
          expectTypedRefusal(e, `${what} ${kind}`);
        }
      }
    }
  });

  it('leaves the register consistent: stored PDFs intact and rebuilt byte for byte, numbers without gaps, chain and invariants hold', { timeout: 600_000 }, async () => {
    const ledger = ctx.ledger!;
    const papers = await ledger.db.selectFrom('papers').select(['id', 'kind', 'number']).orderBy('id').execute();
    expect(papers.length).toBe(stats.rendered);
    for (const p of papers) expect(await verifyPaper(ledger.db, p.id), p.number).toMatchObject({ storedIntact: true, rebuildIdentical: true });
    // A refused paper takes no number: IOUs and price confirmations are numbered 1, 2, 3 … per month.
    for (const kind of ['iou', 'price_confirmation']) {
      const seqs = papers.filter((p) => p.kind === kind).map((p) => Number(/-(\d+)$/.exec(p.number)![1]));
      expect(seqs, kind).toEqual(seqs.map((_, i) => i + 1));
    }
    expect(new Set(papers.map((p) => p.number)).size).toBe(papers.length);
    const verified = await verifyLedger(ledger);
    expect(verified.ok).toBe(true);
    expect(await checkLedger(ledger)).toEqual([]);
    expect(path.basename(ledger.file)).toMatch(/\.arw$/);
  });
});
