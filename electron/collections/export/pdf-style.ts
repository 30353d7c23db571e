/** Table look shared by the collections PDFs: thin rules, a shaded header row. */
import type { ContentTable } from 'pdfmake/interfaces';

export const tableLayout = {
  hLineWidth: (i: number, node: ContentTable) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
  vLineWidth: () => 0,
  hLineColor: (i: number) => (i <= 1 ? '#333333' : '#999999'),
  fillColor: (row: number) => (row === 0 ? '#eeeeee' : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};
