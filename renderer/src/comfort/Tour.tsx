import { useEffect, useLayoutEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { navigate } from '../lib/router';

const STEPS = ['customers', 'aging', 'credit', 'collections', 'documents', 'overview', 'settings'] as const;

/**
 * A short tour of the sections: a card beside each navigation entry, which it outlines. It does
 * not block the page; it starts only when asked (help menu, or the empty customer list).
 */
export function Tour({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const [i, setI] = useState(0);
  const [top, setTop] = useState(80);
  const section = STEPS[i];

  useLayoutEffect(() => {
    const el = document.querySelector<HTMLElement>(`nav [data-nav=${section}]`);
    el?.classList.add('tour-target');
    const r = el?.getBoundingClientRect();
    if (r) setTop(Math.max(56, r.top - 8));
    return () => el?.classList.remove('tour-target');
  }, [section]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const go = (n: number) => {
    setI(n);
    navigate(STEPS[n]);
  };
  const last = i === STEPS.length - 1;
  return (
    <div className="tour-card" role="dialog" aria-labelledby="tour-title" style={{ top }} data-testid="tour" data-step={section}>
      <div className="tour-arrow" />
      <div className="tour-head">
        <h2 id="tour-title">{t(`tour.${section}.title` as MessageKey)}</h2>
        <span className="muted">{t('tour.step', { n: i + 1, total: STEPS.length })}</span>
      </div>
      <p>{t(`tour.${section}.body` as MessageKey)}</p>
      <div className="tour-actions">
        <button type="button" className="link-button" onClick={onClose}>
          {t('tour.skip')}
        </button>
        <div className="header-spacer" />
        {i > 0 && (
          <button type="button" onClick={() => go(i - 1)}>
            {t('tour.back')}
          </button>
        )}
        <button type="button" className="primary" data-action="tour-next" autoFocus onClick={() => (last ? onClose() : go(i + 1))}>
          {last ? t('tour.done') : t('tour.next')}
        </button>
      </div>
    </div>
  );
}
