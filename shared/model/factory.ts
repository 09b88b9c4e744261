import { emptyBody } from './body.js';
import { newId } from './ids.js';
import { CURRENT_SCHEMA_VERSION, type Article, type Issue, type Section } from './issue.js';
import { templateLayout, type TemplateId } from '../layout/templates.js';

/** What an editor fills in to start a new issue. */
export interface NewIssueFields {
  template: TemplateId;
  publicationName: string;
  publisher?: string;
  year: number;
  no: number;
  serial?: number | null;
  /** YYYY-MM-DD */
  date: string;
}

/** A new, empty issue from a template. `now` is an ISO timestamp. */
export function createIssue(fields: NewIssueFields, now: string): Issue {
  const layout = templateLayout(fields.template);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: newId(),
    title: '',
    publication: {
      name: fields.publicationName.trim(),
      subtitle: '',
      publisher: fields.publisher?.trim() ?? '',
      permit: '',
      internal: false,
    },
    number: { year: fields.year, no: fields.no, serial: fields.serial ?? null },
    date: fields.date,
    layout,
    masthead: { titleAssetId: null },
    sections: [],
    colophon: { distribution: [], editor: '', reviewer: '', approver: '', copies: null },
    createdAt: now,
    updatedAt: now,
  };
}

/** A new section with no articles. */
export function createSection(title: string): Section {
  return { id: newId(), title, articles: [] };
}

/** A new story with only a headline. */
export function createArticle(headline: string): Article {
  return { id: newId(), kind: 'story', kicker: '', headline, deck: '', byline: '', body: emptyBody(), status: 'draft' };
}

/**
 * The next issue of the same publication: number and serial incremented (the number
 * restarts at 1 when the year changes), date `today`, layout, masthead, colophon and
 * sections kept, articles emptied.
 */
export function nextIssue(prev: Issue, today: string, now: string): Issue {
  const year = Number(today.slice(0, 4));
  const sameYear = year === prev.number.year;
  return {
    ...structuredCopy(prev),
    id: newId(),
    title: '',
    number: {
      year,
      no: sameYear ? prev.number.no + 1 : 1,
      serial: prev.number.serial === null ? null : prev.number.serial + 1,
    },
    date: today,
    sections: prev.sections.map((s) => createSection(s.title)),
    createdAt: now,
    updatedAt: now,
  };
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
