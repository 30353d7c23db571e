/**
 * Credit on the command line:
 *   arw ratings --ledger F [--as-of D] [--format json|csv]
 *   arw credit check  --ledger F --customer CODE --amount X [--date D]     (exit 3 when on hold)
 *   arw credit review --ledger F [--as-of D] [--all]
 *   arw invoice --ledger F --customer CODE --number N --amount X [--date D] [--due-date D]
 *               [--override-reason TEXT]                                   (a delivery, checked by credit control)
 */
import { isIsoDate, todayIso } from '../../shared/dates';
import type { Language } from '../../shared/domain';
import { creditText, factorText, reasonsText } from '../../shared/credit/messages';
import { verdictFor } from '../../shared/credit/policy';
import type { Rating } from '../../shared/credit/types';
import { currencyDigits, formatMoney, toDecimalString } from '../../shared/money';
import { writingTo } from '../cli/writer-lock';
import { openLedger } from '../db/open';
import { LedgerError } from '../errors';
import { findCustomerByCode } from '../repos/customers';
import { parseAmountField, postInvoice } from '../services/ledger';
import { syncCreditCache } from './cache';
import { bulkRatings, rateCustomer, type BulkRating } from './ratings';
import { runDueReviews } from './review';
import { getCreditSettings } from './store';

export const CREDIT_USAGE = `  arw ratings --ledger F [--as-of YYYY-MM-DD] [--format json|csv]
  arw credit check  --ledger F --customer CODE --amount X [--date YYYY-MM-DD]   (exit 3: on hold)
  arw credit review --ledger F [--as-of YYYY-MM-DD] [--all]
  arw invoice --ledger F --customer CODE --number N --amount X [--date D] [--due-date D]
              [--override-reason TEXT]   (a delivery: refused while the customer is on hold)`;

export class CreditUsageError extends Error {}

export interface CreditCliValues {
  ledger: string;
  'as-of'?: string;
  format?: string;
  customer?: string;
  amount?: string;
  number?: string;
  date?: string;
  'due-date'?: string;
  'override-reason'?: string;
  all?: boolean;
}

function dateOption(value: string | undefined, name: string): string {
  const d = value ?? todayIso();
  if (!isIsoDate(d)) throw new LedgerError('error.date', { value: d }, name);
  return d;
}

function trend(r: { now: Rating; before: Rating }): 'up' | 'down' | 'flat' {
  const d = r.now.score - r.before.score;
  return d >= 5 ? 'up' : d <= -5 ? 'down' : 'flat';
}

export function ratingsJson(rows: BulkRating[], asOf: string, lang: Language) {
  return {
    as_of: asOf,
    rows: rows.map((b) => {
      const c = b.customer;
      const m = b.now.metrics;
      const money = (x: number) => toDecimalString(x, b.digits);
      return {
        customer_code: c.code,
        customer_name: c.name,
        salesperson: c.salesperson,
        currency: c.currency,
        grade: b.now.grade,
        computed_grade: b.now.computedGrade,
        manual_grade: b.now.manual,
        no_history: b.now.noHistory,
        score: b.now.score,
        previous_score: b.before.score,
        trend: trend(b),
        credit_limit: money(c.credit_limit),
        exposure: money(m.exposure),
        utilisation_pct: m.utilisation === null ? null : Math.round(m.utilisation * 100),
        overdue: money(m.overdue),
        oldest_overdue_days: m.oldestOverdueDays,
        last_review: b.profile?.last_review ?? null,
        hold: b.hold ?? '',
        hold_reasons: b.holdReasons.map((r) => creditText(lang, r.key, r.params)),
        factors: Object.fromEntries(b.now.factors.map((f) => [f.id, { points: f.points, explanation: factorText(lang, f) }])),
      };
    }),
  };
}

