/**
 * Page models for the browser end-to-end test. Selectors use names and data attributes, not
 * visible text, so the same models drive the app in English and in Chinese.
 */
import type { Locator, Page } from 'playwright-core';

export const SHOTS_DIR = '/tmp/arw-shots';

export class AppFrame {
  constructor(readonly page: Page) {}

  nav(section: 'overview' | 'customers' | 'aging' | 'credit' | 'collections' | 'documents' | 'settings'): Locator {
    return this.page.locator(`nav [data-nav=${section}]`);
  }

  async go(section: Parameters<AppFrame['nav']>[0]): Promise<void> {
    await this.nav(section).click();
  }

  async setLanguage(lang: 'en' | 'zh'): Promise<void> {
    await this.page.locator('[data-testid=language-switch]').selectOption(lang);
    await this.page.locator(`html[lang=${lang === 'zh' ? 'zh-CN' : 'en'}]`).waitFor();
  }

  companyName(): Locator {
    return this.page.locator('[data-testid=company-name]');
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
  }
}

export class FirstRunPage {
  constructor(readonly page: Page) {}

  async createLedger(companyName: string, currency: string): Promise<void> {
    await this.page.locator('input[name=companyName]').fill(companyName);
    await this.page.locator('select[name=currency]').selectOption(currency);
    await this.page.locator('[data-action=create-ledger]').click();
    await this.page.locator('nav [data-nav=customers]').waitFor();
  }
}

export interface NewCustomer {
  code: string;
  name: string;
  salesperson: string;
  termsDays: number;
  creditLimit: string;
  financeContact: { name: string; phone: string; email: string };
}

export class CustomersPage {
  constructor(readonly page: Page) {}

  grid(): Locator {
    return this.page.locator('[role=grid]');
  }

  row(code: string): Locator {
    return this.grid().locator('[role=row]', { hasText: code });
  }

  async search(text: string): Promise<void> {
    await this.page.locator('input[name=customer-search]').fill(text);
  }

  async create(c: NewCustomer): Promise<void> {
    await this.page.locator('[data-action=new-customer]').click();
    const form = this.page.locator('form');
    await form.locator('input[name=code]').fill(c.code);
    await form.locator('input[name=name]').fill(c.name);
    await form.locator('input[name=salesperson]').fill(c.salesperson);
    await form.locator('input[name=paymentTermsDays]').fill(String(c.termsDays));
    await form.locator('input[name=creditLimit]').fill(c.creditLimit);
    await form.locator('input[name="contacts.finance.name"]').fill(c.financeContact.name);
    await form.locator('input[name="contacts.finance.phone"]').fill(c.financeContact.phone);
    await form.locator('input[name="contacts.finance.email"]').fill(c.financeContact.email);
    await form.locator('[data-action=save-customer]').click();
    await this.page.locator('.customer-header').waitFor();
  }
}

export interface InvoiceInput {
  number: string;
  date: string;
  lines: { item: string; quantity: string; unitPrice: string }[];
  acceptancePerson?: string;
}

export interface PaymentInput {
  reference: string;
  date: string;
  amount: string;
  appliesTo?: string;
}

export class CustomerDetailPage {
  constructor(readonly page: Page) {}

  title(): Locator {
    return this.page.locator('.customer-title h1');
  }

  kpi(name: 'balance' | 'overdue' | 'unapplied' | 'credit-limit'): Locator {
    return this.page.locator(`[data-kpi=${name}] .money`);
  }

  /** The ledger row of document `number` (not the rows that merely mention it, like a receipt applied to it). */
  ledgerRow(number: string): Locator {
    return this.page
      .locator('[role=grid] [role=row].body-row')
      .filter({ has: this.page.locator('.doc-number').getByText(number, { exact: true }) });
  }

  dialog(): Locator {
    return this.page.locator('[role=dialog]');
  }

  notice(): Locator {
    return this.page.locator('.toolbar [role=status]');
  }

  /** Open the invoice form and fill it; returns the live total shown before posting. */
  async fillInvoice(inv: InvoiceInput): Promise<string> {
    await this.page.locator('[data-action=invoice]').click();
    const d = this.dialog();
    await d.locator('input[name=number]').fill(inv.number);
    await d.locator('input[name=date]').fill(inv.date);
    for (let i = 0; i < inv.lines.length; i++) {
      if (i > 0) await d.locator('.line-items tfoot button').click();
      await d.locator(`input[name="lines.${i}.item"]`).fill(inv.lines[i].item);
      await d.locator(`input[name="lines.${i}.quantity"]`).fill(inv.lines[i].quantity);
      await d.locator(`input[name="lines.${i}.unitPrice"]`).fill(inv.lines[i].unitPrice);
    }
    if (inv.acceptancePerson) await d.locator('input[name=acceptancePerson]').fill(inv.acceptancePerson);
    return (await d.locator('[data-testid=invoice-total]').textContent()) ?? '';
  }

  async submitDialog(action: 'post-invoice' | 'post-payment' | 'confirm-reverse'): Promise<void> {
    await this.dialog().locator(`[data-action=${action}]`).click();
  }

  async openPayment(kind: 'receipt' | 'credit_note' | 'write_off'): Promise<void> {
    await this.page.locator(`[data-action=${kind}]`).click();
    await this.dialog().waitFor();
  }

  async fillPayment(p: PaymentInput): Promise<void> {
    const d = this.dialog();
    await d.locator('input[name=reference]').fill(p.reference);
    await d.locator('input[name=date]').fill(p.date);
    await d.locator('input[name=amount]').fill(p.amount);
    if (p.appliesTo) await d.locator('select[name=appliesTo]').selectOption(p.appliesTo);
  }

  /** The error shown under a form input, e.g. fieldError('amount'). */
  fieldError(name: string): Locator {
    return this.dialog().locator(`[data-error-for="${name}"]`);
  }

  async reverse(number: string, reason: string, date?: string): Promise<void> {
    await this.ledgerRow(number).locator('[data-action=reverse]').click();
    const d = this.dialog();
    await d.locator('textarea[name=reason]').fill(reason);
    if (date) await d.locator('input[name=date]').fill(date);
  }
}

export class AgingPage {
  constructor(readonly page: Page) {}

  async setAsOf(date: string): Promise<void> {
    await this.page.locator('input[name=asOf]').fill(date);
  }

  row(code: string): Locator {
    return this.page.locator('[role=grid] [role=row].body-row', { hasText: code });
  }

  totals(): Locator {
    return this.page.locator('[role=grid] .totals-row');
  }

  columnHeaders(): Locator {
    return this.page.locator('[role=grid] [role=columnheader]');
  }
}
