/**
 * A grid's column layout (order, widths, hidden and pinned columns), remembered per grid in local
 * storage. What is saved is checked against today's columns: gone columns are dropped, new ones
 * appear in their default place.
 */

export interface GridLayout {
  order: string[];
  sizes: Record<string, number>;
  hidden: string[];
  /** Pinned to the left, in this order. */
  pinned: string[];
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'arw.grid.';
export const MIN_WIDTH = 40;
export const MAX_WIDTH = 1200;

export function emptyLayout(ids: readonly string[], pinned: readonly string[] = []): GridLayout {
  return { order: [...ids], sizes: {}, hidden: [], pinned: [...pinned] };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A saved layout made valid for the given columns. */
export function normaliseLayout(saved: unknown, ids: readonly string[], defaults: GridLayout = emptyLayout(ids)): GridLayout {
  if (!saved || typeof saved !== 'object') return defaults;
  const s = saved as Record<string, unknown>;
  const known = new Set(ids);
  const order = strings(s.order).filter((id, i, all) => known.has(id) && all.indexOf(id) === i);
  // New columns go after their default predecessor.
  for (const id of ids) {
    if (order.includes(id)) continue;
    const di = ids.indexOf(id);
    const before = ids.slice(0, di).reverse().find((p) => order.includes(p));
    order.splice(before ? order.indexOf(before) + 1 : 0, 0, id);
  }
  const sizes: Record<string, number> = {};
  if (s.sizes && typeof s.sizes === 'object') {
    for (const [id, w] of Object.entries(s.sizes as Record<string, unknown>)) {
      if (known.has(id) && typeof w === 'number' && Number.isFinite(w)) sizes[id] = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));
    }
  }
  const hidden = strings(s.hidden).filter((id) => known.has(id));
  const pinned = strings(s.pinned).filter((id, i, all) => known.has(id) && all.indexOf(id) === i);
  // At least one column stays visible.
  if (hidden.length >= ids.length) hidden.length = 0;
  return { order, sizes, hidden, pinned };
}

export function loadLayout(store: KeyValueStore | null, gridId: string, ids: readonly string[], defaults?: GridLayout): GridLayout {
  const fallback = defaults ?? emptyLayout(ids);
  if (!store) return fallback;
  try {
    const raw = store.getItem(PREFIX + gridId);
    return raw ? normaliseLayout(JSON.parse(raw), ids, fallback) : fallback;
  } catch {
    return fallback;
  }
}

export function saveLayout(store: KeyValueStore | null, gridId: string, layout: GridLayout): void {
  try {
    store?.setItem(PREFIX + gridId, JSON.stringify(layout));
  } catch {
    // storage full or disabled: the layout simply is not remembered
  }
}

export function forgetLayout(store: KeyValueStore | null, gridId: string): void {
  try {
    store?.removeItem(PREFIX + gridId);
  } catch {
    // nothing to forget
  }
}

/** Move column `id` to sit just before `target` (or to the end when target is null). */
export function moveBefore(order: readonly string[], id: string, target: string | null): string[] {
  if (id === target) return [...order];
  const out = order.filter((x) => x !== id);
  const at = target === null ? out.length : out.indexOf(target);
  out.splice(at < 0 ? out.length : at, 0, id);
  return out;
}

/** Move column `id` by `delta` places among the visible ones. */
export function moveBy(order: readonly string[], id: string, delta: number, hidden: readonly string[] = []): string[] {
  const visible = order.filter((x) => !hidden.includes(x));
  const i = visible.indexOf(id);
  const j = Math.max(0, Math.min(visible.length - 1, i + delta));
  if (i < 0 || i === j) return [...order];
  const target = delta > 0 ? (visible[j + 1] ?? null) : visible[j];
  return moveBefore(order, id, target);
}
