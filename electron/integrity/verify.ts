/**
 * `arw verify`: recomputes the whole chain from the stored rows and every stored file's SHA-256,
 * and checks the chain against hashes recorded outside the ledger (backups, print-outs). Problems
 * come in chain order, so the first one is the first broken link.
 */
import crypto from 'node:crypto';
import type { Ledger } from '../db/open';
import type { ChainHead, VerifyProblem, VerifyReport } from '../../shared/api/integrity';
import { GENESIS_HASH, sealHash, type SealContent, type SealRow } from './chain';
import { SEAL_TABLE, STORED_FILES } from './registry';
import { chainedLayouts, chunks, DIGEST_BYTES, quoteIdent, runnerFor, type Runner, type TableLayout } from './rows';

/** A seal hash recorded outside the ledger. */
export interface Anchor {
  sealId: number;
  hash: string;
  /** Where it was recorded (a backup's name, "--anchor"). */
  source: string;
}

export interface VerifyOptions {
  anchors?: Anchor[];
  maxProblems?: number;
}

/** Verifying a big ledger takes seconds: let the app's other work (IPC, timers) run in between. */
let lastYield = Date.now();
async function breathe(): Promise<void> {
  if (Date.now() - lastYield < 30) return;
  await new Promise((r) => setImmediate(r));
  lastYield = Date.now();
}

class Problems {
  readonly list: VerifyProblem[] = [];
  truncated = false;
  constructor(private readonly max: number) {}
  add(p: VerifyProblem) {
    if (this.list.length < this.max) this.list.push(p);
    else this.truncated = true;
  }
}

export async function verifyLedger(ledger: Ledger, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const started = Date.now();
  const problems = new Problems(opts.maxProblems ?? 100);
  const run = runnerFor(ledger.db, ledger.sqlite);
  const counts = { seals: 0, rows: 0, files: 0, anchors: 0 };
  let head: ChainHead | null = null;
  try {
    const quick = (await run.all('pragma quick_check')) as [string][];
    for (const [r] of quick) if (r !== 'ok') problems.add({ code: 'sqlite', severity: 'error', detail: r });
    head = await verifyChain(run, problems, counts, opts.anchors ?? []);
    await verifyFiles(run, problems, counts);
  } catch (e) {
    problems.add({ code: 'sqlite', severity: 'error', detail: e instanceof Error ? e.message : String(e) });
  }
  const errors = problems.list.filter((p) => p.severity === 'error');
  return {
    ok: errors.length === 0,
    checkedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    ...counts,
    head,
    firstBroken: errors[0] ?? null,
    problems: problems.list,
    truncated: problems.truncated,
  };
}

async function verifyChain(run: Runner, problems: Problems, counts: { seals: number; rows: number; anchors: number }, anchors: Anchor[]): Promise<ChainHead | null> {
  const hasSeals = (await run.all("select 1 from sqlite_master where type = 'table' and name = ?", [SEAL_TABLE])).length > 0;
  const layouts = new Map((await chainedLayouts(run)).map((l) => [l.table, l]));
  const marks: Record<string, number> = {};
  const anchorsById = new Map<number, Anchor[]>();
  for (const a of anchors) anchorsById.set(a.sealId, [...(anchorsById.get(a.sealId) ?? []), a]);
  // One statement reads one snapshot: the last seal and every table's last row at this moment.
  // The app may keep writing while we verify (we yield); what it adds later is not judged here.
  const list = [...layouts.values()];
  const [snapshot] = await run.all(
    `select ${hasSeals ? `(select max(id) from ${SEAL_TABLE})` : '0'}${list.map((l) => `, (select max(rowid) from ${quoteIdent(l.table)})`).join('')}`,
  );
  const lastSealId = Number(snapshot[0] ?? 0);
  const maxAtStart = new Map(list.map((l, i) => [l.table, Number(snapshot[i + 1] ?? 0)]));
  let prev: SealRow | null = null;
  if (hasSeals) {
    let after = 0;
    for (;;) {
      const page = (await run.all(`select id, prev_hash, sealed_at, sealed_by, content, digests, hash from ${SEAL_TABLE} where id > ? and id <= ? order by id limit 256`, [after, lastSealId])) as [number, string, string, string, string, Uint8Array, string][];
      for (const [id, prev_hash, sealed_at, sealed_by, content, digests, hash] of page) {
        await breathe();
        const seal: SealRow = { id: Number(id), prev_hash, sealed_at, sealed_by, content, digests: Buffer.from(digests), hash };
        await verifySeal(run, seal, prev, layouts, marks, problems, counts);
        for (const a of anchorsById.get(seal.id) ?? []) {
          counts.anchors++;
          if (a.hash !== seal.hash) problems.add({ code: 'anchorMismatch', severity: 'error', sealId: seal.id, sealedAt: seal.sealed_at, expected: a.hash, found: seal.hash, detail: a.source });
        }
        prev = seal;
        counts.seals++;
      }
      if (page.length < 256) break;
      after = Number(page[page.length - 1][0]);
    }
  }
  for (const a of anchors) {
    if (!prev || a.sealId > prev.id) {
      counts.anchors++;
      problems.add({ code: 'anchorAhead', severity: 'error', sealId: a.sealId, expected: a.hash, found: prev?.id ?? 0, detail: a.source });
    }
  }
  // Rows after the last seal were written around the app (every write transaction seals).
  for (const layout of list) {
    const mark = marks[layout.table] ?? 0;
    const max = maxAtStart.get(layout.table) ?? 0;
    if (max > mark) {
      const [[first, n]] = (await run.all(`select min(rowid), count(*) from ${quoteIdent(layout.table)} where rowid > ? and rowid <= ?`, [mark, max])) as [[number, number]];
      problems.add({ code: 'unsealed', severity: 'error', table: layout.table, rowId: Number(first), rowIdTo: max, found: Number(n) });
    }
  }
  return prev ? { sealId: prev.id, hash: prev.hash, sealedAt: prev.sealed_at } : null;
}

