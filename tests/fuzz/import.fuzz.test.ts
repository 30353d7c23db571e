/**
 * Fuzzing the importer with files as people and programs really make them: amounts as "1.234,56",
 * "(1,234.00)", "￥1,000", full-width digits, beyond 2^53; dates in many formats and Excel serials;
 * formulas, duplicate and empty rows, huge cells, wrong encodings and random bytes. Whatever the
 * importer accepts at the time, the invariant is the same: a file is imported exactly (every
 * document has the amount and date the row meant) or rejected with the row and the reason, and a
 * rejected file leaves the ledger byte for byte as it was.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import type { Ledger } from '../../electron/db/open';
import { importCsv } from '../../electron/import/import';
import { importFile } from '../../electron/import/pipeline';
import { cleanCode, isoToExcelSerial } from '../../electron/import/values';
import { verifyLedger } from '../../electron/integrity/verify';
import { checkLedger } from '../../electron/services/check';
import { LedgerError } from '../../electron/errors';
import { addCustomer, tempLedger } from '../helpers';
import { addRate } from '../../electron/services/rates';

const LIMIT_MS = Number(process.env.ARW_FUZZ_MS ?? 40_000);

const CUSTOMERS = [
  { code: 'A1', currency: 'CNY', digits: 2 },
  { code: 'USD9', currency: 'USD', digits: 2 },
  { code: 'JP', currency: 'JPY', digits: 0 },
  { code: '客户甲', currency: 'CNY', digits: 2 },
];

let ledger: Ledger;
let run = 0;
const stats = { files: 0, rows: 0, accepted: 0, rejected: 0, bytesFiles: 0 };

beforeAll(async () => {
  ledger = await tempLedger();
  for (const c of CUSTOMERS) await addCustomer(ledger, c.code, { currency: c.currency, paymentTermsDays: 30 });
  // Rows of the USD and JPY customers are posted at the latest rate on or before their date (issue 8).
  await addRate(ledger.db, { currency: 'USD', date: '2000-01-01', rate: '7.1234' });
  await addRate(ledger.db, { currency: 'JPY', date: '2000-01-01', rate: '0.048123' });
});

afterAll(async () => {
  console.log(`import fuzz: ${stats.files} files (${stats.rows} rows; ${stats.accepted} accepted, ${stats.rejected} rejected), ${stats.bytesFiles} byte-level files`);
  await ledger.close();
});

function contentHash(): string {
  const h = crypto.createHash('sha256');
  for (const t of ['customers', 'documents', 'document_lines', 'document_rates', 'allocations', 'open_items', 'import_batches', 'audit_log', 'integrity_seals', 'settings']) {
    for (const row of ledger.sqlite.prepare(`select * from "${t}" order by rowid`).raw(true).iterate()) h.update(JSON.stringify(row, (_, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)));
  }
  return h.digest('hex');
}

// ---- rendering intended values the ways files write them -----------------------------------

const WIDE = (s: string) => s.replace(/[0-9.,\-()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** minor units → text in one of many styles, for a file whose decimal mark is `mark`. */
function renderAmount(minor: bigint, digits: number, mark: '.' | ',', style: number): string {
  const neg = minor < 0n;
  const abs = neg ? -minor : minor;
  const int = (abs / 10n ** BigInt(digits)).toString();
  const frac = digits ? (abs % 10n ** BigInt(digits)).toString().padStart(digits, '0') : '';
  const sep = mark === '.' ? ',' : '.';
  const plain = frac ? `${int}${mark}${frac}` : int;
  const grouped = frac ? `${group(int, sep)}${mark}${frac}` : group(int, sep);
  const signed = (s: string) => (neg ? `-${s}` : s);
  switch (style % 12) {
    case 0: return signed(plain);
    case 1: return signed(grouped);
    case 2: return neg ? `(${grouped})` : grouped;
    case 3: return `￥${signed(grouped)}`;
    case 4: return `¥ ${signed(plain)}`;
    case 5: return WIDE(signed(plain));
    case 6: return neg ? `${grouped}-` : grouped;
    case 7: return `RMB ${signed(grouped)}`;
    case 8: return ` ${signed(plain)} `;
    case 9: return `=${signed(plain)}`; // a formula left in an export
    case 10: return signed(grouped.replace(new RegExp(`\\${sep}`, 'g'), ' '));
    default: return signed(`${plain}${frac ? '' : style % 3 ? mark : ''}${'0'.repeat(style % 3)}`); // extra zero decimals
  }
}

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function renderDate(iso: string, order: 'dmy' | 'mdy', style: number, date1904: boolean): string {
  const [y, m, d] = iso.split('-');
  const mm = String(+m);
  const dd = String(+d);
  switch (style % 11) {
    case 0: return iso;
    case 1: return `${y}/${mm}/${dd}`;
    case 2: return `${y}年${mm}月${dd}日`;
    case 3: return `${y}${m}${d}`;
    case 4: return order === 'dmy' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
    case 5: return `${dd}-${MON[+m - 1]}-${y}`;
    case 6: return `${MON[+m - 1]} ${dd}, ${y}`;
    case 7: return String(isoToExcelSerial(iso, date1904)); // 1900 or 1904 system, as the file says
    case 8: return `${iso} 10:30:00`;
    case 9: return `${y}.${mm}.${dd}`;
    default: return WIDE(`${y}-${m}-${d}`);
  }
}

