import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, IsoDateSchema, IssueSchema } from '../../../../shared/model/issue.js';
import { LayoutSchema } from '../../../../shared/model/layout.js';
import { TEMPLATE_IDS, templateLayout } from '../../../../shared/layout/templates.js';
import { createArticle, createIssue, createSection } from '../../../../shared/model/factory.js';
import { CREATED_AT, filledIssue, sampleIssue } from '../../../helpers/issues.js';

describe('IssueSchema', () => {
  it.each(TEMPLATE_IDS)('parses a new issue from the %s template exactly as created', (template) => {
    const issue = sampleIssue({ template });
    expect(IssueSchema.parse(issue)).toEqual(issue);
    expect(issue.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(issue.layout.template).toBe(template);
  });

  it('survives a JSON round trip (what issue.json holds)', () => {
    const issue = filledIssue();
    expect(IssueSchema.parse(JSON.parse(JSON.stringify(issue)))).toEqual(issue);
  });

  it('trims the publication name and publisher and defaults the serial to null', () => {
    const issue = createIssue(
      { template: 'newsletter', publicationName: '  内刊  ', publisher: ' 办公室 ', year: 2025, no: 1, date: '2025-01-02' },
      CREATED_AT,
    );
    expect(issue.publication).toMatchObject({ name: '内刊', publisher: '办公室' });
    expect(issue.number.serial).toBeNull();
    expect(issue.createdAt).toBe(CREATED_AT);
    expect(issue.updatedAt).toBe(CREATED_AT);
  });

  it('gives every issue, section and article a distinct id that the schema accepts', () => {
    const ids = [sampleIssue().id, sampleIssue().id, createSection('a').id, createArticle('b').id];
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{12}$/);
  });

  it.each([
    ['another schema version', { schemaVersion: 2 }],
    ['an empty publication name', { publication: { ...sampleIssue().publication, name: '' } }],
    ['issue number 0', { number: { year: 2024, no: 0, serial: null } }],
    ['a date that is not YYYY-MM-DD', { date: '2024/03/15' }],
    ['month 13', { date: '2024-13-01' }],
    ['an id with a slash', { id: 'abc/def/ghi' }],
    ['updatedAt that is not an ISO time', { updatedAt: 'yesterday' }],
    ['a colophon with four distribution lines', { colophon: { ...sampleIssue().colophon, distribution: Array(4).fill({ label: '报', text: 'x' }) } }],
    ['a layout with four columns', { layout: { ...sampleIssue().layout, columns: 4 } }],
    ['an accent colour that is not #rrggbb', { layout: { ...sampleIssue().layout, accentColor: 'red' } }],
  ])('rejects %s', (_what, patch) => {
    expect(IssueSchema.safeParse({ ...sampleIssue(), ...patch }).success).toBe(false);
  });

  it('rejects an article whose body holds an unknown node', () => {
    const issue = filledIssue();
    const bad = JSON.parse(JSON.stringify(issue));
    bad.sections[0].articles[0].body.root.children.push({ type: 'iframe' });
    expect(IssueSchema.safeParse(bad).success).toBe(false);
  });

  it.each([
    ['2024-02-29', true],
    ['2024-12-31', true],
    ['2024-00-10', false],
    ['2024-1-10', false],
    ['2024-01-32', false],
  ])('IsoDateSchema %s → %s', (date, ok) => {
    expect(IsoDateSchema.safeParse(date).success).toBe(ok);
  });
});

describe('templates', () => {
  it.each(TEMPLATE_IDS)('the %s layout is valid and complete (a font for every role)', (id) => {
    const layout = LayoutSchema.parse(templateLayout(id));
    expect(Object.keys(layout.fonts).sort()).toEqual(
      ['banner', 'body', 'byline', 'caption', 'colophon', 'deck', 'headline', 'kicker', 'masthead'],
    );
  });

  it('hands out a fresh copy each time, so editing one issue never changes another', () => {
    const a = templateLayout('bulletin');
    a.fonts.body.sizePt = 99;
    a.margins.topMm = 1;
    expect(templateLayout('bulletin').fonts.body.sizePt).toBe(16);
    expect(templateLayout('bulletin').margins.topMm).toBe(37);
  });
});
