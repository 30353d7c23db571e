/**
 * The ledger's own wording of the SMS and e-mail letters (Settings › Letter templates), kept in
 * the settings table as the templates the user changed; every change is in the audit log. A
 * template set back to the default is removed, so later changes to the built-in wording reach it.
 */
import type { LetterTemplates } from '../../../shared/api/settings';
import type { Language } from '../../../shared/domain';
import { DEFAULT_TEMPLATES, TEMPLATE_KINDS, templateFor, templateProblem, type StoredTemplates, type TemplateKind } from '../../../shared/letter-templates';
import { writeTx, type Db } from '../../db/tx';
import { LedgerError } from '../../errors';
import { audit } from '../../repos/audit';
import { readSetting, writeSetting } from '../../repos/settings';

const KEY = 'letters.templates';
const LANGUAGES: Language[] = ['zh', 'en'];

export async function storedTemplates(db: Db): Promise<StoredTemplates> {
  return readSetting<StoredTemplates>(db, KEY, {}, (raw) => {
    const out: StoredTemplates = {};
    if (!raw || typeof raw !== 'object') return out;
    for (const lang of LANGUAGES) {
      const byKind = (raw as Record<string, unknown>)[lang];
      if (!byKind || typeof byKind !== 'object') continue;
      for (const kind of TEMPLATE_KINDS) {
        const text = (byKind as Record<string, unknown>)[kind];
        if (typeof text === 'string') (out[lang] ??= {})[kind] = text;
      }
    }
    return out;
  });
}

export async function letterTemplates(db: Db): Promise<LetterTemplates> {
  const stored = await storedTemplates(db);
  const view = (lang: Language) =>
    Object.fromEntries(TEMPLATE_KINDS.map((kind) => [kind, { text: templateFor(stored, lang, kind), custom: templateFor(stored, lang, kind) !== DEFAULT_TEMPLATES[lang][kind] }])) as LetterTemplates[Language];
  return { zh: view('zh'), en: view('en') };
}

/** A template's problem as the typed error the API returns (it names the unknown placeholder). */
export function checkTemplate(kind: TemplateKind, text: string): void {
  const problem = templateProblem(kind, text);
  if (problem) throw new LedgerError(problem.key, problem.params, 'text');
}

/** Stores the ledger's own version of a template; null (or the built-in text itself) restores the default. */
export async function setLetterTemplate(db: Db, lang: Language, kind: TemplateKind, text: string | null): Promise<LetterTemplates> {
  const own = text === null || text === DEFAULT_TEMPLATES[lang][kind] ? null : text;
  if (own !== null) checkTemplate(kind, own);
  await writeTx(db, async (trx) => {
    const stored = await storedTemplates(trx);
    const before = stored[lang]?.[kind] ?? null;
    if (before === own) return;
    const langTemplates = { ...(stored[lang] ?? {}) };
    if (own === null) delete langTemplates[kind];
    else langTemplates[kind] = own;
    const next: StoredTemplates = { ...stored, [lang]: langTemplates };
    await writeSetting(trx, KEY, next);
    await audit(trx, { action: own === null ? 'letters.template.default' : 'letters.template', entity: 'settings', entityId: `${KEY}.${lang}.${kind}`, before, after: own });
  });
  return letterTemplates(db);
}
