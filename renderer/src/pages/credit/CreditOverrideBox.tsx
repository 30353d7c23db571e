import type { ApiErrorBody } from '../../../../shared/errors';
import { useI18n } from '../../i18n';

export function isCreditHold(error: ApiErrorBody | null): boolean {
  return error?.key === 'error.creditHold' || error?.key === 'error.creditLimited';
}

/**
 * Under a delivery the credit hold refused (the form shows why, with the numbers): the reason for
 * overriding it. Posting with a reason records the override on the customer and in the audit log.
 */
export function CreditOverrideBox(props: { reason: string; onReason(reason: string): void }) {
  const { t } = useI18n();
  return (
    <fieldset className="credit-override" data-testid="credit-override">
      <legend>{t('credit.override.title')}</legend>
      <label className="field wide">
        <span className="field-label">{t('credit.override.reason')}</span>
        <textarea name="override-reason" rows={2} value={props.reason} onChange={(e) => props.onReason(e.target.value)} />
      </label>
    </fieldset>
  );
}
