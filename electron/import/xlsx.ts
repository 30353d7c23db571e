/**
 * Reading .xlsx workbooks (Office Open XML) for import: unzipped with fflate, the few parts we
 * need scanned with regular expressions (workbook, relationships, shared strings, styles, one
 * sheet). Cells come back as text: numbers as Excel stored them, date-formatted numbers as ISO
 * dates (in the workbook's 1900 or 1904 date system), booleans as TRUE/FALSE.
 */
import { unzipSync } from 'fflate';
import { excelSerialToIso } from './values';

export interface XlsxSheet {
  name: string;
  /** Excel row number (1-based) and the cells of that row, by column index. */
  rows: { line: number; cells: string[] }[];
}

export interface XlsxBook {
  sheets: string[];
  date1904: boolean;
  sheet: XlsxSheet;
}

export class XlsxError extends Error {}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: entities, character references, and OOXML's _xHHHH_ escapes. */
export function xmlText(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e] ?? whole,
    );
  }
  if (s.indexOf('_x') >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlText(m[1]) : null;
}

/** The text of an <si> or <is>: every <t> run, leaving out phonetic guides (<rPh>). */
function richText(xml: string): string {
  const body = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1];
  return xmlText(out);
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/** A number format shows a date when it has day, month or year codes outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').replace(/_./g, '').split(';')[0];
  if (/[dy]/i.test(bare)) return true;
  // m is a month unless it sits between hours and seconds (h:mm, mm:ss).
  const t = bare.replace(/am\/pm|a\/p/gi, '').toLowerCase();
  for (const m of t.matchAll(/m+/g)) {
    const before = t.slice(0, m.index).trimEnd().slice(-1);
    const after = t.slice(m.index! + m[0].length).trimStart()[0] ?? '';
    if (before !== 'h' && before !== ':' && after !== ':' && after !== 's') return true;
  }
  return false;
}

function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, attr(m[0], 'formatCode') ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!));
  });
}

/** 'B12' → column index 1. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Binary floating noise from formulas ("1234.5599999999999") back to what the user sees. */
function numberText(v: string): string {
  if (!/[eE]/.test(v) && v.replace(/^-|\./g, '').replace(/^0+/, '').length <= 15) return v;
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  const s = String(Number(n.toPrecision(15)));
  return /e/i.test(s) ? n.toFixed(10).replace(/\.?0+$/, '') : s;
}

export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Old binary .xls (and other OLE compound files). */
export function isOleFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Reads one sheet: the one asked for, else the largest (where the data is, not the cover sheet). */
export function readXlsx(bytes: Uint8Array, sheetIndex?: number): XlsxBook {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/') && (f.name.endsWith('.xml') || f.name.endsWith('.rels')) && !f.name.includes('/media/') });
  } catch (e) {
    throw new XlsxError(`not a readable workbook: ${(e as Error).message}`);
  }
  const utf8 = new TextDecoder('utf-8');
  const text = (name: string) => (files[name] ? utf8.decode(files[name]) : undefined);
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new XlsxError('no xl/workbook.xml');
  const pr = /<workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? '';
  const date1904 = ['1', 'true'].includes(attr(pr, 'date1904') ?? '');
  const rels = new Map<string, string>();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(m[0], 'Target') ?? '';
    rels.set(attr(m[0], 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: attr(m[0], 'name') ?? '',
    path: rels.get(attr(m[0], 'r:id') ?? '') ?? '',
  }));
  if (sheets.length === 0) throw new XlsxError('the workbook has no sheets');
  const largest = sheets.reduce((best, s, i) => ((files[s.path]?.length ?? 0) > (files[sheets[best].path]?.length ?? 0) ? i : best), 0);
  const chosen = sheets[sheetIndex === undefined ? largest : Math.min(Math.max(0, sheetIndex), sheets.length - 1)];
  const sheetXml = text(chosen.path);
  if (sheetXml === undefined) throw new XlsxError(`missing ${chosen.path}`);

  const shared: string[] = [];
  const sst = text('xl/sharedStrings.xml');
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] ? richText(m[1]) : '');
  const isDate = dateStyles(text('xl/styles.xml'));

  const rows: XlsxSheet['rows'] = [];
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let nextLine = 1;
  for (let rm = rowRe.exec(sheetXml); rm; rm = rowRe.exec(sheetXml)) {
    const r = /\sr="(\d+)"/.exec(rm[1]);
    const line = r ? Number(r[1]) : nextLine;
    nextLine = line + 1;
    const body = rm[2];
    if (!body) continue;
    const cells: string[] = [];
    let nextCol = 0;
    cellRe.lastIndex = 0;
    for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
      const attrs = cm[1];
      const ref = /\sr="([A-Z]+)/.exec(attrs);
      const col = ref ? columnIndex(ref[1]) : nextCol;
      nextCol = col + 1;
      const inner = cm[2] ?? '';
      const type = /\st="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value = '';
      if (type === 's') value = v !== undefined ? shared[Number(v)] ?? '' : '';
      else if (type === 'inlineStr') value = richText(inner);
      else if (type === 'str' || type === 'e') value = v !== undefined ? xmlText(v) : '';
      else if (type === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      else if (type === 'd') value = v !== undefined ? xmlText(v).slice(0, 10) : '';
      else if (v !== undefined) {
        const style = Number(/\ss="(\d+)"/.exec(attrs)?.[1] ?? 0);
        value = isDate[style] ? excelSerialToIso(Number(v), date1904) ?? v : numberText(v);
      }
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
  }
  return { sheets: sheets.map((s) => s.name), date1904, sheet: { name: chosen.name, rows } };
}
