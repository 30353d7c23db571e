// Child process for the integrity kill tests: runs one long job forever (or to its end) and prints
// "ack …" for each step it has completed, so the parent can SIGKILL it at a random moment.
import { runCaseCommand } from '../../electron/collections/cli';
import { makeBackup } from '../../electron/backup/make';
import { openLedger } from '../../electron/db/open';
import { runStatementBatch } from '../../electron/papers/batch';

const [mode, file, arg, prefix] = process.argv.slice(2);
const ack = (s: string) => process.stdout.write(`ack ${s}\n`);

if (mode === 'statements') {
  // The month-end batch, storing statements in small transactions (several per run).
  const ledger = await openLedger(file);
  await runStatementBatch(ledger.db, { month: prefix, outDir: arg, workers: 1, chunk: 3, onProgress: (p) => ack(`${p.done}/${p.total}`) });
  ack('done');
  await ledger.close();
} else if (mode === 'export') {
  // `arw case export` again and again, each to its own file.
  for (let i = 0; ; i++) {
    const out = `${arg}/${prefix}-${i}.zip`;
    await runCaseCommand(['export'], { ledger: file, customer: 'C001', out, 'as-of': '2026-06-30' }, 'en', () => undefined);
    ack(out);
  }
} else if (mode === 'backup') {
  const ledger = await openLedger(file);
  for (;;) {
    const info = await makeBackup(ledger, { dir: arg, kind: 'manual' });
    ack(info.name);
  }
}
