/** The grid's row engine works on row indexes, never copies of the data: lean at 100,000 rows. */

export type ValueKind = 'text' | 'money' | 'number' | 'date' | 'set';

/** One column as the engine sees it (built from a react-table column by the component). */
export interface EngineColumn<T> {
  id: string;
  kind: ValueKind;
  /** Raw value: minor units for money, numbers for number, ISO text for dates, text otherwise. */
  get(row: T, index: number): unknown;
  /** Minor-unit digits of money values. */
  digits(row: T): number;
  /** Summed in totals and group subtotals. */
  sum: boolean;
  /** What a row adds to totals and subtotals, when not its value (e.g. its amount in the base currency). */
  sumValue?(row: T, index: number): number;
  /** Display text of a value (search, text filters, group labels, text export). */
  text(value: unknown): string;
  searchable: boolean;
  sortable: boolean;
}

export interface SortKey {
  id: string;
  desc: boolean;
}

export type FilterValue =
  | { type: 'text'; text: string }
  /** Inclusive bounds, in the column's own units (minor units for money). */
  | { type: 'range'; min?: number; max?: number }
  | { type: 'dates'; from?: string; to?: string }
  | { type: 'set'; values: string[] };

export type Filters = Record<string, FilterValue>;

export interface ViewState {
  sorting: SortKey[];
  filters: Filters;
  search: string;
  /** Column ids, outermost first. */
  grouping: string[];
  /** Keys of collapsed groups (groups start expanded). */
  collapsed: ReadonlySet<string>;
  /** Row indexes whose detail lines are open. */
  detailsOpen: ReadonlySet<number>;
}

export interface GroupItem {
  kind: 'group';
  key: string;
  depth: number;
  columnId: string;
  value: unknown;
  /** Data rows in the group (after filters). */
  count: number;
  sums: Record<string, number>;
  collapsed: boolean;
  /** Index of the group's first data row (its values fill the group row's text cells when uniform). */
  first: number;
}

export type ViewItem =
  | { kind: 'row'; index: number; depth: number }
  | GroupItem
  | { kind: 'detail'; parent: number; sub: number; depth: number };

export interface View {
  items: ViewItem[];
  /** Data rows that pass the filters, in view order. */
  rows: Int32Array;
  totals: Record<string, number>;
}
