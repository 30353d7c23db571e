import { useI18n } from '../../../i18n';

/** Submit and cancel, the same in every collections dialog. */
export function FormButtons(props: { busy: boolean; label: string; action: string; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={props.busy} data-action={props.action}>
        {props.label}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
