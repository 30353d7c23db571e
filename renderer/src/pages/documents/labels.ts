import type { PaperKindName, PaperStatus } from '../../../../shared/api/papers';
import type { MessageKey } from '../../i18n';

export const kindKey = (k: PaperKindName) => `doc.kind.${k}` as MessageKey;
export const statusKey = (s: PaperStatus | 'converted') => `doc.status.${s}` as MessageKey;
/** ISO timestamp to "2026-04-02 16:05" in local time. */
export function stamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
