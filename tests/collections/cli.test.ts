import { unzipSync, zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../../electron/collections/cases';
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
});
