import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { NewIssueInput, Output } from '../../../shared/api/contract.js';
import {
  LINE_ROLES,
  joinWithNext,
  linesToSections,
  moveArticleToSection,
  splitLine,
  type DraftLine,
  type LineRole,
} from '../../../shared/import/text.js';
import { TEMPLATE_IDS, type TemplateId } from '../../../shared/layout/templates.js';
import { bodyFigures } from '../../../shared/model/text.js';
import { Field } from '../../components/Dialog.js';
import { useI18n } from '../../i18n/I18n.js';

type Draft = Output<'import:previewText'>;

// Alt+1 … Alt+5 give a line its role: the five an editor needs most.
const ROLE_KEYS: Record<string, LineRole> = { '1': 'banner', '2': 'headline', '3': 'deck', '4': 'caption', '5': 'paragraph' };

interface ImportPreviewProps {
  draft: Draft;
  busy: boolean;
  onCancel(): void;
  onCreate(lines: DraftLine[], fields: NewIssueInput): void;
}

/**
 * What the text import found, line by line, before anything is created: the editor
 * corrects roles, joins or splits paragraphs and moves articles, then confirms.
 */
export function ImportPreview({ draft, busy, onCancel, onCreate }: ImportPreviewProps) {
  const { t } = useI18n();
  const [lines, setLines] = useState<DraftLine[]>(draft.lines);
  const [fields, setFields] = useState({ ...draft.fields, template: 'bulletin' as TemplateId });
  const textareas = useRef(new Map<number, HTMLTextAreaElement>());
  const sections = useMemo(() => linesToSections(lines), [lines]);
  const articles = sections.flatMap((s) => s.articles);
  const figures = articles.reduce((n, a) => n + bodyFigures(a.body).length, 0);
  const banners = lines.flatMap((l, i) => (l.role === 'banner' ? [{ index: i, title: l.text }] : []));

  const setRole = (index: number, role: LineRole) =>
    setLines((ls) => ls.map((l, i) => (i === index ? { ...l, role } : l)));
  const setText = (index: number, text: string) =>
    setLines((ls) => ls.map((l, i) => (i === index ? { ...l, text } : l)));
  const split = (index: number) => {
    const area = textareas.current.get(index);
    const at = area ? Array.from(area.value.slice(0, area.selectionStart)).length : 0;
    setLines((ls) => splitLine(ls, index, at));
  };
  const onKey = (index: number) => (e: KeyboardEvent) => {
    if (e.altKey && ROLE_KEYS[e.key]) {
      e.preventDefault();
      setRole(index, ROLE_KEYS[e.key]);
    }
  };

  const valid = fields.publicationName.trim() !== '' && fields.year >= 1900 && fields.no >= 1;

  return (
    <div className="import-preview" role="dialog" aria-modal="true" aria-label={t('import.preview')}>
      <header className="topbar">
        <div className="topbar-left">
          <h1 className="import-title">{t('import.preview')}</h1>
          <span className="muted">
            {draft.fileName} · {t('import.encoding', { encoding: draft.encoding })}
          </span>
        </div>
        <div className="topbar-actions">
          <span className="import-found">
            {t('import.found', { sections: sections.length, articles: articles.length, figures })}
          </span>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!valid || busy}
            onClick={() => onCreate(lines, { ...fields, publicationName: fields.publicationName.trim() })}
          >
            {busy ? t('import.creating') : t('import.create')}
          </button>
        </div>
      </header>
      <div className="import-body">
        <main className="import-lines">
          <p className="muted import-hint">
            {t('import.previewHint')} {t('import.shortcuts')}
          </p>
          <ol>
            {lines.map((line, i) => (
              <li key={i} className={`import-line role-${line.role}`} data-role={line.role}>
                <select
                  aria-label={t('import.role')}
                  className="import-role"
                  value={line.role}
                  onChange={(e) => setRole(i, e.target.value as LineRole)}
                >
                  {LINE_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`import.role.${r}`)}
                    </option>
                  ))}
                </select>
                <textarea
                  ref={(el) => {
                    if (el) textareas.current.set(i, el);
                    else textareas.current.delete(i);
                  }}
                  className="import-text"
                  value={line.text}
                  rows={1}
                  onChange={(e) => setText(i, e.target.value)}
                  onKeyDown={onKey(i)}
                />
                <div className="import-line-actions">
                  <button
                    type="button"
                    className="btn btn-icon"
                    title={t('import.split')}
                    aria-label={t('import.split')}
                    onClick={() => split(i)}
                  >
                    ✂
                  </button>
                  <button
                    type="button"
                    className="btn btn-icon"
                    title={t('import.joinNext')}
                    aria-label={t('import.joinNext')}
                    disabled={i === lines.length - 1}
                    onClick={() => setLines((ls) => joinWithNext(ls, i))}
                  >
                    ⤓
                  </button>
                  {line.role === 'headline' && banners.length > 1 && (
                    <select
                      aria-label={t('import.moveTo')}
                      className="import-move"
                      value=""
                      onChange={(e) => setLines((ls) => moveArticleToSection(ls, i, Number(e.target.value)))}
                    >
                      <option value="" disabled>
                        {t('import.moveTo')}
                      </option>
                      {banners.map((b) => (
                        <option key={b.index} value={b.index}>
                          {b.title}
                        </option>
                      ))}
                    </select>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </main>
        <aside className="import-side">
          <div className="import-fields">
            <Field label={t('newIssue.publicationName')}>
              <input
                name="publicationName"
                value={fields.publicationName}
                onChange={(e) => setFields({ ...fields, publicationName: e.target.value })}
              />
            </Field>
            <div className="field-row">
              <Field label={t('newIssue.year')}>
                <input name="year" type="number" value={fields.year} onChange={(e) => setFields({ ...fields, year: Number(e.target.value) })} />
              </Field>
              <Field label={t('newIssue.no')}>
                <input name="no" type="number" value={fields.no} onChange={(e) => setFields({ ...fields, no: Number(e.target.value) })} />
              </Field>
            </div>
            <Field label={t('newIssue.date')}>
              <input name="date" type="date" value={fields.date} onChange={(e) => setFields({ ...fields, date: e.target.value })} />
            </Field>
            <Field label={t('newIssue.template')}>
              <select name="template" value={fields.template} onChange={(e) => setFields({ ...fields, template: e.target.value as TemplateId })}>
                {TEMPLATE_IDS.map((id) => (
                  <option key={id} value={id}>
                    {t(`newIssue.template.${id}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <h2 className="import-structure-title">{t('import.structure')}</h2>
          <ol className="import-structure">
            {sections.map((s) => (
              <li key={s.id}>
                <span className="banner-chip">{s.title || t('import.untitledSection')}</span>
                <ol>
                  {s.articles.map((a) => (
                    <li key={a.id}>
                      {a.headline || (a.kind === 'photo' ? `［${t('import.photoItem')}］` : '—')}
                      {a.deck && <div className="import-structure-deck">{a.deck}</div>}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}
