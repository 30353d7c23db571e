/**
 * The fonts a paper is printed with, and the split of every string into runs each font can draw.
 * pdfmake has no per-glyph fallback, so text goes Latin font first, then the CJK font; a
 * character neither has is printed as its code point ([U+20000]) rather than dropped.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LATIN = 'Latin';
export const CJK = 'CJK';

/** Tried in order for each character; the first whose font has the glyph draws it. */
export const FONT_CHAIN: { family: string; normal: string; bold: string }[] = [
  { family: LATIN, normal: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf' },
  { family: CJK, normal: 'DroidSansFallbackFull.ttf', bold: 'DroidSansFallbackFull.ttf' },
];

interface GlyphRun {
  glyphs: unknown[];
  positions: Record<string, number>[];
}
interface FontkitGlyph {
  _decode(): unknown;
}
interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string, features?: unknown): GlyphRun;
  getGlyph(gid: number, characters?: number[]): FontkitGlyph | null;
}
interface Fontkit {
  create(buf: Buffer, postscriptName?: string): FontkitFont;
}

/** resources/fonts: ARW_FONT_DIR, then the packaged app's resources, then the source tree. */
export function fontDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.ARW_FONT_DIR,
    resourcesPath ? path.join(resourcesPath, 'resources', 'fonts') : undefined,
    path.resolve(here, '../../resources/fonts'), // electron/pdf (tsx) and out/main (built)
    path.resolve(here, '../../../resources/fonts'),
    path.resolve(process.cwd(), 'resources/fonts'),
  ];
  for (const dir of candidates) if (dir && fs.existsSync(path.join(dir, FONT_CHAIN[0].normal))) return dir;
  throw new Error(`fonts not found (looked in ${candidates.filter(Boolean).join(', ')})`);
}

/** pdfkit's own fontkit instance, so that fonts parsed once are shared by every document. */
function pdfkitFontkit(): Fontkit {
  const req = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const pdfkitReq = createRequire(req.resolve('@foliojs-fork/pdfkit'));
  return pdfkitReq('@foliojs-fork/fontkit') as Fontkit;
}

export interface LoadedFonts {
  /** pdfmake font dictionary (Buffers, never paths: nothing is read from disk per document). */
  descriptors: Record<string, { normal: Buffer; bold: Buffer; italics: Buffer; bolditalics: Buffer }>;
  /** Index into FONT_CHAIN of the font drawing `cp`, or -1 when none has it. */
  fontFor(cp: number): number;
}

const PARSED = Symbol.for('arw.parsedFonts');

/**
 * Parsing a 4 MB CJK font takes tens of milliseconds and pdfkit would do it again for every
 * document. fontkit.create is wrapped once so that our buffers come back already parsed (a
 * fontkit font is read-only once parsed; each document still makes its own subset).
 */
function parsedFontCache(fontkit: Fontkit): Map<Buffer, FontkitFont> {
  const holder = fontkit as Fontkit & { [PARSED]?: Map<Buffer, FontkitFont> };
  let parsed = holder[PARSED];
  if (!parsed) {
    const cache = (parsed = new Map<Buffer, FontkitFont>());
    const original = fontkit.create.bind(fontkit);
    fontkit.create = (buf, name) => cache.get(buf) ?? original(buf, name);
    holder[PARSED] = cache;
  }
  return parsed;
}

/**
 * Shaping the same words again for every document is most of pdfkit's text cost; pdfkit caches
 * runs only per document. Runs are remembered per font and handed out as copies, because
 * pdfkit scales the positions of the run it receives in place.
 */
function memoizeLayout(font: FontkitFont, limit = 8_000): FontkitFont {
  const original = font.layout.bind(font);
  let memo = new Map<string, GlyphRun>();
  font.layout = (text, features) => {
    if (features !== undefined) return original(text, features);
    let run = memo.get(text);
    if (!run) {
      if (memo.size >= limit) memo = new Map();
      memo.set(text, (run = original(text)));
    }
    const copy = Object.create(Object.getPrototypeOf(run)) as GlyphRun;
    Object.assign(copy, run, { positions: run.positions.map((p) => ({ ...p })) });
    return copy;
  };
  return font;
}

/**
 * Subsetting decodes every glyph a document uses (only to see whether it is composite), again
 * for every document. Glyph objects are already cached by the font; their decoded outline is
 * read-only, so it is remembered with them.
 */
function memoizeGlyphDecode(font: FontkitFont): FontkitFont {
  const original = font.getGlyph.bind(font);
  const done = new WeakSet<FontkitGlyph>();
  font.getGlyph = (gid, characters) => {
    const glyph = original(gid, characters);
    if (glyph && !done.has(glyph)) {
      done.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let decoded: unknown;
      let has = false;
      glyph._decode = () => {
        if (!has) {
          decoded = decode();
          has = true;
        }
        return decoded;
      };
    }
    return glyph;
  };
  return font;
}

