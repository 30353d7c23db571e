import { useI18n } from '../../i18n';
import { moveBy, type GridLayout } from './engine/layout';
import { Popover } from './Popover';

/** Show or hide, reorder and pin columns with checkboxes and buttons (the keyboard way to lay out). */
export function ColumnChooser(props: {
  anchor: HTMLElement;
  layout: GridLayout;
  titles: Record<string, string>;
  onChange(update: (l: GridLayout) => GridLayout): void;
  onReset(): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { layout, onChange } = props;
  const toggleHidden = (id: string) =>
    onChange((l) => ({ ...l, hidden: l.hidden.includes(id) ? l.hidden.filter((x) => x !== id) : l.hidden.length + 1 >= l.order.length ? l.hidden : [...l.hidden, id] }));
  const togglePinned = (id: string) => onChange((l) => ({ ...l, pinned: l.pinned.includes(id) ? l.pinned.filter((x) => x !== id) : [...l.pinned, id] }));
  const move = (id: string, delta: number) => onChange((l) => ({ ...l, order: moveBy(l.order, id, delta) }));
  return (
    <Popover anchor={props.anchor} onClose={props.onClose} label={t('grid.columnsTitle')} className="xg-chooser">
      <div className="xg-menu-title">{t('grid.columnsTitle')}</div>
      <ul className="xg-chooser-list">
        {layout.order.map((id, i) => (
          <li key={id} data-column={id}>
            <label className="xg-chooser-name">
              <input type="checkbox" name={`show-${id}`} checked={!layout.hidden.includes(id)} onChange={() => toggleHidden(id)} />
              {props.titles[id] ?? id}
            </label>
            <label className="xg-chooser-pin" title={t('grid.pin')}>
              <input type="checkbox" name={`pin-${id}`} checked={layout.pinned.includes(id)} onChange={() => togglePinned(id)} />
              {t('grid.pinned')}
            </label>
            <button type="button" className="icon-button" aria-label={`${t('grid.moveLeft')}: ${props.titles[id] ?? id}`} disabled={i === 0} onClick={() => move(id, -1)}>
              ↑
            </button>
            <button type="button" className="icon-button" aria-label={`${t('grid.moveRight')}: ${props.titles[id] ?? id}`} disabled={i === layout.order.length - 1} onClick={() => move(id, 1)}>
              ↓
            </button>
          </li>
        ))}
      </ul>
      <div className="xg-menu-actions">
        <button type="button" data-action="reset-layout" onClick={props.onReset}>
          {t('grid.resetLayout')}
        </button>
        <button type="button" className="primary" onClick={props.onClose}>
          {t('grid.done')}
        </button>
      </div>
    </Popover>
  );
}
