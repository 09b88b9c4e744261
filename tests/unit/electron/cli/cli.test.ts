import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../../shared/i18n/translate.js';
import { IssueStore } from '../../../../electron/services/issueStore.js';
import { Library } from '../../../../electron/services/library.js';
import { cli } from '../../../helpers/cli.js';
import { sampleBulletin } from '../../../../electron/cli/demoCommand.js';
import { ASSET_ID, filledIssue } from '../../../helpers/issues.js';
import { useTempDirs } from '../../../helpers/tempDir.js';

const temp = useTempDirs();

const NEW_ARGS = ['--name', '渝工简报', '--number', '2024-3', '--date', '2024-03-15', '--publisher', '市总工会', '--serial', '186'];

async function newIssue(ws: string, extra: string[] = NEW_ARGS): Promise<string> {
  const r = await cli(['new', '--workspace', ws, ...extra]);
  expect(r).toMatchObject({ code: 0, err: '' });
  return r.out.trimEnd();
}

/** An issue with two sections, three articles and two figures, built through the store and ops. */
async function builtIssue(): Promise<string> {
  const ws = await temp.make();
  const dir = await newIssue(ws);
  const store = new IssueStore();
  const { issue, stamp } = await store.read(dir);
  await store.save(dir, { ...issue, sections: filledIssue().sections }, stamp);
  return dir;
}

