/** The sentences that explain ratings, holds and warning signals, in both languages (CLI and renderer). */
import type { Language } from '../domain';
import type { FactorResult, Reason } from './types';

type Messages = Record<string, string>;

export const CREDIT_EN: Messages = {
  'credit.factor.daysLate': 'paid {days} days after the due date on average over {months} months (unpaid invoices counted to date)',
  'credit.factor.daysLate.none': 'nothing fell due in the last {months} months',
  'credit.factor.lateShare': '{pct}% of the amounts due paid on time (within {grace} days)',
  'credit.factor.lateShare.none': 'no payments to judge in the last {months} months',
  'credit.factor.overdueShare': '{pct}% of the open balance is overdue ({overdue} of {open})',
  'credit.factor.overdueShare.none': 'nothing is open',
  'credit.factor.oldestOverdue': 'oldest overdue invoice {invoice} is {days} days past due',
  'credit.factor.oldestOverdue.none': 'nothing is overdue',
  'credit.factor.utilisation': 'uses {pct}% of its credit limit ({exposure} of {limit})',
  'credit.factor.utilisation.none': 'no credit limit set (exposure {exposure})',
  'credit.factor.partialPayments': '{count} of {total} invoices paid in the last {months} months were paid in parts ({pct}%)',
  'credit.factor.partialPayments.none': 'no invoices paid in the last {months} months',
  'credit.factor.brokenPromises': '{count} promises to pay broken in the last {months} months',
  'credit.factor.openDisputes': '{count} statements or invoices in dispute',
  'credit.factor.volumeDrop': 'ordered {pct}% less in the last {days} days than usual ({recent} against {usual})',
  'credit.factor.volumeUp': 'ordered {pct}% more in the last {days} days than usual ({recent} against {usual})',
  'credit.factor.volumeDrop.none': 'not enough order history to compare the last {days} days',
  'credit.reason.closed': 'the customer account is closed',
  'credit.reason.manualHold': 'the customer has been put on hold by hand',
  'credit.reason.overdue': 'invoice {invoice} is {days} days overdue, and the policy stops deliveries beyond {max} days ({overdue} overdue in all)',
  'credit.reason.overLimit': 'open balance {exposure} plus this delivery {amount} makes {total}, over the credit limit {limit}',
  'credit.reason.atLimit': 'open balance {exposure} is over the credit limit {limit}',
  'credit.reason.grade': 'credit grade {grade} (score {score}) is at or below the hold grade {level}',
  'signal.later': 'payments getting later: {recent} days late on average in the last {days} days, {before} before',
  'signal.volumeDown': 'order volume down {pct}% in the last {days} days against its own average',
  'signal.promisesBroken': '{count} promises to pay broken',
  'signal.disputes': '{count} statements disputed',
  'signal.gradeDown': 'grade fell from {from} to {to} in {days} days',
};

export const CREDIT_ZH: Messages = {
  'credit.factor.daysLate': '近 {months} 个月平均在到期后 {days} 天付款（未付发票计至今日）',
  'credit.factor.daysLate.none': '近 {months} 个月没有到期款项',
  'credit.factor.lateShare': '到期金额中 {pct}% 按时付款（到期后 {grace} 天内）',
  'credit.factor.lateShare.none': '近 {months} 个月没有可评价的付款',
  'credit.factor.overdueShare': '未结余额中 {pct}% 已逾期（{open} 中逾期 {overdue}）',
  'credit.factor.overdueShare.none': '没有未结款项',
  'credit.factor.oldestOverdue': '最早逾期发票 {invoice} 已逾期 {days} 天',
  'credit.factor.oldestOverdue.none': '没有逾期款项',
  'credit.factor.utilisation': '已用授信额度 {pct}%（额度 {limit}，已占用 {exposure}）',
  'credit.factor.utilisation.none': '未设授信额度（已占用 {exposure}）',
  'credit.factor.partialPayments': '近 {months} 个月付款的 {total} 张发票中 {count} 张分次付款（{pct}%）',
  'credit.factor.partialPayments.none': '近 {months} 个月没有付款的发票',
  'credit.factor.brokenPromises': '近 {months} 个月违背回款承诺 {count} 次',
  'credit.factor.openDisputes': '有争议的对账单或发票 {count} 份',
  'credit.factor.volumeDrop': '近 {days} 天订货比平常少 {pct}%（{recent}，平常 {usual}）',
  'credit.factor.volumeUp': '近 {days} 天订货比平常多 {pct}%（{recent}，平常 {usual}）',
  'credit.factor.volumeDrop.none': '订货历史不足，无法比较近 {days} 天',
  'credit.reason.closed': '客户账户已关闭',
  'credit.reason.manualHold': '客户已被手动暂停供货',
  'credit.reason.overdue': '发票 {invoice} 已逾期 {days} 天，按规定逾期超过 {max} 天停止供货（逾期合计 {overdue}）——前帐未清，不谈下回交易',
  'credit.reason.overLimit': '未结余额 {exposure} 加本次发货 {amount} 共 {total}，超过授信额度 {limit}',
  'credit.reason.atLimit': '未结余额 {exposure} 已超过授信额度 {limit}',
  'credit.reason.grade': '信用等级 {grade}（{score} 分）不高于停止供货等级 {level}',
  'signal.later': '付款越来越晚：近 {days} 天平均逾期 {recent} 天，此前 {before} 天',
  'signal.volumeDown': '订货量下降：近 {days} 天比自身平均少 {pct}%',
  'signal.promisesBroken': '违背回款承诺 {count} 次',
  'signal.disputes': '对账单有争议 {count} 份',
  'signal.gradeDown': '{days} 天内信用等级由 {from} 降至 {to}',
};

export function creditText(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const template = (lang === 'zh' ? CREDIT_ZH : CREDIT_EN)[key] ?? CREDIT_EN[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] !== undefined ? String(params[k]) : whole));
}

/** "paid 34 days late on average over 12 months: −11" */
export function factorText(lang: Language, f: FactorResult): string {
  return `${creditText(lang, f.key, f.params)}${lang === 'zh' ? '：' : ': '}${f.points > 0 ? `−${f.points}` : '0'}`;
}

export function reasonsText(lang: Language, reasons: Reason[]): string {
  return reasons.map((r) => creditText(lang, r.key, r.params)).join(lang === 'zh' ? '；' : '; ');
}
