/**
 * Column mapping: which column of the file carries each field of the import. Suggested from the
 * mapping remembered for the same source (same kind, same header) in this ledger, else from the
 * preset whose column names fit best. Mappings are remembered by header name, so a re-ordered
 * export of the same source still maps.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/tx';
import { fieldsOf, type ImportKind } from './formats';
import { headerKey, presetsFor, type Preset } from './presets';
import type { DateOrder, DecimalMark } from './values';
import { readSetting, writeSetting } from '../repos/settings';

/** Field → column index (null: not in the file). */
export type Mapping = Record<string, number | null>;

/** What the user chose besides the columns; remembered with the mapping. */
export interface ValueOptions {
  dateOrder?: Exclude<DateOrder, 'ymd'>;
  decimal?: DecimalMark;
  date1904?: boolean;
}

export interface Remembered {
  presetId: string;
  /** Field → header name. */
  columns: Record<string, string | null>;
  options: ValueOptions;
  fileName: string;
  usedAt: string;
}

/** Identifies a source: the kind and its set of column names, loosely compared, in any order. */
export function sourceKey(kind: ImportKind, header: string[]): string {
  const names = header.map(headerKey).sort().join('\u0001');
  return crypto.createHash('sha1').update(`${kind}\u0000${names}`).digest('hex').slice(0, 20);
}

function hasValues(sample: string[][], col: number): boolean {
  return sample.length === 0 || sample.some((r) => (r[col] ?? '').trim() !== '');
}

/** The mapping a preset gives this header: per field, the first of its names present with values. */
export function applyPreset(preset: Preset, header: string[], sample: string[][]): Mapping {
  const keys = header.map(headerKey);
  const mapping: Mapping = {};
  for (const field of fieldsOf(preset.kind)) {
    mapping[field] = null;
    const names = (preset.columns[field] ?? []).map(headerKey);
    let fallback: number | null = null;
    for (const name of names) {
      const at = keys.indexOf(name);
      if (at < 0) continue;
      if (hasValues(sample, at)) {
        mapping[field] = at;
        break;
      }
      fallback ??= at;
    }
    mapping[field] ??= fallback;
  }
  return mapping;
}

function mappedCount(mapping: Mapping): number {
  return Object.values(mapping).filter((v) => v !== null).length;
}

function signatureCount(preset: Preset, header: string[]): number {
  const keys = new Set(header.map(headerKey));
  return (preset.signature ?? []).filter((s) => keys.has(headerKey(s))).length;
}

/**
 * The preset that maps the most fields; among equals the canonical one, then the one whose
 * distinctive columns are present (a Kingdee export from a Yonyou one).
 */
export function suggestMapping(kind: ImportKind, header: string[], sample: string[][]): { preset: Preset; mapping: Mapping } {
  let best: { preset: Preset; mapping: Mapping; mapped: number; signature: number } | null = null;
  for (const preset of presetsFor(kind)) {
    const mapping = applyPreset(preset, header, sample);
    const mapped = mappedCount(mapping);
    const signature = signatureCount(preset, header);
    if (!best || mapped > best.mapped || (mapped === best.mapped && best.preset.source !== 'canonical' && signature > best.signature)) {
      best = { preset, mapping, mapped, signature };
    }
  }
  return { preset: best!.preset, mapping: best!.mapping };
}

/** A remembered mapping back to column indexes; null when a remembered column is gone. */
export function resolveRemembered(kind: ImportKind, remembered: Remembered, header: string[]): Mapping | null {
  const keys = header.map(headerKey);
  const mapping: Mapping = {};
  for (const field of fieldsOf(kind)) {
    const name = remembered.columns[field];
    if (name === null || name === undefined) {
      mapping[field] = null;
      continue;
    }
    const at = keys.indexOf(headerKey(name));
    if (at < 0) return null;
    mapping[field] = at;
  }
  return mapping;
}

const KEY_PREFIX = 'import.mapping.';

export async function loadRemembered(db: Db, key: string): Promise<Remembered | null> {
  return readSetting<Remembered | null>(db, KEY_PREFIX + key, null, (v) => v as Remembered);
}

export async function saveRemembered(db: Db, key: string, value: Remembered): Promise<void> {
  await writeSetting(db, KEY_PREFIX + key, value);
}

export function mappingByName(mapping: Mapping, header: string[]): Record<string, string | null> {
  return Object.fromEntries(Object.entries(mapping).map(([f, i]) => [f, i === null ? null : header[i] ?? null]));
}
