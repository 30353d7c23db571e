/** Usage text and the usage error of `arw case`, kept apart so the CLI loads the case code only when it runs. */
import type { Language } from '../../shared/domain';

export const CASE_USAGE = `  arw case open   --ledger F --customer CODE [--owner NAME] [--debtor-type T] [--temperament T] [--date YYYY-MM-DD]
                  (T: malicious|technical|competitive|grievance; hard_line|scheming|cooperative; an open case is reported)
  arw case export --ledger F --customer CODE --out FILE.zip [--as-of YYYY-MM-DD]
  arw case verify FILE.zip`;

export const CASE_USAGE_ZH = `  arw case open   --ledger F --customer 客户编码 [--owner 负责人] [--debtor-type 类型] [--temperament 性格] [--date YYYY-MM-DD]
                  （欠款类型：malicious 恶意 | technical 技术性 | competitive 竞争性 | grievance 原由性；
                    性格：hard_line 强硬型 | scheming 阴谋型 | cooperative 合作型；已有未结案件时只报告该案件）
  arw case export --ledger F --customer 客户编码 --out 文件.zip [--as-of YYYY-MM-DD]   （律师案卷）
  arw case verify 文件.zip   （文件缺失、被改动、不在清单或名称不安全时退出码为 1）`;

export function caseUsage(lang: Language): string {
  return lang === 'zh' ? CASE_USAGE_ZH : CASE_USAGE;
}

export class CaseUsageError extends Error {}
