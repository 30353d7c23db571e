import type { ImportKindName } from '../../../../shared/api/imports';
import { errorMessage } from '../../../../shared/i18n/errors';
import type { Language } from '../../../../shared/domain';
import type { MessageKey, Translate } from '../../i18n';

export function fieldLabel(t: Translate, field: string, kind: ImportKindName): string {
  if (field === 'amount' && kind === 'opening-balances') return t('import.f.openAmount');
  const key = `import.f.${field}` as MessageKey;
  const label = t(key);
  return label === key ? field : label;
}

export function presetLabel(t: Translate, preset: { id: string; source: string }, kind: ImportKindName): string {
  if (preset.source === 'canonical') return t('import.preset.canonical');
  const what = preset.id.replace(/^[a-z]+-/, '');
  const kindWord: Record<string, MessageKey> = {
    customers: 'import.kind.customers',
    contacts: 'import.kind.customers',
    invoices: 'import.kind.invoices',
    ar: kind === 'opening-balances' ? 'import.kind.opening-balances' : 'import.kind.invoices',
    payments: 'import.kind.receipts',
    receipts: 'import.kind.receipts',
    'open-invoices': 'import.kind.opening-balances',
    'aged-receivables': 'import.kind.opening-balances',
    open: 'import.kind.opening-balances',
  };
  return `${t(`import.source.${preset.source}` as MessageKey)} · ${t(kindWord[what] ?? `import.kind.${kind}`)}`;
}

/** A problem row in the words the CLI uses (with the value), the field named as on screen. */
export function problemText(lang: Language, t: Translate, kind: ImportKindName, p: { key: string; params: Record<string, string | number> }): string {
  const field = typeof p.params.field === 'string' ? fieldLabel(t, p.params.field, kind) : undefined;
  const column = typeof p.params.column === 'string' ? fieldLabel(t, p.params.column, kind) : undefined;
  return errorMessage(lang, p.key, { ...p.params, ...(field ? { field } : {}), ...(column ? { column } : {}) });
}

export const DELIMITERS: { value: ',' | ';' | '\t' | '|'; label: MessageKey }[] = [
  { value: ',', label: 'import.delim.comma' },
  { value: ';', label: 'import.delim.semicolon' },
  { value: '\t', label: 'import.delim.tab' },
  { value: '|', label: 'import.delim.pipe' },
];

/** "-1234567.50" → "-1,234,567.50", in the text itself (amounts never pass through a float). */
export function groupDecimal(s: string): string {
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac !== undefined ? `${grouped}.${frac}` : grouped;
}
