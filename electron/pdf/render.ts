/**
 * Turns a pdfmake document definition into PDF bytes in this process. Every string is split into
 * font runs first (fonts.ts), and the creation date is fixed by the caller, so the same
 * definition always gives the same bytes.
 */
import PdfPrinter from 'pdfmake';
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { breakLongWords, fontRuns, LATIN, loadFonts } from './fonts';
import { installPdfkitSpeedups } from './pdfkit-speedups';

type Node = Content | undefined | null;

/** Rewrites text nodes so every character is drawn by a font that has it. */
export function withFontRuns<T>(node: T, missing?: Set<string>): T {
  const fonts = loadFonts();
  // Most strings (dates, numbers, Latin words) are all in the default font: left as they are,
  // they cost pdfmake far less than a list of runs.
  const runsOf = (s: string) => breakLongWords(fontRuns(s, fonts, missing));
  const runsOrString = (s: string): string | ReturnType<typeof fontRuns> => {
    const runs = runsOf(s);
    return runs.length === 1 && runs[0].font === LATIN && !runs[0].wordBreak ? runs[0].text : runs;
  };
  const inline = (value: unknown): unknown => {
    if (typeof value === 'string') return runsOrString(value);
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? runsOf(v) : [inline(v)]));
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if ('font' in o) return o;
      return 'text' in o ? { ...o, text: inline(o.text) } : o;
    }
    return value;
  };
  const walk = (n: unknown): unknown => {
    if (n === null || n === undefined) return n;
    if (typeof n === 'string') return { text: runsOrString(n) };
    if (Array.isArray(n)) return n.map(walk);
    if (typeof n !== 'object') return n;
    const o = { ...(n as Record<string, unknown>) };
    if ('text' in o && !('font' in o)) o.text = inline(o.text);
    for (const key of ['stack', 'columns', 'ul', 'ol'] as const) if (Array.isArray(o[key])) o[key] = (o[key] as unknown[]).map(walk);
    if (o.table && typeof o.table === 'object') {
      const t = o.table as { body: unknown[][] };
      o.table = { ...t, body: t.body.map((row) => row.map(walk)) };
    }
    return o;
  };
  return walk(node) as T;
}

let printer: PdfPrinter | null = null;

function getPrinter(): PdfPrinter {
  if (!printer) {
    installPdfkitSpeedups();
    printer = new PdfPrinter(loadFonts().descriptors as never);
  }
  return printer;
}

export interface RenderResult {
  pdf: Buffer;
  pages: number;
  /** Characters no bundled font can draw (printed as [U+XXXX]). */
  missing: string[];
}

export async function renderPdf(def: TDocumentDefinitions, creationDate: Date): Promise<RenderResult> {
  const missing = new Set<string>();
  const wrap = (fn: TDocumentDefinitions['header']) =>
    typeof fn === 'function' ? (((...args: Parameters<DynamicContent>) => withFontRuns(fn(...args) as Node, missing)) as DynamicContent) : withFontRuns(fn as Node, missing);
  let pages = 0;
  const full: TDocumentDefinitions = {
    ...def,
    content: withFontRuns(def.content, missing),
    header: def.header ? (wrap(def.header) as TDocumentDefinitions['header']) : undefined,
    footer: def.footer
      ? (((current: number, count: number, size: unknown) => {
          pages = count;
          return (wrap(def.footer) as DynamicContent)(current, count, size as never);
        }) as TDocumentDefinitions['footer'])
      : undefined,
    defaultStyle: { font: LATIN, ...def.defaultStyle },
    info: { ...def.info, creationDate, producer: 'AR Workstation', creator: 'AR Workstation' },
  };
  const doc = getPrinter().createPdfKitDocument(full);
  const chunks: Buffer[] = [];
  const pdf = await new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
  return { pdf, pages, missing: [...missing] };
}
