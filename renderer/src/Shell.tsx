import { useLayoutEffect } from 'react';
import { call } from './api';
import { LanguageSwitch } from './components/LanguageSwitch';
import { HeaderTools } from './comfort/HeaderTools';
import { useI18n, type MessageKey } from './i18n';
import { setFormatLanguage, setNumberFormat } from './lib/format';
import { useLoad } from './lib/useLoad';
import { href, sectionOf, useRoute, type Route, type Section } from './lib/router';
import { AgingPage } from './pages/aging/AgingPage';
import { OverviewPage } from './pages/overview/OverviewPage';
import { DocumentsPage } from './pages/documents/DocumentsPage';
import { CollectionsPage } from './pages/collections/CollectionsPage';
import { CreditPage } from './pages/credit/CreditPage';
import { CustomerDetailPage } from './pages/customers/CustomerDetailPage';
import { CustomerNewPage } from './pages/customers/CustomerNewPage';
import { CustomersPage } from './pages/customers/CustomersPage';
import { SettingsPage } from './pages/settings/SettingsPage';

const NAV: { section: Section; label: MessageKey }[] = [
  { section: 'overview', label: 'nav.overview' },
  { section: 'customers', label: 'nav.customers' },
  { section: 'aging', label: 'nav.aging' },
  { section: 'credit', label: 'nav.credit' },
  { section: 'collections', label: 'nav.collections' },
  { section: 'documents', label: 'nav.documents' },
  { section: 'settings', label: 'nav.settings' },
];

/** The app frame: header, left navigation, and the page of the current route. */
export function Shell(props: { ledgerName: string; mode: 'desktop' | 'web' }) {
  const { t, lang } = useI18n();
  const route = useRoute();
  // The ledger's number format, known before any page shows an amount (Settings may change it later).
  const display = useLoad(
    () =>
      call('display-settings-get', {}).then((d) => {
        setNumberFormat(d.numberFormat);
        return d;
      }),
    [],
  );
  useLayoutEffect(() => setFormatLanguage(lang), [lang]);
  const current = sectionOf(route);
  // Settings may rename the company; reload the name whenever the section changes.
  const company = useLoad(() => call('company-get', {}), [current]);
  return (
    <div className="shell">
      <header className="app-header">
        <div className="brand">{t('app.title')}</div>
        <div className="ledger-name" title={`${t('app.ledger')}: ${props.ledgerName}`} data-testid="company-name">
          {company.data?.name ?? props.ledgerName}
        </div>
        <div className="header-spacer" />
        {props.mode === 'web' && <span className="mode-badge">{t('app.browserMode')}</span>}
        <HeaderTools />
        <LanguageSwitch />
      </header>
      <nav className="side-nav" aria-label={t('nav.main')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.section}>
              <a
                href={href(item.section)}
                data-nav={item.section}
                className={current === item.section ? 'active' : undefined}
                aria-current={current === item.section ? 'page' : undefined}
              >
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {display.data || display.error ? <Page route={route} /> : null}
      </main>
    </div>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'customers':
      return <CustomersPage />;
    case 'customer-new':
      return <CustomerNewPage />;
    case 'customer-edit':
      return <CustomerNewPage key={`edit-${route.id}`} id={route.id} />;
    case 'customer':
      return <CustomerDetailPage key={route.id} id={route.id} />;
    case 'aging':
      return <AgingPage />;
    case 'settings':
      return <SettingsPage />;
    case 'collections':
      return <CollectionsPage />;
    case 'documents':
      return <DocumentsPage />;
    case 'credit':
      return <CreditPage />;
  }
}
