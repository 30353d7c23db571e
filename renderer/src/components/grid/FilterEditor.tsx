import { useMemo, useState } from 'react';
import { amountForInput, parseAmountInput } from '../../lib/format';
import { useI18n } from '../../i18n';
import type { FilterValue } from './engine/types';

export interface SetChoice {
  key: string;
  label: string;
  count: number;
}

interface Props {
  type: FilterValue['type'];
  value: FilterValue | undefined;
  onChange(value: FilterValue | undefined): void;
  /** Money columns: bounds are typed in major units and kept in minor units. */
  moneyDigits?: number;
  choices?: () => SetChoice[];
  name: string;
}

/** The filter editor of one column: contains-text, a number or date range, or a set of values. */
export function FilterEditor(props: Props) {
  switch (props.type) {
    case 'text':
      return <TextFilter {...props} />;
    case 'range':
      return <RangeFilter {...props} />;
    case 'dates':
      return <DateFilter {...props} />;
    case 'set':
      return <SetFilter {...props} />;
  }
}

function TextFilter({ value, onChange, name }: Props) {
  const { t } = useI18n();
  const text = value?.type === 'text' ? value.text : '';
  return (
    <label className="xg-field">
      <span>{t('grid.filterContains')}</span>
      <input type="search" name={`filter-${name}`} value={text} onChange={(e) => onChange(e.target.value ? { type: 'text', text: e.target.value } : undefined)} />
    </label>
  );
}

function parseBound(text: string, digits: number | undefined): number | undefined | null {
  if (text.trim() === '') return undefined;
  // Amounts as typed in the ledger's number format ("1.234,56" when that is the choice).
  if (digits !== undefined) {
    const r = parseAmountInput(text, digits);
    return r.ok ? r.value : null;
  }
  const s = text.trim().replace(/,/g, '');
  return /^-?\d+$/.test(s) ? Number(s) : null;
}

function RangeFilter({ value, onChange, moneyDigits, name }: Props) {
  const { t } = useI18n();
  const show = (n: number | undefined) => (n === undefined ? '' : moneyDigits !== undefined ? amountForInput(n, moneyDigits) : String(n));
  const range = value?.type === 'range' ? value : undefined;
  const [min, setMin] = useState(show(range?.min));
  const [max, setMax] = useState(show(range?.max));
  const lo = parseBound(min, moneyDigits);
  const hi = parseBound(max, moneyDigits);
  const bad = lo === null || hi === null;
  const update = (nextMin: string, nextMax: string) => {
    setMin(nextMin);
    setMax(nextMax);
    const a = parseBound(nextMin, moneyDigits);
    const b = parseBound(nextMax, moneyDigits);
    if (a === null || b === null) return;
    onChange(a === undefined && b === undefined ? undefined : { type: 'range', min: a, max: b });
  };
  return (
    <div className="xg-range">
      <label className="xg-field">
        <span>{t('grid.filterMin')}</span>
        <input inputMode="decimal" name={`filter-${name}-min`} value={min} aria-invalid={lo === null} onChange={(e) => update(e.target.value, max)} />
      </label>
      <label className="xg-field">
        <span>{t('grid.filterMax')}</span>
        <input inputMode="decimal" name={`filter-${name}-max`} value={max} aria-invalid={hi === null} onChange={(e) => update(min, e.target.value)} />
      </label>
      {bad && <div className="xg-field-error">{t('grid.filterBad')}</div>}
    </div>
  );
}

function DateFilter({ value, onChange, name }: Props) {
  const { t } = useI18n();
  const range = value?.type === 'dates' ? value : undefined;
  const update = (from: string | undefined, to: string | undefined) => onChange(from || to ? { type: 'dates', from: from || undefined, to: to || undefined } : undefined);
  return (
    <div className="xg-range">
      <label className="xg-field">
        <span>{t('grid.filterFrom')}</span>
        <input type="date" name={`filter-${name}-from`} value={range?.from ?? ''} onChange={(e) => update(e.target.value, range?.to)} />
      </label>
      <label className="xg-field">
        <span>{t('grid.filterTo')}</span>
        <input type="date" name={`filter-${name}-to`} value={range?.to ?? ''} onChange={(e) => update(range?.from, e.target.value)} />
      </label>
    </div>
  );
}

function SetFilter({ value, onChange, choices, name }: Props) {
  const { t } = useI18n();
  const all = useMemo(() => choices?.() ?? [], [choices]);
  const [find, setFind] = useState('');
  const chosen = value?.type === 'set' ? new Set(value.values) : null;
  const shown = find ? all.filter((c) => c.label.toLowerCase().includes(find.toLowerCase())) : all;
  const set = (keys: Set<string>) => onChange(keys.size === all.length ? undefined : { type: 'set', values: [...keys] });
  const toggle = (key: string) => {
    const next = new Set(chosen ?? all.map((c) => c.key));
    if (next.has(key)) next.delete(key);
    else next.add(key);
    set(next);
  };
  return (
    <div className="xg-set">
      {all.length > 8 && <input type="search" name={`filter-${name}-find`} placeholder={t('grid.searchPlaceholder')} value={find} onChange={(e) => setFind(e.target.value)} />}
      <div className="xg-set-actions">
        <button type="button" className="link-button" onClick={() => onChange(undefined)}>
          {t('grid.filterAll')}
        </button>
        <button type="button" className="link-button" onClick={() => onChange({ type: 'set', values: [] })}>
          {t('grid.filterNone')}
        </button>
      </div>
      <ul className="xg-set-list" role="group" aria-label={t('grid.filter')}>
        {shown.map((c) => (
          <li key={c.key}>
            <label>
              <input type="checkbox" name={`filter-${name}-value`} value={c.key} checked={chosen ? chosen.has(c.key) : true} onChange={() => toggle(c.key)} />
              <span className="xg-set-label">{c.label || t('grid.blank')}</span>
              <span className="xg-set-count">{c.count}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
