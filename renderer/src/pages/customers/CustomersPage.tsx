import { useMemo, useState } from 'react';
import { call } from '../../api';
import { DataGrid } from '../../components/DataGrid';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { customerColumns } from './columns';
import { ImportButton } from '../import/ImportButton';
import { CustomersEmpty } from '../../comfort/CustomersEmpty';

/** The customer list: search, sort, and open a customer's ledger. */
export function CustomersPage() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const list = useLoad(() => call('customer-list', {}), []);
  const columns = useMemo(() => customerColumns(t), [t]);

  return (
    <div className="page fill">
      <div className="page-header">
        <h1>{t('customers.title')}</h1>
        {list.data && <span className="muted">{t('customers.count', { count: list.data.length })}</span>}
        <div className="header-spacer" />
        <input
          type="search"
          className="search"
          name="customer-search"
          aria-label={t('common.search')}
          placeholder={t('customers.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <ImportButton onImported={list.reload} />
        <a className="button primary" href={href('customers/new')} data-action="new-customer">
          {t('customers.new')}
        </a>
      </div>
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.length === 0 && search === '' && <CustomersEmpty onImported={list.reload} />}
      {list.data && (list.data.length > 0 || search !== '') && (
        <DataGrid
          gridId="customers"
          label={t('customers.title')}
          data={list.data}
          columns={columns}
          getRowId={(c) => String(c.id)}
          globalFilter={search}
          initialSorting={[{ id: 'code', desc: false }]}
          onRowActivate={(c) => navigate(`customers/${c.id}`)}
          rowClassName={(c) => (c.overdue > 0 ? 'has-overdue' : '')}
          emptyText={t('customers.empty')}
        />
      )}
    </div>
  );
}
