import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IssueStore } from '../../../../electron/services/issueStore.js';
import { bodyText } from '../../../../shared/model/text.js';
import { cli } from '../../../helpers/cli.js';
import { useTempDirs } from '../../../helpers/tempDir.js';
import { sampleBulletin } from '../../../../electron/cli/demoCommand.js';

const temp = useTempDirs();

/** The sample bulletin imported into a fresh workspace; answers its folder. */
async function importedSample(): Promise<string> {
  const ws = await temp.make();
  const r = await cli(['import', sampleBulletin(), '--workspace', ws, '--name', '渝工简报', '--number', '2024-3', '--date', '2024-03-20']);
  expect(r.code).toBe(0);
  return r.out.trim();
}

const allText = async (dir: string) => {
  const { issue } = await new IssueStore().read(dir);
  return issue.sections.flatMap((s) => s.articles.map((a) => `${a.headline}\n${bodyText(a.body)}`)).join('\n');
};

describe('masthead proof', () => {
  it('lists each mark by rule in its sentence and exits 1 while marks remain', async () => {
    const dir = await importedSample();
    const r = await cli(['proof', dir]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^渝工简报 2024年第3期：共 \d+ 处需要修正$/);
    expect(r.out).toContain('中文里的半角标点（135）');
    expect(r.out).toContain('【市总工会党组 学习贯彻全国两会精神】正文  近日[,→，]市总工会召开党组会议');
    expect(r.out).toContain('中文里的半角括号（4）');
    expect(r.out).toContain('masthead proof 刊期目录 --fix');
    const json = await cli(['proof', dir, '--json']);
    const parsed = JSON.parse(json.out) as { hits: { rule: string }[] };
    expect(parsed.hits).toHaveLength(139);
    expect(json.code).toBe(1);
  });

  it('corrects them all with --fix, keeps the version before in history, and then finds nothing', async () => {
    const dir = await importedSample();
    const before = await allText(dir);
    const historyBefore = await readdir(join(dir, 'history')).catch(() => []);
    const r = await cli(['proof', dir, '--fix']);
    expect(r).toMatchObject({ code: 0, err: '', out: '已修正 139 处标点；修正前的版本保存在刊期的 history/ 中。\n' });
    const after = await allText(dir);
    expect(after).not.toMatch(/[\p{Script=Han}][,;:!]/u);
    expect(after.replace(/[，；：！（）]/g, '')).toBe(before.replace(/[,;:!()]|(?<=!) /g, '').replace(/[，；：！（）]/g, ''));
    expect((await readdir(join(dir, 'history'))).length).toBeGreaterThan(historyBefore.length);
    expect(await cli(['proof', dir])).toMatchObject({ code: 0, out: '渝工简报 2024年第3期：未发现标点问题。\n' });
  });

  it('speaks English and refuses a missing folder argument with exit 2', async () => {
    const dir = await importedSample();
    const r = await cli(['proof', dir], 'en');
    expect(r.out.split('\n')[0]).toBe('渝工简报 2024年第3期: 139 marks to correct');
    expect((await cli(['proof'])).code).toBe(2);
  });
});
