/**
 * Settings › the aging and credit policies: a summary of each, and the very dialogs the Aging and
 * Credit pages use to change them (one editor per policy, wherever it is opened from).
 */
import { useState } from 'react';
import { CLASSES } from '../../../../shared/aging-workspace/settings';
import { GRADES } from '../../../../shared/credit/types';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { SettingsDialog as AgingSettingsDialog } from '../aging/SettingsDialog';
import { bucketLabels, classLabel } from '../aging/labels';
import { SettingsDialog as CreditSettingsDialog } from '../credit/SettingsDialog';

export function AgingPolicyCard() {
  const { t } = useI18n();
  const settings = useLoad(() => call('aging-settings-get', {}), []);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const s = settings.data;
  return (
    <section className="card settings-card policy-card" data-testid="settings-aging">
      <h2>{t('settings.policy.aging')}</h2>
      <p className="hint">{t('settings.policy.agingHint')}</p>
      {settings.error && <ErrorBox error={settings.error} onRetry={settings.reload} />}
      {s && (
        <dl className="policy-summary">
          <dt>{t('settings.policy.buckets')}</dt>
          <dd className="chips">
            {bucketLabels(s.bucketBounds, t).map((label, i) => (
              <span key={i} className="chip">
                {label} · {s.recoveryBp[i] / 100}%
              </span>
            ))}
          </dd>
          <dt>{t('settings.policy.classes')}</dt>
          <dd className="chips">
            {CLASSES.slice(1).map((c, i) => (
              <span key={c} className={`chip class-chip class-${c}`}>
                {t('settings.policy.classFrom', { label: classLabel(c, t), days: (i === 0 ? 0 : s.classBounds[i - 1]) + 1 })}
              </span>
            ))}
          </dd>
        </dl>
      )}
      <PolicyActions disabled={!s} action="edit-aging-settings" saved={saved} onEdit={() => setOpen(true)} />
      {open && s && (
        <AgingSettingsDialog
          settings={s}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setSaved(true);
            settings.reload();
          }}
        />
      )}
    </section>
  );
}

export function CreditPolicyCard() {
  const { t } = useI18n();
  const settings = useLoad(() => call('credit-settings-get', {}), []);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const s = settings.data;
  const holds = s
    ? [
        s.policy.maxOverdueDays !== null ? t('settings.policy.holdOverdue', { days: s.policy.maxOverdueDays }) : null,
        s.policy.overLimit ? t('settings.policy.holdLimit') : null,
        s.policy.holdGrade !== null ? t('settings.policy.holdGrade', { grade: s.policy.holdGrade }) : null,
      ].filter((x): x is string => x !== null)
    : [];
  return (
    <section className="card settings-card policy-card" data-testid="settings-credit">
      <h2>{t('settings.policy.credit')}</h2>
      <p className="hint">{t('settings.policy.creditHint')}</p>
      {settings.error && <ErrorBox error={settings.error} onRetry={settings.reload} />}
      {s && (
        <dl className="policy-summary">
          <dt>{t('settings.policy.grades')}</dt>
          <dd className="chips">
            {GRADES.map((g) => (
              <span key={g} className="chip">
                <span className={`grade grade-${g}`}>{g}</span> {g === 'E' ? `< ${s.grades.D}` : `≥ ${s.grades[g]}`} · {t(`credit.review.${s.review[g]}`)}
              </span>
            ))}
          </dd>
          <dt>{t('settings.policy.holds')}</dt>
          <dd>{holds.length ? holds.join(' · ') : t('settings.policy.holdNone')}</dd>
          <dt>{t('settings.policy.action')}</dt>
          <dd>{s.policy.action === 'block' ? t('settings.policy.actionBlock') : t('settings.policy.actionLimit', { pct: s.policy.limitedPct })}</dd>
        </dl>
      )}
      <PolicyActions disabled={!s} action="edit-credit-settings" saved={saved} onEdit={() => setOpen(true)} />
      {open && s && (
        <CreditSettingsDialog
          settings={s}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            setSaved(true);
            settings.reload();
          }}
        />
      )}
    </section>
  );
}

/** The card's edit button and the "saved" notice, the same on both policy cards. */
function PolicyActions(p: { disabled: boolean; action: string; saved: boolean; onEdit(): void }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="button" disabled={p.disabled} onClick={p.onEdit} data-action={p.action}>
        {t('settings.policy.edit')}
      </button>
      {p.saved && (
        <span className="notice" role="status">
          {t('settings.policy.saved')}
        </span>
      )}
    </div>
  );
}
