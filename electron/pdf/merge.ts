/**
 * Concatenates the PDFs this app renders (pdfkit output: classic xref table, no object streams)
 * into one file for printing, streaming: each input is renumbered and written out as it arrives,
 * so memory holds one input and the list of page-tree roots, never the whole batch. Each input's
 * page tree hangs under one new root (a valid nested page tree); its catalog and info are dropped.
 */
import fs from 'node:fs';

interface XrefEntry {
  num: number;
  offset: number;
}

function parseXref(pdf: Buffer): { entries: XrefEntry[]; xrefAt: number; trailer: string } {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new Error('not a PDF this merger understands (no startxref)');
  const xrefAt = Number(m[1]);
  const text = pdf.subarray(xrefAt).toString('latin1');
  const head = /^xref\s+(\d+)\s+(\d+)\s+/.exec(text);
  if (!head) throw new Error('not a PDF this merger understands (xref stream)');
  const first = Number(head[1]);
  const count = Number(head[2]);
  const entries: XrefEntry[] = [];
  let pos = head[0].length;
  for (let i = 0; i < count; i++, pos += 20) {
    const line = text.slice(pos, pos + 20);
    if (line[17] === 'n') entries.push({ num: first + i, offset: Number(line.slice(0, 10)) });
  }
  const trailer = text.slice(text.indexOf('trailer'));
  return { entries, xrefAt, trailer };
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
};

export class PdfConcat {
  private readonly fd: number;
  private pos = 0;
  private readonly offsets: number[] = [0, 0, 0]; // 0 is the free head; 1 = pages root, 2 = catalog
  private readonly kids: number[] = [];
  private pageCount = 0;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w');
    this.write(Buffer.from('%PDF-1.3\n%\xff\xff\xff\xff\n', 'latin1'));
  }

  private write(b: Buffer): void {
    fs.writeSync(this.fd, b);
    this.pos += b.length;
  }

  get pages(): number {
    return this.pageCount;
  }

  add(pdf: Buffer): void {
    const { entries, xrefAt, trailer } = parseXref(pdf);
    const root = ref(trailer, 'Root');
    const info = ref(trailer, 'Info');
    if (root === null) throw new Error('PDF without a catalog');
    const sorted = [...entries].sort((a, b) => a.offset - b.offset);
    const end = new Map<number, number>();
    sorted.forEach((e, i) => end.set(e.num, i + 1 < sorted.length ? sorted[i + 1].offset : xrefAt));
    const slice = (num: number) => {
      const e = entries.find((x) => x.num === num)!;
      return pdf.subarray(e.offset, end.get(num));
    };
    const catalog = slice(root).toString('latin1');
    const pagesRoot = ref(catalog, 'Pages');
    if (pagesRoot === null) throw new Error('PDF without pages');
    const base = this.offsets.length - 1; // input object n becomes n + base
    const renumber = (s: string) => s.replace(/(\d+)\s+0\s+R\b/g, (_, n: string) => `${Number(n) + base} 0 R`);
    for (const e of entries) {
      if (e.num === root || e.num === info) continue;
      const obj = slice(e.num);
      const streamAt = obj.indexOf('stream', 0, 'latin1');
      const dictEnd = streamAt >= 0 ? streamAt : obj.length;
      let dict = obj.subarray(0, dictEnd).toString('latin1').replace(/^\s*(\d+)\s+0\s+obj/, (_, n: string) => `${Number(n) + base} 0 obj`);
      dict = dict.replace(/(\d+\s+0\s+obj)([\s\S]*)$/, (_, h: string, body: string) => h + renumber(body));
      if (e.num === pagesRoot) {
        const count = /\/Count\s+(\d+)/.exec(dict);
        this.pageCount += count ? Number(count[1]) : 0;
        dict = dict.replace(/<<\s*\/Type\s*\/Pages/, `<<\n/Type /Pages\n/Parent 1 0 R`);
        this.kids.push(e.num + base);
      }
      this.offsets[e.num + base] = this.pos;
      this.write(Buffer.from(dict, 'latin1'));
      if (streamAt >= 0) this.write(obj.subarray(streamAt));
    }
    // Numbers the input did not use (its catalog, info, free entries) stay free in the output.
    const maxNum = entries.reduce((m, e) => Math.max(m, e.num), 0);
    for (let n = 1; n <= maxNum; n++) if (this.offsets[n + base] === undefined) this.offsets[n + base] = -1;
  }

  /** Writes the page-tree root, catalog, xref and trailer, and closes the file. */
  finish(): { pages: number } {
    this.offsets[1] = this.pos;
    this.write(Buffer.from(`1 0 obj\n<<\n/Type /Pages\n/Count ${this.pageCount}\n/Kids [${this.kids.map((k) => `${k} 0 R`).join(' ')}]\n>>\nendobj\n`, 'latin1'));
    this.offsets[2] = this.pos;
    this.write(Buffer.from(`2 0 obj\n<<\n/Type /Catalog\n/Pages 1 0 R\n>>\nendobj\n`, 'latin1'));
    const xrefAt = this.pos;
    const lines = [`xref\n0 ${this.offsets.length}\n`, '0000000000 65535 f \n'];
    for (let n = 1; n < this.offsets.length; n++) {
      const off = this.offsets[n];
      lines.push(off >= 0 ? `${String(off).padStart(10, '0')} 00000 n \n` : '0000000000 00000 f \n');
    }
    this.write(Buffer.from(lines.join('') + `trailer\n<<\n/Size ${this.offsets.length}\n/Root 2 0 R\n>>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    fs.closeSync(this.fd);
    return { pages: this.pageCount };
  }

  /** Closes without finishing (a cancelled batch): the file is removed. */
  abandon(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.file, { force: true });
  }
}
