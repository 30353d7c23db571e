import { useI18n } from '../../i18n';
import { FilterEditor, type SetChoice } from './FilterEditor';
import type { FilterValue } from './engine/types';
import { Popover } from './Popover';

export interface ColumnMenuProps {
  anchor: HTMLElement;
  columnId: string;
  title: string;
  sort: 'asc' | 'desc' | false;
  filterType: FilterValue['type'];
  filter: FilterValue | undefined;
  moneyDigits?: number;
  choices(): SetChoice[];
  grouped: boolean;
  pinned: boolean;
  canHide: boolean;
  onSort(dir: 'asc' | 'desc' | false): void;
  onFilter(value: FilterValue | undefined): void;
  onGroup(): void;
  onPin(): void;
  onHide(): void;
  onClose(): void;
}

/** Everything one column offers: sort, its filter, group by it, pin it, hide it. */
export function ColumnMenu(p: ColumnMenuProps) {
  const { t } = useI18n();
  const act = (fn: () => void) => () => {
    fn();
    p.onClose();
  };
  return (
    <Popover anchor={p.anchor} onClose={p.onClose} label={t('grid.menu', { column: p.title })} className="xg-menu">
      <div className="xg-menu-title">{p.title}</div>
      <div className="xg-menu-actions" role="group">
        <button type="button" data-action="sort-asc" aria-pressed={p.sort === 'asc'} onClick={act(() => p.onSort('asc'))}>
          ▲ {t('grid.sortAsc')}
        </button>
        <button type="button" data-action="sort-desc" aria-pressed={p.sort === 'desc'} onClick={act(() => p.onSort('desc'))}>
          ▼ {t('grid.sortDesc')}
        </button>
        {p.sort && (
          <button type="button" data-action="sort-clear" onClick={act(() => p.onSort(false))}>
            {t('grid.sortClear')}
          </button>
        )}
      </div>
      <fieldset className="xg-menu-filter">
        <legend>{t('grid.filter')}</legend>
        <FilterEditor type={p.filterType} value={p.filter} onChange={p.onFilter} moneyDigits={p.moneyDigits} choices={p.choices} name={p.columnId} />
        {p.filter && (
          <button type="button" className="link-button" data-action="filter-clear" onClick={() => p.onFilter(undefined)}>
            {t('grid.filterClear')}
          </button>
        )}
      </fieldset>
      <div className="xg-menu-actions" role="group">
        <button type="button" data-action="group" onClick={act(p.onGroup)}>
          {p.grouped ? t('grid.ungroupThis') : t('grid.groupThis')}
        </button>
        <button type="button" data-action="pin" onClick={act(p.onPin)}>
          {p.pinned ? t('grid.unpin') : t('grid.pin')}
        </button>
        {p.canHide && (
          <button type="button" data-action="hide" onClick={act(p.onHide)}>
            {t('grid.hide')}
          </button>
        )}
        <button type="button" className="primary" data-action="close-menu" onClick={p.onClose}>
          {t('grid.done')}
        </button>
      </div>
    </Popover>
  );
}
