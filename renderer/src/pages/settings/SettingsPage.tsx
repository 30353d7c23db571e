import { useState } from 'react';
import { useI18n } from '../../i18n';
import { ImportCard } from '../import/ImportButton';
import { BackupFolderCard } from './BackupFolderCard';
import { CompanyForm } from './CompanyForm';
import { CompanyImages } from './CompanyImages';
import { GeneralCard } from './GeneralCard';
import { IntegrityPanel } from './IntegrityPanel';
import { LetterTemplatesCard } from './LetterTemplatesCard';
import { RatesCard } from './RatesCard';
import { AgingPolicyCard, CreditPolicyCard } from './PolicyCards';
import './settings.css';

/**
 * Settings: cards in two columns on a wide window (one on a narrow one); wide cards span both.
 * Pairs sit side by side so their tops line up: language and numbers beside the company profile,
 * the logo and seal beside the import, the two policies, then templates, backups and data safety.
 */
export function SettingsPage() {
  const { t } = useI18n();
  const [folderChanged, setFolderChanged] = useState(0);
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <div className="settings-grid">
        <GeneralCard />
        <CompanyForm />
        <CompanyImages />
        <ImportCard />
        <AgingPolicyCard />
        <CreditPolicyCard />
        <RatesCard />
        <LetterTemplatesCard />
        <BackupFolderCard onChanged={() => setFolderChanged((n) => n + 1)} />
        <IntegrityPanel refresh={folderChanged} />
      </div>
    </div>
  );
}
