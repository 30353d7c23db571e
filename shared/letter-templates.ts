/**
 * The wording of the SMS and e-mail steps of the letter ladder, per language, with {placeholders}.
 * The built-in wording is below; a ledger may store its own version of any template (Settings ›
 * Letter templates), and the letters use the stored one when there is one. The demand letter PDF
 * and the lawyer hand-off keep fixed wording (formal papers).
 */
import type { Language } from './domain';

export const TEMPLATE_KINDS = ['sms_overdue', 'sms_reminder', 'email_subject', 'email_body'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Every placeholder a template may use; anything else in braces is refused by name. */
export const PLACEHOLDERS = [
  'customer',
  'customer_code',
  'contact',
  'company',
  'amount',
  'currency',
  'invoices',
  'invoice_lines',
  'due_date',
  'days_overdue',
  'as_of',
  'deadline',
  'owner',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

/** Longest text each template may have (an SMS stays short enough for a few messages). */
export const TEMPLATE_MAX: Record<TemplateKind, number> = { sms_overdue: 1000, sms_reminder: 1000, email_subject: 300, email_body: 10_000 };

export const DEFAULT_TEMPLATES: Record<Language, Record<TemplateKind, string>> = {
  zh: {
    sms_overdue: '{contact}，{company}提醒：贵司发票 {invoices} 共计 {amount} 已于 {due_date} 起到期未付，烦请于 {deadline} 前安排付款，或告知预计付款日期。谢谢！',
    sms_reminder: '{contact}，{company}温馨提示：贵司发票 {invoices} 共计 {amount} 将于 {due_date} 到期，烦请提前安排付款。谢谢！',
    email_subject: '【付款提醒】{customer} 应付账款 {amount}',
    email_body: [
      '{contact}：',
      '',
      '您好！截至 {as_of}，根据我司账目，贵司以下款项尚未结清：',
      '{invoice_lines}',
      '',
      '合计未付：{amount}。',
      '烦请于 {deadline} 前安排付款；如对账目有疑问，请告知具体发票和原因，我们将尽快核对。',
      '',
      '谢谢支持！',
      '{owner}',
      '{company}',
    ].join('\n'),
  },
  en: {
    sms_overdue:
      'Dear {contact}, a reminder from {company}: invoice(s) {invoices} totalling {amount} have been due since {due_date}. Please arrange payment by {deadline}, or tell us when to expect it. Thank you.',
    sms_reminder: 'Dear {contact}, a friendly reminder from {company}: invoice(s) {invoices} totalling {amount} fall due on {due_date}. Thank you for arranging payment on time.',
    email_subject: 'Payment reminder: {customer}, {amount} outstanding',
    email_body: [
      'Dear {contact},',
      '',
      'According to our records, as of {as_of} the following amounts remain unpaid:',
      '{invoice_lines}',
      '',
      'Total outstanding: {amount}.',
      'Please arrange payment by {deadline}. If you disagree with any item, tell us which invoice and why, and we will check it at once.',
      '',
      'Kind regards,',
      '{owner}',
      '{company}',
    ].join('\n'),
  },
};

/** The ledger's own versions, by language and kind (only the ones the user changed). */
export type StoredTemplates = Partial<Record<Language, Partial<Record<TemplateKind, string>>>>;

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

export interface TemplateProblem {
  key: 'error.templateEmpty' | 'error.templatePlaceholder' | 'error.templateBrace' | 'error.templateTooLong';
  params: Record<string, string | number>;
}

/** The first thing wrong with a template: empty, too long, an unknown {name}, or a brace without its pair. */
export function templateProblem(kind: TemplateKind, text: string): TemplateProblem | null {
  if (text.trim() === '') return { key: 'error.templateEmpty', params: {} };
  if (text.length > TEMPLATE_MAX[kind]) return { key: 'error.templateTooLong', params: { max: TEMPLATE_MAX[kind] } };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '}') return { key: 'error.templateBrace', params: { text: text.slice(Math.max(0, i - 12), i + 1) } };
    if (ch === '{') {
      const end = text.indexOf('}', i + 1);
      const nextOpen = text.indexOf('{', i + 1);
      if (end < 0 || (nextOpen >= 0 && nextOpen < end)) return { key: 'error.templateBrace', params: { text: text.slice(i, i + 16) } };
      const name = text.slice(i + 1, end);
      if (!isPlaceholder(name.trim())) return { key: 'error.templatePlaceholder', params: { name: name.slice(0, 40), known: PLACEHOLDERS.map((p) => `{${p}}`).join(' ') } };
      i = end + 1;
      continue;
    }
    i++;
  }
  return null;
}

/** Fills a valid template; placeholder names may carry spaces inside the braces ({ customer }). */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(/\{\s*([a-z_]+)\s*\}/g, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}

/** The template a letter uses: the ledger's own when it has a valid one, else the built-in wording. */
export function templateFor(stored: StoredTemplates, lang: Language, kind: TemplateKind): string {
  const own = stored[lang]?.[kind];
  return own !== undefined && templateProblem(kind, own) === null ? own : DEFAULT_TEMPLATES[lang][kind];
}
