import { describe, expect, it } from 'vitest';
import { loadLayout, moveBefore, moveBy, normaliseLayout, saveLayout, forgetLayout, type KeyValueStore } from '../../renderer/src/components/grid/engine/layout';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const IDS = ['customer', 'invoice', 'due', 'open', 'salesperson'];

describe('grid layout memory', () => {
  it('remembers order, widths, hidden and pinned columns per grid', () => {
    const store = memoryStore();
    const layout = { order: ['open', 'customer', 'invoice', 'due', 'salesperson'], sizes: { open: 160 }, hidden: ['due'], pinned: ['customer'] };
    saveLayout(store, 'aging-invoices', layout);
    expect(loadLayout(store, 'aging-invoices', IDS)).toEqual(layout);
    expect(loadLayout(store, 'customers', IDS).order).toEqual(IDS);
    forgetLayout(store, 'aging-invoices');
    expect(loadLayout(store, 'aging-invoices', IDS).order).toEqual(IDS);
  });

  it('drops columns that no longer exist and places new ones after their default neighbour', () => {
    const saved = { order: ['open', 'gone', 'customer', 'due'], sizes: { gone: 100, open: 5, due: 99999 }, hidden: ['gone', 'due'], pinned: ['gone', 'open'] };
    const l = normaliseLayout(saved, IDS);
    // invoice was defined after customer, salesperson after open.
    expect(l.order).toEqual(['open', 'salesperson', 'customer', 'invoice', 'due']);
    expect(l.sizes).toEqual({ open: 40, due: 1200 });
    expect(l.hidden).toEqual(['due']);
    expect(l.pinned).toEqual(['open']);
  });

  it('survives garbage in storage and never hides every column', () => {
    const store = memoryStore();
    store.setItem('arw.grid.x', '{not json');
    expect(loadLayout(store, 'x', IDS).order).toEqual(IDS);
    expect(normaliseLayout({ hidden: IDS }, IDS).hidden).toEqual([]);
    expect(normaliseLayout(42, IDS).order).toEqual(IDS);
  });

  it('moves a column before another, to the end, or by a step among visible columns', () => {
    expect(moveBefore(IDS, 'open', 'customer')).toEqual(['open', 'customer', 'invoice', 'due', 'salesperson']);
    expect(moveBefore(IDS, 'customer', null)).toEqual(['invoice', 'due', 'open', 'salesperson', 'customer']);
    expect(moveBy(IDS, 'invoice', 1, ['due'])).toEqual(['customer', 'due', 'open', 'invoice', 'salesperson']);
    expect(moveBy(IDS, 'open', -1)).toEqual(['customer', 'invoice', 'open', 'due', 'salesperson']);
    expect(moveBy(IDS, 'customer', -1)).toEqual(IDS);
  });
});
