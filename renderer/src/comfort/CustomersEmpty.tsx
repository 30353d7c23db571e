import { EmptyState } from '../components/EmptyState';
import { useI18n } from '../i18n';
import { href } from '../lib/router';
import { ImportButton } from '../pages/import/ImportButton';
import { startTour } from './HeaderTools';

/** The customer list before there is anyone in it: what to do first. */
export function CustomersEmpty({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  return (
    <div className="empty-wrap" data-testid="customers-empty">
      <EmptyState title={t('empty.customers.title')}>
        <p>{t('empty.customers.body')}</p>
        <div className="empty-actions">
          <ImportButton className="primary" kind="customers" onImported={onImported} />
          <a className="button" href={href('customers/new')}>
            {t('customers.new')}
          </a>
          <button type="button" className="link-button" data-action="empty-tour" onClick={startTour}>
            {t('empty.customers.tour')}
          </button>
        </div>
      </EmptyState>
    </div>
  );
}
