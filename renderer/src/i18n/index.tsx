import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../../../shared/domain';
import type { ApiErrorBody } from '../../../shared/errors';
import { errorMessage, ERRORS_EN } from '../../../shared/i18n/errors';
import { en, type MessageKey } from './en';
import { zh } from './zh';
import { fieldLabelKey } from './fields';
import { amountForInput } from '../lib/format';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const DICTS: Record<Language, Record<MessageKey, string>> = { en, zh };
const STORAGE_KEY = 'arw.language';

function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function isKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function storedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function rememberLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
}

interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t: Translate;
  /** A translated API error; unknown keys fall back to the key and its params. */
  tError(error: ApiErrorBody): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initial);
  const setLang = useCallback((next: Language) => {
    rememberLanguage(next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = DICTS[lang];
    const t: Translate = (key, params) => interpolate(dict[key] ?? key, params);
    const tError = (error: ApiErrorBody) => {
      // {example}: an amount as the ledger's number format types it ("Enter an amount like 1.234,50").
      const params: Params = { example: amountForInput(123450, 2), ...error.params };
      const field = typeof params.field === 'string' ? params.field : error.field;
      if (field !== undefined) {
        const labelKey = fieldLabelKey(field);
        params.field = labelKey ? t(labelKey) : field;
      }
      // The renderer's own wording first (short enough to sit under an input), then the shared
      // table the CLI also uses, then the raw key so nothing is ever silently swallowed.
      if (isKey(error.key)) return t(error.key, params);
      if (error.key in ERRORS_EN) return errorMessage(lang, error.key, params);
      return t('error.unknown', { key: error.key, params: JSON.stringify(error.params) });
    };
    return { lang, setLang, t, tError };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