let loaded: LoadedFonts | null = null;

export function loadFonts(): LoadedFonts {
  if (loaded) return loaded;
  const dir = fontDir();
  const fontkit = pdfkitFontkit();
  const parsed = parsedFontCache(fontkit);
  const files = new Map<string, Buffer>();
  const read = (file: string) => {
    let b = files.get(file);
    if (!b) {
      b = fs.readFileSync(path.join(dir, file));
      files.set(file, b);
      parsed.set(b, memoizeGlyphDecode(memoizeLayout(fontkit.create(b))));
    }
    return b;
  };
  const descriptors: LoadedFonts['descriptors'] = {};
  const coverage: FontkitFont[] = [];
  for (const f of FONT_CHAIN) {
    const normal = read(f.normal);
    const bold = read(f.bold);
    descriptors[f.family] = { normal, bold, italics: normal, bolditalics: bold };
    coverage.push(parsed.get(normal)!);
  }
  const memo = new Map<number, number>();
  const fontFor = (cp: number) => {
    let i = memo.get(cp);
    if (i === undefined) {
      i = coverage.findIndex((f) => f.hasGlyphForCodePoint(cp));
      memo.set(cp, i);
    }
    return i;
  };
  loaded = { descriptors, fontFor };
  return loaded;
}

export interface Run {
  text: string;
  font: string;
  /** Set on a word too long to fit a line: pdfmake may then break it between any two characters. */
  wordBreak?: 'break-all';
}

const isSpace = (cp: number) => cp === 0x20 || cp === 0x0a || cp === 0x09 || cp === 0x3000;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** A word longer than this many characters may be broken anywhere (names and codes without spaces). */
export const LONG_WORD = 24;
const LONG_STRETCH = new RegExp(`\\S{${LONG_WORD + 1},}`, 'u');

interface LineBreakerCtor {
  new (text: string): { nextBreak(): { position: number; required: boolean } | null };
}
let lineBreaker: LineBreakerCtor | null = null;
/** pdfmake's own line breaker (Unicode line breaking rules), so our words are the words it sees. */
function LineBreaker(): LineBreakerCtor {
  if (!lineBreaker) {
    const req = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    lineBreaker = req('@foliojs-fork/linebreak') as LineBreakerCtor;
  }
  return lineBreaker;
}

/**
 * pdfmake never breaks inside a word, and a table column or a column of the letterhead grows to
 * its longest word: a 300-character name without a space ran off the page and was cut. Words
 * longer than LONG_WORD become runs that may break between any two characters (pdfmake's
 * `wordBreak: 'break-all'`, which splits by UTF-16 unit, so only words without surrogate pairs).
 */
export function breakLongWords(runs: Run[]): Run[] {
  if (!runs.some((r) => LONG_STRETCH.test(r.text))) return runs;
  const out: Run[] = [];
  for (const run of runs) {
    if (!LONG_STRETCH.test(run.text)) {
      out.push(run);
      continue;
    }
    const Breaker = LineBreaker();
    const breaker = new Breaker(run.text);
    let plain = '';
    let last = 0;
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      const word = run.text.slice(last, bk.position);
      last = bk.position;
      if (word.trimEnd().length > LONG_WORD && !/[\uD800-\uDFFF]/.test(word)) {
        if (plain) out.push({ ...run, text: plain });
        plain = '';
        out.push({ text: word, font: run.font, wordBreak: 'break-all' });
      } else plain += word;
    }
    if (plain) out.push({ ...run, text: plain });
  }
  return out;
}

/** Splits `text` into runs by the font that can draw each character; unknown ones become [U+XXXX]. */
export function fontRuns(text: string, fonts: LoadedFonts = loadFonts(), missing?: Set<string>): Run[] {
  const runs: Run[] = [];
  const push = (font: string, s: string) => {
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += s;
    else runs.push({ text: s, font });
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isSpace(cp) && runs.length) {
      runs[runs.length - 1].text += ch; // spaces never start a new run
      continue;
    }
    const i = fonts.fontFor(cp);
    if (i >= 0) push(FONT_CHAIN[i].family, ch);
    else if (IGNORABLE.test(ch)) {
      // Invisible by definition (joiners, bidi and other format marks, variation selectors): nothing to draw.
    } else {
      missing?.add(ch);
      push(LATIN, `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`);
    }
  }
  return runs.length ? runs : [{ text: '', font: LATIN }];
}
