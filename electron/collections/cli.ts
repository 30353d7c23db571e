/**
 * `arw case open --ledger F --customer CODE [--owner NAME] [--debtor-type T] [--temperament T] [--date D]`
 * (the case service the app uses; an already open case is reported, exit 0),
 * `arw case export --ledger F --customer CODE --out FILE.zip [--as-of D]` and
 * `arw case verify FILE.zip` (exit 1 when the copy is incomplete or altered).
 * open and export write to the ledger, so they hold the app's instance lock (../cli/writer-lock.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEBTOR_TYPES, TEMPERAMENTS, type DebtorType, type Temperament } from '../../shared/api/collections-types';
import { isIsoDate, todayIso } from '../../shared/dates';
import type { Language } from '../../shared/domain';
import { writingTo } from '../cli/writer-lock';
import { LedgerError } from '../errors';
import { findCustomerByCode } from '../repos/customers';
import { exportCase } from './export/case-zip';
import { verifyCaseZip } from './export/verify';
import { openCase } from './cases';
import { caseUsage, CaseUsageError } from './cli-usage';
import { findCase, latestCaseOf, openCaseOf } from './repo';

const PROBLEM: Record<Language, Record<string, string>> = {
  en: { unreadable: 'not a readable ZIP (truncated or damaged)', no_manifest: 'manifest.json is missing', bad_manifest: 'manifest.json is not a case-file manifest', missing: 'missing', altered: 'altered (SHA-256 or size differs)', unlisted: 'not listed in the manifest', unsafe_name: 'unsafe file name' },
  zh: { unreadable: '不是可读取的 ZIP（不完整或已损坏）', no_manifest: '缺少 manifest.json', bad_manifest: 'manifest.json 不是案卷清单', missing: '缺失', altered: '已被改动（SHA-256 或大小不符）', unlisted: '不在清单中', unsafe_name: '文件名不安全' },
};

export async function runCaseCommand(
  args: string[],
  values: { ledger: string; customer?: string; out?: string; 'as-of'?: string; owner?: string; 'debtor-type'?: string; temperament?: string; date?: string },
  lang: Language,
  out: (s: string) => void,
): Promise<number> {
  const [sub, file] = args;
  if (sub === 'verify') {
    if (!file) throw new CaseUsageError(caseUsage(lang));
    const res = verifyCaseZip(fs.readFileSync(file));
    if (!res.ok) {
      process.stderr.write((lang === 'zh' ? `案卷校验失败：${file}` : `Case file FAILED verification: ${file}`) + '\n');
      for (const p of res.problems) process.stderr.write(`  ${p.path ? p.path + ': ' : ''}${PROBLEM[lang][p.problem]}\n`);
      return 1;
    }
    out(
      lang === 'zh'
        ? `案卷完整：${res.files} 个文件与清单一致（${res.manifest!.customer.code} ${res.manifest!.customer.name}，截至 ${res.manifest!.asOf}）\nmanifest SHA-256 ${res.manifestSha256}\n`
        : `Case file OK: all ${res.files} files match the manifest (${res.manifest!.customer.code} ${res.manifest!.customer.name}, as of ${res.manifest!.asOf})\nmanifest SHA-256 ${res.manifestSha256}\n`,
    );
    return 0;
  }
  if (sub === 'open') return openCommand(values, lang, out);
  if (sub === 'export') {
    const code = values.customer;
    const target = values.out && path.resolve(values.out);
    if (!code || !target) throw new CaseUsageError(caseUsage(lang));
    const asOf = values['as-of'] ?? todayIso();
    if (!isIsoDate(asOf)) throw new LedgerError('error.date', { value: asOf }, 'as-of');
    // The export is logged on the case's timeline: a write.
    return writingTo(values.ledger, async (ledger) => {
      const customer = await findCustomerByCode(ledger.db, code);
      if (!customer) throw new LedgerError('error.unknownCustomer', { code }, 'customer');
      const c = await latestCaseOf(ledger.db, customer.id);
      if (!c) throw new LedgerError('error.noCase', { code }, 'customer');
      const res = await exportCase(ledger.db, c.id, { asOf, language: lang });
      fs.writeFileSync(target, Buffer.from(res.base64, 'base64'));
      out(`${lang === 'zh' ? '已导出案卷' : 'Exported case file'} ${target} (${res.files} ${lang === 'zh' ? '个文件' : 'files'}, SHA-256 ${res.sha256})\n`);
      return 0;
    });
  }
  throw new CaseUsageError(caseUsage(lang));
}

function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, lang: Language): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CaseUsageError(lang === 'zh' ? `--${flag} 只能是 ${allowed.join('|')}，不能是 "${value}"` : `--${flag} must be one of ${allowed.join('|')}, not "${value}"`);
}

const STAGE: Record<Language, Record<string, string>> = {
  en: { reminder: 'reminder', collector: 'collector', manager: 'manager', lawyer_letter: "lawyer's letter", litigation: 'litigation', enforcement: 'enforcement', closed: 'closed' },
  zh: { reminder: '提醒', collector: '催收员', manager: '经理', lawyer_letter: '律师函', litigation: '诉讼', enforcement: '强制执行', closed: '已结案' },
};

/** Opens the customer's collection case through the service the app uses; an open case is reported, not an error. */
async function openCommand(values: { ledger: string; customer?: string; owner?: string; 'debtor-type'?: string; temperament?: string; date?: string }, lang: Language, out: (s: string) => void): Promise<number> {
  const code = values.customer;
  if (!code) throw new CaseUsageError(caseUsage(lang));
  const debtorType = choice<DebtorType>(values['debtor-type'], DEBTOR_TYPES, 'debtor-type', lang);
  const temperament = choice<Temperament>(values.temperament, TEMPERAMENTS, 'temperament', lang);
  const date = values.date ?? todayIso();
  if (!isIsoDate(date)) throw new LedgerError('error.date', { value: date }, 'date');
  const owner = values.owner?.trim();
  return writingTo(values.ledger, async (ledger) => {
    const customer = await findCustomerByCode(ledger.db, code);
    if (!customer) throw new LedgerError('error.unknownCustomer', { code }, 'customer');
    const existing = await openCaseOf(ledger.db, customer.id);
    if (existing) {
      const stage = STAGE[lang][existing.stage] ?? existing.stage;
      out(
        lang === 'zh'
          ? `客户 ${customer.code} 已有未结催收案件 #${existing.id}（阶段：${stage}，负责人：${existing.owner || '—'}，立案日期 ${existing.opened_on}）；未作更改\n`
          : `Customer ${customer.code} already has an open collection case #${existing.id} (stage: ${stage}, owner: ${existing.owner || '-'}, opened ${existing.opened_on}); nothing changed\n`,
      );
      return 0;
    }
    const id = await openCase(ledger.db, customer.id, { date, owner: owner || undefined, debtorType, temperament });
    const c = await findCase(ledger.db, id);
    const invoices = await ledger.db.selectFrom('case_invoices').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', id).executeTakeFirstOrThrow();
    out(
      lang === 'zh'
        ? `已为客户 ${customer.code} ${customer.name} 立案 #${id}（负责人：${c.owner || '—'}，${Number(invoices.n)} 张发票）\n`
        : `Opened collection case #${id} for ${customer.code} ${customer.name} (owner: ${c.owner || '-'}, ${Number(invoices.n)} invoice(s))\n`,
    );
    return 0;
  });
}
