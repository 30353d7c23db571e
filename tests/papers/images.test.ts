import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../electron/papers/files';
import { issueIou } from '../../electron/papers/iou';
import { paperData, paperPdf, verifyPaper } from '../../electron/papers/register';
import { postInvoice } from '../../electron/services/ledger';
import { addCustomer, tempLedger } from '../helpers';

/** A small valid PNG (RGBA), built by hand so the test needs no image library. */
function png(size: number, rgba: [number, number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const row = Buffer.concat([Buffer.from([0]), Buffer.concat(Array.from({ length: size }, () => Buffer.from(rgba)))]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('company logo and seal on papers', () => {
  it('are drawn, stored by hash with the paper, and the paper still rebuilds byte for byte', async () => {
    const ledger = await tempLedger();
    const logo = png(32, [20, 80, 200, 255]);
    const seal = png(48, [200, 20, 20, 160]);
    await ledger.db.updateTable('company').set({ logo_png: logo, seal_png: seal }).where('id', '=', 1).execute();
    const c = await addCustomer(ledger, 'L1');
    const inv = await postInvoice(ledger.db, { customerId: c.id, number: 'I-1', date: '2026-01-05', amount: '10' });
    const { paper } = await issueIou(ledger.db, { documentId: inv.documentId });
    const data = await paperData(ledger.db, paper.id);
    expect(data.company.logoSha256).toBe(sha256(logo));
    expect(data.company.sealSha256).toBe(sha256(seal));
    expect(await verifyPaper(ledger.db, paper.id)).toMatchObject({ storedIntact: true, rebuildIdentical: true });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'arw-img-')), 'iou.pdf');
    fs.writeFileSync(file, (await paperPdf(ledger.db, paper.id)).bytes);
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    expect(list).toMatch(/\s32\s+32\s/);
    expect(list).toMatch(/\s48\s+48\s/);
    // The company changes its logo later: the issued paper keeps the one it was printed with.
    await ledger.db.updateTable('company').set({ logo_png: png(32, [0, 0, 0, 255]) }).where('id', '=', 1).execute();
    expect(await verifyPaper(ledger.db, paper.id)).toMatchObject({ rebuildIdentical: true });
    await ledger.close();
  });
});
