import { useEffect, useMemo, useRef } from 'react';
import type { CustomerSummary } from '../../../../shared/domain';
import { call } from '../../api';
import { useLoad } from '../../lib/useLoad';

/** Type a code or a name; the list narrows as you type (a datalist), the id goes to the form. */
export function CustomerPicker(props: { name: string; value: number | null; onChange(id: number | null, c: CustomerSummary | null): void; label: string }) {
  const list = useLoad(() => call('customer-list', {}), []);
  const byLabel = useMemo(() => new Map((list.data ?? []).map((c) => [`${c.code} — ${c.name}`, c])), [list.data]);
  const current = list.data?.find((c) => c.id === props.value);
  const listId = `${props.name}-options`;
  // A customer given up front (from the customer's page) is reported once the list is in.
  const reported = useRef(false);
  const { onChange } = props;
  useEffect(() => {
    if (current && !reported.current) {
      reported.current = true;
      onChange(current.id, current);
    }
  }, [current, onChange]);
  return (
    <>
      <input
        name={props.name}
        list={listId}
        aria-label={props.label}
        defaultValue={current ? `${current.code} — ${current.name}` : ''}
        key={current?.id ?? 'none'}
        onChange={(e) => {
          const c = byLabel.get(e.target.value) ?? list.data?.find((x) => x.code === e.target.value.trim()) ?? null;
          props.onChange(c?.id ?? null, c);
        }}
      />
      <datalist id={listId}>
        {(list.data ?? []).map((c) => (
          <option key={c.id} value={`${c.code} — ${c.name}`} />
        ))}
      </datalist>
    </>
  );
}
