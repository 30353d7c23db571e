/** Verify problems in words, for the CLI (the renderer has the same texts in its i18n tables). */
import type { Language } from '../../shared/domain';
import type { VerifyProblem, VerifyReport } from '../../shared/api/integrity';

const EN: Record<VerifyProblem['code'], string> = {
  sqlite: 'SQLite reports damage: {detail}',
  sealMissing: 'Seal {expected} is missing from the chain (next is {found})',
  sealLink: 'Seal {sealId} does not follow the previous seal (the chain was cut or rewritten)',
  sealHash: 'Seal {sealId} was altered after it was written',
  sealRange: 'Seal {sealId} does not continue where the previous seals of {table} ended (expected {expected}, found {found})',
  tableMissing: 'Table {table}, sealed by seal {sealId}, is missing',
  rowChanged: 'Table {table}, row {rows}: content differs from what seal {sealId} ({sealedAt}) recorded',
  rowCount: 'Table {table}, rows {rowId}–{rowIdTo}: seal {sealId} recorded {expected} rows, found {found}',
  unsealed: 'Table {table}, rows from {rowId}: {found} row(s) were written after the last seal, outside the app',
  outsideWrite: 'Table {table}, rows {rows}: {found} row(s) were written outside the app before seal {sealId} ({sealedAt}) found them',
  fileHash: 'Stored file {table} row {rowId}: its bytes no longer match its SHA-256 {expected}',
  fileSize: 'Stored file {table} row {rowId}: size {found}, recorded {expected}',
  anchorMismatch: 'Seal {sealId} differs from the hash recorded in {detail}: the chain was rewritten',
  anchorAhead: '{detail} recorded seal {sealId}, newer than this ledger (last seal {found}): the ledger is an older copy',
};

const ZH: Record<VerifyProblem['code'], string> = {
  sqlite: 'SQLite 报告文件损坏：{detail}',
  sealMissing: '链中缺少封签 {expected}（下一个为 {found}）',
  sealLink: '封签 {sealId} 与前一个封签接不上（链被截断或重写）',
  sealHash: '封签 {sealId} 写入后被改动',
  sealRange: '封签 {sealId} 与表 {table} 之前的封签范围不衔接（应为 {expected}，实为 {found}）',
  tableMissing: '封签 {sealId} 封存的表 {table} 不存在',
  rowChanged: '表 {table} 第 {rows} 行：内容与封签 {sealId}（{sealedAt}）记录的不一致',
  rowCount: '表 {table} 第 {rowId}–{rowIdTo} 行：封签 {sealId} 记录 {expected} 行，实有 {found} 行',
  unsealed: '表 {table} 自第 {rowId} 行起：{found} 行在最后一个封签之后写入（未经本程序）',
  outsideWrite: '表 {table} 第 {rows} 行：{found} 行由程序以外写入，后被封签 {sealId}（{sealedAt}）发现',
  fileHash: '存储文件 {table} 第 {rowId} 行：内容与其 SHA-256 {expected} 不符',
  fileSize: '存储文件 {table} 第 {rowId} 行：大小 {found}，记录为 {expected}',
  anchorMismatch: '封签 {sealId} 与 {detail} 中记录的哈希不同：链被重写',
  anchorAhead: '{detail} 记录了封签 {sealId}，比本账套更新（最后封签 {found}）：本账套是较旧的副本',
};

export function problemMessage(lang: Language, p: VerifyProblem): string {
  const rows = p.rowIdTo !== undefined && p.rowIdTo !== p.rowId ? `${p.rowId}–${p.rowIdTo}` : String(p.rowId ?? '');
  const params: Record<string, unknown> = { ...p, rows };
  return (lang === 'zh' ? ZH : EN)[p.code].replace(/\{(\w+)\}/g, (_, k: string) => (params[k] !== undefined ? String(params[k]) : '?'));
}

export function reportText(lang: Language, r: VerifyReport): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  const summary = zh
    ? `已核验 ${r.seals} 个封签、${r.rows} 行、${r.files} 个存储文件、${r.anchors} 个外部锚点（${r.durationMs} 毫秒）`
    : `Checked ${r.seals} seals, ${r.rows} rows, ${r.files} stored files, ${r.anchors} outside anchors (${r.durationMs} ms)`;
  if (r.ok) lines.push(zh ? '账套核验通过：未发现篡改' : 'Ledger verified: no tampering found', summary);
  else {
    lines.push(zh ? '账套核验失败' : 'Ledger verification FAILED', summary);
    if (r.firstBroken) lines.push((zh ? '第一个断点：' : 'First broken link: ') + problemMessage(lang, r.firstBroken));
  }
  for (const p of r.problems) lines.push(`  [${p.severity === 'error' ? (zh ? '错误' : 'error') : zh ? '警告' : 'warning'}] ${problemMessage(lang, p)}`);
  if (r.truncated) lines.push(zh ? '  …还有更多问题' : '  … more problems not listed');
  if (r.head) lines.push((zh ? '链头：封签 ' : 'Chain head: seal ') + `${r.head.sealId} ${r.head.hash} (${r.head.sealedAt})`);
  return lines.join('\n') + '\n';
}
