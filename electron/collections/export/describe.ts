/** One timeline entry as a line of the dossier: what happened, in words, from its structured facts. */
import type { TimelineEntry } from '../../../shared/api/collections-types';
import type { Language } from '../../../shared/domain';
import { formatRatePercent } from '../interest';
import { ENUM_WORDS } from './dossier-words';

const FIELD: Record<Language, Record<string, string>> = {
  en: { debtor_type: 'kind of debtor', temperament: 'temperament', owner: 'owner', next_action: 'next action', next_action_date: 'next action date', interest_rate_ppm: 'interest rate', fees: 'fees' },
  zh: { debtor_type: '欠款类型', temperament: '性格类型', owner: '负责人', next_action: '下一步', next_action_date: '下一步日期', interest_rate_ppm: '利率', fees: '费用' },
};
const PAPER: Record<Language, Record<string, string>> = {
  en: { statement: 'Statement issued', iou: 'IOU issued', price_confirmation: 'Price confirmation issued', demand_letter: 'Demand letter issued', signed: 'signed', confirmed: 'confirmed', disputed: 'disputed', voided: 'void' },
  zh: { statement: '发出对账单', iou: '发出欠款确认单', price_confirmation: '发出价格确认书', demand_letter: '发出催款函', signed: '已签回', confirmed: '已确认', disputed: '有异议', voided: '已作废' },
};

export function describeEntry(t: TimelineEntry, lang: Language, money: (v: number) => string): { what: string; text: string } {
  const E = ENUM_WORDS[lang];
  const d = t.data;
  const join = (...parts: (string | undefined | null | false)[]) => parts.filter(Boolean).join(' — ');
  switch (t.kind) {
    case 'stage':
      return { what: E.stage, text: join(`${E[String(d.from)] ?? d.from} → ${E[String(d.to)] ?? d.to}${d.closeReason ? ` (${E[String(d.closeReason)] ?? d.closeReason})` : ''}`, t.summary) };
    case 'promise':
      return {
        what: `${E.promise} (${E[String(d.how)] ?? d.how})`,
        text: join(lang === 'zh' ? `承诺于 ${d.dueDate} 前付款` : `to pay by ${d.dueDate}`, t.summary),
      };
    case 'letter':
      return { what: `${E.letter}: ${E[String(d.step)] ?? d.step}`, text: t.summary };
    case 'updated': {
      const text = Object.entries(d)
        .map(([k, v]) => {
          const value = v === null ? '—' : k === 'interest_rate_ppm' ? `${formatRatePercent(Number(v))}%` : k === 'fees' ? money(Number(v)) : E[String(v)] ?? String(v);
          return `${FIELD[lang][k] ?? k}: ${value}`;
        })
        .join('; ');
      return { what: E.updated, text };
    }
    case 'paper':
      return { what: PAPER[lang][String(d.paperKind)] ?? String(d.paperKind), text: join(t.summary, d.period ? String(d.period) : '', t.outcome ? PAPER[lang][t.outcome] : '') };
    case 'sign_back':
      return { what: lang === 'zh' ? '签回' : 'Signed back', text: join(t.summary, PAPER[lang][t.outcome] ?? t.outcome) };
    case 'export':
      return { what: E.export, text: t.summary };
    default:
      return { what: E[t.kind] ?? t.kind, text: join(t.summary, t.outcome) };
  }
}
