import type { CollectionClass } from '../../../../shared/aging-workspace/settings';
import { useI18n } from '../../i18n';
import { classLabel } from './labels';

/** A collection class in its colour (未收款 … 死账); "manual" when set by hand. */
export function ClassBadge(props: { cls: CollectionClass; manual?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`class-badge cls-${props.cls}`} data-class={props.cls}>
      {classLabel(props.cls, t)}
      {props.manual && <span className="class-manual">{t('agingWs.manual')}</span>}
    </span>
  );
}
