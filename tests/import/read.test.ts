import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../electron/import/csv';
import { decodeBytes, detectEncoding } from '../../electron/import/decode';
import { isDateFormat, readXlsx } from '../../electron/import/xlsx';
import { readTable } from '../../electron/import/table';
import { encodeGbk, encodeUtf16le, makeXlsx, serial } from './fixtures/make-fixtures';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', name)));

describe('encodings', () => {
  it('detects UTF-8 with and without BOM, UTF-16 (BOM or not), GB18030 and falls back to Windows-1252', () => {
    expect(detectEncoding(new Uint8Array(Buffer.from('\ufeffa,b\n')))).toEqual({ encoding: 'utf-8', bom: true, confident: true });
    expect(detectEncoding(new Uint8Array(Buffer.from('客户,金额\n')))).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(encodeUtf16le('a\tb\r\n'))).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(encodeUtf16le('number\tamount\r\nA-1\t10\r\n', false))).toMatchObject({ encoding: 'utf-16le', bom: false });
    expect(detectEncoding(encodeGbk('客户编码,客户名称\nK1,华东五金\n'))).toEqual({ encoding: 'gb18030', bom: false, confident: false });
    expect(detectEncoding(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x31]))).toMatchObject({ encoding: 'windows-1252' });
  });

  it('decodes GBK and UTF-16 without keeping the BOM', () => {
    expect(decodeBytes(encodeGbk('华东五金'), 'gb18030')).toBe('华东五金');
    expect(decodeBytes(encodeUtf16le('发票\t金额'), 'utf-16le')).toBe('发票\t金额');
    expect(decodeBytes(new Uint8Array(Buffer.from('\ufeffx')), 'utf-8')).toBe('x');
  });
});

describe('text tables', () => {
  it('finds the delimiter, and keeps quoted delimiters and line breaks in a cell', () => {
    expect(detectDelimiter('a;b;c\n1;"2;3";4\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t"x, y"\n')).toBe('\t');
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(parseCsv('a\tb\r\n"x\ty"\t"line\nbreak"\r\n', '\t').records.map((r) => r.cells)).toEqual([['a', 'b'], ['x\ty', 'line\nbreak']]);
  });

  it('honours Excel\'s "sep=" line and counts lines after it', () => {
    const t = readTable(new Uint8Array(Buffer.from('sep=;\nnumber;amount\nA;1,5\n')));
    expect(t.delimiter).toBe(';');
    expect(t.rows.map((r) => [r.line, ...r.cells])).toEqual([[2, 'number', 'amount'], [3, 'A', '1,5']]);
  });

  it('refuses old .xls and empty files with a clear key', () => {
    expect(() => readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toThrow(/error.importXls/);
    expect(() => readTable(new Uint8Array())).toThrow(/error.importEmpty/);
  });
});

describe('XLSX', () => {
  it('reads shared and inline strings, numbers, date cells in both date systems, and the largest sheet by default', () => {
    const book = readXlsx(fixture('invoices-1900.xlsx'));
    expect(book.sheets).toEqual(['说明', '发票']);
    expect(book.date1904).toBe(false);
    expect(book.sheet.rows[1]).toEqual({ line: 2, cells: ['X-1', 'K001', '2026-03-01', '2026-03-31', '1500.25'] });
    // A plain number in a date column stays a serial for the value reader.
    expect(book.sheet.rows[2].cells[2]).toBe(String(serial('2026-03-02')));
    expect(readXlsx(fixture('invoices-1900.xlsx'), 0).sheet.name).toBe('说明');
    const b1904 = readXlsx(fixture('invoices-1904.xlsx'));
    expect(b1904.date1904).toBe(true);
    expect(b1904.sheet.rows.map((r) => r.cells[2])).toEqual(['date', '2026-03-01', '2024-02-29']);
  });

  it('keeps empty cells in place, unescapes XML and trims float noise', () => {
    const bytes = makeXlsx([{ name: 'S', rows: [['a', null, 'c & d'], [0.1 + 0.2, null, 'x']] }]);
    const rows = readXlsx(bytes).sheet.rows;
    expect(rows[0].cells).toEqual(['a', '', 'c & d']);
    expect(rows[1].cells).toEqual(['0.3', '', 'x']);
  });

  it('knows date formats from number formats', () => {
    for (const f of ['yyyy-mm-dd', 'd/m/yy', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'mmm d, yyyy']) expect(isDateFormat(f)).toBe(true);
    for (const f of ['#,##0.00', '0%', '[Red]-#,##0', 'h:mm', '"m"0']) expect(isDateFormat(f)).toBe(false);
  });
});
