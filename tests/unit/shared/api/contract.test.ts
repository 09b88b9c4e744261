import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, NewIssueInputSchema, SlugSchema } from '../../../../shared/api/contract.js';
import { sampleIssue } from '../../../helpers/issues.js';

const STAMP = 'a'.repeat(64);

describe('SlugSchema (one folder name inside the workspace)', () => {
  it.each(['渝工简报 2024年第3期', 'issue-1', 'a..b', 'x~1700000000000'])('accepts %j', (slug) => {
    expect(SlugSchema.safeParse(slug).success).toBe(true);
  });

  it.each(['', '..', '.', '../x', 'a/b', 'a\\b', '/etc', '.hidden', '.trash', ' lead', 'trail ', 'nul\0byte', 'x'.repeat(121)])(
    'refuses %j',
    (slug) => {
      expect(SlugSchema.safeParse(slug).success).toBe(false);
    },
  );
});

describe('contract', () => {
  it('names every channel domain:verb and lists them all in CHANNELS', () => {
    expect(CHANNELS).toEqual(Object.keys(contract));
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
  });

  it.each(CHANNELS)('%s: input and output are zod schemas', (channel) => {
    expect(typeof contract[channel].input.safeParse).toBe('function');
    expect(typeof contract[channel].output.safeParse).toBe('function');
  });

  it('takes no fields at all on the channels without input', () => {
    for (const c of ['settings:get', 'workspace:choose', 'library:list', 'library:trash'] as const) {
      expect(contract[c].input.safeParse({}).success).toBe(true);
      expect(contract[c].input.safeParse({ extra: 1 }).success).toBe(false);
    }
  });

  it('fills the defaults of the new-issue form and trims the names', () => {
    expect(
      NewIssueInputSchema.parse({ template: 'newsletter', publicationName: ' 内刊 ', year: 2024, no: 1, date: '2024-01-01' }),
    ).toEqual({ template: 'newsletter', publicationName: '内刊', publisher: '', year: 2024, no: 1, serial: null, date: '2024-01-01' });
  });

  it('defaults checkpoint to false on issue:save and checks the stamp format', () => {
    const ok = contract['issue:save'].input.parse({ slug: 'a', issue: sampleIssue(), stamp: STAMP });
    expect(ok.checkpoint).toBe(false);
    expect(contract['issue:save'].input.safeParse({ slug: 'a', issue: sampleIssue(), stamp: 'A'.repeat(64) }).success).toBe(false);
    expect(contract['issue:save'].input.safeParse({ slug: 'a', issue: sampleIssue(), stamp: 'a'.repeat(63) }).success).toBe(false);
  });

  it('validates what issue:open returns against the full issue schema', () => {
    const out = contract['issue:open'].output;
    expect(out.safeParse({ issue: sampleIssue(), stamp: STAMP }).success).toBe(true);
    expect(out.safeParse({ issue: { ...sampleIssue(), schemaVersion: 2 }, stamp: STAMP }).success).toBe(false);
  });

  it('bounds the last-page fill export:preview returns to 0–1 (null: not measured)', () => {
    const out = contract['export:preview'].output;
    const preview = (lastPageFill: unknown) => ({ pdf: '', missingFonts: [], missingAssets: [], lastPageFill });
    for (const fill of [0, 0.31, 1, null]) expect(out.safeParse(preview(fill)).success, String(fill)).toBe(true);
    for (const fill of [-0.01, 1.2, Number.NaN, '0.5']) expect(out.safeParse(preview(fill)).success, String(fill)).toBe(false);
  });

  it('refuses a blank title on issue:rename', () => {
    expect(contract['issue:rename'].input.safeParse({ slug: 'a', title: '   ' }).success).toBe(false);
    expect(contract['issue:rename'].input.parse({ slug: 'a', title: ' 新名 ' }).title).toBe('新名');
  });
});
