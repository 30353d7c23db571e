import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

const root = path.resolve(__dirname, '../..');

function arw(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/arw.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('arw CLI', () => {
  it('init, import, aging (json and csv), check, backup, with exit codes', { timeout: 300_000 }, () => {
    const dir = tempDir();
    const ledger = path.join(dir, 'l.arw');
    expect(arw(['init', '--ledger', ledger, '--company', '测试公司', '--currency', 'CNY']).code).toBe(0);
    expect(arw(['init', '--ledger', ledger]).code).toBe(1);
    fs.writeFileSync(path.join(dir, 'c.csv'), 'code,name,payment_terms_days,credit_limit,currency\nA,甲公司,30,0,CNY\n');
    fs.writeFileSync(path.join(dir, 'i.csv'), 'number,customer_code,date,due_date,amount\nI1,A,2026-01-01,2026-01-31,100.00\nI2,A,2026-03-01,,50.25\n');
    fs.writeFileSync(path.join(dir, 'r.csv'), 'reference,customer_code,date,amount,applies_to\nR1,A,2026-02-15,30,\n');
    expect(arw(['import', 'customers', path.join(dir, 'c.csv'), '--ledger', ledger]).code).toBe(0);
    const dry = arw(['import', 'invoices', path.join(dir, 'i.csv'), '--ledger', ledger, '--dry-run']);
    expect(dry.out).toMatch(/Dry run/);
    expect(arw(['import', 'invoices', path.join(dir, 'i.csv'), '--ledger', ledger]).out).toMatch(/2 created/);
    expect(arw(['import', 'invoices', path.join(dir, 'i.csv'), '--ledger', ledger]).out).toMatch(/Nothing new/);
    expect(arw(['import', 'receipts', path.join(dir, 'r.csv'), '--ledger', ledger]).code).toBe(0);

    const aging = arw(['aging', '--ledger', ledger, '--as-of', '2026-04-15']);
    expect(aging.code).toBe(0);
    const json = JSON.parse(aging.out);
    expect(json.rows).toEqual([
      { customer_code: 'A', customer_name: '甲公司', currency: 'CNY', not_due: '0.00', d1_30: '50.25', d31_60: '0.00', d61_90: '70.00', d91_180: '0.00', d181_365: '0.00', over_365: '0.00', total: '120.25', unapplied: '0.00', net: '120.25' },
    ]);
    const csv = arw(['aging', '--ledger', ledger, '--as-of', '2026-04-15', '--by', 'invoice', '--format', 'csv']);
    expect(csv.out.split('\n')[0]).toBe('customer_code,customer_name,currency,invoice_number,invoice_date,due_date,days_overdue,not_due,d1_30,d31_60,d61_90,d91_180,d181_365,over_365,total,unapplied,net');
    expect(csv.out.split('\n')[1]).toBe('A,甲公司,CNY,I1,2026-01-01,2026-01-31,74,0.00,0.00,0.00,70.00,0.00,0.00,0.00,70.00,0.00,70.00');
    expect(arw(['check', '--ledger', ledger]).code).toBe(0);
    expect(arw(['backup', '--ledger', ledger, '--out', path.join(dir, 'b.arw')]).code).toBe(0);
    expect(arw(['check', '--ledger', path.join(dir, 'b.arw')]).code).toBe(0);
  });

  it('reports bad rows in the chosen language and exits non-zero', { timeout: 300_000 }, () => {
    const dir = tempDir();
    const ledger = path.join(dir, 'l.arw');
    arw(['init', '--ledger', ledger]);
    fs.writeFileSync(path.join(dir, 'c.csv'), 'code,name,payment_terms_days,credit_limit,currency\nA,甲,abc,0,CNY\n');
    const en = arw(['import', 'customers', path.join(dir, 'c.csv'), '--ledger', ledger]);
    expect(en.code).toBe(1);
    expect(en.err).toContain('line 2, column payment_terms_days: "abc" is not a number of days');
    const zh = arw(['import', 'customers', path.join(dir, 'c.csv'), '--ledger', ledger, '--lang', 'zh']);
    expect(zh.err).toContain('第 2 行，列 payment_terms_days：“abc” 不是有效天数');
    expect(arw(['aging', '--ledger', path.join(dir, 'missing.arw')]).code).toBe(1);
    expect(arw(['aging', '--ledger', ledger, '--as-of', '2026-02-31']).err).toMatch(/not a date/);
    expect(arw(['frobnicate']).code).toBe(2);
  });
});
