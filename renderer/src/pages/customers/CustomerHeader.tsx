import type { ReactNode } from 'react';
import type { Contact, CustomerLedger } from '../../../../shared/domain';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { href } from '../../lib/router';
import { StatusBadge } from './columns';
import { overdueAmount } from './ledgerMath';

/** The credit file at a glance: who, terms and limit, contacts, and where the account stands. */
export function CustomerHeader({ ledger }: { ledger: CustomerLedger }) {
  const { t } = useI18n();
  const c = ledger.customer;
  const d = ledger.digits;
  const overdue = overdueAmount(ledger);
  const overLimit = c.creditLimit > 0 && ledger.balance > c.creditLimit;
  return (
    <section className="customer-header" aria-label={t('customer.creditFile')}>
      <div className="customer-title">
        <h1>
          <span className="customer-code">{c.code}</span> {c.name}
        </h1>
        <StatusBadge status={c.status} t={t} />
        <a className="button small" href={href(`customers/${c.id}/edit`)} data-action="edit-customer">
          {t('customers.edit')}
        </a>
      </div>
      <div className="kpis">
        <Kpi label={t('customer.balance')} testId="balance">
          <Money amount={ledger.balance} digits={d} /> <span className="currency">{c.currency}</span>
        </Kpi>
        <Kpi label={t('customer.overdue')} testId="overdue" alert={overdue > 0}>
          <Money amount={overdue} digits={d} />
        </Kpi>
        <Kpi label={t('customer.unapplied')} testId="unapplied">
          <Money amount={ledger.unapplied} digits={d} />
        </Kpi>
        <Kpi label={t('customer.creditLimit')} testId="credit-limit" alert={overLimit}>
          <Money amount={c.creditLimit} digits={d} />
        </Kpi>
      </div>
      <dl className="facts">
        <Fact label={t('customer.salesperson')} value={c.salesperson} />
        <Fact label={t('customer.terms')} value={t('customer.termsValue', { days: c.paymentTermsDays })} />
        <Fact label={t('customer.currency')} value={c.currency} />
        <Fact label={t('customer.language')} value={t(`lang.${c.language}`)} />
        <Fact label={t('customer.since')} value={c.createdAt.slice(0, 10)} />
        <ContactFact label={t('customer.contact.original')} contact={c.contacts.original} />
        <ContactFact label={t('customer.contact.finance')} contact={c.contacts.finance} />
        <ContactFact label={t('customer.contact.decision')} contact={c.contacts.decision} />
        {c.notes && <Fact label={t('customer.notes')} value={c.notes} wide />}
      </dl>
    </section>
  );
}

function Kpi(props: { label: string; testId: string; alert?: boolean; children: ReactNode }) {
  return (
    <div className={`kpi${props.alert ? ' alert' : ''}`} data-kpi={props.testId}>
      <div className="kpi-label">{props.label}</div>
      <div className="kpi-value">{props.children}</div>
    </div>
  );
}

function Fact(props: { label: string; value: string; wide?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={`fact${props.wide ? ' wide' : ''}`}>
      <dt>{props.label}</dt>
      <dd>{props.value || t('common.none')}</dd>
    </div>
  );
}

function ContactFact({ label, contact }: { label: string; contact: Contact }) {
  const parts = [contact.name, contact.phone, contact.email, contact.address].filter(Boolean);
  return <Fact label={label} value={parts.join(' · ')} />;
}
