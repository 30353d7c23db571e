/** `arw statements`: the month-end batch from the command line, with progress on stderr. */
import path from 'node:path';
import type { Language } from '../../shared/domain';
import { openLedgerForWriting } from '../cli/writer-lock';
import { runStatementBatch } from './batch';

export const STATEMENTS_USAGE = `  arw statements --ledger F --month YYYY-MM --out DIR [--paper A4|LETTER] [--workers N]`;

export class StatementsUsageError extends Error {}

export async function runStatementsCommand(
  values: { ledger: string; month?: string; out?: string; paper?: string; workers?: string },
  lang: Language,
  out: (s: string) => void,
): Promise<number> {
  if (!values.month || !values.out) throw new StatementsUsageError(STATEMENTS_USAGE.trim());
  const paper = (values.paper ?? 'A4').toUpperCase();
  if (paper !== 'A4' && paper !== 'LETTER') throw new StatementsUsageError('--paper A4|LETTER');
  if (values.workers !== undefined && !/^[1-9]\d?$/.test(values.workers)) throw new StatementsUsageError('--workers must be a whole number from 1 to 99');
  const ledger = await openLedgerForWriting(values.ledger); // issues papers: the app's instance lock
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    let lastShown = 0;
    const res = await runStatementBatch(ledger.db, {
      month: values.month,
      outDir: path.resolve(values.out),
      paperSize: paper,
      workers: values.workers ? Number(values.workers) : undefined,
      signal: controller.signal,
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastShown > 500 || p.done === p.total) {
          lastShown = now;
          process.stderr.write(`\r${p.done}/${p.total}`);
        }
      },
    });
    process.stderr.write('\n');
    if (res.cancelled) {
      out(lang === 'zh' ? `已取消：完成 ${res.done}/${res.total}\n` : `Cancelled after ${res.done} of ${res.total}\n`);
      return 130;
    }
    const perStatement = res.done ? Math.round(res.elapsedMs / res.done) : 0;
    out(
      lang === 'zh'
        ? `已出具 ${res.issued} 份、沿用 ${res.reused} 份对账单（共 ${res.pages} 页，${res.elapsedMs} 毫秒，每份 ${perStatement} 毫秒）\n合并打印文件：${res.combinedFile}\n`
        : `Statements: ${res.issued} issued, ${res.reused} already issued and reused (${res.pages} pages, ${res.elapsedMs} ms, ${perStatement} ms each)\nCombined for printing: ${res.combinedFile}\n`,
    );
    if (res.missingGlyphs.length) out((lang === 'zh' ? '以下字符字体中没有，已以代码打印：' : 'Characters printed as code points (no font has them): ') + res.missingGlyphs.join(' ') + '\n');
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
    await ledger.close();
  }
}
