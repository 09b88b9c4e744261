import type { Language } from '../api/contract.js';
import type { AppErrorData } from '../api/errors.js';
import { en } from './en.js';
import { zhCN, type MessageKey, type Messages } from './zh-CN.js';

const CATALOGUES: Record<Language, Messages> = { 'zh-CN': zhCN, en };

/** Interpolation values for `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled from `params`.
 * `{n:one|other}` picks a word by the number `n` (English plurals: 1 section, 2 sections).
 */
export function translate(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  return CATALOGUES[lang][key]
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (Number(String(params[name]).replace(/[^\d.-]/g, '')) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The words for an error that crossed a boundary. */
export function translateError(lang: Language, error: AppErrorData): string {
  return translate(lang, `errors.${error.code}` as MessageKey, error.params);
}

/** The UI language for a POSIX locale string such as `zh_CN.UTF-8` or `en_US`; Chinese by default. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale !== undefined && /^en\b|^en[_-]/i.test(locale) ? 'en' : 'zh-CN';
}
