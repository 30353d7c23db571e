import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportMatrix, itemCells, type ExportColumn } from '../../renderer/src/components/grid/engine/cells';
import { BOM, toCsv } from '../../renderer/src/components/grid/engine/csv';
import { toTsv } from '../../renderer/src/components/grid/engine/tsv';
import { columnName, toXlsx } from '../../renderer/src/components/grid/engine/xlsx';
import { ValueCache } from '../../renderer/src/components/grid/engine/values';
import { buildItems, filterRows, sortRows, sums } from '../../renderer/src/components/grid/engine/view';
import { COLUMNS, DATA, type Inv } from './fixtures';

const HEADERS: Record<string, string> = { code: 'Code', name: '名称', sp: 'Salesperson', due: 'Due', days: 'Days', open: 'Open' };
const cols: ExportColumn<Inv>[] = COLUMNS.map((c) => ({ ...c, header: HEADERS[c.id] }));
const cache = () => new ValueCache<Inv>(DATA, COLUMNS);

describe('copy as TSV', () => {
  it('writes numbers plainly (no separators, minus sign, currency digits), dates ISO, and quotes tabs', () => {
    const c = cache();
    const rows = filterRows(c, {}, '');
    const items = buildItems(c, rows, { grouping: [], sorting: [], collapsed: new Set(), detailsOpen: new Set() });
    const tsv = toTsv(items.map((i) => itemCells(c, i, cols)));
    const lines = tsv.split('\r\n');
    expect(lines[0]).toBe('C010\t杭州远景\tSP Li Na\t2025-01-10\t64\t1234.50');
    expect(lines[1]).toBe('C002\tBeta Ltd\tSP Wang\t2025-03-01\t14\t-50.00');
    expect(lines[2]).toBe('C2\t=cmd|calc\tSP Li Na\t2024-12-31\t74\t99'); // JPY: no decimals
    expect(lines[3]).toBe('C100\tAlpha, "Inc"\tSP Zhao\t2025-03-20\t-5\t1000000.00');
    expect(lines[4]).toBe('C001\t"上海\t明珠"\tSP Wang\t\t0\t0.00');
  });

  it('copies a group row as its label with counts and subtotals', () => {
    const c = cache();
    const items = buildItems(c, filterRows(c, {}, ''), { grouping: ['sp'], sorting: [], collapsed: new Set(), detailsOpen: new Set() });
    expect(toTsv([itemCells(c, items[0], cols)])).toBe('SP Li Na (2)\t\t\t\t\t1235.49');
  });
});

describe('CSV export', () => {
  it('starts with a BOM, quotes per RFC 4180 and neutralises formula-looking text but not numbers', () => {
    const c = cache();
    const rows = sortRows(c, filterRows(c, {}, ''), [{ id: 'code', desc: false }]);
    const csv = toCsv(exportMatrix(c, rows, cols, { label: 'Total', sums: sums(c, rows), digits: 2 }));
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Code,名称,Salesperson,Due,Days,Open');
    expect(lines[1]).toBe('C001,上海\t明珠,SP Wang,,0,0.00');
    expect(lines[2]).toBe('C002,Beta Ltd,SP Wang,2025-03-01,14,-50.00');
    expect(lines[3]).toBe("C2,'=cmd|calc,SP Li Na,2024-12-31,74,99");
    expect(lines[5]).toBe('C100,"Alpha, ""Inc""",SP Zhao,2025-03-20,-5,1000000.00');
    expect(lines[6]).toBe('Total,,,,,1001185.49');
    expect(lines[7]).toBe('');
  });
});

describe('XLSX export', () => {
  function sheet(bytes: Uint8Array): string {
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    return strFromU8(files['xl/worksheets/sheet1.xml']);
  }

  it('writes amounts as numeric cells, dates as date serials, and text neutralised', () => {
    const c = cache();
    const rows = filterRows(c, {}, '');
    const xml = sheet(toXlsx(exportMatrix(c, rows, cols), { sheet: 'Aging: 2025/03?' }));
    expect(xml).toContain('<c r="F2" s="2"><v>1234.50</v></c>');
    expect(xml).toContain('<c r="F3" s="2"><v>-50.00</v></c>');
    expect(xml).toContain('<c r="F4" s="3"><v>99</v></c>'); // no-decimal currency
    // 2025-01-10 is Excel serial 45667.
    expect(xml).toContain('<c r="D2" s="4"><v>45667</v></c>');
    expect(xml).toContain('<c r="E5" s="5"><v>-5</v></c>');
    expect(xml).toContain(`<c r="B4" t="inlineStr"><is><t>'=cmd|calc</t></is></c>`);
    expect(xml).toContain('<c r="B5" t="inlineStr"><is><t>Alpha, &quot;Inc&quot;</t></is></c>');
    expect(xml).toContain('<c r="A1" t="inlineStr" s="1"><is><t>Code</t></is></c>');
    expect(xml).not.toContain('<c r="D6"'); // blank date: no cell
    expect(xml).toContain('<autoFilter ref="A1:F6"/>');
  });

  it('names columns past Z and keeps sheet names legal', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    const files = unzipSync(toXlsx([[{ t: 's', v: 'x' }]], { sheet: 'a/b:c*d?[e]' }));
    expect(strFromU8(files['xl/workbook.xml'])).toContain('name="a b c d  e "');
  });
});
