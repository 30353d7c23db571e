import type { ApiErrorBody } from '../../../shared/errors';
import { useI18n } from '../i18n';

export function ErrorBox(props: { error: ApiErrorBody; onRetry?: () => void }) {
  const { t, tError } = useI18n();
  return (
    <div className="error-box" role="alert">
      <p>{tError(props.error)}</p>
      {props.onRetry && (
        <button type="button" onClick={props.onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
