/**
 * `arw case export --ledger F --customer CODE --out FILE.zip [--as-of D]` and
 * `arw case verify FILE.zip` (exit 1 when the copy is incomplete or altered).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isIsoDate, todayIso } from '../../shared/dates';
import type { Language } from '../../shared/domain';
import { openLedger } from '../db/open';
import { LedgerError } from '../errors';
import { findCustomerByCode } from '../repos/customers';
import { exportCase } from './export/case-zip';
import { verifyCaseZip } from './export/verify';
import { CASE_USAGE, CaseUsageError } from './cli-usage';
import { latestCaseOf } from './repo';


const PROBLEM: Record<Language, Record<string, string>> = {
  en: { unreadable: 'not a readable ZIP (truncated or damaged)', no_manifest: 'manifest.json is missing', bad_manifest: 'manifest.json is not a case-file manifest', missing: 'missing', altered: 'altered (SHA-256 or size differs)', unlisted: 'not listed in the manifest', unsafe_name: 'unsafe file name' },
  zh: { unreadable: '不是可读取的 ZIP（不完整或已损坏）', no_manifest: '缺少 manifest.json', bad_manifest: 'manifest.json 不是案卷清单', missing: '缺失', altered: '已被改动（SHA-256 或大小不符）', unlisted: '不在清单中', unsafe_name: '文件名不安全' },
};

export async function runCaseCommand(
  args: string[],
  values: { ledger: string; customer?: string; out?: string; 'as-of'?: string },
  lang: Language,
  out: (s: string) => void,
): Promise<number> {
  const [sub, file] = args;
  if (sub === 'verify') {
    if (!file) throw new CaseUsageError(CASE_USAGE);
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
  if (sub === 'export') {
    if (!values.customer || !values.out) throw new CaseUsageError(CASE_USAGE);
    const asOf = values['as-of'] ?? todayIso();
    if (!isIsoDate(asOf)) throw new LedgerError('error.date', { value: asOf }, 'as-of');
    const ledger = await openLedger(values.ledger);
    try {
      const customer = await findCustomerByCode(ledger.db, values.customer);
      if (!customer) throw new LedgerError('error.unknownCustomer', { code: values.customer }, 'customer');
      const c = await latestCaseOf(ledger.db, customer.id);
      if (!c) throw new LedgerError('error.noCase', { code: values.customer }, 'customer');
      const res = await exportCase(ledger.db, c.id, { asOf, language: lang });
      const target = path.resolve(values.out);
      fs.writeFileSync(target, Buffer.from(res.base64, 'base64'));
      out(`${lang === 'zh' ? '已导出案卷' : 'Exported case file'} ${target} (${res.files} ${lang === 'zh' ? '个文件' : 'files'}, SHA-256 ${res.sha256})\n`);
      return 0;
    } finally {
      await ledger.close();
    }
  }
  throw new CaseUsageError(CASE_USAGE);
}
