/**
 * Text encodings an office file arrives in: UTF-8 (with or without BOM), UTF-16 from Excel's
 * "Unicode text", GB18030/GBK from Chinese Windows, Big5, Shift-JIS and Windows-1252. Detection
 * is a guess the user can overrule; decoding uses the platform's WHATWG TextDecoder (full ICU in
 * Node and Electron), so no table ships with the app.
 */
export const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5', 'shift_jis', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: Encoding;
  /** A byte-order mark said so: certain. */
  bom: boolean;
  /** False when the bytes fit more than one encoding and this is only the likeliest. */
  confident: boolean;
}

export function isEncoding(s: string): s is Encoding {
  return (ENCODINGS as readonly string[]).includes(s);
}

function bomOf(b: Uint8Array): Encoding | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

function decodesStrictly(bytes: Uint8Array, encoding: Encoding): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM shows as a zero byte in every other position for Latin text. */
function utf16Guess(b: Uint8Array): Encoding | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom, bom: true, confident: true };
  const wide = utf16Guess(bytes);
  if (wide) return { encoding: wide, bom: false, confident: true };
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii || decodesStrictly(bytes, 'utf-8')) return { encoding: 'utf-8', bom: false, confident: true };
  // Not UTF-8: the likeliest for a Chinese office is GB18030 (a superset of GBK and GB2312).
  for (const enc of ['gb18030', 'big5', 'shift_jis'] as const) {
    if (decodesStrictly(bytes, enc)) return { encoding: enc, bom: false, confident: false };
  }
  return { encoding: 'windows-1252', bom: false, confident: false };
}

/** Decodes with the chosen encoding; a BOM of that encoding is dropped, bad bytes become U+FFFD. */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding): string {
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How many characters did not decode (U+FFFD), for showing that a choice looks wrong. */
export function countReplacement(text: string, limit = 200_000): number {
  let n = 0;
  const end = Math.min(text.length, limit);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 0xfffd) n++;
  return n;
}
