/** Sample papers for rendering tests: rare characters, very long names, long item lists. */
import type { Language } from '../../shared/domain';
import type { DemandLetterPaper, GoodsLine, IouPaper, PaperBase, PaperData, PriceConfirmationPaper, StatementPaper } from '../../electron/pdf/types';

export const RARE_NAME = '龘䶮鬱𠀀 杭州龙腾五金机电设备有限公司（浙江省杭州市西湖区文三路分公司第二经营部，一个非常长的客户名称用于测试换行与对齐）';

function base(kind: PaperBase['kind'], lang: Language, number: string, size: PaperBase['paperSize'] = 'A4'): PaperBase {
  return {
    kind,
    number,
    language: lang,
    paperSize: size,
    issuedOn: '2026-04-02',
    issuedAt: '2026-04-02T08:00:00.000Z',
    currency: 'CNY',
    digits: 2,
    company: { name: '示例贸易有限公司 Demo Trading Co.', address: '上海市浦东新区世纪大道 100 号 100 Century Ave, Shanghai', taxId: '91310000MA1K000000', phone: '021-55556666', contact: '', logoSha256: null, sealSha256: null },
    customer: { id: 1, code: 'C0001', name: RARE_NAME, address: '浙江省杭州市西湖区文三路 90 号', taxId: '', phone: '0571-88886666', contact: '王会计' },
    qr: `arw:paper/${number}`,
  };
}

export function goods(n: number): GoodsLine[] {
  return Array.from({ length: n }, (_, i) => ({
    item: i % 5 === 0 ? `不锈钢六角螺栓 Stainless hex bolt M${8 + (i % 12)} 龘 — an item description long enough to wrap onto a second line` : `镀锌角钢 ${i + 1} 号`,
    spec: `${40 + i}×${40 + i}×4`,
    unit: i % 2 ? '件' : 'kg',
    quantityMilli: 1500 + i * 1000,
    unitPrice: 1234 + i * 7,
    amount: Math.round(((1500 + i * 1000) * (1234 + i * 7)) / 1000),
  }));
}

export function statementSample(lang: Language, lines = 12, size: PaperBase['paperSize'] = 'A4'): StatementPaper {
  let balance = 12_345_678;
  return {
    ...base('statement', lang, 'ST-202603-C0001', size),
    kind: 'statement',
    month: '2026-03',
    from: '2026-03-01',
    to: '2026-03-31',
    opening: 12_345_678,
    lines: Array.from({ length: lines }, (_, i) => {
      const debit = i % 3 ? 1_234_567 : 0;
      const credit = i % 3 ? 0 : 500_000;
      balance += debit - credit;
      return { date: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`, kind: i % 3 ? 'invoice' : 'receipt', number: `INV-2026-${1000 + i}`, dueDate: i % 3 ? '2026-04-30' : null, debit, credit, balance };
    }),
    closing: balance,
    aging: { not_due: 5_000_000, d1_30: 2_000_000, d31_60: 1_000_000, d61_90: 500_000, d91_180: 200_000, d181_365: 100_000, over_365: 65_432, total: 8_865_432, unapplied: 0, net: 8_865_432 },
    returnBy: '2026-04-17',
  };
}

export function priceConfirmationSample(lang: Language, lines = 8, size: PaperBase['paperSize'] = 'A4'): PriceConfirmationPaper {
  const g = goods(lines);
  return {
    ...base('price_confirmation', lang, 'PC-202604-00001', size),
    kind: 'price_confirmation',
    date: '2026-04-02',
    lines: g,
    total: g.reduce((s, l) => s + l.amount, 0),
    paymentTerms: lang === 'zh' ? '货到验收合格后 30 天内付清' : 'Net 30 days after acceptance',
    paymentDeadline: '2026-05-31',
    deliveryDate: '2026-04-10',
    deliveryAddress: '杭州市西湖区文三路 90 号仓库',
    interestBpPerDay: 5,
    acceptancePerson: '李工',
    acceptanceCriteria: 'GB/T 5782-2016；外观无锈蚀，数量与送货单一致',
    paymentMethod: lang === 'zh' ? '银行转账' : 'Bank transfer',
    paymentResponsible: '王会计（财务部）',
    notes: '',
  };
}

export function iouSample(lang: Language, lines = 3, size: PaperBase['paperSize'] = 'A4'): IouPaper {
  const g = goods(lines);
  const amount = g.reduce((s, l) => s + l.amount, 0);
  return {
    ...base('iou', lang, 'IOU-202604-00001', size),
    kind: 'iou',
    invoice: { number: 'INV-2026-0402', date: '2026-04-02', amount, memo: '' },
    lines: g,
    priceConfirmationNumber: 'PC-202604-00001',
    amount,
    dueDate: '2026-05-02',
    interestBpPerDay: 5,
    returnBy: '2026-04-09',
    acceptancePerson: '李工',
    acceptanceCriteria: 'GB/T 5782-2016',
    paymentMethod: lang === 'zh' ? '银行转账' : 'Bank transfer',
    paymentResponsible: '王会计',
  };
}

export function demandLetterSample(lang: Language, items = 6, size: PaperBase['paperSize'] = 'A4'): DemandLetterPaper {
  const rows = Array.from({ length: items }, (_, i) => ({ number: `INV-2025-${2000 + i}`, date: '2025-10-01', dueDate: '2025-10-31', open: 1_000_000 + i * 12_345, daysOverdue: 153 - i, interest: Math.round(((1_000_000 + i * 12_345) * 5 * (153 - i)) / 10_000) }));
  const principal = rows.reduce((s, r) => s + r.open, 0);
  const interest = rows.reduce((s, r) => s + r.interest, 0);
  return {
    ...base('demand_letter', lang, 'DL-202604-00001', size),
    kind: 'demand_letter',
    asOf: '2026-04-02',
    items: rows,
    principal,
    interest,
    total: principal + interest,
    interestBpPerDay: 5,
    deadline: '2026-04-16',
    evidence: ['IOU-202510-00003', 'ST-202512-C0001'],
  };
}

export function allSamples(lang: Language): PaperData[] {
  return [statementSample(lang), priceConfirmationSample(lang), iouSample(lang), demandLetterSample(lang)];
}
