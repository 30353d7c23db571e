/**
 * Tamper evidence: every write transaction seals what it appended; `verifyLedger` recomputes the
 * chain and names the first broken link for a changed byte in any chained table, stored document
 * or evidence file, for removed and slipped-in rows, rewritten seals, and rows written around the app.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { putBlob } from '../../electron/collections/blobs';
import { openLedger, type Ledger } from '../../electron/db/open';
import { writeTx } from '../../electron/db/tx';
import { importCsv } from '../../electron/import/import';
import { chainHead, sealPending } from '../../electron/integrity/chain';
import { CHAINED_TABLES, STORED_FILES } from '../../electron/integrity/registry';
import { verifyLedger } from '../../electron/integrity/verify';
import { putFile } from '../../electron/papers/files';
import { postInvoice, postPayment, reverseDocument } from '../../electron/services/ledger';
import { addCustomer, tempLedger } from '../helpers';
import { fillEveryChainedTable, flipByteOf, tamperSql } from './tamper';

const PDF = Buffer.from('%PDF-1.4\n% a statement for customer A: balance 1234.56\n%%EOF\n');
const EVIDENCE = Buffer.from('%PDF-1.4\n% signed delivery note DN-778 for evidence\n%%EOF\n');

async function populated(): Promise<Ledger> {
  const ledger = await tempLedger();
  await addCustomer(ledger, 'A');
  await addCustomer(ledger, 'B');
  await postInvoice(ledger.db, { customerId: 1, number: 'INV-TAMPER-0001', date: '2026-01-05', lines: [{ item: 'Bolts', quantity: '10', unitPrice: '12.50' }, { item: 'Nuts', quantity: '4', unitPrice: '3.00' }] });
  await postInvoice(ledger.db, { customerId: 1, number: 'INV-0002', date: '2026-02-01', amount: '500.00' });
  await postPayment(ledger.db, { customerId: 1, kind: 'receipt', reference: 'RCPT-0001', date: '2026-02-10', amount: '100.00' });
  await postPayment(ledger.db, { customerId: 1, kind: 'write_off', reference: 'WO-1', date: '2026-03-01', amount: '10.00', appliesTo: 'INV-0002' });
  const inv = await postInvoice(ledger.db, { customerId: 2, number: 'INV-B-1', date: '2026-02-01', amount: '80.00' });
  await reverseDocument(ledger.db, { documentId: inv.documentId, date: '2026-02-02', reason: 'wrong price' });
  // A batch big enough that its seal hashes chunks of several rows.
  const rows = ['number,customer_code,date,due_date,amount'];
  for (let i = 0; i < 3000; i++) rows.push(`BULK-${String(i).padStart(5, '0')},B,2026-04-01,,${(i % 97) + 1}.00`);
  const res = await importCsv(ledger, 'invoices', rows.join('\n') + '\n', { fileName: 'bulk.csv' });
  expect(res.problems).toEqual([]);
  await writeTx(ledger.db, async (trx) => {
    await putFile(trx, PDF, 'application/pdf');
    await putBlob(trx, EVIDENCE);
  });
  return ledger;
}

async function reopenVerify(file: string) {
  const l = await openLedger(file, { readonly: true });
  try {
    return await verifyLedger(l);
  } finally {
    await l.close();
  }
}

describe('hash chain of seals', () => {
  it('seals every write transaction and verifies a clean ledger', async () => {
    const ledger = await populated();
    const report = await verifyLedger(ledger);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.seals).toBeGreaterThanOrEqual(10);
    expect(report.files).toBe(2);
    const bulkSeal = await ledger.db.selectFrom('integrity_seals').select('content').where('content', 'like', '%"n":3000,%').executeTakeFirstOrThrow();
    expect(JSON.parse(bulkSeal.content).ranges.find((r: { t: string }) => r.t === 'documents').k).toBeGreaterThan(1);
    expect((await chainHead(ledger.db))?.sealId).toBe(report.head?.sealId);
    await ledger.close();
  });

  it('a transaction that rolls back leaves no seal', async () => {
    const ledger = await tempLedger();
    await addCustomer(ledger, 'A');
    const before = await chainHead(ledger.db);
    await expect(postInvoice(ledger.db, { customerId: 99, number: 'X', date: '2026-01-01', amount: '1.00' })).rejects.toThrow();
    expect(await chainHead(ledger.db)).toEqual(before);
    expect((await verifyLedger(ledger)).ok).toBe(true);
    await ledger.close();
  });

  it('names the row when one byte of a posted document is changed in the file', async () => {
    const ledger = await populated();
    const doc = await ledger.db.selectFrom('documents').select('id').where('number', '=', 'INV-TAMPER-0001').executeTakeFirstOrThrow();
    const file = ledger.file;
    await ledger.close();
    flipByteOf(file, 'INV-TAMPER-0001', 14); // …0001 → …0000 in the page bytes, no SQL involved
    const report = await reopenVerify(file);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ code: 'rowChanged', table: 'documents', rowId: doc.id });
  });

  it('detects a changed byte inside a stored PDF and an evidence file', async () => {
    const ledger = await populated();
    const file = ledger.file;
    await ledger.close();
    flipByteOf(file, 'balance 1234.56');
    flipByteOf(file, 'DN-778');
    const report = await reopenVerify(file);
    expect(report.ok).toBe(false);
    const files = report.problems.filter((p) => p.code === 'fileHash').map((p) => p.table).sort();
    expect(files).toEqual(STORED_FILES.map((f) => f.table).sort());
    // The chain sees the same change (the bytes are sealed too).
    expect(report.problems.filter((p) => p.code === 'rowChanged').map((p) => p.table).sort()).toEqual(['collection_blobs', 'paper_files']);
  });

  it('detects a changed value in every chained table, naming table and row', async () => {
    const ledger = await populated();
    const file = ledger.file;
    await ledger.close();
    const rows = fillEveryChainedTable(file);
    // Seal the synthetic rows as if the app had written them.
    const l = await openLedger(file);
    await sealPending(l.db, 'test');
    expect((await verifyLedger(l)).problems).toEqual([]);
    await l.close();
    expect([...rows.keys()].sort()).toEqual(CHAINED_TABLES.filter((t) => rows.has(t)).sort());
    expect(rows.size).toBeGreaterThanOrEqual(20);
    for (const [table, { rowid, column, type }] of rows) {
      const snapshot = path.join(path.dirname(file), `copy-${table}.arw`);
      const src = new Database(file);
      await src.backup(snapshot);
      src.close();
      const value = type === 'TEXT' ? 'changed' : type === 'BLOB' ? Buffer.from('changed') : 4242;
      tamperSql(snapshot, [table], `update "${table}" set "${column}" = ? where rowid = ?`, [value, rowid]);
      const report = await reopenVerify(snapshot);
      expect(report.firstBroken, table).toMatchObject({ code: 'rowChanged', table, rowId: rowid });
    }
  }, 120_000);

  it('detects a changed row inside a bulk-imported batch, naming the chunk that holds it', async () => {
    const ledger = await populated();
    const doc = await ledger.db.selectFrom('documents').select('id').where('number', '=', 'BULK-01234').executeTakeFirstOrThrow();
    const file = ledger.file;
    await ledger.close();
    tamperSql(file, ['documents'], `update documents set amount = amount + 1 where id = ?`, [doc.id]);
    const report = await reopenVerify(file);
    const first = report.firstBroken!;
    expect(first).toMatchObject({ code: 'rowChanged', table: 'documents' });
    expect(first.rowId).toBeLessThanOrEqual(doc.id);
    expect(first.rowIdTo).toBeGreaterThanOrEqual(doc.id);
    expect(first.rowIdTo! - first.rowId!).toBeLessThan(8);
  });

  it('detects removed rows, rows slipped into a sealed range, and rows written around the app', async () => {
    const ledger = await populated();
    const file = ledger.file;
    const alloc = await ledger.db.selectFrom('allocations').select('id').orderBy('id').executeTakeFirstOrThrow();
    await ledger.close();

    const removed = path.join(path.dirname(file), 'removed.arw');
    const src = new Database(file);
    await src.backup(removed);
    src.close();
    tamperSql(removed, ['allocations'], 'delete from allocations where id = ?', [alloc.id]);
    const r1 = await reopenVerify(removed);
    expect(r1.problems.some((p) => p.code === 'rowCount' && p.table === 'allocations')).toBe(true);
    expect(r1.firstBroken).toMatchObject({ table: 'allocations' });

    // A receipt appended with a SQLite tool: unsealed until the app writes again, then sealed but flagged for good.
    tamperSql(file, [], `insert into documents (kind, side, customer_id, number, date, amount, currency, memo, created_at, created_by)
      values ('receipt', -1, 1, 'FAKE-RCPT', '2026-02-11', 50000, 'CNY', '', '2026-02-11T00:00:00Z', 'mallory')`);
    const r2 = await reopenVerify(file);
    expect(r2.firstBroken).toMatchObject({ code: 'unsealed', table: 'documents' });
    const l = await openLedger(file);
    await postInvoice(l.db, { customerId: 2, number: 'AFTER', date: '2026-05-01', amount: '1.00', override: { reason: 'test' } });
    const r3 = await verifyLedger(l);
    await l.close();
    expect(r3.ok).toBe(false);
    expect(r3.firstBroken).toMatchObject({ code: 'outsideWrite', table: 'documents', found: 1 });
    expect(r3.problems.filter((p) => p.code === 'unsealed')).toEqual([]);
  });

  it('detects an edited seal, a removed seal, and a chain rewritten from scratch against an outside anchor', async () => {
    const ledger = await populated();
    const file = ledger.file;
    const head = (await chainHead(ledger.db))!;
    await ledger.close();
    const copy = (name: string) => {
      const p = path.join(path.dirname(file), name);
      const src = new Database(file);
      return src.backup(p).then(() => (src.close(), p));
    };

    const edited = await copy('edited.arw');
    tamperSql(edited, ['integrity_seals'], `update integrity_seals set sealed_by = 'someone else' where id = 3`);
    expect((await reopenVerify(edited)).firstBroken).toMatchObject({ code: 'sealHash', sealId: 3 });

    const cut = await copy('cut.arw');
    tamperSql(cut, ['integrity_seals'], 'delete from integrity_seals where id = 4');
    expect((await reopenVerify(cut)).firstBroken).toMatchObject({ code: 'sealMissing', expected: 4 });

    // The attacker changes an amount and re-seals everything: the chain is self-consistent again,
    // and only a hash recorded outside the ledger (a backup, a print-out) shows it.
    const rewritten = await copy('rewritten.arw');
    tamperSql(rewritten, ['integrity_seals', 'documents'], 'update documents set amount = 1 where number = ?', ['INV-0002']);
    tamperSql(rewritten, [], 'delete from integrity_seals');
    const l = await openLedger(rewritten);
    await sealPending(l.db, 'mallory');
    const selfConsistent = await verifyLedger(l);
    expect(selfConsistent.ok).toBe(true);
    const anchored = await verifyLedger(l, { anchors: [{ sealId: head.sealId, hash: head.hash, source: 'backup-1.arw' }] });
    await l.close();
    expect(anchored.ok).toBe(false);
    expect(anchored.problems.some((p) => p.code === 'anchorAhead' || p.code === 'anchorMismatch')).toBe(true);
    const original = await openLedger(file, { readonly: true });
    const good = await verifyLedger(original, { anchors: [{ sealId: head.sealId, hash: head.hash, source: 'backup-1.arw' }] });
    await original.close();
    expect(good).toMatchObject({ ok: true, anchors: 1 });
  });

  it('old seals stay valid when a later migration adds a column to a chained table', async () => {
    const ledger = await populated();
    const file = ledger.file;
    await ledger.close();
    const db = new Database(file);
    db.exec("alter table documents add column note2 text not null default 'x'");
    db.close();
    const l = await openLedger(file);
    await postInvoice(l.db, { customerId: 1, number: 'AFTER-ALTER', date: '2026-06-01', amount: '2.00', override: { reason: 'test' } });
    const report = await verifyLedger(l);
    await l.close();
    expect(report.problems).toEqual([]);
  });

  it('every chained table refuses UPDATE and DELETE', async () => {
    const ledger = await populated();
    const triggers = new Set((await ledger.db.selectFrom('sqlite_master' as never).select('name' as never).where('type' as never, '=', 'trigger' as never).execute()).map((r) => (r as { name: string }).name));
    const tables = new Set((await ledger.db.introspection.getTables()).map((t) => t.name));
    for (const t of [...CHAINED_TABLES, 'integrity_seals'].filter((x) => tables.has(x))) {
      expect(triggers.has(`${t}_no_update`), t).toBe(true);
      expect(triggers.has(`${t}_no_delete`), t).toBe(true);
    }
    // The other way round: an append-only table someone adds must be registered in the chain too.
    const appendOnly = [...triggers].filter((t) => t.endsWith('_no_update')).map((t) => t.replace(/_no_update$/, ''));
    expect(appendOnly.filter((t) => t !== 'integrity_seals' && !CHAINED_TABLES.includes(t)), 'append-only tables missing from electron/integrity/registry.ts').toEqual([]);
    await expect(ledger.db.updateTable('import_batches').set({ rows: 0 }).execute()).rejects.toThrow(/append-only/);
    await expect(ledger.db.deleteFrom('integrity_seals').execute()).rejects.toThrow(/append-only/);
    await ledger.close();
  });
});

describe('verify while the app keeps writing', () => {
  it('judges one consistent snapshot: postings made during a verify are not taken for unsealed rows', async () => {
    const ledger = await tempLedger();
    await addCustomer(ledger, 'A');
    const rows = ['number,customer_code,date,due_date,amount'];
    for (let i = 0; i < 20_000; i++) rows.push(`V-${i},A,2026-01-01,,1.00`);
    await importCsv(ledger, 'invoices', rows.join('\n'), { fileName: 'v.csv' });
    const b = await addCustomer(ledger, 'B'); // a small account: its postings are quick
    await postInvoice(ledger.db, { customerId: b.id, number: 'W-warm', date: '2026-02-01', amount: '1.00' });
    let posted = 0;
    let postedWhileVerifying = -1;
    const verifying = verifyLedger(ledger).then((r) => ((postedWhileVerifying = posted), r));
    const posting = (async () => {
      for (let i = 0; i < 40; i++) {
        await postInvoice(ledger.db, { customerId: b.id, number: `W-${i}`, date: '2026-02-01', amount: '1.00' });
        posted++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const [report] = await Promise.all([verifying, posting]);
    expect(report.problems).toEqual([]);
    expect(postedWhileVerifying).toBeGreaterThan(0);
    expect((await verifyLedger(ledger)).problems).toEqual([]);
    await ledger.close();
  });
});