interface RowSpec {
  customer: number; // index in CUSTOMERS, or -1 for an unknown code
  number: string;
  minor: bigint;
  day: number;
  amountStyle: number;
  dateStyle: number;
  junk: 'none' | 'garbageAmount' | 'garbageDate' | 'emptyAmount' | 'impossibleDate' | 'hugeCell' | 'fullWidthCode';
}

const rowSpec: fc.Arbitrary<RowSpec> = fc.record({
  customer: fc.oneof({ weight: 12, arbitrary: fc.nat(CUSTOMERS.length - 1) }, { weight: 1, arbitrary: fc.constant(-1) }),
  number: fc.oneof(
    { weight: 10, arbitrary: fc.stringMatching(/^[A-Z]{1,3}-?\d{1,6}$/) },
    { weight: 1, arbitrary: fc.constantFrom('=HYPERLINK("http://x","y")', '+1', '@A1', "-2+3", '发票-001', 'Ｆ-１２', '', 'X'.repeat(80), 'a,b', 'q"uote', 'line\nbreak') },
  ),
  minor: fc.oneof(
    { weight: 12, arbitrary: fc.bigInt({ min: 1n, max: 10n ** 9n }) },
    { weight: 1, arbitrary: fc.constantFrom(0n, -12345n, 2n ** 53n + 1n, 10n ** 20n, 1n) },
  ),
  day: fc.integer({ min: -400, max: 400 }),
  amountStyle: fc.nat(50),
  dateStyle: fc.nat(50),
  junk: fc.oneof(
    { weight: 20, arbitrary: fc.constant('none' as const) },
    { weight: 1, arbitrary: fc.constantFrom('garbageAmount' as const, 'garbageDate' as const, 'emptyAmount' as const, 'impossibleDate' as const, 'hugeCell' as const, 'fullWidthCode' as const) },
  ),
});

/** Rows meant to be good: every file of these should import, whatever styles it mixes. */
const cleanRow: fc.Arbitrary<RowSpec> = fc.record({
  customer: fc.nat(CUSTOMERS.length - 1),
  number: fc.stringMatching(/^[A-Z]{1,3}-?\d{1,6}$/),
  minor: fc.bigInt({ min: 1n, max: 10n ** 11n }),
  day: fc.integer({ min: -400, max: 400 }),
  amountStyle: fc.nat(50).filter((n) => n % 12 !== 9), // no formulas
  dateStyle: fc.nat(50),
  junk: fc.constant('none' as const),
});

const fileSpec = fc.record({
  rows: fc.oneof(fc.array(cleanRow, { minLength: 1, maxLength: 25 }), fc.array(rowSpec, { minLength: 1, maxLength: 25 })),
  mark: fc.constantFrom('.' as const, ',' as const),
  order: fc.constantFrom('dmy' as const, 'mdy' as const),
  delimiter: fc.constantFrom(',', ';', '\t'),
  newline: fc.constantFrom('\n', '\r\n'),
  chinese: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'text'),
  date1904: fc.boolean(),
  blankEvery: fc.nat(6),
  duplicate: fc.nat(4),
});

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

interface Built {
  text: string;
  intended: { line: number; code: string; number: string; minor: bigint; date: string; digits: number }[];
}

