import { describe, expect, it } from 'vitest';
import { isBylineText, isCaptionText, isDateLine, isShortLine, startsWithDash } from '../../../../shared/import/lines.js';

describe('line heuristics', () => {
  it.each([
    ['通讯员 张三', true],
    ['通讯员张三', true],
    ['本报记者 李四 通讯员 王五', true],
    ['作者：李四', true],
    ['来源：重庆日报', true],
    ['（供稿：市总工会办公室）', true],
    ['供稿单位：渝中区总工会', true],
    ['文/王五 图/赵六', true],
    ['图：李四', true],
    ['摄影：赵六', true],
    ['王五 摄', true],
    ['记者从市总工会获悉，今年将开展十件实事。', false],
    ['文化活动丰富多彩', false],
    ['图书室正式开放', false],
    ['会议指出', false],
  ])('isBylineText(%j) is %s', (line, want) => {
    expect(isBylineText(line)).toBe(want);
  });

  it.each([
    ['图为座谈会现场。', true],
    ['图：职工在书屋阅读', true],
    ['图1：活动现场', true],
    ['图 1: 活动现场', true],
    ['图书室正式开放', false],
    ['活动现场', false],
  ])('isCaptionText(%j) is %s', (line, want) => {
    expect(isCaptionText(line)).toBe(want);
  });

  it('reads short lines, dates and dashes', () => {
    expect(isShortLine('巾帼劳模工匠大宣讲现场')).toBe(true);
    expect(isShortLine('好！')).toBe(false);
    expect(isShortLine('字'.repeat(41))).toBe(false);
    expect(isShortLine('  ')).toBe(false);
    expect(isDateLine('2024年3月15日')).toBe(true);
    expect(isDateLine('2024-03-15')).toBe(true);
    expect(isDateLine('2024年工作要点')).toBe(false);
    expect(startsWithDash('——副题')).toBe(true);
    expect(startsWithDash('-- 副题')).toBe(true);
    expect(startsWithDash('副题——')).toBe(false);
  });
});
