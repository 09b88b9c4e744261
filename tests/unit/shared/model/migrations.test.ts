import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, IssueSchema, type Issue } from '../../../../shared/model/issue.js';
import { ISSUE_MIGRATIONS, migrateIssue, type Migration } from '../../../../shared/model/migrations.js';
import { filledIssue, sampleIssue } from '../../../helpers/issues.js';

// A made-up history: v0 called the publication `masthead` (a string); v1 renamed it.
const v0ToV1: Migration = {
  from: 0,
  migrate: (doc) => {
    const { masthead, ...rest } = doc as { masthead: string } & Record<string, unknown>;
    return { ...rest, publication: { name: masthead }, masthead: { titleAssetId: null } };
  },
};
const v1ToV2: Migration = { from: 1, migrate: (doc) => ({ ...doc, migratedTwice: true }) };

describe('migrateIssue', () => {
  it('runs the v0 → v1 step and stamps the new version', () => {
    const result = migrateIssue({ schemaVersion: 0, masthead: '渝工简报', id: 'abcdefgh' }, [v0ToV1], 1);
    expect(result).toEqual({
      ok: true,
      from: 0,
      doc: { schemaVersion: 1, id: 'abcdefgh', publication: { name: '渝工简报' }, masthead: { titleAssetId: null } },
    });
  });

  it('runs the steps in order across several versions, whatever order they are listed in', () => {
    const result = migrateIssue({ schemaVersion: 0, masthead: 'x' }, [v1ToV2, v0ToV1], 2);
    expect(result.ok && result.doc).toMatchObject({ schemaVersion: 2, publication: { name: 'x' }, migratedTwice: true });
  });

  it('does not change the document it was given', () => {
    const raw = { schemaVersion: 0, masthead: '渝工简报' };
    migrateIssue(raw, [v0ToV1], 1);
    expect(raw).toEqual({ schemaVersion: 0, masthead: '渝工简报' });
  });

  it('passes a current document through untouched', () => {
    const issue = sampleIssue();
    const result = migrateIssue(JSON.parse(JSON.stringify(issue)));
    expect(result).toEqual({ ok: true, from: CURRENT_SCHEMA_VERSION, doc: JSON.parse(JSON.stringify(issue)) });
    if (result.ok) expect(IssueSchema.parse(result.doc)).toEqual(issue);
  });

  it('reports a document from a newer version as tooNew with that version', () => {
    expect(migrateIssue({ schemaVersion: 99 })).toEqual({ ok: false, problem: 'tooNew', version: 99 });
    expect(migrateIssue({ schemaVersion: 3 }, [v0ToV1, v1ToV2], 2)).toEqual({ ok: false, problem: 'tooNew', version: 3 });
  });

  it.each([
    ['missing', {}],
    ['a string', { schemaVersion: '1' }],
    ['a fraction', { schemaVersion: 1.5 }],
    ['negative', { schemaVersion: -1 }],
    ['null', { schemaVersion: null }],
  ])('reports noVersion when schemaVersion is %s', (_what, raw) => {
    expect(migrateIssue(raw)).toEqual({ ok: false, problem: 'noVersion' });
  });

  it.each([null, 'text', 42, [1, 2]])('reports notAnObject for %j', (raw) => {
    expect(migrateIssue(raw)).toEqual({ ok: false, problem: 'notAnObject' });
  });

  it('reports noPath with the version whose step is missing', () => {
    expect(migrateIssue({ schemaVersion: 0 }, [v1ToV2], 2)).toEqual({ ok: false, problem: 'noPath', version: 0 });
    expect(migrateIssue({ schemaVersion: 0 }, [v0ToV1], 2)).toEqual({ ok: false, problem: 'noPath', version: 1 });
  });

  it('loads an issue.json written before figures recorded their pixel size, without a step: the sizes default to null', () => {
    const issue = filledIssue();
    const old = JSON.parse(JSON.stringify(issue)) as Issue;
    const figures = old.sections.flatMap((s) => s.articles.flatMap((a) => a.body.root.children)).filter((b) => b.type === 'figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      delete (figure as Partial<typeof figure>).pixelWidth;
      delete (figure as Partial<typeof figure>).pixelHeight;
    }
    const result = migrateIssue(old);
    expect(result).toMatchObject({ ok: true, from: 1 });
    if (!result.ok) return;
    const loaded = IssueSchema.parse(result.doc);
    expect(loaded).toEqual(issue);
    const loadedFigures = loaded.sections.flatMap((s) => s.articles.flatMap((a) => a.body.root.children)).filter((b) => b.type === 'figure');
    expect(loadedFigures.map((f) => f.type === 'figure' && [f.pixelWidth, f.pixelHeight])).toEqual(figures.map(() => [null, null]));
  });

  it('ships with a complete chain from version 1 to the current version', () => {
    const froms = ISSUE_MIGRATIONS.map((m) => m.from).sort((a, b) => a - b);
    expect(froms).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });
});