type FileSpec = typeof fileSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: FileSpec, prefix: string): Built {
  // A column of its own makes each file a new source: the importer remembers the date order and
  // decimal mark per header, and this test means to exercise detection on every file.
  const header = [...(spec.chinese ? ['发票号', '客户编码', '日期', '到期日', '金额'] : ['number', 'customer_code', 'date', 'due_date', 'amount']), `src_${prefix.replace(/\W/g, '')}`];
  const lines = [header.join(spec.delimiter)];
  const intended: Built['intended'] = [];
  const rows = [...spec.rows];
  if (spec.duplicate === 0 && rows.length) rows.push(rows[0]); // an exact duplicate row
  rows.forEach((r, i) => {
    if (spec.blankEvery && i % (spec.blankEvery + 1) === spec.blankEvery) lines.push(spec.delimiter.repeat(5)); // an empty row
    const c = r.customer >= 0 ? CUSTOMERS[r.customer] : { code: 'NOPE', currency: 'CNY', digits: 2 };
    const number = r.number === '' ? '' : `${prefix}${r.number}`;
    const date = addDays('2026-01-01', r.day);
    let amount = renderAmount(r.minor, c.digits, spec.mark, r.amountStyle);
    let dateText = renderDate(date, spec.order, r.dateStyle, spec.date1904);
    let code = c.code;
    if (r.junk === 'garbageAmount') amount = 'twelve';
    if (r.junk === 'emptyAmount') amount = '';
    if (r.junk === 'garbageDate') dateText = 'someday';
    if (r.junk === 'impossibleDate') dateText = '2026-02-30';
    if (r.junk === 'hugeCell') amount = '9'.repeat(200_000);
    if (r.junk === 'fullWidthCode') code = WIDE(code);
    lines.push([number, code, dateText, '', amount, ''].map((x) => quote(x, spec.delimiter)).join(spec.delimiter));
    // Numbers are codes: the importer documents half-width folding and trimming (values.ts cleanCode).
    intended.push({ line: lines.length, code: c.code, number: cleanCode(number), minor: r.minor, date, digits: c.digits });
  });
  return { text: lines.join(spec.newline) + spec.newline, intended };
}

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return Buffer.from(text, 'utf8');
}

