/** Sending a file to main in parts, and the wizard's requests built from the user's choices. */
import { saveBlob } from '../../lib/files';
import { call } from '../../api';
import { IMPORT_PART_BYTES, type ImportPreview } from '../../../../shared/api/imports';
import type { RequestOf } from '../../../../shared/contract';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Uploads in 4 MB parts; `onProgress` gets 0..1. Returns the upload id. */
export async function uploadFile(file: File, onProgress: (share: number) => void): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parts = Math.max(1, Math.ceil(bytes.length / IMPORT_PART_BYTES));
  let uploadId: string | undefined;
  for (let i = 0; i < parts; i++) {
    const chunk = bytes.subarray(i * IMPORT_PART_BYTES, (i + 1) * IMPORT_PART_BYTES);
    const r = await call('import-upload', { uploadId, fileName: file.name, part: i, dataBase64: toBase64(chunk), last: i === parts - 1 });
    uploadId = r.uploadId;
    onProgress((i + 1) / parts);
  }
  return uploadId!;
}

/** The request of a preview, check or import. */
export type Settings = RequestOf<'import-preview'>;
/** What the user chose; anything left out is detected or suggested by main. */
export type Choices = Omit<Settings, 'uploadId' | 'kind'>;

/** The request for a check or an import: the mapping and layout exactly as previewed. */
export function runSettings(s: Settings, preview: ImportPreview): Settings {
  return { ...s, mapping: preview.mapping, presetId: preview.presetId, headerRow: preview.headerRow, sheet: preview.format === 'xlsx' ? preview.sheet : undefined };
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Saves text as a file through the browser's (or Electron's) download. */
export function saveText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob(['\ufeff' + text], { type }), fileName, 1000);
}

/** One CSV line; cells a spreadsheet would run as a formula are prefixed with '. */
export function toCsvLine(cells: string[]): string {
  return cells
    .map((c) => (/^[=+\-@]/.test(c) && !/^-?\d/.test(c) ? `'${c}` : c))
    .map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
    .join(',');
}
