/**
 * A minimal Office Open XML workbook (one sheet) written directly: amounts are numeric cells with
 * the currency's digits as their number format, dates are real dates (serial numbers with a date
 * format), text is inline text with formula-looking values neutralised. Zipped with fflate.
 */
import { strToU8, zipSync } from 'fflate';
import { toDecimalString } from '../../../../../shared/money';
import { toDayNumber } from '../../../../../shared/dates';
import type { XCell } from './cells';
import { neutralise } from './neutralise';

/** Days from Excel's epoch (1899-12-30, after its 1900 leap-year quirk) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

// Styles: 0 plain, 1 bold header, 2 amount 2 digits, 3 amount 0 digits, 4 date, 5 integer, 6 amount 3 digits.
const STYLE = { header: 1, money2: 2, money0: 3, date: 4, int: 5, money3: 6 } as const;

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.00;[Red]-#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="#,##0.000;[Red]-#,##0.000"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

function workbookXml(sheetName: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

/** XML text: escaped, and without the control characters XML 1.0 cannot carry. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cellXml(cell: XCell, ref: string, header: boolean): string {
  if (!cell) return '';
  switch (cell.t) {
    case 'm': {
      const style = cell.digits === 0 ? STYLE.money0 : cell.digits === 3 ? STYLE.money3 : STYLE.money2;
      // The exact decimal text of the amount: Excel reads it as the nearest double, as if typed.
      return `<c r="${ref}" s="${style}"><v>${toDecimalString(cell.v, cell.digits)}</v></c>`;
    }
    case 'n':
      return `<c r="${ref}"${Number.isInteger(cell.v) ? ` s="${STYLE.int}"` : ''}><v>${cell.v}</v></c>`;
    case 'd':
      return `<c r="${ref}" s="${STYLE.date}"><v>${toDayNumber(cell.v) + EXCEL_EPOCH_OFFSET}</v></c>`;
    case 's': {
      const text = escapeXml(header ? cell.v : neutralise(cell.v));
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
      return `<c r="${ref}" t="inlineStr"${header ? ` s="${STYLE.header}"` : ''}><is><t${space}>${text}</t></is></c>`;
    }
  }
}

function sheetXml(rows: readonly XCell[][], widths: readonly number[]): string {
  const cols = rows[0]?.length ?? 0;
  const names = Array.from({ length: cols }, (_, i) => columnName(i));
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
  ];
  if (cols) parts.push('<cols>' + names.map((_, i) => `<col min="${i + 1}" max="${i + 1}" width="${widths[i] ?? 14}" customWidth="1"/>`).join('') + '</cols>');
  parts.push('<sheetData>');
  for (let r = 0; r < rows.length; r++) {
    const n = r + 1;
    let line = `<row r="${n}">`;
    const row = rows[r];
    for (let c = 0; c < row.length; c++) line += cellXml(row[c], names[c] + n, r === 0);
    parts.push(line + '</row>');
  }
  parts.push('</sheetData>');
  if (cols && rows.length > 1) parts.push(`<autoFilter ref="A1:${names[cols - 1]}${rows.length}"/>`);
  parts.push('</worksheet>');
  return parts.join('');
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** The workbook bytes; `widths` are column widths in characters. */
export function toXlsx(rows: readonly XCell[][], opts: { sheet: string; widths?: readonly number[] }): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'xl/workbook.xml': strToU8(workbookXml(sheetName(opts.sheet))),
      'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
      'xl/styles.xml': strToU8(STYLES_XML),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml(rows, opts.widths ?? [])),
    },
    { level: 6 },
  );
}
