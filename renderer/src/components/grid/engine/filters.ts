/** Per-column filters (text, number range, date range, set) and the global search. */
import type { FilterValue, ValueKind } from './types';
import { valueKey } from './values';

/** Whether a filter restricts anything (an empty text box or an open range does not). */
export function isActive(f: FilterValue | undefined): f is FilterValue {
  if (!f) return false;
  switch (f.type) {
    case 'text':
      return f.text.trim() !== '';
    case 'range':
      return f.min !== undefined || f.max !== undefined;
    case 'dates':
      return !!f.from || !!f.to;
    case 'set':
      return true;
  }
}

/** The kind of filter editor a column of this kind gets. */
export function filterTypeOf(kind: ValueKind): FilterValue['type'] {
  if (kind === 'money' || kind === 'number') return 'range';
  if (kind === 'date') return 'dates';
  if (kind === 'set') return 'set';
  return 'text';
}

export function predicate(f: FilterValue, text: (v: unknown) => string): (v: unknown) => boolean {
  switch (f.type) {
    case 'text': {
      const needle = f.text.trim().toLowerCase();
      return (v) => text(v).toLowerCase().includes(needle);
    }
    case 'range': {
      const { min, max } = f;
      return (v) => typeof v === 'number' && (min === undefined || v >= min) && (max === undefined || v <= max);
    }
    case 'dates': {
      const { from, to } = f;
      return (v) => typeof v === 'string' && v !== '' && (!from || v >= from) && (!to || v <= to);
    }
    case 'set': {
      const allowed = new Set(f.values);
      return (v) => allowed.has(valueKey(v));
    }
  }
}

/** Search terms: every whitespace-separated word must appear somewhere in the row. */
export function searchTerms(search: string): string[] {
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter((s) => s !== '');
}