export function ratingsCsv(json: ReturnType<typeof ratingsJson>): string {
  const base = ['customer_code', 'customer_name', 'salesperson', 'currency', 'grade', 'computed_grade', 'manual_grade', 'score', 'previous_score', 'trend', 'credit_limit', 'exposure', 'utilisation_pct', 'overdue', 'oldest_overdue_days', 'last_review', 'hold', 'hold_reasons'];
  const factorIds = json.rows[0] ? Object.keys(json.rows[0].factors) : [];
  const esc = (v: unknown) => {
    const s = Array.isArray(v) ? v.join(' | ') : String(v ?? '');
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [[...base, ...factorIds.map((f) => `points_${f}`)].join(',')];
  for (const r of json.rows) lines.push([...base.map((c) => esc((r as Record<string, unknown>)[c])), ...factorIds.map((f) => String(r.factors[f].points))].join(','));
  return lines.join('\n') + '\n';
}

/** Read commands (ratings, credit check): no instance lock, so they work beside a running app. Writes use `writingTo`. */
async function withLedger<T>(file: string, fn: (ledger: Awaited<ReturnType<typeof openLedger>>) => Promise<T>): Promise<T> {
  const ledger = await openLedger(file);
  try {
    return await fn(ledger);
  } finally {
    await ledger.close();
  }
}

async function customerByCode(db: Awaited<ReturnType<typeof openLedger>>['db'], code: string | undefined) {
  if (!code) throw new CreditUsageError(CREDIT_USAGE);
  const c = await findCustomerByCode(db, code);
  if (!c) throw new LedgerError('error.unknownCustomer', { code }, 'customer');
  return c;
}

export async function runCreditCommand(command: string, args: string[], values: CreditCliValues, lang: Language, out: (s: string) => void): Promise<number> {
  if (command === 'ratings') {
    const asOf = dateOption(values['as-of'], 'as-of');
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new CreditUsageError('--format json|csv');
    return withLedger(values.ledger, async (ledger) => {
      const s = await getCreditSettings(ledger.db);
      await syncCreditCache(ledger.db, s.graceDays);
      const json = ratingsJson(await bulkRatings(ledger.db, asOf, s, true), asOf, lang);
      out(format === 'json' ? JSON.stringify(json, null, 2) + '\n' : ratingsCsv(json));
      return 0;
    });
  }
  if (command === 'invoice') {
    if (!values.number || !values.amount) throw new CreditUsageError(CREDIT_USAGE);
    const date = dateOption(values.date, 'date');
    return writingTo(values.ledger, async (ledger) => {
      const c = await customerByCode(ledger.db, values.customer);
      const reason = values['override-reason']?.trim();
      const res = await postInvoice(ledger.db, { customerId: c.id, number: values.number!, date, dueDate: values['due-date'], amount: values.amount!, override: reason ? { reason } : undefined });
      out(`${lang === 'zh' ? '已过账' : 'Posted'} ${res.number}${reason ? (lang === 'zh' ? `（越权放行：${reason}）` : ` (credit hold overridden: ${reason})`) : ''}\n`);
      return 0;
    });
  }
  if (command === 'credit') {
    const [sub] = args;
    if (sub === 'check') {
      if (!values.amount) throw new CreditUsageError(CREDIT_USAGE);
      const date = dateOption(values.date, 'date');
      return withLedger(values.ledger, async (ledger) => {
        const c = await customerByCode(ledger.db, values.customer);
        const digits = currencyDigits(c.currency);
        const amount = parseAmountField(values.amount!, digits, 'amount');
        const { rating, settings, customer } = await rateCustomer(ledger.db, c.id, date);
        const verdict = verdictFor(rating, customer.status, amount, digits, settings);
        const head = `${c.code} ${c.name}: ${lang === 'zh' ? '信用等级' : 'grade'} ${rating.grade} (${rating.score})`;
        if (verdict.ok) {
          out(`${head}\n${lang === 'zh' ? '可以发货' : 'OK to deliver'} ${formatMoney(amount, digits)} ${c.currency}\n`);
          return 0;
        }
        const what = verdict.mode === 'limit'
          ? lang === 'zh' ? `限量供货：每次最多 ${formatMoney(verdict.allowedAmount ?? 0, digits)}` : `Limited supply: at most ${formatMoney(verdict.allowedAmount ?? 0, digits)} per delivery`
          : lang === 'zh' ? '停止供货' : 'Deliveries blocked';
        out(`${head}\n${what}: ${reasonsText(lang, verdict.reasons)}\n`);
        return 3;
      });
    }
    if (sub === 'review') {
      const asOf = dateOption(values['as-of'], 'as-of');
      return writingTo(values.ledger, async (ledger) => {
        const r = await runDueReviews(ledger.db, asOf, { all: values.all });
        out(lang === 'zh' ? `已复评 ${r.reviewed} 个客户（截至 ${r.asOf}），${r.changed} 个等级变化\n` : `Reviewed ${r.reviewed} customers as of ${r.asOf}; ${r.changed} changed grade\n`);
        return 0;
      });
    }
  }
  throw new CreditUsageError(CREDIT_USAGE);
}
