import type { Article, Section } from '../../../../shared/model/issue.js';
import { articleChars, bodyText } from '../../../../shared/model/text.js';
import { useI18n } from '../../../i18n/I18n.js';

/** What a section's head shows: its banner (栏目题) and how many articles it holds. */
export function SectionLabel({ section, count }: { section: Section; count: number }) {
  const { t } = useI18n();
  return (
    <>
      <span className="banner-chip">{section.title || '—'}</span>
      <span className="tree-count">{t('issue.sectionArticles', { n: count })}</span>
    </>
  );
}

/** What an article's row shows: status, headline (or the start of the text), kind and length. */
export function ArticleLabel({ article }: { article: Article }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <span className={`status-dot status-${article.status}`} title={t(`article.status.${article.status}`)} />
      <span className="tree-article-headline">
        {article.headline || bodyText(article.body).slice(0, 24) || t('issue.newArticleHeadline')}
      </span>
      {article.kind === 'photo' && <span className="kind-tag">{t('article.kind.photo')}</span>}
      <span className="tree-count">{i18n.number(articleChars(article))}</span>
    </>
  );
}

/** The grip that shows a row can be dragged (the whole row drags; the grip only says so). */
export function Grip() {
  return (
    <span className="tree-grip" aria-hidden="true">
      <svg viewBox="0 0 10 16" width="8" height="13" focusable="false">
        {[3, 8, 13].flatMap((y) => [2.5, 7.5].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.3" fill="currentColor" />))}
      </svg>
    </span>
  );
}
