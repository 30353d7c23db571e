/** The type of a file from its first bytes, never from its name (a renamed file keeps its real type). */
export interface Sniffed {
  mime: string;
  ext: string;
  /** Programs are not evidence; refusing them keeps the case file safe to open. */
  executable: boolean;
}

const at = (b: Uint8Array, offset: number, ascii: string) => {
  if (b.length < offset + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (b[offset + i] !== ascii.charCodeAt(i)) return false;
  return true;
};
const bytes = (b: Uint8Array, sig: number[], offset = 0) => sig.every((v, i) => b[offset + i] === v);

export function sniff(b: Uint8Array): Sniffed {
  const t = (mime: string, ext: string, executable = false): Sniffed => ({ mime, ext, executable });
  if (at(b, 0, '%PDF-')) return t('application/pdf', 'pdf');
  if (bytes(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return t('image/png', 'png');
  if (bytes(b, [0xff, 0xd8, 0xff])) return t('image/jpeg', 'jpg');
  if (at(b, 0, 'GIF87a') || at(b, 0, 'GIF89a')) return t('image/gif', 'gif');
  if (at(b, 0, 'RIFF') && at(b, 8, 'WEBP')) return t('image/webp', 'webp');
  if (at(b, 0, 'RIFF') && at(b, 8, 'WAVE')) return t('audio/wav', 'wav');
  if (bytes(b, [0x49, 0x49, 0x2a, 0x00]) || bytes(b, [0x4d, 0x4d, 0x00, 0x2a])) return t('image/tiff', 'tif');
  if (at(b, 0, 'BM') && b.length > 14) return t('image/bmp', 'bmp');
  if (at(b, 4, 'ftyp')) {
    const brand = String.fromCharCode(...b.slice(8, 12));
    if (/^(heic|heix|mif1|msf1)$/.test(brand)) return t('image/heic', 'heic');
    if (/^M4A/.test(brand)) return t('audio/mp4', 'm4a');
    return t('video/mp4', 'mp4');
  }
  if (at(b, 0, '#!AMR')) return t('audio/amr', 'amr');
  if (at(b, 0, 'OggS')) return t('audio/ogg', 'ogg');
  if (at(b, 0, 'ID3') || bytes(b, [0xff, 0xfb]) || bytes(b, [0xff, 0xf3]) || bytes(b, [0xff, 0xf2])) return t('audio/mpeg', 'mp3');
  if (at(b, 0, 'PK\x03\x04')) {
    const head = Buffer.from(b.subarray(0, Math.min(b.length, 4096))).toString('latin1');
    if (head.includes('word/')) return t('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx');
    if (head.includes('xl/')) return t('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx');
    return t('application/zip', 'zip');
  }
  if (bytes(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return t('application/x-ole-storage', 'doc');
  if (at(b, 0, 'From ') || at(b, 0, 'Received:') || at(b, 0, 'MIME-Version:')) return t('message/rfc822', 'eml');
  if (at(b, 0, 'MZ') || bytes(b, [0x7f, 0x45, 0x4c, 0x46]) || bytes(b, [0xcf, 0xfa, 0xed, 0xfe]) || bytes(b, [0xca, 0xfe, 0xba, 0xbe])) {
    return t('application/octet-stream', 'bin', true);
  }
  if (at(b, 0, '#!')) return t('text/plain', 'txt', true);
  if (isUtf8Text(b)) return t('text/plain', 'txt');
  return t('application/octet-stream', 'bin');
}

function isUtf8Text(b: Uint8Array): boolean {
  if (b.length === 0) return true;
  const sample = b.subarray(0, 65536);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length < b.length ? sample.subarray(0, lastBoundary(sample)) : sample);
    return true;
  } catch {
    return false;
  }
}

/** Cut a sample at a UTF-8 character boundary. */
function lastBoundary(b: Uint8Array): number {
  let i = b.length;
  while (i > 0 && (b[i - 1] & 0xc0) === 0x80) i--;
  return i > 0 && b[i - 1] >= 0xc0 ? i - 1 : b.length;
}
