/**
 * `arw`: the headless CLI over the same services the app uses. Exit 0 on success; on any error a
 * clear message (English or Chinese by --lang / LANG) and a non-zero exit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUCKETS } from '../../shared/aging';
import { isIsoDate, todayIso } from '../../shared/dates';
import type { AgingReport, Language } from '../../shared/domain';
import { errorMessage } from '../../shared/i18n/errors';
import { currencyDigits, isCurrencyCode, toDecimalString } from '../../shared/money';
import { defaultDataDir, defaultLedgerFile } from '../app/context';
import { openLedger, type Ledger } from '../db/open';
import { LedgerError } from '../errors';
import { csvCell } from '../import/csv';
import { IMPORT_KINDS, type ImportKind } from '../import/formats';
import { importFile } from '../import/pipeline';
import { isEncoding } from '../import/decode';
import { agingReport } from '../services/aging';
import { backupLedger } from '../services/backup';
import { checkLedger } from '../services/check';
import { generateDemo } from '../services/demo';
import { createLedger } from '../services/ledger';
import { createLedgerForWriting, openLedgerForWriting, withWriterLock } from './writer-lock';
import { STATEMENTS_USAGE, StatementsUsageError, runStatementsCommand } from '../papers/cli';
import { CASE_USAGE, CaseUsageError } from '../collections/cli-usage';
import { INTEGRITY_USAGE, IntegrityUsageError, runIntegrityCommand } from '../integrity/cli';
import { CREDIT_USAGE, CreditUsageError, runCreditCommand } from '../credit/cli';
import { RATES_USAGE, RatesUsageError, runRatesCommand } from './rates';

const USAGE = `arw — AR Workstation command line

  arw init    --ledger F [--company NAME] [--currency CNY]
  arw demo    --ledger F [--customers N] [--invoices M] [--seed S]
  arw import  customers|invoices|receipts|credit-notes|opening-balances FILE --ledger F [--dry-run]
              [--encoding utf-8|gb18030|utf-16le|…] [--sheet N] [--date-order dmy|mdy]
              [--decimal .|,] [--date1904] [--preset ID] [--cutover YYYY-MM-DD]
              (FILE: CSV/TSV in any common encoding, or .xlsx)
  arw aging   --ledger F --as-of YYYY-MM-DD [--by customer|invoice] [--format json|csv]
  arw check   --ledger F
  arw backup  --ledger F --out FILE
${RATES_USAGE}
${STATEMENTS_USAGE}
${CASE_USAGE}
${INTEGRITY_USAGE}
${CREDIT_USAGE}

  --ledger defaults to the desktop app's ledger in the user's data folder.
  --lang en|zh chooses the language of messages (default from LANG).`;

class UsageError extends Error {}

function language(flag: string | undefined): Language {
  if (flag === 'en' || flag === 'zh') return flag;
  const env = process.env.ARW_LANG ?? process.env.LANG ?? '';
  return env.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const OPTIONS = {
  ledger: { type: 'string' },
  company: { type: 'string' },
  currency: { type: 'string' },
  customers: { type: 'string' },
  invoices: { type: 'string' },
  receipts: { type: 'string' },
  seed: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'as-of': { type: 'string' },
  by: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  customer: { type: 'string' },
  lang: { type: 'string' },
  encoding: { type: 'string' },
  sheet: { type: 'string' },
  'date-order': { type: 'string' },
  decimal: { type: 'string' },
  date1904: { type: 'boolean' },
  preset: { type: 'string' },
  cutover: { type: 'string' },
  month: { type: 'string' },
  paper: { type: 'string' },
  workers: { type: 'string' },
  anchor: { type: 'string', multiple: true },
  backups: { type: 'string' },
  from: { type: 'string' },
  force: { type: 'boolean' },
  amount: { type: 'string' },
  number: { type: 'string' },
  date: { type: 'string' },
  'due-date': { type: 'string' },
  'override-reason': { type: 'string' },
  all: { type: 'boolean' },
  owner: { type: 'string' },
  'debtor-type': { type: 'string' },
  temperament: { type: 'string' },
  rate: { type: 'string' },
  note: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw new UsageError(`--${name} must be a positive whole number`);
  return Number(value);
}

export async function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  let lang: Language = language(undefined);
  let ledger: Ledger | null = null;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    lang = language(values.lang);
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      out(USAGE + '\n');
      return command || values.help ? 0 : 2;
    }
    const ledgerFile = path.resolve(values.ledger ?? defaultLedgerFile(defaultDataDir()));
    switch (command) {
      case 'init': {
        const currency = (values.currency ?? 'CNY').toUpperCase();
        if (!isCurrencyCode(currency)) throw new LedgerError('error.currency', {}, 'currency');
        ledger = await createLedgerForWriting(ledgerFile, values.company ?? 'My Company', currency);
        out(`${lang === 'zh' ? '已创建账套' : 'Created ledger'} ${ledgerFile}\n`);
        return 0;
      }
      case 'demo': {
        const customers = positiveInt(values.customers, 'customers', 200);
        const invoices = positiveInt(values.invoices, 'invoices', 10_000);
        const seed = positiveInt(values.seed, 'seed', 1);
        ledger = await withWriterLock(ledgerFile, () =>
          fs.existsSync(ledgerFile) ? openLedger(ledgerFile) : createLedger(ledgerFile, values.company ?? '示例贸易有限公司 Demo Trading Co.', 'CNY'), { mayCreate: true },
        );
        const receipts = values.receipts ? positiveInt(values.receipts, 'receipts', 0) : undefined;
        const counts = await generateDemo(ledger, { customers, invoices, seed, receipts });
        out(JSON.stringify({ ledger: ledgerFile, ...counts }, null, 2) + '\n');
        return 0;
      }
      case 'import': {
        const [kind, file] = rest;
        if (!(IMPORT_KINDS as readonly string[]).includes(kind ?? '') || !file) throw new UsageError(`arw import ${IMPORT_KINDS.join('|')} FILE --ledger F [--dry-run]`);
        const bytes = new Uint8Array(fs.readFileSync(file));
        const encoding = values.encoding?.toLowerCase().replace(/^gbk$|^gb2312$/, 'gb18030').replace(/^utf8$/, 'utf-8');
        if (encoding !== undefined && !isEncoding(encoding)) throw new UsageError('--encoding utf-8|gb18030|utf-16le|utf-16be|big5|shift_jis|windows-1252');
        const dateOrder = values['date-order'];
        if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') throw new UsageError('--date-order dmy|mdy');
        const decimal = values.decimal;
        if (decimal !== undefined && decimal !== '.' && decimal !== ',') throw new UsageError('--decimal . or ,');
        if (values.cutover !== undefined && !isIsoDate(values.cutover)) throw new LedgerError('error.date', { value: values.cutover }, 'cutover');
        ledger = await openLedgerForWriting(ledgerFile); // even a dry run holds a write transaction while it checks
        const res = await importFile(ledger, kind as ImportKind, bytes, {
          fileName: path.basename(file),
          dryRun: values['dry-run'],
          encoding,
          sheet: values.sheet !== undefined ? positiveInt(values.sheet, 'sheet', 1) - 1 : undefined,
          dateOrder,
          decimal,
          date1904: values.date1904,
          presetId: values.preset,
          cutover: values.cutover,
        });
        if (res.format === 'xlsx' || res.encoding !== 'utf-8' || res.delimiter !== ',') {
          const how = res.format === 'xlsx' ? 'XLSX' : `${res.encoding}, ${res.delimiter === '\t' ? 'tab' : `"${res.delimiter}"`}`;
          process.stderr.write(`${lang === 'zh' ? '读取' : 'Read'} ${path.basename(file)}: ${how}\n`);
        }
        if (res.problems.length) {
          const head = lang === 'zh' ? `导入被拒绝：${res.problems.length} 处错误，未写入任何数据` : `Import refused: ${res.problems.length} problem(s); nothing was written`;
          process.stderr.write(head + '\n');
          for (const p of res.problems.slice(0, 1000)) {
            const where = lang === 'zh' ? `第 ${p.line} 行${p.column ? `，列 ${p.column}` : ''}` : `line ${p.line}${p.column ? `, column ${p.column}` : ''}`;
            const message = errorMessage(lang, p.key, p.params);
            process.stderr.write(p.line > 0 ? `  ${where}${lang === 'zh' ? '：' : ': '}${message}\n` : `  ${message}\n`);
          }
          if (res.problems.length > 1000) process.stderr.write(`  … ${res.problems.length - 1000} more\n`);
          return 1;
        }
        const verb = res.dryRun ? (lang === 'zh' ? '试运行（未写入）' : 'Dry run (nothing written)') : lang === 'zh' ? '已导入' : 'Imported';
        if (res.created === 0 && res.skipped > 0) {
          out(lang === 'zh' ? `没有新数据：${res.skipped} 行已在账套中\n` : `Nothing new: all ${res.skipped} rows are already in the ledger\n`);
        } else {
          out(
            lang === 'zh'
              ? `${verb}：新建 ${res.created}，跳过已存在 ${res.skipped}，核销 ${res.allocations} 笔\n`
              : `${verb}: ${res.created} created, ${res.skipped} already present, ${res.allocations} allocations\n`,
          );
        }
        return 0;
      }
      case 'aging': {
        const asOf = values['as-of'] ?? todayIso();
        if (!isIsoDate(asOf)) throw new LedgerError('error.date', { value: asOf }, 'as-of');
        const by = values.by ?? 'customer';
        if (by !== 'customer' && by !== 'invoice') throw new UsageError('--by customer|invoice');
        const format = values.format ?? 'json';
        if (format !== 'json' && format !== 'csv') throw new UsageError('--format json|csv');
        ledger = await openLedger(ledgerFile, { readonly: true });
        const report = await agingReport(ledger.db, asOf, by);
        out(format === 'json' ? JSON.stringify(agingJson(report), null, 2) + '\n' : agingCsv(report));
        return 0;
      }
      case 'check': {
        ledger = await openLedger(ledgerFile);
        const problems = await checkLedger(ledger);
        if (problems.length) {
          process.stderr.write((lang === 'zh' ? '账套检查失败：' : 'Ledger check FAILED:') + '\n');
          for (const p of problems) process.stderr.write(`  [${p.check}] ${p.detail}\n`);
          return 1;
        }
        out(lang === 'zh' ? '账套检查通过\n' : 'Ledger check passed: integrity, foreign keys and every ledger invariant\n');
        return 0;
      }
      case 'backup': {
        if (!values.out) throw new UsageError('arw backup --ledger F --out FILE');
        ledger = await openLedger(ledgerFile);
        const res = await backupLedger(ledger, values.out);
        out(`${lang === 'zh' ? '已备份到' : 'Backed up to'} ${res.file} (${res.bytes} bytes)\n`);
        return 0;
      }
      case 'verify':
      case 'backups':
      case 'restore':
        return await runIntegrityCommand(command, { ...values, ledger: ledgerFile }, lang, out);
      case 'case':
        return await (await import('../collections/cli')).runCaseCommand(rest, { ...values, ledger: ledgerFile }, lang, out);
      case 'ratings':
      case 'credit':
      case 'invoice':
        return await runCreditCommand(command, rest, { ...values, ledger: ledgerFile }, lang, out);
      case 'statements':
        return await runStatementsCommand({ ...values, ledger: ledgerFile }, lang, out);
      case 'rate':
      case 'rates':
        return await runRatesCommand(command, { ...values, ledger: ledgerFile }, lang, out);
      default:
        throw new UsageError(`unknown command: ${command}\n\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof LedgerError) process.stderr.write(`${lang === 'zh' ? '错误' : 'Error'}: ${errorMessage(lang, e.key, e.params)}\n`);
    else if (isUsageError(e)) process.stderr.write(`${(e as Error).message}\n`);
    else if ((e as { code?: string }).code === 'ENOENT') process.stderr.write(`${lang === 'zh' ? '找不到文件' : 'File not found'}: ${(e as { path?: string }).path}\n`);
    else process.stderr.write(`${lang === 'zh' ? '错误' : 'Error'}: ${(e as Error).message}\n`);
    return isUsageError(e) ? 2 : 1;
  } finally {
    await ledger?.close();
  }
}

function amounts(row: Record<string, number>, currency: string) {
  const digits = currencyDigits(currency);
  const out: Record<string, string> = {};
  for (const k of [...BUCKETS, 'total', 'unapplied', 'net']) out[k] = toDecimalString(row[k], digits);
  return out;
}

/** A command line that could not be understood (exit 2), from any command's parser. */
function isUsageError(e: unknown): boolean {
  return (
    e instanceof UsageError ||
    e instanceof CaseUsageError ||
    e instanceof StatementsUsageError ||
    e instanceof IntegrityUsageError ||
    e instanceof CreditUsageError ||
    e instanceof RatesUsageError ||
    !!(e as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS')
  );
}

/** A row's base-currency figures (rows in another currency), as decimal strings in the base currency's digits. */
function baseFigures(base: { total: number; unapplied: number; net: number }, currency: string) {
  const digits = currencyDigits(currency);
  return { base_total: toDecimalString(base.total, digits), base_unapplied: toDecimalString(base.unapplied, digits), base_net: toDecimalString(base.net, digits) };
}

/**
 * Every field of the contract as it always was (rows in their own currency, `totals` the sum of
 * the rows); added: `base_currency`, `base_totals` (each open document at its recorded rate,
 * rounded per document), `base_total` / `base_unapplied` / `base_net` on rows in another
 * currency, and `unrated_documents` when some open documents have no recorded rate.
 */
export function agingJson(report: AgingReport) {
  return {
    as_of: report.asOf,
    by: report.by,
    rows: report.rows.map((r) => ({
      customer_code: r.customerCode,
      customer_name: r.customerName,
      currency: r.currency,
      ...(report.by === 'invoice' ? { invoice_number: r.invoiceNumber, invoice_date: r.invoiceDate, due_date: r.dueDate, days_overdue: r.daysOverdue } : {}),
      ...amounts(r as unknown as Record<string, number>, r.currency),
      ...(r.base ? baseFigures(r.base, report.baseCurrency) : {}),
    })),
    totals: amounts(report.totals as unknown as Record<string, number>, report.rows[0]?.currency ?? 'CNY'),
    base_currency: report.baseCurrency,
    base_totals: amounts(report.baseTotals as unknown as Record<string, number>, report.baseCurrency),
    ...(report.unrated ? { unrated_documents: report.unrated } : {}),
  };
}

/**
 * The JSON's rows and columns. A report with rows in more than one currency adds, at the end,
 * `base_currency,base_total,base_unapplied,base_net` on every row (base-currency rows repeat
 * their own figures), so the column sums to the base total; a single-currency report is unchanged.
 */
export function agingCsv(report: AgingReport): string {
  const json = agingJson(report);
  const invoiceCols = report.by === 'invoice' ? ['invoice_number', 'invoice_date', 'due_date', 'days_overdue'] : [];
  const multi = report.rows.some((r) => r.currency !== report.baseCurrency);
  const baseCols = multi ? ['base_currency', 'base_total', 'base_unapplied', 'base_net'] : [];
  const cols = ['customer_code', 'customer_name', 'currency', ...invoiceCols, ...BUCKETS, 'total', 'unapplied', 'net', ...baseCols];
  if (multi) {
    json.rows.forEach((row, i) => {
      const r = report.rows[i];
      Object.assign(row, { base_currency: report.baseCurrency }, r.base ? {} : baseFigures(r, report.baseCurrency));
    });
  }
  // csvCell quotes and neutralises formula injection (a customer named "=HYPERLINK(…)").
  const esc = (v: unknown) => csvCell(typeof v === 'number' ? v : String(v ?? ''));
  return [cols.join(','), ...json.rows.map((r) => cols.map((c) => esc((r as Record<string, unknown>)[c])).join(','))].join('\n') + '\n';
}

const isMain = process.argv[1] && /arw(\.ts|\.mjs|\.js)?$/.test(process.argv[1]);
if (isMain) {
  run(process.argv.slice(2)).then((code) => process.exit(code));
}
