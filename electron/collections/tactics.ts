/** Suggested tactics per kind of debtor and temperament (from DOMAIN.md), in both languages. */
import type { Bilingual, DebtorType, Temperament } from '../../shared/api/collections-types';

export const DEBTOR_TACTICS: Record<DebtorType, Bilingual> = {
  malicious: {
    en: 'Malicious: seems sincere, then promises, delays and goes silent. Act early; gather evidence (signed statements, IOU, written promises) while they still seem cooperative; escalate quickly and watch the limitation period.',
    zh: '恶意欠款：表面诚恳→承诺→拖延→失联。尽早行动，趁对方仍显合作时取证（签字对账单、欠条、书面承诺）；迅速升级，盯紧诉讼时效。',
  },
  technical: {
    en: 'Technical: temporarily short of cash and apologetic. Agree a realistic instalment plan with amounts and dates in writing; follow up on each date; keep the relationship.',
    zh: '技术性欠款：暂时资金紧张，态度诚恳。商定切实可行的分期计划，书面写明金额和日期；每期到期当天跟进；维护合作关系。',
  },
  competitive: {
    en: 'Competitive: can pay but pays others first. Be the most persistent creditor: frequent, firm contact and visits; tie new deliveries to payment (no new business while old debts are open).',
    zh: '竞争性欠款：有能力支付但优先付给别人。做最坚持的债权人：频繁、坚定地联系并上门；把新供货与回款挂钩（前帐未清，不谈下回交易）。',
  },
  grievance: {
    en: 'Grievance-based: unhappy with our product or service. Fix the cause first: talk to the acceptance person, resolve the complaint, collect the undisputed part, and record what was agreed.',
    zh: '原由性欠款：对产品或服务不满。先解决问题：找验收人沟通，处理投诉，先收回无争议部分，并书面记录处理结果。',
  },
};

export const TEMPERAMENT_TACTICS: Record<Temperament, Bilingual> = {
  hard_line: {
    en: 'Hard-line: stay calm and factual, never argue. Show the signed documents; state the next step (demand letter, lawyer) plainly and follow through; speak to the decision maker.',
    zh: '强硬型：保持冷静，摆事实，不争吵。出示签字凭证；平静说明下一步（催款函、律师函）并说到做到；直接找决策人。',
  },
  scheming: {
    en: 'Scheming: expect excuses and delays. Put everything in writing with exact amounts and dates; confirm each call by message; accept no vague promise; set deadlines and act on them.',
    zh: '阴谋型：预料会找借口、拖延。一切落实到书面，写明金额和日期；每次通话后用短信确认；不接受含糊承诺；设定期限并按期执行。',
  },
  cooperative: {
    en: 'Cooperative: be courteous and make paying easy: agree the amount and date, offer a plan if needed, thank them on payment; the salesperson stays the good cop.',
    zh: '合作型：以礼相待，让对方方便付款：确认金额和日期，必要时提供分期方案，收款后致谢；业务员继续扮演“好人”。',
  },
};
