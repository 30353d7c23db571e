/** Hostile values for fuzzing: what IPC (structured clone) or browser mode (JSON) could carry. */
import fc from 'fast-check';

export const HOSTILE_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  '1.234,56',
  '(1,234.00)',
  '￥1,000',
  '¥1,000.00',
  '１２３４.５６',
  '9007199254740993',
  '99999999999999999999.99',
  '=HYPERLINK("http://evil.example","x")',
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  '@SUM(A1)',
  '-2+3',
  '../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  'C:\\Windows\\System32',
  '/etc/shadow',
  "'; drop table documents; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '\u0000',
  '\u202e\u0635',
  '\ud800',
  '\uffff',
  'A'.repeat(70_000),
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '2026-01-01T00:00:00Z',
  '2026-01',
  '2026-Q3',
  '45678',
  '__proto__',
  'constructor',
  'en',
  'zh',
  'CNY',
  'A4',
  'LETTER',
];

export const HOSTILE_NUMBERS = [0, -0, -1, 1, 2, 7, 1.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Infinity, -Infinity];

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }) },
);

/** Any cloneable value, nested a little. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')), tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** Plausible values by field name, so fuzzed requests also get past validation into handlers. */
function plausible(key: string): fc.Arbitrary<unknown> {
  const k = key.toLowerCase();
  if (k === 'id' || k.endsWith('id')) return fc.constantFrom(1, 2, 3, 999_999, 0, -1);
  if (k.includes('date') || k === 'asof' || k === 'on' || k.endsWith('on') || k === 'from' || k === 'to' || k === 'a' || k === 'b') return fc.constantFrom('2026-01-15', '2026-06-30', '1999-01-01', '2026-02-30', '2026-01', '');
  if (k.includes('amount') || k.includes('price') || k === 'target' || k.includes('limit') || k === 'fees') return fc.constantFrom('12.34', '0', '0.001', '1.234,56', '(1,234.00)', '￥1,000', '9007199254740993', '-5');
  if (k.includes('month') || k === 'period') return fc.constantFrom('2026-01', '2026-13', '2026', '2026-Q3');
  if (k.includes('language') || k === 'lang') return fc.constantFrom('en', 'zh', 'fr');
  if (k.includes('base64') || k === 'scan') return fc.constantFrom('', 'JVBERi0xLjQK', 'iVBORw0KGgo=', '!!!', 'A'.repeat(1000));
  if (k.includes('name') || k.includes('number') || k.includes('reference') || k === 'code' || k.includes('reason') || k.includes('memo') || k.includes('note') || k === 'text' || k.includes('summary')) {
    return fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 12 }));
  }
  return anyValue;
}

/** Objects shaped like `keys` (any subset), each value plausible or hostile, sometimes with extra keys. */
export function shapedLike(keys: string[]): fc.Arbitrary<unknown> {
  if (!keys.length) return anyValue;
  const fields = Object.fromEntries(keys.map((k) => [k, fc.oneof(plausible(k), anyValue)]));
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 6 }), anyValue, { maxKeys: 2 })).map(([a, extra]) => ({ ...extra, ...a }));
}
