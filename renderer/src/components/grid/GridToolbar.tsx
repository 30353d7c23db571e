import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { ExportFormat } from './exportView';
import { Popover } from './Popover';

export interface ToolbarProps {
  search?: { value: string; onChange(v: string): void };
  groupable: { id: string; title: string }[];
  grouping: string[];
  onGroup(ids: string[]): void;
  filters: { id: string; title: string }[];
  onClearFilter(id: string | null): void;
  hasGroups: boolean;
  onCollapseAll(collapse: boolean): void;
  onCopy(): void;
  canCopy: boolean;
  onExport(format: ExportFormat): void;
  exporting: boolean;
  onColumns(anchor: HTMLElement): void;
  extra?: ReactNode;
}

/** Above the grid: search, grouping, the active filters, copy, export and the column chooser. */
export function GridToolbar(p: ToolbarProps) {
  const { t } = useI18n();
  const [exportAnchor, setExportAnchor] = useState<HTMLElement | null>(null);
  const titles = new Map(p.groupable.map((g) => [g.id, g.title]));
  return (
    <div className="xg-toolbar" role="toolbar" aria-label={t('grid.columnsTitle')}>
      {p.search && (
        <input
          type="search"
          className="search xg-search"
          name="grid-search"
          aria-label={t('grid.search')}
          placeholder={t('grid.searchPlaceholder')}
          value={p.search.value}
          onChange={(e) => p.search!.onChange(e.target.value)}
        />
      )}
      <label className="xg-group-pick">
        <span>{t('grid.groupBy')}</span>
        <select
          name="group-by"
          value=""
          onChange={(e) => {
            if (e.target.value) p.onGroup([...p.grouping.filter((g) => g !== e.target.value), e.target.value]);
          }}
        >
          <option value="">{p.grouping.length ? '+' : t('grid.groupNone')}</option>
          {p.groupable
            .filter((g) => !p.grouping.includes(g.id))
            .map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
        </select>
      </label>
      {p.grouping.map((id) => (
        <span className="xg-chip" key={id} data-chip={`group-${id}`}>
          {titles.get(id) ?? id}
          <button type="button" aria-label={t('grid.ungroup', { column: titles.get(id) ?? id })} onClick={() => p.onGroup(p.grouping.filter((g) => g !== id))}>
            ×
          </button>
        </span>
      ))}
      {p.hasGroups && (
        <>
          <button type="button" className="icon-button" title={t('grid.expandAll')} aria-label={t('grid.expandAll')} onClick={() => p.onCollapseAll(false)}>
            ⊞
          </button>
          <button type="button" className="icon-button" title={t('grid.collapseAll')} aria-label={t('grid.collapseAll')} onClick={() => p.onCollapseAll(true)}>
            ⊟
          </button>
        </>
      )}
      {p.filters.map((f) => (
        <span className="xg-chip filter" key={f.id} data-chip={`filter-${f.id}`}>
          {t('grid.filtered')}: {f.title}
          <button type="button" aria-label={`${t('grid.filterClear')}: ${f.title}`} onClick={() => p.onClearFilter(f.id)}>
            ×
          </button>
        </span>
      ))}
      {p.filters.length > 1 && (
        <button type="button" className="link-button" onClick={() => p.onClearFilter(null)}>
          {t('grid.filterClearAll')}
        </button>
      )}
      {p.extra}
      <div className="header-spacer" />
      <button type="button" data-action="grid-copy" title={t('grid.copyHint')} disabled={!p.canCopy} onClick={p.onCopy}>
        {t('grid.copy')}
      </button>
      <button type="button" data-action="grid-export" aria-haspopup="dialog" disabled={p.exporting} onClick={(e) => setExportAnchor(e.currentTarget)}>
        {p.exporting ? t('grid.exporting') : t('grid.export')} ▾
      </button>
      <button type="button" data-action="grid-columns" aria-haspopup="dialog" onClick={(e) => p.onColumns(e.currentTarget)}>
        {t('grid.columns')}
      </button>
      {exportAnchor && (
        <Popover anchor={exportAnchor} label={t('grid.export')} onClose={() => setExportAnchor(null)} className="xg-menu">
          <div className="xg-menu-actions">
            {(['xlsx', 'csv'] as const).map((f) => (
              <button
                key={f}
                type="button"
                data-action={`export-${f}`}
                onClick={() => {
                  setExportAnchor(null);
                  p.onExport(f);
                }}
              >
                {t(f === 'xlsx' ? 'grid.exportXlsx' : 'grid.exportCsv')}
              </button>
            ))}
          </div>
        </Popover>
      )}
    </div>
  );
}