describe('masthead new', () => {
  it('creates the issue and prints its folder', async () => {
    const ws = await temp.make();
    const dir = await newIssue(ws);
    expect(dir).toBe(join(ws, '渝工简报 2024年第3期'));
    const { issue } = await new IssueStore().read(dir);
    expect(issue.number).toEqual({ year: 2024, no: 3, serial: 186 });
    expect(issue.publication).toMatchObject({ name: '渝工简报', publisher: '市总工会' });
    expect(issue.date).toBe('2024-03-15');
    expect(issue.layout.template).toBe('bulletin');
  });

  it('takes today for the date and number 1 of this year when they are left out', async () => {
    const ws = await temp.make();
    const dir = await newIssue(ws, ['--name', '内刊', '--template', 'newsletter']);
    const { issue } = await new IssueStore().read(dir);
    expect(issue.date).toBe('2024-04-20');
    expect(issue.number).toEqual({ year: 2024, no: 1, serial: null });
    expect(issue.layout.template).toBe('newsletter');
  });

  it.each([
    [['--name', 'x'], '--workspace'],
    [['--workspace', 'WS'], '--name'],
    [['--workspace', 'WS', '--name', '   '], '--name'],
    [['--workspace', 'WS', '--name', 'x', '--date', '2024-13-01'], '--date'],
    [['--workspace', 'WS', '--name', 'x', '--number', '2024/3'], '--number'],
    [['--workspace', 'WS', '--name', 'x', '--serial', '0'], '--serial'],
    [['--workspace', 'WS', '--name', 'x', '--serial', 'abc'], '--serial'],
    [['--workspace', 'WS', '--name', 'x', '--template', 'poster'], '--template'],
    [['--workspace', 'WS', '--name', 'x', '--colour', 'red'], '--colour'],
    [['--workspace', 'WS', '--name', 'x', 'stray'], 'stray'],
  ])('refuses %j with a usage error naming %s (exit 2, nothing created)', async (args, option) => {
    const ws = await temp.make();
    const r = await cli(['new', ...args.map((a) => a.replace('WS', ws))]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(option);
    expect(r.err).toContain('masthead new --help');
    expect(existsSync(join(ws, 'x 2024年第1期'))).toBe(false);
  });

  // Values that pass the option's own check but fail the issue schema must still name
  // the option that is wrong, not --name.
  it.each([
    [['--serial', '100000'], '--serial'],
    [['--number', '3000-1'], '--number'],
    [['--date', '3000-01-01'], '--date'],
  ])('names the offending option for %j, which is out of the schema range', async (args, option) => {
    const ws = await temp.make();
    const r = await cli(['new', '--workspace', ws, '--name', '渝工简报', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(option);
    expect(r.err).not.toContain('--name');
  });
});

describe('masthead list', () => {
  it('says the workspace is empty', async () => {
    const ws = await temp.make();
    const r = await cli(['list', '--workspace', ws]);
    expect(r).toEqual({ code: 0, out: `${translate('zh-CN', 'cli.list.empty', { path: ws })}\n`, err: '' });
  });

  it('prints one line per issue: folder, publication and issue line, date, counts', async () => {
    const dir = await builtIssue();
    const ws = join(dir, '..');
    const r = await cli(['list', '--workspace', ws]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('渝工简报 2024年第3期\t渝工简报 2024年第3期（总第186期）\t2024-03-15\t2 个栏目, 3 篇稿件\n');
    const en = await cli(['list', '--workspace', ws], 'en');
    expect(en.out).toContain('\t2 sections, 3 articles\n');
  });

  it('lists a damaged issue marked as such beside the good ones and still exits 0', async () => {
    const ws = await temp.make();
    const good = await newIssue(ws);
    const bad = await newIssue(ws, ['--name', '坏的', '--number', '2024-1', '--date', '2024-01-01']);
    await writeFile(join(bad, 'issue.json'), '{ broken');
    const r = await cli(['list', '--workspace', ws]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0].startsWith(`${basename(good)}\t`)).toBe(true);
    expect(lines[1]).toMatch(/^坏的 2024年第1期\t\[无法打开\] 刊期文件已损坏/);
    const en = await cli(['list', '--workspace', ws], 'en');
    expect(en.out).toMatch(/\t\[damaged\] The issue file is damaged/);
  });

  it('prints the library as JSON with --json', async () => {
    const dir = await builtIssue();
    const ws = join(dir, '..');
    await writeFile(join(ws, 'x'), '');
    const r = await cli(['list', '--workspace', ws, '--json']);
    const json = JSON.parse(r.out);
    expect(json.workspace).toBe(ws);
    expect(json.entries).toEqual([expect.objectContaining({ status: 'ok', slug: '渝工简报 2024年第3期' })]);
    expect(json.entries[0].summary).toMatchObject({ sectionCount: 2, articleCount: 3, chars: 20 });
  });

  it('agrees with Library.list on the same workspace', async () => {
    const dir = await builtIssue();
    const ws = join(dir, '..');
    const json = JSON.parse((await cli(['list', '--workspace', ws, '--json'])).out);
    expect(json.entries).toEqual(await new Library(ws, new IssueStore()).list());
  });
});

describe('masthead show', () => {
  it('prints the structure as JSON of exactly the documented shape', async () => {
    const dir = await builtIssue();
    const r = await cli(['show', dir, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const ids = filledIssue().sections.flatMap((s) => s.articles.map(() => expect.stringMatching(/^[A-Za-z0-9]{12}$/)));
    expect(json).toStrictEqual({
      publication: '渝工简报',
      number: { year: 2024, no: 3, serial: 186 },
      issueLine: '2024年第3期（总第186期）',
      date: '2024-03-15',
      sections: [
        {
          title: '渝工铸魂',
          articles: [
            {
              id: ids[0],
              kind: 'story',
              kicker: '学习贯彻全国两会精神',
              headline: '市总工会召开党组会议',
              deck: '研究部署下一阶段工作',
              byline: '本报记者 张三',
              text: '会议指出，今年全国两会。\nHello world',
              chars: 14,
              figures: [],
            },
            { id: ids[1], kind: 'story', kicker: '', headline: '第二篇', deck: '', byline: '', text: '', chars: 0, figures: [] },
          ],
        },
        {
          title: '图片新闻',
          articles: [
            {
              id: ids[2],
              kind: 'photo',
              kicker: '',
              headline: '职工风采',
              deck: '',
              byline: '',
              text: '图为座谈会。',
              chars: 6,
              figures: [
                { caption: '劳模座谈会现场', assetId: ASSET_ID },
                { caption: '待补图片', assetId: null },
              ],
            },
          ],
        },
      ],
    });
    // Key order is part of what scripts see.
    expect(Object.keys(json)).toEqual(['publication', 'number', 'issueLine', 'date', 'sections']);
    expect(Object.keys(json.sections[0].articles[0])).toEqual(
      ['id', 'kind', 'kicker', 'headline', 'deck', 'byline', 'text', 'chars', 'figures'],
    );
  });

  it('prints a readable outline without --json', async () => {
    const dir = await builtIssue();
    const r = await cli(['show', dir]);
    expect(r.out).toBe(
      '渝工简报 2024年第3期（总第186期）  2024-03-15\n\n【渝工铸魂】\n  市总工会召开党组会议  (14 字)\n  第二篇  (0 字)\n\n【图片新闻】\n  职工风采  (6 字)\n',
    );
  });

  it.each([[[]], [['a', 'b']]])('refuses %j positionals with a usage error', async (positionals) => {
    const r = await cli(['show', ...positionals, '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('ISSUE_DIR');
  });

  it('exits 1 with the words for issue.notFound and issue.corrupt', async () => {
    const ws = await temp.make();
    const missing = await cli(['show', join(ws, 'nothing'), '--json'], 'en');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^masthead: The issue “.*nothing” was not found/);
    const dir = await newIssue(ws);
    await writeFile(join(dir, 'issue.json'), '[]');
    const corrupt = await cli(['show', dir, '--json']);
    expect(corrupt.code).toBe(1);
    expect(corrupt.err).toMatch(/^masthead: 刊期文件已损坏/);
    expect(corrupt.out).toBe('');
  });
});

describe('help and unknown commands', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])('%j prints the main help and exits 0', async (argv) => {
    expect(await cli(argv)).toEqual({ code: 0, out: `${translate('zh-CN', 'cli.help.main')}\n`, err: '' });
  });

  it.each(['new', 'list', 'show'] as const)('%s --help and -h print its help and exit 0, in either language', async (cmd) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const flag of ['--help', '-h']) {
        expect(await cli([cmd, flag], lang)).toEqual({ code: 0, out: `${translate(lang, `cli.help.${cmd}`)}\n`, err: '' });
      }
    }
  });

  it('refuses an unknown command with exit 2, in the chosen language', async () => {
    expect(await cli(['publish'])).toEqual({ code: 2, out: '', err: 'masthead: 未知命令“publish”。运行 masthead --help 查看所有命令。\n' });
    expect((await cli(['publish'], 'en')).err).toBe('masthead: Unknown command “publish”. Run masthead --help for the list.\n');
  });
});

describe('masthead import of a text draft', () => {
  it('takes 总第N期 from --serial, and refuses one that is not a whole number from 1', async () => {
    const ws = await temp.make();
    const r = await cli(['import', sampleBulletin(), '--workspace', ws, '--name', '渝工简报', '--number', '2024-3', '--serial', '186', '--date', '2024-03-20']);
    expect(r.code).toBe(0);
    const shown = JSON.parse((await cli(['show', r.out.trim(), '--json'])).out) as { number: unknown; issueLine: string };
    expect(shown.number).toEqual({ year: 2024, no: 3, serial: 186 });
    expect(shown.issueLine).toBe('2024年第3期（总第186期）');
    for (const bad of ['0', '1.5', 'abc']) {
      const refused = await cli(['import', sampleBulletin(), '--workspace', ws, '--serial', bad]);
      expect(refused.code, bad).toBe(2);
      expect(refused.err).toContain('--serial');
    }
  });
});
