import { useCallback, useState } from 'react';
import type { IssueResult } from '../../../../shared/api/papers';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../lib/router';
import { AwaitingView } from './AwaitingView';
import { BatchView } from './BatchView';
import { ConfirmationsView } from './ConfirmationsView';
import { DemandDialog, IssueIouDialog, IssueStatementDialog } from './IssueDialogs';
import { IssuedNotice } from './IssuedNotice';
import { RegisterView } from './RegisterView';
import { useDocumentsRoute } from './route';
import './documents.css';

type Issue = { what: 'statement' | 'iou' | 'demand'; customerId: number | null } | null;

/** The papers customers sign: what is out for signature, the register, price confirmations, month-end. */
export function DocumentsPage() {
  const { t } = useI18n();
  const route = useDocumentsRoute();
  const [refresh, setRefresh] = useState(0);
  const [issue, setIssue] = useState<Issue>(null);
  const [issued, setIssued] = useState<IssueResult | null>(null);
  const changed = useCallback(() => setRefresh((n) => n + 1), []);
  const onIssued = (r: IssueResult) => {
    setIssue(null);
    setIssued(r);
    changed();
  };
  const tabs = [
    { view: 'awaiting', path: 'documents', label: t('doc.tab.awaiting') },
    { view: 'register', path: 'documents/register', label: t('doc.tab.register') },
    { view: 'confirmations', path: 'documents/confirmations', label: t('doc.tab.confirmations') },
    { view: 'month-end', path: 'documents/month-end', label: t('doc.tab.monthEnd') },
  ] as const;
  return (
    <div className="page fill doc-page">
      <div className="doc-top">
        <nav className="doc-tabs" aria-label={t('nav.documents')}>
          {tabs.map((tab) => (
            <a key={tab.view} href={href(tab.path)} data-tab={tab.view} className={route.view === tab.view ? 'active' : undefined} aria-current={route.view === tab.view ? 'page' : undefined}>
              {tab.label}
            </a>
          ))}
        </nav>
        <div className="doc-issue">
          <button type="button" onClick={() => setIssue({ what: 'statement', customerId: null })} data-action="issue-statement">
            {t('doc.action.issueStatement')}
          </button>
          <button type="button" onClick={() => setIssue({ what: 'iou', customerId: null })} data-action="issue-iou">
            {t('doc.action.issueIou')}
          </button>
          <button type="button" onClick={() => setIssue({ what: 'demand', customerId: null })} data-action="issue-demand">
            {t('doc.action.issueDemand')}
          </button>
        </div>
      </div>
      {issued && (
        <IssuedNotice
          result={issued}
          onDismiss={() => setIssued(null)}
        />
      )}
      {route.view === 'awaiting' && <AwaitingView refresh={refresh} onIssueStatement={(customerId) => setIssue({ what: 'statement', customerId })} />}
      {route.view === 'register' && <RegisterView selected={route.id} refresh={refresh} onChanged={changed} />}
      {route.view === 'confirmations' && <ConfirmationsView editing={route.editing} newFor={route.newFor} refresh={refresh} onIssued={onIssued} onChanged={changed} />}
      {route.view === 'month-end' && <BatchView onChanged={changed} />}
      {issue?.what === 'statement' && <IssueStatementDialog customerId={issue.customerId} onClose={() => setIssue(null)} onIssued={onIssued} />}
      {issue?.what === 'iou' && <IssueIouDialog customerId={issue.customerId} onClose={() => setIssue(null)} onIssued={onIssued} />}
      {issue?.what === 'demand' && <DemandDialog customerId={issue.customerId} onClose={() => setIssue(null)} onIssued={onIssued} />}
    </div>
  );
}

/** Opens a paper in the register (used after issuing from elsewhere). */
export const openPaper = (id: number) => navigate(`documents/register/${id}`);
