import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../../shared/api/errors.js';
import { en } from '../../../../shared/i18n/en.js';
import { languageFromLocale, translate, translateError } from '../../../../shared/i18n/translate.js';
import { zhCN, type MessageKey } from '../../../../shared/i18n/zh-CN.js';

const catalogues = { 'zh-CN': zhCN as Record<string, string>, en: en as Record<string, string> };
const keys = Object.keys(zhCN) as MessageKey[];
// `{name}` fills a value; `{name:one|other}` picks a plural form by it. Both name a param.
const PLACEHOLDER = /\{(\w+)(?::[^|{}]*\|[^{}]*)?\}/g;
const placeholders = (text: string) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();

describe('message catalogues', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each(Object.entries(catalogues))('every %s value is a non-blank string', (_lang, messages) => {
    const blank = Object.entries(messages).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(blank).toEqual([]);
  });

  it.each(keys)('%s has the same {placeholders} in zh-CN and en', (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(zhCN[key]));
  });

  it.each(ERROR_CODES)('error code %s has errors.<code> words in both languages', (code) => {
    expect(catalogues['zh-CN'][`errors.${code}`]).toEqual(expect.any(String));
    expect(catalogues.en[`errors.${code}`]).toEqual(expect.any(String));
  });

  it('has no errors.* key without an error code (no orphans)', () => {
    const errorKeys = keys.filter((k) => k.startsWith('errors.')).map((k) => k.slice('errors.'.length));
    expect(errorKeys.sort()).toEqual([...ERROR_CODES].sort());
  });

  it('writes Chinese in zh-CN: every value holds a CJK character (a Han character or a full-width mark)', () => {
    const latinOnly = keys.filter((k) => !/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/.test(zhCN[k]));
    expect(latinOnly).toEqual([]);
  });

  it('uses only {name} and {name:one|other} placeholders (no unbalanced braces)', () => {
    for (const [lang, messages] of Object.entries(catalogues)) {
      for (const [key, value] of Object.entries(messages)) {
        const stripped = value.replace(PLACEHOLDER, '');
        expect(/[{}]/.test(stripped), `${lang} ${key}`).toBe(false);
      }
    }
  });
});

describe('translate', () => {
  it('fills named params, numbers included, every time they occur', () => {
    expect(translate('zh-CN', 'issue.summary', { sections: 2, articles: 5, chars: 1200 })).toBe('2 个栏目 · 5 篇稿件 · 1200 字');
    expect(translate('en', 'errors.issue.notFound', { slug: '渝工简报' })).toBe(
      'The issue “渝工简报” was not found. It may have been moved or deleted.',
    );
  });

  it('picks the English plural form by the number', () => {
    expect(translate('en', 'library.sections', { n: 1 })).toBe('1 section');
    expect(translate('en', 'library.sections', { n: 2 })).toBe('2 sections');
    expect(translate('en', 'library.sections', { n: 0 })).toBe('0 sections');
    expect(translate('en', 'issue.summary', { sections: 1, articles: 3, chars: 1 })).toBe('1 section · 3 articles · 1 character');
    expect(translate('zh-CN', 'library.sections', { n: 1 })).toBe('1 个栏目');
  });

  it('leaves a placeholder without a param visible rather than printing undefined', () => {
    expect(translate('zh-CN', 'library.sections')).toBe('{n} 个栏目');
    expect(translate('en', 'errors.internal')).toContain('{detail}');
    expect(translate('en', 'errors.internal')).not.toContain('undefined');
  });

  it('does not interpret $ patterns in param values', () => {
    expect(translate('en', 'errors.internal', { detail: "$& $1 $' cost" })).toBe("Something unexpected went wrong: $& $1 $' cost");
  });

  it('words an error that crossed the boundary in either language', () => {
    const error = { code: 'issue.tooNew' as const, params: { version: 3 } };
    expect(translateError('zh-CN', error)).toBe('该刊期由更新版本的 Masthead 保存（格式版本 3），请升级后再打开。');
    expect(translateError('en', error)).toContain('format version 3');
  });
});

describe('languageFromLocale', () => {
  it.each([
    ['en_US.UTF-8', 'en'],
    ['en-GB', 'en'],
    ['en', 'en'],
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh_TW.UTF-8', 'zh-CN'],
    ['C', 'zh-CN'],
    ['', 'zh-CN'],
    [undefined, 'zh-CN'],
    ['fr_FR.UTF-8', 'zh-CN'],
  ])('%j → %s', (locale, lang) => {
    expect(languageFromLocale(locale)).toBe(lang);
  });
});
