import { EmptyState } from '../components/EmptyState';
import { useI18n } from '../i18n';

/** Honest placeholders for the sections later releases fill in. */
export function LaterPage({ section }: { section: 'credit' | 'collections' | 'documents' }) {
  const { t } = useI18n();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t(`nav.${section}`)}</h1>
      </div>
      <EmptyState title={t('later.title')}>
        <p>{t(`later.${section}`)}</p>
      </EmptyState>
    </div>
  );
}
