import { unzipSync, zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../../electron/collections/cases';
import { caseDetail } from '../../electron/collections/case-view';
import { openLedger } from '../../electron/db/open';
import { run } from '../../electron/cli/arw';
import { tempDir } from '../helpers';
import { collectionsLedger } from './fixture';

let file: string;
const dir = tempDir('arw-case-cli-');
const zip = path.join(dir, 'C001 案卷.zip');

async function cli(...args: string[]) {
  let out = '';
  const code = await run([...args, '--lang', 'en'], (s) => (out += s));
  return { code, out };
}

beforeAll(async () => {
  const { ledger, c1 } = await collectionsLedger();
  await openCase(ledger.db, c1, { date: '2026-03-10' });
  file = ledger.file;
  await ledger.close();
});

describe('arw case', () => {
  it('exports a case file that verify accepts', async () => {
    const ex = await cli('case', 'export', '--ledger', file, '--customer', 'C001', '--out', zip, '--as-of', '2026-03-31');
    expect(ex.code).toBe(0);
    expect(ex.out).toMatch(/Exported case file .*SHA-256 [0-9a-f]{64}/);
    const v = await cli('case', 'verify', zip);
    expect(v.code).toBe(0);
    expect(v.out).toContain('Case file OK');
  });

  it('fails a tampered or truncated copy with exit code 1', async () => {
    const files = unzipSync(fs.readFileSync(zip));
    const csv = Object.keys(files).find((n) => n.endsWith('.csv'))!;
    files[csv] = new TextEncoder().encode('date,amount\n2026-01-01,1\n');
    const tampered = path.join(dir, 'tampered.zip');
    fs.writeFileSync(tampered, zipSync(files));
    expect((await cli('case', 'verify', tampered)).code).toBe(1);
    const truncated = path.join(dir, 'truncated.zip');
    fs.writeFileSync(truncated, fs.readFileSync(zip).subarray(0, 2000));
    expect((await cli('case', 'verify', truncated)).code).toBe(1);
  });

  it('says what is wrong: no case, unknown customer, missing arguments', async () => {
    expect((await cli('case', 'export', '--ledger', file, '--customer', 'C002', '--out', path.join(dir, 'x.zip'))).code).toBe(1);
    expect((await cli('case', 'export', '--ledger', file, '--customer', 'NOPE', '--out', path.join(dir, 'x.zip'))).code).toBe(1);
    expect((await cli('case', 'export', '--ledger', file)).code).toBe(2);
    expect((await cli('case', 'verify')).code).toBe(2);
  });

  it('opens a case through the case service (owner, debtor type, temperament on the case and the timeline); an open case is reported, exit 0', async () => {
    const { ledger, c2 } = await collectionsLedger();
    const f = ledger.file;
    await ledger.close();
    // No case yet: export says so.
    expect((await cli('case', 'export', '--ledger', f, '--customer', 'C002', '--out', path.join(dir, 'c2.zip'))).code).toBe(1);
    const opened = await cli('case', 'open', '--ledger', f, '--customer', 'C002', '--owner', 'Chen Jie', '--debtor-type', 'malicious', '--temperament', 'scheming', '--date', '2026-03-10');
    expect(opened.code).toBe(0);
    expect(opened.out).toMatch(/^Opened collection case #(\d+) for C002 Old Debts Ltd \(owner: Chen Jie, 1 invoice\(s\)\)/);
    const id = Number(/#(\d+)/.exec(opened.out)![1]);
    const again = await cli('case', 'open', '--ledger', f, '--customer', 'C002', '--owner', 'Someone Else');
    expect(again.code).toBe(0);
    expect(again.out).toContain(`Customer C002 already has an open collection case #${id} (stage: reminder, owner: Chen Jie, opened 2026-03-10); nothing changed`);
    const zh = await run(['case', 'open', '--ledger', f, '--customer', 'C002', '--lang', 'zh'], (s) => expect(s).toContain(`已有未结催收案件 #${id}`));
    expect(zh).toBe(0);
    const l = await openLedger(f, { readonly: true });
    try {
      const d = await caseDetail(l.db, id, '2026-03-31');
      expect(d).toMatchObject({ customerId: c2, owner: 'Chen Jie', debtorType: 'malicious', temperament: 'scheming', stage: 'reminder', openedOn: '2026-03-10' });
      expect(d.claimDetail.lines.map((x) => x.number)).toEqual(['OLD-1']);
      expect(d.tactics.debtorType).not.toBeNull();
      expect(d.timeline.filter((t) => t.kind === 'opened')).toHaveLength(1);
      expect(await l.db.selectFrom('collection_cases').select('id').where('customer_id', '=', c2).execute()).toHaveLength(1);
    } finally {
      await l.close();
    }
    // The case it opened is the one export uses.
    const ex = await cli('case', 'export', '--ledger', f, '--customer', 'C002', '--out', path.join(dir, 'c2.zip'), '--as-of', '2026-03-31');
    expect(ex.code).toBe(0);
    expect((await cli('case', 'verify', path.join(dir, 'c2.zip'))).code).toBe(0);
  });

  it('case open: a wrong debtor type or temperament is a usage error (exit 2), an unknown customer exit 1', async () => {
    expect((await cli('case', 'open', '--ledger', file, '--customer', 'C002', '--debtor-type', 'evil')).code).toBe(2);
    expect((await cli('case', 'open', '--ledger', file, '--customer', 'C002', '--temperament', 'calm')).code).toBe(2);
    expect((await cli('case', 'open', '--ledger', file)).code).toBe(2);
    expect((await cli('case', 'open', '--ledger', file, '--customer', 'NOPE')).code).toBe(1);
    expect((await cli('case', 'open', '--ledger', file, '--customer', 'C002', '--date', '2026-13-01')).code).toBe(1);
    // None of them opened anything.
    const l = await openLedger(file, { readonly: true });
    try {
      expect((await l.db.selectFrom('collection_cases').select('customer_id').execute()).length).toBe(1);
    } finally {
      await l.close();
    }
  });
});
