/**
 * A realistic demo ledger as canonical CSV: Chinese and English customers, three years of
 * invoices, prompt, late, partial and lump-sum payers, credit notes for returns, and defaulters
 * whose old debts end up written off. Deterministic for a seed.
 */
import { addDays, toDayNumber, fromDayNumber } from '../../shared/dates';
import { toDecimalString } from '../../shared/money';
import { toCsv } from '../import/csv';

export interface DemoOptions {
  customers: number;
  invoices: number;
  seed: number;
  endDate: string;
  /** Cap on receipts (the bench asks for 400k with 500k invoices); by default as generated. */
  receipts?: number;
}

export interface DemoData {
  customersCsv: string;
  invoicesCsv: string;
  receiptsCsv: string;
  creditNotesCsv: string;
  writeOffs: { customerCode: string; invoice: string; date: string; amount: number }[];
  contacts: Map<string, { original: string; finance: string; phone: string; city: string }>;
  counts: { customers: number; invoices: number; receipts: number; creditNotes: number; writeOffs: number };
}

export function rng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['上海', '深圳', '广州', '杭州', '苏州', '成都', '武汉', '南京', '天津', '重庆', '宁波', '东莞', '佛山', '厦门', '青岛'];
const BRAND = ['华', '鑫', '瑞', '恒', '泰', '达', '宏', '远', '盛', '丰', '通', '利', '源', '德', '安', '嘉', '诚', '信', '和', '兴', '隆', '昌', '鼎', '晟'];
const TRADE = ['贸易', '五金', '电子', '建材', '食品', '物流', '纺织', '机械', '化工', '包装', '医疗器械', '家具', '汽车配件', '照明'];
const EN_A = ['Northwind', 'Blue Harbor', 'Summit', 'Evergreen', 'Pacific Rim', 'Golden Gate', 'Riverside', 'Silverline', 'Oakridge', 'Lakeshore', 'Brightstar', 'Ironwood'];
const EN_B = ['Trading', 'Supplies', 'Electronics', 'Foods', 'Logistics', 'Textiles', 'Hardware', 'Packaging', 'Industries', 'Imports'];
const EN_C = ['Ltd', 'Co., Ltd.', 'Inc.', 'LLC', 'Pte. Ltd.', 'GmbH'];
const SALES = ['张伟', '王芳', '李娜', '刘洋', '陈静', 'Emily Chen', 'David Wang', '赵磊'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'];
const GIVEN = ['建国', '丽华', '志强', '秀英', '海燕', '国庆', '晓明', '静', '磊', '婷'];

type Profile = 'prompt' | 'late' | 'partial' | 'lump' | 'defaulter';

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

export function generateDemoData(opts: DemoOptions): DemoData {
  const r = rng(opts.seed);
  const end = toDayNumber(opts.endDate);
  const start = end - 3 * 365;
  const customers: (string | number)[][] = [];
  const profiles: Profile[] = [];
  const terms: number[] = [];
  const weights: number[] = [];
  const contacts: DemoData['contacts'] = new Map();
  const usedNames = new Set<string>();
  for (let i = 0; i < opts.customers; i++) {
    const code = `C${String(i + 1).padStart(5, '0')}`;
    let name = '';
    for (let tries = 0; tries < 20 && (name === '' || usedNames.has(name)); tries++) {
      name = r() < 0.7 ? `${pick(r, CITIES)}${pick(r, BRAND)}${pick(r, BRAND)}${pick(r, TRADE)}有限公司` : `${pick(r, EN_A)} ${pick(r, EN_B)} ${pick(r, EN_C)}`;
    }
    if (usedNames.has(name)) name = `${name} ${i + 1}`;
    usedNames.add(name);
    const t = pick(r, [30, 30, 45, 60, 60, 90]);
    const p = r();
    profiles.push(p < 0.4 ? 'prompt' : p < 0.65 ? 'late' : p < 0.75 ? 'partial' : p < 0.95 ? 'lump' : 'defaulter');
    terms.push(t);
    weights.push(0.2 + r() * r() * 4);
    const limit = Math.round(50 + r() * 950) * 1000_00;
    const zh = /[\u4e00-\u9fff]/.test(name);
    customers.push([code, name, t, toDecimalString(limit), 'CNY', pick(r, SALES), zh ? 'zh' : 'en']);
    contacts.set(code, { original: pick(r, SURNAMES) + pick(r, GIVEN), finance: pick(r, SURNAMES) + pick(r, GIVEN), phone: `1${30 + Math.floor(r() * 60)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`, city: zh ? name.slice(0, 2) : 'Shanghai' });
  }
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const perCustomer = weights.map((w) => Math.max(1, Math.round((w / totalWeight) * opts.invoices)));
  let excess = perCustomer.reduce((s, n) => s + n, 0) - opts.invoices;
  for (let i = 0; excess !== 0; i = (i + 1) % perCustomer.length) {
    if (excess > 0 && perCustomer[i] > 1) {
      perCustomer[i]--;
      excess--;
    } else if (excess < 0) {
      perCustomer[i]++;
      excess++;
    }
  }

  const invoices: (string | number)[][] = [];
  const receipts: { row: (string | number)[]; day: number }[] = [];
  const creditNotes: (string | number)[][] = [];
  const writeOffs: DemoData['writeOffs'] = [];
  let inv = 0;
  let rc = 0;
  let cn = 0;
  for (let c = 0; c < opts.customers; c++) {
    const code = String(customers[c][0]);
    const profile = profiles[c];
    const n = perCustomer[c];
    const stopDay = profile === 'defaulter' ? end - 200 - Math.floor(r() * 400) : end + 1;
    const days: number[] = [];
    for (let k = 0; k < n; k++) days.push(start + Math.floor(r() * (end - start + 1)));
    days.sort((a, b) => a - b);
    let lumpDue = 0;
    let lumpMonth = -1;
    for (const day of days) {
      inv++;
      const number = `INV${fromDayNumber(day).slice(0, 4)}-${String(inv).padStart(7, '0')}`;
      const amount = Math.round(Math.exp(Math.log(500) + r() * (Math.log(200000) - Math.log(500)))) * 100 + Math.floor(r() * 100);
      const due = day + terms[c];
      // Due date left empty (from terms) on a third of the rows, as many exports do.
      invoices.push([number, code, fromDayNumber(day), r() < 0.33 ? '' : fromDayNumber(due), toDecimalString(amount)]);
      let owed = amount;
      if (r() < 0.02) {
        const credit = Math.max(100, Math.round(amount * (0.05 + r() * 0.15)));
        cn++;
        creditNotes.push([`CN${String(cn).padStart(6, '0')}`, code, fromDayNumber(Math.min(end, day + 3 + Math.floor(r() * 20))), toDecimalString(credit), number]);
        owed -= credit;
      }
      const pay = (d: number, amt: number, applies: string) => {
        if (d > end || d >= stopDay || amt <= 0) return;
        rc++;
        receipts.push({ day: d, row: [`RC${String(rc).padStart(7, '0')}`, code, fromDayNumber(d), toDecimalString(amt), applies, pick(r, ['bank', 'bank', 'bank', 'cash', 'acceptance'])] });
      };
      if (profile === 'prompt') pay(due - 5 + Math.floor(r() * 15), owed, r() < 0.5 ? number : '');
      else if (profile === 'late') pay(due + 15 + Math.floor(r() * 110), owed, '');
      else if (profile === 'partial') {
        const first = Math.round(owed * (0.3 + r() * 0.4));
        pay(due + Math.floor(r() * 30), first, number);
        if (r() < 0.85) pay(due + 30 + Math.floor(r() * 90), owed - first, number);
      } else if (profile === 'lump') {
        const month = Math.floor((due + 10) / 30);
        if (month !== lumpMonth && lumpDue > 0) pay(lumpMonth * 30 + 25, lumpDue, '');
        if (month !== lumpMonth) {
          lumpMonth = month;
          lumpDue = 0;
        }
        lumpDue += owed;
      } else {
        pay(due + Math.floor(r() * 60), owed, '');
        if (day >= stopDay - 120 && day < end - 400 && writeOffs.length < Math.max(3, opts.customers / 10) && r() < 0.3) {
          writeOffs.push({ customerCode: code, invoice: number, date: fromDayNumber(Math.min(end, due + 365)), amount: owed });
        }
      }
    }
    if (profile === 'lump' && lumpDue > 0) {
      const d = lumpMonth * 30 + 25;
      if (d <= end) {
        rc++;
        receipts.push({ day: d, row: [`RC${String(rc).padStart(7, '0')}`, code, fromDayNumber(d), toDecimalString(Math.round(lumpDue * 0.9)), '', 'bank'] });
      }
    }
  }
  let kept = receipts;
  if (opts.receipts !== undefined && receipts.length > opts.receipts) {
    // Drop receipts evenly (debts that stay open) until the requested count is met.
    const step = receipts.length / (receipts.length - opts.receipts);
    const drop = new Set<number>();
    for (let x = 0; drop.size < receipts.length - opts.receipts; x += step) drop.add(Math.floor(x));
    kept = receipts.filter((_, i) => !drop.has(i));
  }
  return {
    customersCsv: toCsv(['code', 'name', 'payment_terms_days', 'credit_limit', 'currency', 'salesperson', 'language'], customers),
    invoicesCsv: toCsv(['number', 'customer_code', 'date', 'due_date', 'amount'], invoices),
    receiptsCsv: toCsv(['reference', 'customer_code', 'date', 'amount', 'applies_to', 'method'], kept.map((k) => k.row)),
    creditNotesCsv: toCsv(['reference', 'customer_code', 'date', 'amount', 'applies_to'], creditNotes),
    writeOffs,
    contacts,
    counts: { customers: customers.length, invoices: invoices.length, receipts: kept.length, creditNotes: creditNotes.length, writeOffs: writeOffs.length },
  };
}

export { addDays };
