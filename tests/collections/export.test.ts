import { unzipSync, zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, updateCase } from '../../electron/collections/cases';
import { attachEvidence } from '../../electron/collections/evidence';
import { exportCase } from '../../electron/collections/export/case-zip';
import { verifyCaseZip } from '../../electron/collections/export/verify';
import { generateLetter } from '../../electron/collections/letters/generate';
import { recordPromise } from '../../electron/collections/promises';
import type { Ledger } from '../../electron/db/open';
import { caseDetail } from '../../electron/collections/case-view';
import { issueIou } from '../../electron/papers/iou';
import { recordSignBack } from '../../electron/papers/sign-back';
import { todayIso } from '../../shared/dates';
import { tempDir } from '../helpers';
import { collectionsLedger, PNG } from './fixture';

let ledger: Ledger;
let c1: number;
let inv: Record<string, number>;
let caseId: number;
let zip: Buffer;
const OUT = process.env.ARW_SHOTS_DIR ?? tempDir('arw-case-');

beforeAll(async () => {
  ({ ledger, c1, inv } = await collectionsLedger());
  caseId = await openCase(ledger.db, c1, { date: '2026-03-10' });
  await updateCase(ledger.db, caseId, { debtorType: 'technical', temperament: 'cooperative', owner: 'Chen Jie', nextAction: '', nextActionDate: null, interestRate: '3.65', fees: '500' }, '2026-03-10');
  await recordPromise(ledger.db, caseId, { madeOn: '2026-03-10', dueDate: '2026-03-20', amount: '30000', promisedBy: 'Wang Fang', how: 'recorded', note: '' });
  await attachEvidence(ledger.db, caseId, { fileName: 'iou.png', bytes: PNG, kind: 'iou', description: '欠条（王芳签字）', date: '2026-01-05', proves: '欠款金额及到期日' });
  await attachEvidence(ledger.db, caseId, { fileName: 'chat:2026/03?.txt', bytes: Buffer.from('王芳：下周付3万', 'utf8'), kind: 'chat', description: 'WeChat: "next week" <promise>', date: '2026-03-10', proves: 'Acknowledges the debt' });
});
afterAll(async () => ledger?.close());

