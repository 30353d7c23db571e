/**
 * Settings › letter templates: the built-in wording is the templates' default, an invalid template
 * is refused naming the unknown placeholder (or the brace without a partner), a stored template is
 * what the SMS and e-mail letters use, "restore default" goes back, every change is audited, and
 * the preview fills a template with a real customer's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import type { AppContext } from '../../electron/app/context';
import { createContext } from '../../electron/app/context';
import { openCase } from '../../electron/collections/cases';
import { generateLetter } from '../../electron/collections/letters/generate';
import { listAudit } from '../../electron/repos/audit';
import { postInvoice, postPayment } from '../../electron/services/ledger';
import { DEFAULT_TEMPLATES, PLACEHOLDERS, fillTemplate, templateProblem } from '../../shared/letter-templates';
import { errorMessage } from '../../shared/i18n/errors';
import { addCustomer, tempDir } from '../helpers';

let ctx: AppContext;
let caseId: number;

beforeAll(async () => {
  ctx = await createContext({ mode: 'web', version: 't', dataDir: tempDir('arw-tpl-') });
  await dispatch(ctx, 'ledger-create', { companyName: '杭州测试贸易有限公司', currency: 'CNY' });
  const ledger = ctx.ledger!;
  await addCustomer(ledger, 'C001', {
    name: '宁波远景五金有限公司',
    contacts: {
      original: { name: '', phone: '', email: '', address: '' },
      finance: { name: 'Wang Fang', phone: '', email: 'ap@example.com', address: '' },
      decision: { name: '', phone: '', email: '', address: '' },
    },
  });
  await addCustomer(ledger, 'C002', { name: 'No Case Ltd', language: 'en' });
  await postInvoice(ledger.db, { customerId: 1, number: 'INV-1', date: '2026-01-01', dueDate: '2026-01-31', amount: '12345.60' });
  await postInvoice(ledger.db, { customerId: 1, number: 'INV-2', date: '2026-02-01', dueDate: '2026-03-03', amount: '500.00' });
  await postPayment(ledger.db, { customerId: 1, kind: 'receipt', reference: 'R-1', date: '2026-02-10', amount: '345.60', appliesTo: 'INV-1' });
  await postInvoice(ledger.db, { customerId: 2, number: 'NC-1', date: '2026-03-01', dueDate: '2026-03-31', amount: '99.00' });
  caseId = await openCase(ledger.db, 1, { date: '2026-03-10' });
});
afterAll(async () => ctx?.ledger?.close());

describe('letter templates', () => {
  it('checks templates: unknown placeholders are named, braces must pair, text must be there', () => {
    expect(templateProblem('sms_overdue', 'Hello {customer}, pay {amount} by {deadline}')).toBeNull();
    expect(templateProblem('sms_overdue', 'Hello { customer }')).toBeNull();
    expect(templateProblem('sms_overdue', 'Hello {custmer}')).toMatchObject({ key: 'error.templatePlaceholder', params: { name: 'custmer' } });
    expect(templateProblem('email_body', 'Total {total_amount}')).toMatchObject({ key: 'error.templatePlaceholder', params: { name: 'total_amount' } });
    expect(templateProblem('sms_overdue', 'Hello {customer')).toMatchObject({ key: 'error.templateBrace' });
    expect(templateProblem('sms_overdue', 'Hello customer}')).toMatchObject({ key: 'error.templateBrace' });
    expect(templateProblem('sms_overdue', '{{customer}}')).toMatchObject({ key: 'error.templateBrace' });
    expect(templateProblem('sms_overdue', '   ')).toMatchObject({ key: 'error.templateEmpty' });
    expect(templateProblem('email_subject', 'x'.repeat(301))).toMatchObject({ key: 'error.templateTooLong' });
    for (const lang of ['en', 'zh'] as const) for (const text of Object.values(DEFAULT_TEMPLATES[lang])) expect(templateProblem('email_body', text)).toBeNull();
    const values = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `<${p}>`])) as Record<(typeof PLACEHOLDERS)[number], string>;
    expect(fillTemplate('{customer} owes {amount}; { deadline }', values)).toBe('<customer> owes <amount>; <deadline>');
  });

  it('the built-in wording stays the letters’ default', async () => {
    const sms = await generateLetter(ctx.ledger!.db, caseId, { step: 'sms', language: 'zh', date: '2026-03-25' });
    expect(sms.text).toBe('Wang Fang，杭州测试贸易有限公司提醒：贵司发票 INV-1, INV-2 共计 CNY 12,500.00 已于 2026-01-31 起到期未付，烦请于 2026-04-01 前安排付款，或告知预计付款日期。谢谢！');
    const email = await generateLetter(ctx.ledger!.db, caseId, { step: 'email', language: 'en', date: '2026-03-25' });
    expect(email.subject).toBe('Payment reminder: 宁波远景五金有限公司, CNY 12,500.00 outstanding');
    expect(email.text).toContain('  - Invoice INV-1 of 2026-01-01, due 2026-01-31: CNY 12,000.00 open (53 days overdue)');
  });

  it('refuses an invalid template naming the placeholder, in both languages, and stores nothing', async () => {
    const r = await dispatch(ctx, 'letter-template-set', { language: 'zh', kind: 'sms_overdue', text: '{contact}您好，请于{deadline}前支付{amout}。' });
    expect(r).toMatchObject({ ok: false, error: { key: 'error.templatePlaceholder', params: { name: 'amout' }, field: 'text' } });
    if (r.ok) throw new Error('accepted');
    expect(errorMessage('en', r.error.key, r.error.params)).toMatch(/^Unknown placeholder \{amout\}\. Use one of: \{customer\}/);
    expect(errorMessage('zh', r.error.key, r.error.params)).toMatch(/^未知的占位符 \{amout\}/);
    expect(await dispatch(ctx, 'letter-template-set', { language: 'zh', kind: 'sms_overdue', text: '请付款 {amount' })).toMatchObject({ ok: false, error: { key: 'error.templateBrace' } });
    expect(await dispatch(ctx, 'letter-template-preview', { language: 'zh', kind: 'sms_overdue', text: '{oops}', customerId: 1 })).toMatchObject({ ok: false, error: { key: 'error.templatePlaceholder', params: { name: 'oops' } } });
    const row = await ctx.ledger!.db.selectFrom('settings').select('key').where('key', '=', 'letters.templates').executeTakeFirst();
    expect(row).toBeUndefined();
    expect(await dispatch(ctx, 'letter-templates-get', {})).toMatchObject({ ok: true, value: { zh: { sms_overdue: { text: DEFAULT_TEMPLATES.zh.sms_overdue, custom: false } } } });
  });

  it('uses a stored template for the SMS and the e-mail, and restores the default', async () => {
    const mine = '{contact}您好！{company}提醒：{invoices} 共 {amount}，最长逾期 {days_overdue} 天，请于 {deadline} 前付款。';
    const saved = await dispatch(ctx, 'letter-template-set', { language: 'zh', kind: 'sms_overdue', text: mine });
    expect(saved).toMatchObject({ ok: true, value: { zh: { sms_overdue: { text: mine, custom: true }, sms_reminder: { custom: false } }, en: { sms_overdue: { custom: false } } } });
    const sms = await generateLetter(ctx.ledger!.db, caseId, { step: 'sms', language: 'zh', date: '2026-03-25' });
    expect(sms.text).toBe('Wang Fang您好！杭州测试贸易有限公司提醒：INV-1, INV-2 共 CNY 12,500.00，最长逾期 53 天，请于 2026-04-01 前付款。');
    // The English SMS still has the built-in wording.
    expect((await generateLetter(ctx.ledger!.db, caseId, { step: 'sms', language: 'en', date: '2026-03-25' })).text).toMatch(/^Dear Wang Fang, a reminder from/);

    await dispatch(ctx, 'letter-template-set', { language: 'en', kind: 'email_subject', text: 'Statement for {customer_code}:\n{amount} due' });
    await dispatch(ctx, 'letter-template-set', { language: 'en', kind: 'email_body', text: 'Hello {contact},\n\n{invoice_lines}\n\nPlease pay {amount} by {deadline}.\n{company}' });
    const email = await generateLetter(ctx.ledger!.db, caseId, { step: 'email', language: 'en', date: '2026-03-25' });
    expect(email.subject).toBe('Statement for C001: CNY 12,500.00 due'); // one line, whatever the template holds
    expect(email.text).toBe(
      'Hello Wang Fang,\n\n  - Invoice INV-1 of 2026-01-01, due 2026-01-31: CNY 12,000.00 open (53 days overdue)\n  - Invoice INV-2 of 2026-02-01, due 2026-03-03: CNY 500.00 open (22 days overdue)\n\nPlease pay CNY 12,500.00 by 2026-04-01.\n杭州测试贸易有限公司',
    );
    const eml = Buffer.from(email.base64, 'base64').toString('utf8');
    const body = Buffer.from(eml.split('\r\n\r\n')[1].replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(body).toContain('Please pay CNY 12,500.00 by 2026-04-01.');

    const restored = await dispatch(ctx, 'letter-template-set', { language: 'zh', kind: 'sms_overdue', text: null });
    expect(restored).toMatchObject({ ok: true, value: { zh: { sms_overdue: { text: DEFAULT_TEMPLATES.zh.sms_overdue, custom: false } }, en: { email_body: { custom: true } } } });
    expect((await generateLetter(ctx.ledger!.db, caseId, { step: 'sms', language: 'zh', date: '2026-03-25' })).text).toContain('已于 2026-01-31 起到期未付');

    const audit = await ctx.ledger!.db.selectFrom('audit_log').select(['action', 'entity_id', 'before_json', 'after_json']).where('entity', '=', 'settings').where('entity_id', 'like', 'letters.templates.%').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['letters.template', 'letters.templates.zh.sms_overdue'],
      ['letters.template', 'letters.templates.en.email_subject'],
      ['letters.template', 'letters.templates.en.email_body'],
      ['letters.template.default', 'letters.templates.zh.sms_overdue'],
    ]);
    expect(JSON.parse(audit[3].before_json!)).toBe(mine);
    expect((await listAudit(ctx.ledger!.db, 'settings', 'letters.templates.zh.sms_overdue')).length).toBe(2);
  });

  it('previews a template against a real customer, with or without a case', async () => {
    const withCase = await dispatch(ctx, 'letter-template-preview', { language: 'en', kind: 'sms_overdue', text: '{customer_code}: {amount}, {days_overdue} days, due {due_date}', customerId: 1, date: '2026-03-25' });
    expect(withCase).toEqual({ ok: true, value: { text: 'C001: CNY 12,500.00, 53 days, due 2026-01-31', customer: 'C001 宁波远景五金有限公司' } });
    const noCase = await dispatch(ctx, 'letter-template-preview', { language: 'zh', kind: 'email_subject', text: '{contact} / {customer}：{amount}\n到期 {due_date}', customerId: 2, date: '2026-03-25' });
    expect(noCase).toEqual({ ok: true, value: { text: 'No Case Ltd / No Case Ltd：CNY 99.00 到期 2026-03-31', customer: 'C002 No Case Ltd' } });
    expect(await dispatch(ctx, 'letter-template-preview', { language: 'zh', kind: 'sms_overdue', text: '{customer}', customerId: 999 })).toMatchObject({ ok: false, error: { key: 'error.customerNotFound' } });
  });
});
