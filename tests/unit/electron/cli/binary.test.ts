import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../helpers/tempDir.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../../..');
const BIN = join(ROOT, 'dist/cli/masthead.mjs');
const temp = useTempDirs();

/** Newest modification time of the .ts sources the binary is bundled from. */
function newestSource(): number {
  let newest = 0;
  for (const dir of ['electron/cli', 'electron/services', 'shared']) {
    for (const name of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) {
      if (name.endsWith('.ts')) newest = Math.max(newest, statSync(join(ROOT, dir, name)).mtimeMs);
    }
  }
  return newest;
}

beforeAll(async () => {
  // Build when the binary is missing or older than its sources, so the test runs today's code.
  if (!existsSync(BIN) || statSync(BIN).mtimeMs < newestSource()) {
    await run('npm', ['run', 'build:cli'], { cwd: ROOT });
  }
}, 120_000);

/** Runs the built binary with a locale; never rejects, returns exit code and output. */
async function masthead(args: string[], lang: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '', NODE_OPTIONS: '' };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const ZH = 'zh_CN.UTF-8';
const EN = 'en_US.UTF-8';
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('the built masthead binary', () => {
  it('creates, lists and shows an issue', async () => {
    const ws = await temp.make();
    const created = await masthead(['new', '--workspace', ws, '--name', '渝工简报', '--number', '2024-3', '--date', '2024-03-15'], ZH);
    expect(created).toEqual({ code: 0, stdout: `${join(ws, '渝工简报 2024年第3期')}\n`, stderr: '' });

    const listed = await masthead(['list', '--workspace', ws], ZH);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('渝工简报 2024年第3期\t渝工简报 2024年第3期\t2024-03-15\t0 个栏目, 0 篇稿件\n');

    const shown = await masthead(['show', created.stdout.trim(), '--json'], EN);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual({
      publication: '渝工简报',
      number: { year: 2024, no: 3, serial: null },
      issueLine: '2024年第3期',
      date: '2024-03-15',
      sections: [],
    });
  });

  it('lists a damaged issue marked in the locale language and exits 0', async () => {
    const ws = await temp.make();
    const { stdout } = await masthead(['new', '--workspace', ws, '--name', '坏的'], EN);
    await writeFile(join(stdout.trim(), 'issue.json'), 'garbage');
    const r = await masthead(['list', '--workspace', ws], EN);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^坏的 \d{4}年第1期\t\[damaged\] The issue file is damaged/);
  });

  it.each([
    [ZH, '未知命令“frobnicate”'],
    [EN, 'Unknown command “frobnicate”'],
  ])('LANG=%s: an unknown command is refused in that language, exit 2, no stack trace', async (lang, words) => {
    const r = await masthead(['frobnicate'], lang);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(words);
    noStackTrace(r.stderr);
  });

  it.each([
    [ZH, '找不到刊期'],
    [EN, 'was not found'],
  ])('LANG=%s: a missing issue is reported in that language, exit 1, no stack trace', async (lang, words) => {
    const r = await masthead(['show', join(await temp.make(), 'nothing'), '--json'], lang);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^masthead: /);
    expect(r.stderr).toContain(words);
    noStackTrace(r.stderr);
  });

  it.each([
    [ZH, '缺少选项 --workspace'],
    [EN, 'Missing option --workspace'],
  ])('LANG=%s: a usage mistake names the option and points to --help', async (lang, words) => {
    const r = await masthead(['list'], lang);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(r.stderr).toContain('masthead list --help');
    noStackTrace(r.stderr);
  });

  it('prints help for every command and exits 0', async () => {
    const main = await masthead(['--help'], EN);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Usage: masthead <command>');
    for (const cmd of ['new', 'list', 'show']) {
      const r = await masthead([cmd, '--help'], ZH);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain(`用法：masthead ${cmd}`);
    }
  });

  it('takes LC_ALL over LANG', async () => {
    const env = { ...process.env, LANG: ZH, LC_ALL: EN, NODE_OPTIONS: '' };
    const { stdout } = await run(process.execPath, [BIN, '--help'], { env });
    expect(stdout).toContain('Usage: masthead');
  });
});
