/** The words of each step of the letter ladder, in both languages. */
import type { Language } from '../../../shared/domain';

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

export function smsText(f: LetterFacts, lang: Language): string {
  const amount = `${f.currency} ${f.fmt(f.principal)}`;
  if (lang === 'zh') {
    return overdue(f)
      ? `${f.contact || '您好'}，${f.company}提醒：贵司发票 ${list(f)} 共计 ${amount} 已于 ${earliestDue(f)} 起到期未付，烦请于 ${f.deadline} 前安排付款，或告知预计付款日期。谢谢！`
      : `${f.contact || '您好'}，${f.company}温馨提示：贵司发票 ${list(f)} 共计 ${amount} 将于 ${earliestDue(f)} 到期，烦请提前安排付款。谢谢！`;
  }
  return overdue(f)
    ? `Dear ${f.contact || 'customer'}, a reminder from ${f.company}: invoice(s) ${list(f)} totalling ${amount} have been due since ${earliestDue(f)}. Please arrange payment by ${f.deadline}, or tell us when to expect it. Thank you.`
    : `Dear ${f.contact || 'customer'}, a friendly reminder from ${f.company}: invoice(s) ${list(f)} totalling ${amount} fall due on ${earliestDue(f)}. Thank you for arranging payment on time.`;
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

export function emailLetter(f: LetterFacts, lang: Language): TextLetter {
  if (lang === 'zh') {
    return {
      subject: `【付款提醒】${f.customer} 应付账款 ${f.currency} ${f.fmt(f.principal)}`,
      body: [
        `${f.contact || f.customer}：`,
        '',
        `您好！截至 ${f.asOf}，根据我司账目，贵司以下款项尚未结清：`,
        invoiceLines(f, lang),
        '',
        `合计未付：${f.currency} ${f.fmt(f.principal)}。`,
        `烦请于 ${f.deadline} 前安排付款；如对账目有疑问，请告知具体发票和原因，我们将尽快核对。`,
        '',
        '谢谢支持！',
        f.owner ? `${f.owner}` : '',
        f.company,
      ].join('\n'),
    };
  }
  return {
    subject: `Payment reminder: ${f.customer}, ${f.currency} ${f.fmt(f.principal)} outstanding`,
    body: [
      `Dear ${f.contact || f.customer},`,
      '',
      `According to our records, as of ${f.asOf} the following amounts remain unpaid:`,
      invoiceLines(f, lang),
      '',
      `Total outstanding: ${f.currency} ${f.fmt(f.principal)}.`,
      `Please arrange payment by ${f.deadline}. If you disagree with any item, tell us which invoice and why, and we will check it at once.`,
      '',
      'Kind regards,',
      f.owner ? `${f.owner}` : '',
      f.company,
    ].join('\n'),
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
