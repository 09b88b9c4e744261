import { describe, expect, it } from 'vitest';
import { checkPunctuation, type PunctuationRule } from '../../../../shared/proof/punctuation.js';

/** The text with every fix made. */
function fixed(text: string): string {
  let out = '';
  let pos = 0;
  for (const f of checkPunctuation(text)) {
    out += text.slice(pos, f.start) + f.replacement;
    pos = f.end;
  }
  return out + text.slice(pos);
}

const rules = (text: string): PunctuationRule[] => checkPunctuation(text).map((f) => f.rule);

describe('checkPunctuation', () => {
  it('turns , ! ? : ; typed in Chinese into full-width marks', () => {
    expect(fixed('近日,市总工会召开党组会议;会议指出:要团结!对吗?')).toBe('近日，市总工会召开党组会议；会议指出：要团结！对吗？');
    expect(rules('近日,市总')).toEqual(['halfWidth']);
  });

  it('takes the spaces around a corrected mark along (a full-width mark carries its own)', () => {
    expect(fixed('最高奖励5万元! 重庆市网上劳动竞赛')).toBe('最高奖励5万元！重庆市网上劳动竞赛');
    expect(fixed('其中 : 基层工会')).toBe('其中：基层工会');
    expect(fixed('据悉,2018年')).toBe('据悉，2018年');
    expect(fixed('职工”,各企事业单位')).toBe('职工”，各企事业单位');
  });

  it('leaves numbers, times, Latin text and web addresses alone', () => {
    for (const text of [
      '共发放2,300余户',
      '会议于10:30开始',
      '折合1068.45万元。',
      'Hello, world! Is it ok? Yes: fine; done.',
      '详见 https://www.cqgh.org/news?id=3 网站',
      '邮箱 office@cqgh.org。',
    ]) {
      expect(checkPunctuation(text), text).toEqual([]);
    }
  });

  it('corrects a Latin word’s mark when Chinese follows it', () => {
    expect(fixed('完成了PLC,控制系统的改造')).toBe('完成了PLC，控制系统的改造');
  });

  it('turns a full stop typed as . after Chinese into 。, not a decimal point or an abbreviation', () => {
    expect(fixed('会议圆满结束.下一步工作.')).toBe('会议圆满结束。下一步工作。');
    expect(checkPunctuation('增长3.5个百分点')).toEqual([]);
    expect(checkPunctuation('见 Fig. 3')).toEqual([]);
  });

  it('pairs parentheses and straight quotes around Chinese', () => {
    expect(fixed('施工队伍开(复)工检查')).toBe('施工队伍开（复）工检查');
    expect(fixed('登录"重庆工会"App')).toBe('登录“重庆工会”App');
    expect(rules('开(复)工')).toEqual(['parentheses', 'parentheses']);
    // Latin in brackets beside Latin, and an unpaired mark, are left.
    expect(checkPunctuation('the PLC (programmable) unit')).toEqual([]);
    expect(checkPunctuation('他说(未完')).toEqual([]);
    // A line whose quotes do not pair up is left whole: which one is stray cannot be told.
    expect(checkPunctuation('他说"好"又说"行')).toEqual([]);
    expect(checkPunctuation('身高5\'10"，喜欢"篮球"')).toEqual([]);
  });

  it('completes quotes half typed curly (Word’s autocorrect), line by line', () => {
    expect(fixed('“十四五"规划和"双碳"目标')).toBe('“十四五”规划和“双碳”目标');
    expect(fixed('他说"你好\n她说"再见"')).toBe('他说"你好\n她说“再见”');
  });

  it('takes 一. 二. at the start of a line for ordinals, which take 、', () => {
    expect(fixed('一.加强学习\n二. 推进落实')).toBe('一、加强学习\n二、推进落实');
    expect(rules('三.深化改革')).toEqual(['numbering']);
    expect(fixed('完成第一.')).toBe('完成第一。');
  });

  it('corrects a run of marks at once', () => {
    expect(fixed('太好了!!真的吗?!')).toBe('太好了！！真的吗？！');
  });

  it('never touches web or e-mail addresses', () => {
    for (const text of [
      '详见https://baike.baidu.com/item/工会?fromModule=lemma',
      '见 https://zh.wikipedia.org/wiki/工会(组织) 词条',
      '来信请寄office@cqgh.org.cn，或登录www.cqgh.org.cn',
    ]) {
      expect(fixed(text), text).toBe(text);
    }
  });

  it('makes 破折号 and 省略号 two marks long', () => {
    expect(fixed('劳模精神--永不过时')).toBe('劳模精神——永不过时');
    expect(fixed('大家说...真好')).toBe('大家说……真好');
    expect(fixed('大家说…真好')).toBe('大家说……真好');
    expect(fixed('大家说。。。真好')).toBe('大家说……真好');
    expect(checkPunctuation('劳模精神——永不过时……')).toEqual([]);
    // A single em dash is a 连接号 (北京—上海) and a hyphen joins dates: both stay.
    expect(checkPunctuation('北京—上海，2024-03-20')).toEqual([]);
  });

  it('turns full-width digits and Latin letters into half-width ones', () => {
    expect(fixed('２０２４年完成ＰＬＣ系统改造，共ｓｉｘ项')).toBe('2024年完成PLC系统改造，共six项');
    expect(rules('２０２４年')).toEqual(['fullWidthAlnum']);
    // Full-width marks and the ideographic space are Chinese, and stay.
    expect(checkPunctuation('　　（一）１')).toEqual([{ start: 5, end: 6, replacement: '1', rule: 'fullWidthAlnum' }]);
  });

  it('drops stray spaces beside full-width marks, never at the start or end of a line', () => {
    expect(fixed('会议强调 ，要认真。 下一步')).toBe('会议强调，要认真。下一步');
    expect(checkPunctuation('　　正文从这里开始。')).toEqual([]);
    expect(checkPunctuation('结束。 ')).toEqual([]);
    expect(checkPunctuation('第一行。\n 第二行')).toEqual([]);
  });

  it('returns fixes ascending and never overlapping, and finds nothing more once they are made', () => {
    const text = '近日 , 市总工会(市总) "宣讲" ...结束. 下一步--继续!';
    const fixes = checkPunctuation(text);
    for (let i = 1; i < fixes.length; i++) expect(fixes[i].start).toBeGreaterThanOrEqual(fixes[i - 1].end);
    const once = fixed(text);
    expect(once).toBe('近日，市总工会（市总）“宣讲”……结束。下一步——继续！');
    expect(checkPunctuation(once)).toEqual([]);
  });
});
