/** A small typed data set and engine columns for the grid engine tests. */
import type { EngineColumn } from '../../renderer/src/components/grid/engine/types';

export interface Inv {
  code: string;
  name: string;
  sp: string;
  due: string;
  days: number;
  open: number;
  currency: string;
}

export const DATA: Inv[] = [
  { code: 'C010', name: '杭州远景', sp: 'Li Na', due: '2025-01-10', days: 64, open: 123450, currency: 'CNY' },
  { code: 'C002', name: 'Beta Ltd', sp: 'Wang', due: '2025-03-01', days: 14, open: -5000, currency: 'CNY' },
  { code: 'C2', name: '=cmd|calc', sp: 'Li Na', due: '2024-12-31', days: 74, open: 99, currency: 'JPY' },
  { code: 'C100', name: 'Alpha, "Inc"', sp: 'Zhao', due: '2025-03-20', days: -5, open: 100000000, currency: 'CNY' },
  { code: 'C001', name: '上海\t明珠', sp: 'Wang', due: '', days: 0, open: 0, currency: 'CNY' },
];

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export const COLUMNS: EngineColumn<Inv>[] = [
  { id: 'code', kind: 'text', get: (r) => r.code, digits: () => 2, sum: false, text, searchable: true, sortable: true },
  { id: 'name', kind: 'text', get: (r) => r.name, digits: () => 2, sum: false, text, searchable: true, sortable: true },
  { id: 'sp', kind: 'set', get: (r) => r.sp, digits: () => 2, sum: false, text: (v) => `SP ${text(v)}`, searchable: true, sortable: true },
  { id: 'due', kind: 'date', get: (r) => r.due, digits: () => 2, sum: false, text, searchable: true, sortable: true },
  { id: 'days', kind: 'number', get: (r) => r.days, digits: () => 0, sum: false, text, searchable: false, sortable: true },
  { id: 'open', kind: 'money', get: (r) => r.open, digits: (r) => (r.currency === 'JPY' ? 0 : 2), sum: true, text, searchable: false, sortable: true },
];
