import { useState } from 'react';
import type { ImportKindName } from '../../../../shared/api/imports';
import { useI18n } from '../../i18n';
import { ImportWizard } from './ImportWizard';

/** "Import…": opens the wizard; `onImported` refreshes the page behind it. */
export function ImportButton(props: { kind?: ImportKindName; onImported?(): void; className?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={props.className} data-action="open-import" onClick={() => setOpen(true)}>
        {t('import.button')}
      </button>
      {open && <ImportWizard initialKind={props.kind} onClose={() => setOpen(false)} onImported={props.onImported} />}
    </>
  );
}

/** The Settings card that leads to the wizard. */
export function ImportCard() {
  const { t } = useI18n();
  return (
    <section className="card settings-card import-settings-card" data-testid="import-card">
      <h2>{t('import.title')}</h2>
      <p className="hint">{t('import.settingsHint')}</p>
      <ImportButton />
    </section>
  );
}
