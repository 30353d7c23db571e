/** Handlers of the import wizard's operations; requests arrive already validated by dispatch. */
import { currencyDigits, toDecimalString } from '../../../shared/money';
import type { ImportPreview, ImportResult, importOps, importSettings } from '../../../shared/api/imports';
import { requireLedger, type AppContext } from '../../app/context';
import { LedgerError } from '../../errors';
import { FIELD_TYPES, fieldsOf, type ImportKind } from '../../import/formats';
import { normaliseCell } from '../../import/normalise';
import type { ImportProgress } from '../../import/import';
import { importFile, NEEDED, prepareWithMemory, type FileImportResult } from '../../import/pipeline';
import { presetsFor } from '../../import/presets';
import { uploadsOf } from '../../import/uploads';
import type { Handler } from '../dispatch';
import { catchUpSoon } from '../../credit/cache';
import { getCreditSettings } from '../../credit/store';

/** The credit-cache catch-up a committed import started (tests wait for it). */
export const pendingCatchUp = new WeakMap<AppContext, Promise<void>>();
import type { z } from 'zod';

type Settings = z.output<typeof importSettings>;

const SAMPLE_ROWS = 20;
const TOP_ROWS = 12;
const MAX_PROBLEMS = 5000;

function readOptions(req: Settings) {
  return { encoding: req.encoding, delimiter: req.delimiter, sheet: req.sheet };
}

function prepareOptions(req: Settings) {
  return { ...readOptions(req), headerRow: req.headerRow, presetId: req.presetId, mapping: req.mapping, dateOrder: req.dateOrder, decimal: req.decimal, date1904: req.date1904 };
}

function toResult(res: FileImportResult): ImportResult {
  return {
    kind: res.kind,
    dryRun: res.dryRun,
    rows: res.rows,
    created: res.created,
    skipped: res.skipped,
    allocations: res.allocations,
    settled: res.settled ?? 0,
    ignored: res.ignored ?? 0,
    totals: Object.fromEntries(Object.entries(res.totals ?? {}).map(([c, v]) => [c, toDecimalString(v, currencyDigits(c))])),
    cancelled: !!res.cancelled,
    problems: res.problems.slice(0, MAX_PROBLEMS),
    problemCount: res.problems.length,
  };
}

async function run(ctx: AppContext, req: Settings, dryRun: boolean): Promise<ImportResult> {
  const ledger = requireLedger(ctx);
  const store = uploadsOf(ctx);
  const up = store.get(req.uploadId);
  if (up.job) throw new LedgerError('error.importBusy');
  const job: { controller: AbortController; progress: ImportProgress } = { controller: new AbortController(), progress: { phase: 'reading', done: 0, total: 0 } };
  up.job = job;
  try {
    const table = store.table(up, readOptions(req));
    // With an explicit mapping the rows depend only on the request: the check's can be reused.
    const key = req.mapping ? JSON.stringify([req.kind, prepareOptions(req)]) : null;
    let prepared = key && up.prepared?.key === key ? up.prepared.prepared : undefined;
    if (key && !prepared) {
      prepared = await prepareWithMemory(ledger, req.kind as ImportKind, table, prepareOptions(req));
      up.prepared = { key, prepared };
    }
    const res = await importFile(ledger, req.kind as ImportKind, up.bytes, {
      ...prepareOptions(req),
      fileName: up.fileName,
      dryRun,
      cutover: req.cutover,
      signal: job.controller.signal,
      onProgress: (p) => {
        job.progress = p;
      },
    }, table, prepared);
    return toResult(res);
  } finally {
    up.job = null;
  }
}

export const importHandlers: { [K in keyof typeof importOps]: Handler<K> } = {
  async 'import-upload'(ctx, req) {
    requireLedger(ctx);
    const up = uploadsOf(ctx).addPart({ uploadId: req.uploadId, fileName: req.fileName, part: req.part, data: Buffer.from(req.dataBase64, 'base64'), last: req.last });
    return { uploadId: up.id, bytes: up.size };
  },

  async 'import-preview'(ctx, req): Promise<ImportPreview> {
    const ledger = requireLedger(ctx);
    const store = uploadsOf(ctx);
    const up = store.get(req.uploadId);
    const kind = req.kind as ImportKind;
    const table = store.table(up, readOptions(req));
    const p = await prepareWithMemory(ledger, kind, table, { ...prepareOptions(req), previewOnly: true });
    const fields = fieldsOf(kind);
    return {
      fileName: up.fileName,
      bytes: up.bytes.length,
      format: table.format,
      encoding: table.encoding,
      detectedEncoding: table.detected?.encoding ?? null,
      encodingConfident: table.detected?.confident ?? true,
      badChars: table.badChars,
      delimiter: table.delimiter,
      sheets: table.sheets,
      sheet: table.sheet,
      topRows: table.rows.slice(0, TOP_ROWS).map((r) => ({ line: r.line, cells: r.cells.slice(0, 60) })),
      headerRow: p.headerRow,
      header: p.header,
      rowCount: p.body.length,
      fields: fields.map((name) => ({ name, type: FIELD_TYPES[name] ?? 'text', needed: NEEDED[kind].includes(name) })),
      mapping: p.mapping,
      presetId: p.preset.id,
      presets: presetsFor(kind).map((x) => ({ id: x.id, source: x.source })),
      remembered: p.remembered,
      options: p.options,
      sample: p.body.slice(0, SAMPLE_ROWS).map((r) => ({
        line: r.line,
        cells: Object.fromEntries(
          fields.filter((f) => p.mapping[f] !== null).map((f) => {
            const raw = r.cells[p.mapping[f]!] ?? '';
            return [f, { raw, ...normaliseCell(FIELD_TYPES[f] ?? 'text', raw, p.options) }];
          }),
        ),
      })),
    };
  },

  async 'import-dry-run'(ctx, req) {
    return run(ctx, req, true);
  },

  async 'import-commit'(ctx, req) {
    const result = await run(ctx, req, false);
    if (!result.cancelled && result.problemCount === 0) {
      uploadsOf(ctx).discard(req.uploadId);
      const ledger = ctx.ledger;
      if (ledger && result.created > 0 && req.kind !== 'customers') {
        pendingCatchUp.set(ctx, catchUpSoon(ledger.db, async () => (await getCreditSettings(ledger.db)).graceDays, (m, d) => ctx.log('error', m, d)));
      }
    }
    return result;
  },

  async 'import-progress'(ctx, req) {
    const job = uploadsOf(ctx).find(req.uploadId)?.job;
    return job ? { running: true, ...job.progress } : { running: false, phase: null, done: 0, total: 0 };
  },

  async 'import-cancel'(ctx, req) {
    const job = uploadsOf(ctx).find(req.uploadId)?.job;
    job?.controller.abort();
    return { cancelled: !!job };
  },

  async 'import-discard'(ctx, req) {
    return { discarded: uploadsOf(ctx).discard(req.uploadId) };
  },
};
