import { useMemo } from 'react';
import { ArticleKindSchema, ArticleStatusSchema, type Article, type Issue } from '../../../shared/model/issue.js';
import { findArticle } from '../../../shared/model/ops.js';
import { ArticleEditor } from '../../editor/ArticleEditor.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import type { FigurePrint } from '../../editor/nodes/FigureNode/FigureServices.js';
import { useFigureServices } from './useFigureServices.js';
import { bodyChars } from '../../editor/bodyChars.js';
import { useI18n } from '../../i18n/I18n.js';

interface ArticlePaneProps {
  /** The issue's folder name (images are fetched from its assets/). */
  slug: string;
  issue: Issue;
  article: Article;
  onChange(patch: Partial<Omit<Article, 'id'>>, field: string): void;
  onMove(toSectionId: string, toIndex: number): void;
  onDelete(): void;
}

/** The selected article: its headline block, kind, status, place in the issue, and its body in the editor. */
export function ArticlePane({ slug, issue, article, onChange, onMove, onDelete }: ArticlePaneProps) {
  const { t } = useI18n();
  // Stable while the layout and kind stay (the services, and the editor's handlers, follow it).
  const print = useMemo<FigurePrint>(
    () => ({ layout: issue.layout, placement: article.kind === 'photo' ? 'photo' : 'body' }),
    [issue.layout, article.kind],
  );
  const figures = useFigureServices(slug, print);
  const place = findArticle(issue, article.id);
  if (!place) return null;
  const { section, index } = place;
  // 字数 of everything but this article; the editor adds its live count to both.
  const sum = (articles: readonly Article[]) => articles.reduce((n, a) => n + (a.id === article.id ? 0 : bodyChars(a.body)), 0);
  const otherChars = { section: sum(section.articles), issue: issue.sections.reduce((n, s) => n + sum(s.articles), 0) };

  return (
    <article className="pane article-pane" aria-label={article.headline}>
      <div className="pane-toolbar">
        <span className="pane-crumb">
          <span className="banner-chip">{section.title}</span>
        </span>
        <span className="pane-actions">
          <button type="button" className="btn btn-small" disabled={index === 0} onClick={() => onMove(section.id, index - 1)}>
            ↑ {t('issue.moveUp')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={index === section.articles.length - 1}
            onClick={() => onMove(section.id, index + 1)}
          >
            ↓ {t('issue.moveDown')}
          </button>
          <label className="inline-select">
            <span>{t('issue.moveToSection')}</span>
            <select
              name="moveToSection"
              value={section.id}
              onChange={(e) => {
                const target = issue.sections.find((s) => s.id === e.target.value);
                if (target) onMove(target.id, target.articles.length);
              }}
            >
              {issue.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-small btn-danger-quiet" onClick={onDelete}>
            {t('issue.deleteArticle')}
          </button>
        </span>
      </div>

      <div className="headline-block">
        <input
          className="input-kicker"
          name="kicker"
          aria-label={t('article.kicker')}
          placeholder={t('article.kicker')}
          value={article.kicker}
          onChange={(e) => onChange({ kicker: e.target.value }, 'kicker')}
        />
        <textarea
          className="input-headline"
          name="headline"
          rows={2}
          aria-label={t('article.headline')}
          placeholder={t('article.headline')}
          value={article.headline}
          onChange={(e) => onChange({ headline: e.target.value }, 'headline')}
        />
        <input
          className="input-deck"
          name="deck"
          aria-label={t('article.deck')}
          placeholder={t('article.deck')}
          value={article.deck}
          onChange={(e) => onChange({ deck: e.target.value }, 'deck')}
        />
        <input
          className="input-byline"
          name="byline"
          aria-label={t('article.byline')}
          placeholder={t('article.byline')}
          value={article.byline}
          onChange={(e) => onChange({ byline: e.target.value }, 'byline')}
        />
      </div>

      <div className="field-row meta-row">
        <label className="inline-select">
          <span>{t('article.kind')}</span>
          <select name="kind" value={article.kind} onChange={(e) => onChange({ kind: ArticleKindSchema.parse(e.target.value) }, 'kind')}>
            {ArticleKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {t(`article.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-select">
          <span>{t('article.status')}</span>
          <select
            name="status"
            value={article.status}
            onChange={(e) => onChange({ status: ArticleStatusSchema.parse(e.target.value) }, 'status')}
          >
            {ArticleStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(`article.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <ErrorBanner error={figures.error} onDismiss={figures.clearError} />
      <ArticleEditor
        key={article.id}
        body={article.body}
        otherChars={otherChars}
        figureServices={figures.services}
        onChange={(body) => onChange({ body }, 'body')}
      />
    </article>
  );
}
