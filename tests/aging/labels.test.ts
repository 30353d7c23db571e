import { describe, expect, it } from 'vitest';
import { DEFAULT_BUCKET_BOUNDS, FOUNDATION_BUCKET_BOUNDS, bucketOfDays, classOfDays, ruleRecovery, settingsProblem, DEFAULT_SETTINGS } from '../../shared/aging-workspace/settings';
import { recoveryLines } from '../../shared/aging-workspace/provision';
import { en } from '../../renderer/src/i18n/en';
import { zh } from '../../renderer/src/i18n/zh';
import type { Translate } from '../../renderer/src/i18n';
import { bucketLabels } from '../../renderer/src/pages/aging/labels';
import { customerRows, InvoiceTable } from '../../renderer/src/pages/aging/rows';
import type { AgingView } from '../../shared/aging-workspace/types';

const tr = (dict: Record<string, string>): Translate => (key, params) => (dict[key] ?? key).replace(/\{(\w+)\}/g, (_, n: string) => String(params?.[n] ?? ''));

describe('aging buckets, classes and recovery', () => {
  it('labels buckets in both languages, as the CLI names them', () => {
    expect(bucketLabels(FOUNDATION_BUCKET_BOUNDS, tr(en))).toEqual(['Not due', '1–30', '31–60', '61–90', '91–180', '181–365', '> 365']);
    expect(bucketLabels(DEFAULT_BUCKET_BOUNDS, tr(zh))).toEqual(['未到期', '1–30 天', '31–60 天', '61–90 天', '91–180 天', '181–365 天', '366–730 天', '730 天以上']);
    expect(bucketLabels([15, 45], tr(en))).toEqual(['≤ 15', '16–45', '> 45']);
  });

  it('puts days overdue into buckets and classes at the inclusive limits', () => {
    expect([-3, 0, 1, 30, 31, 365, 366, 730, 731].map((d) => bucketOfDays(d, DEFAULT_BUCKET_BOUNDS))).toEqual([0, 0, 1, 1, 2, 5, 6, 6, 7]);
    expect([0, 1, 90, 91, 365, 366, 730, 731].map((d) => classOfDays(d, [90, 365, 730]))).toEqual(['not_due', 'collecting', 'collecting', 'doubtful', 'doubtful', 'bad', 'bad', 'dead']);
  });

  it('defaults recovery to 80% under two years and 20% beyond, and checks settings', () => {
    expect(ruleRecovery(DEFAULT_BUCKET_BOUNDS)).toEqual([8000, 8000, 8000, 8000, 8000, 8000, 8000, 2000]);
    expect(ruleRecovery([0, 800])).toEqual([8000, 8000, 2000]);
    expect(settingsProblem(DEFAULT_SETTINGS)).toBeNull();
    expect(settingsProblem({ ...DEFAULT_SETTINGS, recoveryBp: [...DEFAULT_SETTINGS.recoveryBp.slice(0, 7), 10001] })).toBe('recovery');
    expect(settingsProblem({ ...DEFAULT_SETTINGS, bucketBounds: [0, 30, 30, 60, 90, 180, 365] })).toBe('bounds');
  });

  it('rounds expected recovery half away from zero per bucket and never loses a cent', () => {
    const r = recoveryLines([5, 15, 25, -5], [5000, 5000, 3333, 5000]);
    expect(r.lines.map((l) => [l.expected, l.provision])).toEqual([
      [3, 2],
      [8, 7],
      [8, 17],
      [-3, -2],
    ]);
    expect(r.expected + r.provision).toBe(5 + 15 + 25 - 5);
  });
});

describe('columnar view to grid rows', () => {
  const view = {
    customers: { id: [7, 9], code: ['A', 'B'], name: ['甲', '乙'], salesperson: ['Li', 'Wang'], currency: ['CNY', 'JPY'] },
    asOf: '2025-06-30',
    invoices: { customer: [1, 0], id: [11, 12], number: ['I-1', 'I-2'], days: [150, 119], terms: [30, 30], open: [500, 60001], bucket: [4, 4], cls: [2, 4], overridden: [0, 1] },
    rows: { customer: [1], buckets: [[1], [2], [3], [4], [5], [6], [7], [8]], total: [36], unapplied: [0], net: [36], invoices: [1], maxDays: [150], worstClass: [2] },
  } as unknown as AgingView;

  it('reads invoice rows by index, with their customer, dates rebuilt from day counts, and class', () => {
    const tbl = new InvoiceTable(view);
    expect(tbl.rows).toEqual([0, 1]);
    const row = (i: number) => [tbl.id(i), tbl.customerId(i), tbl.code(i), tbl.name(i), tbl.salesperson(i), tbl.currency(i), tbl.number(i), tbl.date(i), tbl.dueDate(i), tbl.days(i), tbl.open(i), tbl.bucket(i), tbl.cls(i), tbl.overridden(i)];
    expect(row(0)).toEqual([11, 9, 'B', '乙', 'Wang', 'JPY', 'I-1', '2025-01-01', '2025-01-31', 150, 500, 4, 'doubtful', false]);
    expect(row(1)).toEqual([12, 7, 'A', '甲', 'Li', 'CNY', 'I-2', '2025-02-01', '2025-03-03', 119, 60001, 4, 'dead', true]);
  });

  it('rebuilds customer rows with their buckets', () => {
    expect(customerRows(view)).toEqual([
      { customerId: 9, code: 'B', name: '乙', salesperson: 'Wang', currency: 'JPY', buckets: [1, 2, 3, 4, 5, 6, 7, 8], total: 36, unapplied: 0, net: 36, invoices: 1, maxDays: 150, worst: 'doubtful' },
    ]);
  });
});
