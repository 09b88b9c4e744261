import type { Language } from '../../shared/api/contract.js';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'EN' };

/** 中文 | EN switch; each label is written in its own language, as is the convention. */
export function LanguageSwitch({ value, onChange }: { value: Language; onChange(lang: Language): void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Language / 语言">
      {(Object.keys(LABELS) as Language[]).map((lang) => (
        <button
          key={lang}
          type="button"
          role="radio"
          aria-checked={value === lang}
          className={value === lang ? 'segmented-item active' : 'segmented-item'}
          onClick={() => onChange(lang)}
        >
          {LABELS[lang]}
        </button>
      ))}
    </div>
  );
}