async function verifySeal(
  run: Runner,
  seal: SealRow,
  prev: SealRow | null,
  layouts: Map<string, TableLayout>,
  marks: Record<string, number>,
  problems: Problems,
  counts: { rows: number },
): Promise<void> {
  const at = { sealId: seal.id, sealedAt: seal.sealed_at };
  const expectedId = (prev?.id ?? 0) + 1;
  if (seal.id !== expectedId) problems.add({ code: 'sealMissing', severity: 'error', ...at, expected: expectedId, found: seal.id });
  const expectedPrev = prev?.hash ?? GENESIS_HASH;
  if (seal.prev_hash !== expectedPrev) problems.add({ code: 'sealLink', severity: 'error', ...at, expected: expectedPrev, found: seal.prev_hash });
  const recomputed = sealHash(seal);
  if (recomputed !== seal.hash) problems.add({ code: 'sealHash', severity: 'error', ...at, expected: recomputed, found: seal.hash });
  let content: SealContent;
  try {
    content = JSON.parse(seal.content) as SealContent;
    if (!Array.isArray(content.ranges)) throw new Error('no ranges');
  } catch {
    problems.add({ code: 'sealHash', severity: 'error', ...at, detail: 'content is not a seal' });
    return;
  }
  let offset = 0;
  for (const r of content.ranges) {
    const start = marks[r.t] ?? 0;
    if (r.from !== start) problems.add({ code: 'sealRange', severity: 'error', ...at, table: r.t, expected: start, found: r.from });
    marks[r.t] = Math.max(start, r.to);
    const chunkCount = Math.ceil(r.n / r.k);
    const stored = seal.digests.subarray(offset, offset + chunkCount * DIGEST_BYTES);
    offset += chunkCount * DIGEST_BYTES;
    const layout = layouts.get(r.t);
    if (!layout) {
      problems.add({ code: 'tableMissing', severity: 'error', ...at, table: r.t });
      continue;
    }
    counts.rows += r.n;
    if (r.x === 1) problems.add({ code: 'outsideWrite', severity: 'error', ...at, table: r.t, rowId: r.from + 1, rowIdTo: r.to, found: r.n });
    let i = 0;
    let found = 0;
    let reported = false;
    for await (const chunk of chunks(run, layout, r.c, r.from, r.to, r.k)) {
      await breathe();
      found += chunk.rows;
      const expected = stored.subarray(i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES);
      if (!reported && (i >= chunkCount || !chunk.digest.equals(expected))) {
        reported = true;
        problems.add({ code: 'rowChanged', severity: 'error', ...at, table: r.t, rowId: chunk.firstRowid, ...(chunk.rows > 1 ? { rowIdTo: chunk.lastRowid } : {}) });
      }
      i++;
    }
    if (found !== r.n) problems.add({ code: 'rowCount', severity: 'error', ...at, table: r.t, rowId: r.from + 1, rowIdTo: r.to, expected: r.n, found });
  }
  if (content.marks) {
    for (const [t, m] of Object.entries(content.marks)) {
      if ((marks[t] ?? 0) !== m) problems.add({ code: 'sealRange', severity: 'error', ...at, table: t, expected: marks[t] ?? 0, found: m });
    }
  }
}

async function verifyFiles(run: Runner, problems: Problems, counts: { files: number }): Promise<void> {
  const tables = new Set(((await run.all("select name from sqlite_master where type = 'table'")) as [string][]).map(([n]) => n));
  for (const f of STORED_FILES) {
    if (!tables.has(f.table)) continue;
    const q = `select rowid, ${quoteIdent(f.sha256)}, ${quoteIdent(f.size)}, ${quoteIdent(f.content)} from ${quoteIdent(f.table)} where rowid > ? order by rowid limit 16`;
    let after = 0;
    for (;;) {
      const page = (await run.all(q, [after])) as [number, string, number, Uint8Array | null][];
      for (const [rowid, sha, size, bytes] of page) {
        await breathe();
        counts.files++;
        const content = bytes ?? new Uint8Array();
        const actual = crypto.createHash('sha256').update(content).digest('hex');
        if (actual !== sha) problems.add({ code: 'fileHash', severity: 'error', table: f.table, rowId: Number(rowid), expected: sha, found: actual });
        else if (Number(size) !== content.length) problems.add({ code: 'fileSize', severity: 'error', table: f.table, rowId: Number(rowid), expected: Number(size), found: content.length });
      }
      if (page.length < 16) break;
      after = Number(page[page.length - 1][0]);
    }
  }
}