describe('importer fuzz', () => {
  it('imports a file exactly or rejects it with row and reason, leaving the ledger unchanged', async () => {
    let hash = contentHash();
    const changes = ledger.sqlite.prepare('select total_changes()').pluck();
    await fc.assert(
      fc.asyncProperty(fileSpec, async (spec) => {
        const prefix = `F${++run}-`;
        const { text, intended } = build(spec, prefix);
        stats.files++;
        stats.rows += intended.length;
        const before = changes.get();
        const summary =
          spec.encoding === 'text'
            ? await importCsv(ledger, 'invoices', text, { fileName: `${prefix}.csv`, date1904: spec.date1904 })
            : await importFile(ledger, 'invoices', encode(text, spec.encoding), { fileName: `${prefix}.csv`, date1904: spec.date1904 });
        const lineCount = text.split(/\r?\n/).length;
        if (summary.problems.length) {
          stats.rejected++;
          if (process.env.ARW_FUZZ_DEBUG) for (const p of summary.problems.slice(0, 3)) console.log(p.key, p.line, JSON.stringify(p.params), '|', text.split(/\r?\n/)[p.line - 1]?.slice(0, 120));
          for (const p of summary.problems) {
            expect(p.key).toMatch(/^error\.[A-Za-z]+$/);
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lineCount);
          }
          expect(summary.created).toBe(0);
          if (changes.get() !== before) expect(contentHash(), 'a rejected import changed the ledger').toBe(hash);
          return;
        }
        stats.accepted++;
        // Accepted: every row is in the ledger with exactly the amount and date it meant.
        const docs = await ledger.db
          .selectFrom('documents as d')
          .innerJoin('customers as c', 'c.id', 'd.customer_id')
          .select(['c.code', 'd.number', 'd.amount', 'd.date', 'd.kind'])
          .where('d.number', 'like', `${prefix}%`)
          .execute();
        const byKey = new Map(docs.map((d) => [`${d.code}\u0000${d.number}`, d]));
        for (const row of intended) {
          const doc = byKey.get(`${row.code}\u0000${row.number}`);
          expect(doc, `line ${row.line}: ${row.number} was accepted but is not in the ledger\n${text.slice(0, 2000)}`).toBeDefined();
          expect(BigInt(doc!.amount), `line ${row.line}: amount\n${text.slice(0, 2000)}`).toBe(row.minor);
          expect(doc!.date, `line ${row.line}: date\n${text.slice(0, 2000)}`).toBe(row.date);
          expect(doc!.kind).toBe('invoice');
        }
        expect(docs.length).toBe(new Set(intended.map((r) => `${r.code}\u0000${r.number}`)).size);
        hash = contentHash();
      }),
      { numRuns: 400, interruptAfterTimeLimit: LIMIT_MS * 0.75, markInterruptAsFailure: false },
    );
    expect(stats.files).toBeGreaterThan(20);
  }, LIMIT_MS + 120_000);

  it('random and damaged bytes never crash the importer nor change the ledger when rejected', async () => {
    const valid = Buffer.from('number,customer_code,date,due_date,amount\nB-1,A1,2026-01-05,,10.00\nB-2,A1,2026-01-06,,20.00\n');
    const damaged = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
        const copy = Buffer.from(valid);
        copy[i] = b;
        return copy;
      }),
      fc.nat(valid.length).map((n) => valid.subarray(0, n)),
      fc.constantFrom(
        Buffer.from([0xff, 0xfe, 0x00]), // a BOM and half a character
        Buffer.from('number,customer_code,date,due_date,amount\n"B-3,A1,2026-01-05,,1.00\n'), // unbalanced quote
        Buffer.from('number,customer_code,date,due_date,amount\nB-4,A1,2026-01-05,,\u00e9\u00e8\n', 'latin1'), // Latin-1 bytes
        Buffer.concat([Buffer.from('number,customer_code,date,due_date,amount\nB-5,A1,2026-01-05,,'), Buffer.from([0xe4, 0xb8]), Buffer.from('\n')]), // truncated UTF-8
        Buffer.from('PK\u0003\u0004 not really a zip'),
        Buffer.from('\u0000'.repeat(500)),
      ),
    );
    let hash = contentHash();
    const changes = ledger.sqlite.prepare('select total_changes()').pluck();
    await fc.assert(
      fc.asyncProperty(damaged, async (bytes) => {
        stats.bytesFiles++;
        const before = changes.get();
        const prefix = `Z${++run}`;
        let summary;
        try {
          summary = await importFile(ledger, 'invoices', bytes, { fileName: `${prefix}.csv`, dryRun: false });
        } catch (e) {
          // A file refused as a whole (empty, not a table) is a typed refusal too.
          if (!(e instanceof LedgerError)) throw e;
          expect(e.key).toMatch(/^error\./);
          expect(changes.get()).toBe(before);
          return;
        }
        if (summary.problems.length) {
          for (const p of summary.problems) expect(p.key).toMatch(/^error\./);
          if (changes.get() !== before) expect(contentHash()).toBe(hash);
        } else hash = contentHash();
      }),
      { numRuns: 300, interruptAfterTimeLimit: LIMIT_MS * 0.25, markInterruptAsFailure: false },
    );
    // Whatever was accepted along the way left a sound, sealed ledger.
    expect(await checkLedger(ledger)).toEqual([]);
    expect((await verifyLedger(ledger)).problems).toEqual([]);
  }, LIMIT_MS + 120_000);

  it('a huge file of bad rows is refused quickly, naming rows', async () => {
    const rows = ['number,customer_code,date,due_date,amount'];
    for (let i = 0; i < 50_000; i++) rows.push(`H-${i},A1,2026-13-45,,${i % 2 ? '12.345' : '=1+1'}`);
    const started = Date.now();
    const summary = await importCsv(ledger, 'invoices', rows.join('\n'), { fileName: 'huge.csv' });
    expect(summary.problems.length).toBeGreaterThanOrEqual(50_000);
    expect(summary.problems[0].line).toBe(2);
    expect(summary.created).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
    const oneLine = 'number,customer_code,date,due_date,amount\n' + 'x'.repeat(5_000_000);
    expect((await importCsv(ledger, 'invoices', oneLine, { fileName: 'line.csv' })).created).toBe(0);
  }, 120_000);
});
