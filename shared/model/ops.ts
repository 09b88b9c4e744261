import { createArticle, createSection } from './factory.js';
import type { Article, Issue, Section } from './issue.js';

/**
 * Structure edits of an issue (栏目 and 稿件): pure functions that return a new issue
 * and leave the old one untouched, so the UI can keep them for undo. An id that is not
 * found leaves the issue as it was.
 */

function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(length, Math.trunc(index)));
}

function withSections(issue: Issue, sections: Section[]): Issue {
  return { ...issue, sections };
}

function mapSection(issue: Issue, sectionId: string, f: (s: Section) => Section): Issue {
  return withSections(
    issue,
    issue.sections.map((s) => (s.id === sectionId ? f(s) : s)),
  );
}

/** Inserts a new section titled `title` at `index` (default: the end). */
export function addSection(issue: Issue, title: string, index = issue.sections.length): { issue: Issue; section: Section } {
  const section = createSection(title);
  const sections = [...issue.sections];
  sections.splice(clampIndex(index, sections.length), 0, section);
  return { issue: withSections(issue, sections), section };
}

export function renameSection(issue: Issue, sectionId: string, title: string): Issue {
  return mapSection(issue, sectionId, (s) => ({ ...s, title }));
}

/** Moves a section to `toIndex` (its position after the move). */
export function moveSection(issue: Issue, sectionId: string, toIndex: number): Issue {
  const from = issue.sections.findIndex((s) => s.id === sectionId);
  if (from < 0) return issue;
  const sections = [...issue.sections];
  const [moved] = sections.splice(from, 1);
  sections.splice(clampIndex(toIndex, sections.length), 0, moved);
  return withSections(issue, sections);
}

/** Deletes a section with its articles. */
export function deleteSection(issue: Issue, sectionId: string): Issue {
  return withSections(
    issue,
    issue.sections.filter((s) => s.id !== sectionId),
  );
}

/** Where an article stands: its section and index. */
export function findArticle(issue: Issue, articleId: string): { section: Section; index: number; article: Article } | null {
  for (const section of issue.sections) {
    const index = section.articles.findIndex((a) => a.id === articleId);
    if (index >= 0) return { section, index, article: section.articles[index] };
  }
  return null;
}

/** Adds a story with `headline` to a section at `index` (default: the end). */
export function addArticle(
  issue: Issue,
  sectionId: string,
  headline: string,
  index?: number,
): { issue: Issue; article: Article } {
  const article = createArticle(headline);
  const next = mapSection(issue, sectionId, (s) => {
    const articles = [...s.articles];
    articles.splice(clampIndex(index ?? articles.length, articles.length), 0, article);
    return { ...s, articles };
  });
  return { issue: next, article };
}

/** Replaces fields of an article (headline, deck, status …). */
export function updateArticle(issue: Issue, articleId: string, patch: Partial<Omit<Article, 'id'>>): Issue {
  return withSections(
    issue,
    issue.sections.map((s) =>
      s.articles.some((a) => a.id === articleId)
        ? { ...s, articles: s.articles.map((a) => (a.id === articleId ? { ...a, ...patch } : a)) }
        : s,
    ),
  );
}

/** Moves an article to `toIndex` in section `toSectionId` (its position after the move). */
export function moveArticle(issue: Issue, articleId: string, toSectionId: string, toIndex: number): Issue {
  const found = findArticle(issue, articleId);
  if (!found || !issue.sections.some((s) => s.id === toSectionId)) return issue;
  const removed = issue.sections.map((s) =>
    s.id === found.section.id ? { ...s, articles: s.articles.filter((a) => a.id !== articleId) } : s,
  );
  return withSections(
    issue,
    removed.map((s) => {
      if (s.id !== toSectionId) return s;
      const articles = [...s.articles];
      articles.splice(clampIndex(toIndex, articles.length), 0, found.article);
      return { ...s, articles };
    }),
  );
}

export function deleteArticle(issue: Issue, articleId: string): Issue {
  return withSections(
    issue,
    issue.sections.map((s) => ({ ...s, articles: s.articles.filter((a) => a.id !== articleId) })),
  );
}
