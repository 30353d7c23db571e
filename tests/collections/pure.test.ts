import { describe, expect, it } from 'vitest';
import { goodMoments } from '../../electron/collections/calendar';
import { isSafeArchivePath, safeComponent, safeFileName } from '../../electron/collections/export/names';
import { evaluatePromises } from '../../electron/collections/promise-eval';
import { sniff } from '../../electron/collections/sniff';

describe('promises judged against receipts', () => {
  const p = (id: number, madeOn: string, dueDate: string, amount: number, replaced = false) => ({ id, madeOn, dueDate, amount, replaced });
  it('kept, partly kept, broken, open, replaced', () => {
    const out = evaluatePromises(
      [p(1, '2026-01-05', '2026-01-10', 1000), p(2, '2026-01-05', '2026-01-20', 1000), p(3, '2026-01-05', '2026-01-25', 500), p(4, '2026-01-05', '2026-02-10', 800), p(5, '2026-01-01', '2026-01-02', 10, true)],
      [
        { date: '2026-01-09', amount: 1000 },
        { date: '2026-01-15', amount: 300 },
      ],
      '2026-01-31',
    );
    expect(out.get(1)).toEqual({ received: 1000, status: 'kept' });
    expect(out.get(2)).toEqual({ received: 300, status: 'partly_kept' });
    expect(out.get(3)).toEqual({ received: 0, status: 'broken' });
    expect(out.get(4)).toEqual({ received: 0, status: 'open' });
    expect(out.get(5)!.status).toBe('replaced');
  });
  it('a receipt before the promise was made or after its due date does not count', () => {
    const out = evaluatePromises([p(1, '2026-01-05', '2026-01-10', 1000)], [{ date: '2026-01-04', amount: 1000 }, { date: '2026-01-11', amount: 1000 }], '2026-01-12');
    expect(out.get(1)!.status).toBe('broken');
  });
  it('is kept early once the money is in', () => {
    expect(evaluatePromises([p(1, '2026-01-05', '2026-01-10', 1000)], [{ date: '2026-01-06', amount: 1200 }], '2026-01-07').get(1)!.status).toBe('kept');
  });
});

describe('good collection moments', () => {
  it('marks month-end, quarter-end and the two weeks before Spring Festival', () => {
    expect(goodMoments('2026-11-10')).toEqual([]);
    expect(goodMoments('2026-11-24')).toEqual([{ kind: 'month_end', from: '2026-11-24', to: '2026-11-30' }]);
    expect(goodMoments('2026-12-28')).toEqual([{ kind: 'quarter_end', from: '2026-12-25', to: '2026-12-31' }]);
    expect(goodMoments('2027-01-28')).toEqual([
      { kind: 'month_end', from: '2027-01-25', to: '2027-01-31' },
      { kind: 'spring_festival', from: '2027-01-23', to: '2027-02-05', holiday: '2027-02-06' },
    ]);
    expect(goodMoments('2031-01-10').map((m) => m.kind)).toEqual(['spring_festival']);
  });
});

describe('file names in the case ZIP', () => {
  it('keeps CJK, removes what Windows or macOS refuse', () => {
    expect(safeComponent('E01 签字对账单 2026/03')).toBe('E01 签字对账单 2026_03');
    expect(safeComponent('a:b*c?"d<e>f|g\\h')).toBe('a_b_c__d_e_f_g_h');
    expect(safeComponent('CON')).toBe('_CON');
    expect(safeComponent('name. . ')).toBe('name');
    expect(safeComponent('../../etc')).toBe('_.._etc');
    expect(safeFileName('E02 微信聊天记录', 'png')).toBe('E02 微信聊天记录.png');
    expect([...safeComponent('长'.repeat(200))].length).toBe(80);
  });
  it('refuses paths that leave the folder', () => {
    expect(isSafeArchivePath('evidence/E01 欠条.pdf')).toBe(true);
    for (const bad of ['../x', '/abs', 'a/../b', 'C:/x', 'a\\b', 'evidence/CON.txt', 'x/trailing. ', '']) expect(isSafeArchivePath(bad), bad).toBe(false);
  });
});

describe('file type from magic bytes', () => {
  const b = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  it('knows documents, images and recordings, whatever the name says', () => {
    expect(sniff(b('%PDF-1.7\n')).mime).toBe('application/pdf');
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])).ext).toBe('png');
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])).ext).toBe('jpg');
    expect(sniff(b('\0\0\0\x20ftypM4A \0\0')).mime).toBe('audio/mp4');
    expect(sniff(b('#!AMR\n')).ext).toBe('amr');
    expect(sniff(b('RIFF\0\0\0\0WAVEfmt ')).ext).toBe('wav');
    expect(sniff(Buffer.from('微信聊天：下周一付款', 'utf8')).mime).toBe('text/plain');
    expect(sniff(new Uint8Array([0, 1, 2, 3, 0xff])).mime).toBe('application/octet-stream');
  });
  it('flags programs', () => {
    expect(sniff(b('MZ\x90\0')).executable).toBe(true);
    expect(sniff(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2])).executable).toBe(true);
    expect(sniff(b('#!/bin/sh\nrm -rf /')).executable).toBe(true);
  });
});
