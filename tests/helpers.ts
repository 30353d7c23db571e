import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ledger } from '../electron/db/open';
import { createCustomer, createLedger, type CustomerInput } from '../electron/services/ledger';

export function tempDir(prefix = 'arw-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function tempLedger(currency = 'CNY'): Promise<Ledger> {
  return createLedger(path.join(tempDir(), 'test.arw'), 'Test Co.', currency);
}

export async function addCustomer(ledger: Ledger, code: string, over: Partial<CustomerInput> = {}) {
  return createCustomer(ledger.db, {
    code,
    name: `Customer ${code}`,
    salesperson: '',
    paymentTermsDays: 30,
    creditLimit: '0',
    currency: 'CNY',
    language: 'zh',
    notes: '',
    status: 'active',
    ...over,
  });
}
