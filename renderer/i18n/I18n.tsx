import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../shared/api/contract.js';
import type { AppErrorData } from '../../shared/api/errors.js';
import { translate, translateError, type MessageParams } from '../../shared/i18n/translate.js';
import type { MessageKey } from '../../shared/i18n/zh-CN.js';

/** What components use to put things into words. */
export interface I18n {
  lang: Language;
  t(key: MessageKey, params?: MessageParams): string;
  error(data: AppErrorData): string;
  /** A date-time in the UI language, e.g. 2026年11月25日 16:20. */
  dateTime(iso: string): string;
  number(n: number): string;
}

function makeI18n(lang: Language): I18n {
  const dt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const nf = new Intl.NumberFormat(lang);
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    error: (data) => translateError(lang, data),
    dateTime: (iso) => dt.format(new Date(iso)),
    number: (n) => nf.format(n),
  };
}

const I18nContext = createContext<I18n>(makeI18n('zh-CN'));

export function I18nProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The i18n of the current UI language. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
