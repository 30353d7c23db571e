/** `arw import` reads files the way the wizard does: a GBK file with Chinese headers, XLSX, opening balances. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

const root = path.resolve(__dirname, '../..');
const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

function arw(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/arw.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('arw import with detection', () => {
  it('imports GBK and XLSX files and opening balances; refuses a bad file in Chinese', { timeout: 120_000 }, () => {
    const ledger = path.join(tempDir(), 'l.arw');
    expect(arw(['init', '--ledger', ledger]).code).toBe(0);
    const customers = arw(['import', 'customers', fixture('customers-gbk.csv'), '--ledger', ledger]);
    expect(customers).toMatchObject({ code: 0, err: 'Read customers-gbk.csv: gb18030, ","\n' });
    expect(customers.out).toMatch(/3 created/);
    expect(arw(['import', 'invoices', fixture('invoices-1900.xlsx'), '--ledger', ledger, '--dry-run']).out).toMatch(/Dry run.*3 created/);
    // K003 is in HKD: its documents are posted at a recorded rate (issue 8).
    expect(arw(['rate', '--ledger', ledger, '--currency', 'HKD', '--date', '2026-01-01', '--rate', '0.91']).out).toBe('Rate recorded: on 2026-01-01, 1 HKD = 0.91 CNY\n');
    const opening = arw(['import', 'opening-balances', fixture('invoices-gbk.csv'), '--ledger', ledger, '--cutover', '2026-03-31']);
    expect(opening.out).toMatch(/4 created/);
    const bad = arw(['import', 'invoices', fixture('bad-invoices.csv'), '--ledger', ledger, '--lang', 'zh']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('导入被拒绝：10 处错误，未写入任何数据');
    expect(bad.err).toContain('第 3 行，列 customer_code：客户编码 NOBODY 不存在');
  });
});
