/**
 * Checks a case-file ZIP against its manifest: every listed file present with its size and
 * SHA-256, nothing unlisted, every name safe. A truncated or altered copy fails.
 */
import { unzipSync } from 'fflate';
import { sha256Hex } from '../blobs';
import { FORMAT, MANIFEST, type Manifest } from './case-zip';
import { isSafeArchivePath } from './names';

export interface VerifyResult {
  ok: boolean;
  problems: { path: string; problem: 'unreadable' | 'no_manifest' | 'bad_manifest' | 'missing' | 'altered' | 'unlisted' | 'unsafe_name' }[];
  files: number;
  manifest: Manifest | null;
  manifestSha256: string | null;
}

export function verifyCaseZip(zip: Uint8Array): VerifyResult {
  const fail = (problem: VerifyResult['problems'][number]['problem'], path = ''): VerifyResult => ({ ok: false, problems: [{ path, problem }], files: 0, manifest: null, manifestSha256: null });
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch {
    return fail('unreadable');
  }
  const raw = entries[MANIFEST];
  if (!raw) return fail('no_manifest', MANIFEST);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(Buffer.from(raw).toString('utf8')) as Manifest;
    if (manifest.format !== FORMAT || !Array.isArray(manifest.files)) throw new Error('format');
  } catch {
    return fail('bad_manifest', MANIFEST);
  }
  const problems: VerifyResult['problems'] = [];
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    if (!isSafeArchivePath(f.path)) problems.push({ path: f.path, problem: 'unsafe_name' });
    const bytes = entries[f.path];
    if (!bytes) problems.push({ path: f.path, problem: 'missing' });
    else if (bytes.length !== f.size || sha256Hex(bytes) !== f.sha256) problems.push({ path: f.path, problem: 'altered' });
  }
  for (const name of Object.keys(entries)) {
    if (name === MANIFEST || name.endsWith('/')) continue;
    if (!isSafeArchivePath(name)) problems.push({ path: name, problem: 'unsafe_name' });
    else if (!listed.has(name)) problems.push({ path: name, problem: 'unlisted' });
  }
  return { ok: problems.length === 0, problems, files: manifest.files.length, manifest, manifestSha256: sha256Hex(raw) };
}