describe('the letter ladder', () => {
  it('writes an SMS, an e-mail (.eml and mailto), a demand letter PDF and a lawyer hand-off, each on the timeline', async () => {
    const sms = await generateLetter(ledger.db, caseId, { step: 'sms', date: '2026-03-25' });
    expect(sms.language).toBe('zh');
    expect(sms.text).toContain('INV-1');
    expect(sms.text).toContain('已于');
    const email = await generateLetter(ledger.db, caseId, { step: 'email', language: 'en', date: '2026-03-25' });
    const eml = Buffer.from(email.base64, 'base64').toString('utf8');
    expect(eml).toContain('To: ap@yuanjing.example.com');
    expect(eml).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(email.mailto).toMatch(/^mailto:ap@yuanjing\.example\.com\?subject=Payment%20reminder/);
    const demand = await generateLetter(ledger.db, caseId, { step: 'demand_letter', date: '2026-03-25' });
    expect(Buffer.from(demand.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    fs.writeFileSync(path.join(OUT, 'demand-letter-zh.pdf'), Buffer.from(demand.base64, 'base64'));
    const handoff = await generateLetter(ledger.db, caseId, { step: 'lawyer_handoff', language: 'zh', date: '2026-03-25' });
    expect(handoff.text).toContain('委托');
    const events = await ledger.db.selectFrom('case_events').select(['kind', 'outcome']).where('case_id', '=', caseId).where('kind', '=', 'letter').execute();
    expect(events.map((e) => e.outcome)).toEqual(['sms', 'email', 'demand_letter', 'lawyer_handoff']);
  });
});

describe("the lawyer's case file", () => {
  it('holds the dossier, evidence and documents by index number, the ledger extract and a manifest', async () => {
    const res = await exportCase(ledger.db, caseId, { asOf: '2026-03-31', language: 'zh' });
    zip = Buffer.from(res.base64, 'base64');
    fs.writeFileSync(path.join(OUT, 'case-file.zip'), zip);
    const names = Object.keys(unzipSync(zip)).sort();
    expect(names).toEqual([
      '00 案件材料 C001.pdf',
      'documents/D01 短信 2026-03-25.txt',
      'documents/D02 邮件 2026-03-25.eml',
      'documents/D03 催款函 2026-03-25.pdf',
      'documents/D04 律师交接 2026-03-25.eml',
      'evidence/E01 欠条（王芳签字）.png',
      'evidence/E02 WeChat_ _next week_ _promise_.txt',
      'ledger/往来明细 C001 2026-03-31.csv',
      'ledger/往来明细 C001 2026-03-31.xlsx',
      'manifest.json',
    ]);
    fs.writeFileSync(path.join(OUT, 'dossier-zh.pdf'), unzipSync(zip)['00 案件材料 C001.pdf']);
    const manifest = JSON.parse(Buffer.from(unzipSync(zip)['manifest.json']).toString());
    expect(manifest.claim).toMatchObject({ currency: 'CNY', principal: '110000.00' });
    expect(manifest.files.find((f: { index: string }) => f.index === 'E01').sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyCaseZip(zip)).toMatchObject({ ok: true, files: 9 });
    // The export is on the timeline with the ZIP's SHA-256.
    const ev = await ledger.db.selectFrom('case_events').select('data_json').where('kind', '=', 'export').executeTakeFirstOrThrow();
    expect(JSON.parse(ev.data_json).sha256).toBe(res.sha256);
  });

  it('sets the UTF-8 flag on CJK names', () => {
    // Local file headers: signature PK\3\4, general purpose flags at +6 (bit 11 = UTF-8).
    let found = 0;
    for (let i = zip.indexOf('PK\x03\x04', 0, 'latin1'); i >= 0; i = zip.indexOf('PK\x03\x04', i + 4, 'latin1')) {
      const nameLen = zip.readUInt16LE(i + 26);
      const name = zip.subarray(i + 30, i + 30 + nameLen).toString('utf8');
      if (/[^\x00-\x7f]/.test(name)) {
        expect(zip.readUInt16LE(i + 6) & 0x800).toBe(0x800);
        found++;
      }
    }
    expect(found).toBeGreaterThan(3);
  });

  it('fails a tampered, incomplete, padded or truncated copy', () => {
    const files = unzipSync(zip);
    const tampered = { ...files, 'evidence/E01 欠条（王芳签字）.png': new Uint8Array([...files['evidence/E01 欠条（王芳签字）.png'], 0]) };
    expect(verifyCaseZip(zipSync(tampered)).problems).toEqual([{ path: 'evidence/E01 欠条（王芳签字）.png', problem: 'altered' }]);
    const { ['ledger/往来明细 C001 2026-03-31.csv']: _gone, ...incomplete } = files;
    expect(verifyCaseZip(zipSync(incomplete)).problems).toEqual([{ path: 'ledger/往来明细 C001 2026-03-31.csv', problem: 'missing' }]);
    expect(verifyCaseZip(zipSync({ ...files, 'extra.txt': new Uint8Array([1]) })).problems).toEqual([{ path: 'extra.txt', problem: 'unlisted' }]);
    expect(verifyCaseZip(zipSync({ ...files, '../evil.txt': new Uint8Array([1]) })).problems).toEqual([{ path: '../evil.txt', problem: 'unsafe_name' }]);
    expect(verifyCaseZip(zip.subarray(0, zip.length - 100)).ok).toBe(false);
    const { ['manifest.json']: _m, ...noManifest } = files;
    expect(verifyCaseZip(zipSync(noManifest)).problems[0].problem).toBe('no_manifest');
  });

  it('writes an XLSX whose cells hold exact decimal amounts', () => {
    const xlsx = unzipSync(zip)['ledger/往来明细 C001 2026-03-31.xlsx'];
    const sheet = Buffer.from(unzipSync(xlsx)['xl/worksheets/sheet1.xml']).toString();
    expect(sheet).toContain('<v>100000.00</v>');
    expect(sheet).toContain('往来明细'.length > 0 ? '借方（应收）' : '');
  });

  it("takes the papers register's documents and sign-backs: a signed IOU restarts its invoice's clock", async () => {
    const today = todayIso();
    const iou = await issueIou(ledger.db, { documentId: inv['INV-1'] });
    await recordSignBack(ledger.db, { paperId: iou.paper.id, returnedOn: today, signedBy: 'Wang Fang', outcome: 'signed', scan: { name: 'scan.png', base64: PNG.toString('base64') } });
    const d = await caseDetail(ledger.db, caseId, today);
    expect(d.claimDetail.lines[0].limitation.restartedBy).toMatchObject({ kind: 'paper', date: today, label: iou.paper.number });
    expect(d.timeline.filter((t) => t.kind === 'paper' || t.kind === 'sign_back').map((t) => t.summary)).toEqual([iou.paper.number, iou.paper.number]);
    const res = await exportCase(ledger.db, caseId, { asOf: today, language: 'en' });
    const out = Buffer.from(res.base64, 'base64');
    fs.writeFileSync(path.join(OUT, 'case-file-en.zip'), out);
    fs.writeFileSync(path.join(OUT, 'dossier-en.pdf'), unzipSync(out)['00 Dossier C001.pdf']);
    const names = Object.keys(unzipSync(out));
    expect(names.filter((n) => n.includes(iou.paper.number))).toHaveLength(2); // the IOU PDF and its signed scan
    expect(verifyCaseZip(out).ok).toBe(true);
  });
});
