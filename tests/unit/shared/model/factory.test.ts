import { describe, expect, it } from 'vitest';
import { bodyOf, paragraphNode } from '../../../../shared/model/body.js';
import { nextIssue } from '../../../../shared/model/factory.js';
import { IssueSchema, type Issue } from '../../../../shared/model/issue.js';
import { filledIssue, sampleIssue } from '../../../helpers/issues.js';

const NOW = '2024-04-15T02:00:00.000Z';

function prepared(): Issue {
  const issue = filledIssue();
  return {
    ...issue,
    title: '三月号',
    masthead: { titleAssetId: `${'cd'.repeat(32)}.png` },
    colophon: { ...issue.colophon, editor: '李四', copies: 300, distribution: [{ label: '报', text: '市委办公厅' }] },
  };
}

describe('nextIssue (复制为下一期)', () => {
  it('adds one to the number and the serial within the same year', () => {
    const next = nextIssue(prepared(), '2024-04-15', NOW);
    expect(next.number).toEqual({ year: 2024, no: 4, serial: 187 });
    expect(next.date).toBe('2024-04-15');
  });

  it('restarts the number at 1 in a new year while the serial keeps counting', () => {
    const next = nextIssue(prepared(), '2025-01-06', NOW);
    expect(next.number).toEqual({ year: 2025, no: 1, serial: 187 });
  });

  it('keeps a null serial null', () => {
    const next = nextIssue(sampleIssue({ serial: null }), '2024-04-15', NOW);
    expect(next.number.serial).toBeNull();
  });

  it('keeps the section titles in order but empties them, with new ids', () => {
    const prev = prepared();
    const next = nextIssue(prev, '2024-04-15', NOW);
    expect(next.sections.map((s) => s.title)).toEqual(['渝工铸魂', '图片新闻']);
    expect(next.sections.every((s) => s.articles.length === 0)).toBe(true);
    const oldIds = new Set(prev.sections.map((s) => s.id));
    expect(next.sections.some((s) => oldIds.has(s.id))).toBe(false);
  });

  it('gets a new issue id, no title, and fresh timestamps', () => {
    const prev = prepared();
    const next = nextIssue(prev, '2024-04-15', NOW);
    expect(next.id).not.toBe(prev.id);
    expect(next.title).toBe('');
    expect(next.createdAt).toBe(NOW);
    expect(next.updatedAt).toBe(NOW);
  });

  it('keeps publication, layout, masthead and colophon as deep copies', () => {
    const prev = prepared();
    const next = nextIssue(prev, '2024-04-15', NOW);
    expect(next.publication).toEqual(prev.publication);
    expect(next.layout).toEqual(prev.layout);
    expect(next.masthead).toEqual(prev.masthead);
    expect(next.colophon).toEqual(prev.colophon);
    next.layout.fonts.body.sizePt = 99;
    next.colophon.distribution[0].text = '改';
    expect(prev.layout.fonts.body.sizePt).toBe(16);
    expect(prev.colophon.distribution[0].text).toBe('市委办公厅');
  });

  it('does not change the previous issue and yields a valid issue', () => {
    const prev = prepared();
    const before = JSON.stringify(prev);
    const next = nextIssue(prev, '2024-04-15', NOW);
    expect(JSON.stringify(prev)).toBe(before);
    expect(IssueSchema.parse(next)).toEqual(next);
  });

  it('drops article bodies entirely (nothing of the old text survives)', () => {
    const prev = prepared();
    prev.sections[0].articles[0].body = bodyOf([paragraphNode('旧正文独有的句子')]);
    expect(JSON.stringify(nextIssue(prev, '2024-04-15', NOW))).not.toContain('旧正文独有的句子');
  });
});
