/**
 * Which automatic backups to keep: the newest of each of the last `daily` days that have one, of
 * the last `weekly` ISO weeks, and of the last `monthly` months (grandfather-father-son). Manual
 * and pre-restore backups are never pruned automatically.
 */
import type { BackupKind, BackupSettings } from '../../shared/api/integrity';

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { enabled: true, daily: 7, weekly: 4, monthly: 12 };

export interface Dated {
  name: string;
  kind: BackupKind;
  createdAt: string;
}

const ROTATED: ReadonlySet<BackupKind> = new Set(['daily', 'close']);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function weekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

export function monthKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** Names of the backups to keep; every other automatic backup may be deleted. */
export function backupsToKeep(backups: Dated[], settings: Pick<BackupSettings, 'daily' | 'weekly' | 'monthly'>): Set<string> {
  const keep = new Set<string>();
  const rotated = backups.filter((b) => ROTATED.has(b.kind)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
  for (const b of backups) if (!ROTATED.has(b.kind)) keep.add(b.name);
  const tiers: [number, (d: Date) => string][] = [
    [settings.daily, dayKey],
    [settings.weekly, weekKey],
    [settings.monthly, monthKey],
  ];
  for (const [count, key] of tiers) {
    const seen = new Set<string>();
    for (const b of rotated) {
      if (seen.size >= count) break;
      const k = key(new Date(b.createdAt));
      if (seen.has(k)) continue; // newest first: the first one seen is that period's newest
      seen.add(k);
      keep.add(b.name);
    }
  }
  return keep;
}
