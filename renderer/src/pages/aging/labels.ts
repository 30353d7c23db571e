/** Labels of buckets and classes in the user's language. */
import { bucketRange, type CollectionClass } from '../../../../shared/aging-workspace/settings';
import type { Translate } from '../../i18n';

export function bucketLabel(i: number, bounds: readonly number[], t: Translate): string {
  const { from, to } = bucketRange(i, bounds);
  if (from === null) return to === 0 ? t('agingWs.notDue') : t('agingWs.upToDays', { days: to ?? 0 });
  if (to === null) return t('agingWs.over', { days: from - 1 });
  return t('agingWs.range', { from, to });
}

export function bucketLabels(bounds: readonly number[], t: Translate): string[] {
  return Array.from({ length: bounds.length + 1 }, (_, i) => bucketLabel(i, bounds, t));
}

export function classLabel(cls: CollectionClass, t: Translate): string {
  return t(`agingWs.class.${cls}`);
}
