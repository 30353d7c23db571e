import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { call } from '../api';
import type { SearchHit } from '../../../shared/api/search';
import { formatAmount } from '../lib/format';
import { useI18n, type MessageKey } from '../i18n';
import { navigate } from '../lib/router';

type Item = { key: string; go: string; main: string; side: string; extra?: string };

/** The search palette (Ctrl+K, /): customers by code or name, documents by number or amount. */
export function GlobalSearch({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit | null>(null);
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const query = q.trim();
    const mine = ++seq.current;
    if (!query) {
      setHits(null);
      return;
    }
    const timer = setTimeout(() => {
      call('search-global', { q: query }).then(
        (h) => mine === seq.current && (setHits(h), setActive(0)),
        () => mine === seq.current && setHits({ customers: [], documents: [] }),
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [q]);

  const items = useMemo<Item[]>(() => {
    if (!hits) return [];
    return [
      ...hits.customers.map((c) => ({ key: `c${c.id}`, go: `customers/${c.id}`, main: c.name, side: c.code, extra: c.salesperson })),
      ...hits.documents.map((d) => ({
        key: `d${d.id}`,
        go: `customers/${d.customerId}`,
        main: `${t(`search.kind.${d.kind}` as MessageKey)} ${d.number}`,
        side: `${d.currency} ${formatAmount(d.amount, d.digits)}${d.open > 0 && d.open !== d.amount ? ` · ${t('search.open.amount', { amount: formatAmount(d.open, d.digits) })}` : ''}`,
        extra: `${d.date} · ${d.customerCode} ${d.customerName}${d.byAmount ? ` · ${t('search.byAmount')}` : ''}`,
      })),
    ];
  }, [hits, t]);

  const open = (item: Item | undefined) => {
    if (!item) return;
    navigate(item.go);
    onClose();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') open(items[active]);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const customers = hits?.customers.length ?? 0;
  return (
    <div className="modal-backdrop search-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="search-palette" role="dialog" aria-modal="true" aria-label={t('search.label')} data-testid="global-search">
        <input
          ref={input}
          type="search"
          name="global-search"
          value={q}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          aria-controls="search-results"
          aria-activedescendant={items[active] ? `sr-${items[active].key}` : undefined}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKey}
          autoComplete="off"
        />
        <ul id="search-results" role="listbox" className="search-results">
          {items.map((item, i) => (
            <li key={item.key} className="search-group-wrap">
              {(i === 0 && customers > 0) || i === customers ? <div className="search-group">{t(i < customers ? 'search.customers' : 'search.documents')}</div> : null}
              <div
                id={`sr-${item.key}`}
                role="option"
                aria-selected={i === active}
                className={`search-item${i === active ? ' on' : ''}`}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(e) => (e.preventDefault(), open(item))}
              >
                <span className="search-main">{item.main}</span>
                <span className="search-side">{item.side}</span>
                {item.extra && <span className="search-extra">{item.extra}</span>}
              </div>
            </li>
          ))}
        </ul>
        {hits && items.length === 0 && <p className="search-note">{t('search.none', { q: q.trim() })}</p>}
        {!hits && <p className="search-note">{t('search.hint')}</p>}
        <p className="search-keys">{t('search.keys')}</p>
      </div>
    </div>
  );
}
