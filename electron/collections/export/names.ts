/**
 * File names inside the case ZIP that are safe on Windows and macOS: no reserved characters or
 * device names, no trailing dots or spaces, no path escape, NFC-normalised, CJK kept.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
export const MAX_NAME = 80;

export function safeComponent(name: string, fallback = 'file'): string {
  let s = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  const chars = [...s];
  if (chars.length > MAX_NAME) s = chars.slice(0, MAX_NAME).join('').replace(/[. ]+$/, '');
  if (!s || RESERVED.test(s)) s = s ? `_${s}` : fallback;
  return s;
}

/** "E01 签字对账单.pdf": the stem is made safe, the extension comes from the sniffed type. */
export function safeFileName(stem: string, ext: string): string {
  const e = ext.replace(/[^a-z0-9]/gi, '').toLowerCase();
  return e ? `${safeComponent(stem)}.${e}` : safeComponent(stem);
}

/** A relative path inside an archive that cannot leave its folder. */
export function isSafeArchivePath(p: string): boolean {
  if (!p || p.length > 400 || p.startsWith('/') || p.includes('\\') || /^[a-z]:/i.test(p)) return false;
  return p.split('/').every(
    (part) =>
      part !== '.' &&
      part !== '..' &&
      part.length <= 255 &&
      part === part.normalize('NFC') &&
      !/[\u0000-\u001f\u007f<>:"\\|?*]/.test(part) &&
      !/^\s|[. ]$/.test(part) &&
      !RESERVED.test(part) &&
      part !== '',
  );
}
