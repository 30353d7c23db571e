import { useI18n } from '../../i18n';
import { href } from '../../lib/router';
import { CasePage } from './CasePage';
import { CaseListView } from './CaseListView';
import { SettingsView } from './SettingsView';
import { TargetsView } from './TargetsView';
import { WorklistView } from './WorklistView';
import { useCollectionsRoute } from './route';
import './collections.css';

/** 催收: today's work list, the case files, and collection targets. */
export function CollectionsPage() {
  const { t } = useI18n();
  const route = useCollectionsRoute();
  if (route.view === 'case') return <CasePage key={route.id} id={route.id} />;
  const tabs = [
    { view: 'worklist', path: 'collections', label: t('coll.tab.worklist') },
    { view: 'cases', path: 'collections/cases', label: t('coll.tab.cases') },
    { view: 'targets', path: 'collections/targets', label: t('coll.tab.targets') },
    { view: 'settings', path: 'collections/settings', label: t('coll.tab.settings') },
  ] as const;
  return (
    <div className="page fill coll-page">
      <nav className="coll-tabs" aria-label={t('nav.collections')}>
        {tabs.map((tab) => (
          <a key={tab.view} href={href(tab.path)} data-tab={tab.view} className={route.view === tab.view ? 'active' : undefined} aria-current={route.view === tab.view ? 'page' : undefined}>
            {tab.label}
          </a>
        ))}
      </nav>
      {route.view === 'worklist' && <WorklistView />}
      {route.view === 'cases' && <CaseListView />}
      {route.view === 'targets' && <TargetsView />}
      {route.view === 'settings' && <SettingsView />}
    </div>
  );
}
