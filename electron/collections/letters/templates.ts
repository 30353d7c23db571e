/**
 * The words of each step of the letter ladder, in both languages. The SMS and the e-mail follow
 * templates (shared/letter-templates.ts: the built-in wording, or the ledger's own from Settings);
 * the lawyer hand-off keeps its fixed wording here, the demand letter its own in the PDF.
 */
import type { Language } from '../../../shared/domain';
import { fillTemplate, templateFor, type PlaceholderValues, type StoredTemplates } from '../../../shared/letter-templates';

export interface LetterFacts {
  company: string;
  companyAddress: string;
  customer: string;
  customerCode: string;
  contact: string;
  currency: string;
  asOf: string;
  deadline: string;
  invoices: { number: string; date: string; dueDate: string; open: number; daysOverdue: number; interest: number }[];
  principal: number;
  interest: number;
  fees: number;
  ratePercent: string;
  /** Formatted amounts (the caller knows the currency's digits). */
  fmt(amount: number): string;
  owner: string;
  stage: string;
  limitationExpires: string | null;
}

export interface TextLetter {
  subject: string;
  body: string;
}

const list = (f: LetterFacts) => f.invoices.map((i) => i.number).join(', ');
const earliestDue = (f: LetterFacts) => f.invoices.reduce((m, i) => (i.dueDate < m ? i.dueDate : m), f.invoices[0]?.dueDate ?? f.asOf);
const overdue = (f: LetterFacts) => f.invoices.some((i) => i.daysOverdue > 0);

/** The value of every placeholder for these facts ({invoice_lines} in the letter's language). */
export function placeholderValues(f: LetterFacts, lang: Language): PlaceholderValues {
  return {
    customer: f.customer,
    customer_code: f.customerCode,
    contact: f.contact || f.customer,
    company: f.company,
    amount: `${f.currency} ${f.fmt(f.principal)}`,
    currency: f.currency,
    invoices: list(f),
    invoice_lines: invoiceLines(f, lang),
    due_date: earliestDue(f),
    days_overdue: String(f.invoices.reduce((m, i) => Math.max(m, i.daysOverdue), 0)),
    as_of: f.asOf,
    deadline: f.deadline,
    owner: f.owner,
  };
}

/** Any template (a stored one, or one being edited in Settings) filled with these facts. */
export function renderTemplate(f: LetterFacts, lang: Language, text: string): string {
  return fillTemplate(text, placeholderValues(f, lang));
}

/** The SMS: before the due date a courtesy reminder, after it a request to pay by the deadline. */
export function smsText(f: LetterFacts, lang: Language, stored: StoredTemplates = {}): string {
  return renderTemplate(f, lang, templateFor(stored, lang, overdue(f) ? 'sms_overdue' : 'sms_reminder'));
}

function invoiceLines(f: LetterFacts, lang: Language): string {
  return f.invoices
    .map((i) =>
      lang === 'zh'
        ? `  · 发票 ${i.number}，开票日 ${i.date}，到期日 ${i.dueDate}，未付 ${f.currency} ${f.fmt(i.open)}${i.daysOverdue > 0 ? `（逾期 ${i.daysOverdue} 天）` : ''}`
        : `  - Invoice ${i.number} of ${i.date}, due ${i.dueDate}: ${f.currency} ${f.fmt(i.open)} open${i.daysOverdue > 0 ? ` (${i.daysOverdue} days overdue)` : ''}`,
    )
    .join('\n');
}

export function emailLetter(f: LetterFacts, lang: Language, stored: StoredTemplates = {}): TextLetter {
  const values = placeholderValues(f, lang);
  return {
    // A subject is one line whatever the template or the names in it hold.
    subject: fillTemplate(templateFor(stored, lang, 'email_subject'), values).replace(/[\r\n]+/g, ' '),
    body: fillTemplate(templateFor(stored, lang, 'email_body'), values),
  };
}

export function handoffLetter(f: LetterFacts, lang: Language): TextLetter {
  const total = f.principal + f.interest + f.fees;
  if (lang === 'zh') {
    return {
      subject: `【委托催收】${f.customer}（${f.customerCode}）欠款 ${f.currency} ${f.fmt(total)}`,
      body: [
        '律师您好：',
        '',
        `我司现委托贵所就 ${f.customer} 拖欠货款一事发送律师函并视情况提起诉讼。截至 ${f.asOf}：`,
        `  · 本金：${f.currency} ${f.fmt(f.principal)}`,
        `  · 逾期利息（年利率 ${f.ratePercent}%，单利，按 365 天计）：${f.currency} ${f.fmt(f.interest)}`,
        `  · 费用：${f.currency} ${f.fmt(f.fees)}`,
        `  · 合计：${f.currency} ${f.fmt(total)}`,
        f.limitationExpires ? `  · 诉讼时效届满日：${f.limitationExpires}` : '',
        '',
        '涉及发票：',
        invoiceLines(f, lang),
        '',
        '完整案卷（案情说明 PDF、证据目录及全部证据文件、往来账明细 XLSX/CSV、manifest.json 校验清单）见附件 ZIP，可用 `arw case verify` 校验其完整性。',
        '',
        f.owner || '',
        f.company,
      ].join('\n'),
    };
  }
  return {
    subject: `Instruction: ${f.customer} (${f.customerCode}), ${f.currency} ${f.fmt(total)} unpaid`,
    body: [
      'Dear Counsel,',
      '',
      `We instruct you to send a lawyer's letter to ${f.customer} and, if needed, to bring proceedings for the unpaid amounts below. As of ${f.asOf}:`,
      `  - Principal: ${f.currency} ${f.fmt(f.principal)}`,
      `  - Late interest (${f.ratePercent}% a year, simple, 365-day basis): ${f.currency} ${f.fmt(f.interest)}`,
      `  - Fees: ${f.currency} ${f.fmt(f.fees)}`,
      `  - Total: ${f.currency} ${f.fmt(total)}`,
      f.limitationExpires ? `  - Limitation period expires: ${f.limitationExpires}` : '',
      '',
      'Invoices:',
      invoiceLines(f, lang),
      '',
      'The complete case file (dossier PDF, evidence list and every evidence file, ledger extract as XLSX/CSV, and manifest.json with SHA-256 of each file) is attached as a ZIP; `arw case verify` checks it is complete and unaltered.',
      '',
      f.owner || '',
      f.company,
    ].join('\n'),
  };
}
