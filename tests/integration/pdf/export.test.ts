// The main job through the built command line, read back with poppler as a print shop
// would: the sample bulletin imported, given a photo, exported to PDF with and without
// bleed.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueStore } from '../../../electron/services/issueStore.js';
import { AssetStore } from '../../../electron/services/assets.js';
import { figureNode } from '../../../shared/model/body.js';
import { makePng } from '../../fixtures/docx/build.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'dist/cli/masthead.mjs');
const SAMPLE = join(ROOT, 'resources/samples/yugong-2024-03.txt');
let work = '';
let issueDir = '';

async function masthead(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, LANG: 'zh_CN.UTF-8' }, timeout: 120_000 });
  return stdout;
}

beforeAll(async () => {
  await run('npm', ['run', 'build:cli'], { cwd: ROOT });
  work = await mkdtemp(join(tmpdir(), 'masthead-pdf-'));
  issueDir = (await masthead('import', SAMPLE, '--workspace', join(work, 'ws'), '--name', '渝工简报', '--publisher', '重庆市总工会', '--number', '2024-3')).trim();
  // A 1600 × 1000 photo for the waiting figure, so the PDF must carry it at full resolution.
  const store = new IssueStore();
  const { issue, stamp } = await store.read(issueDir);
  const { assetId } = await new AssetStore(issueDir).put(makePng(1600, 1000));
  const sections = issue.sections.map((s) => ({
    ...s,
    articles: s.articles.map((a) => ({
      ...a,
      body: { root: { ...a.body.root, children: a.body.root.children.map((b) => (b.type === 'figure' ? figureNode(b.caption, assetId) : b)) } },
    })),
  }));
  await store.save(issueDir, { ...issue, sections }, stamp);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('masthead export --pdf on the sample bulletin', () => {
  it('writes an A4 PDF with every font embedded, none Type 3, text in reading order, and the photo at full resolution', async () => {
    const pdf = join(work, 'yugong.pdf');
    const out = await masthead('export', issueDir, '--pdf', pdf);
    expect(out).toMatch(/已生成 PDF：.*（\d+ 页）/);

    const info = (await run('pdfinfo', ['-box', pdf])).stdout;
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(info).toMatch(/Title:\s+渝工简报 2024年第3期/);
    expect(info).toMatch(/Author:\s+重庆市总工会/);
    expect(info).toMatch(/Creator:\s+Masthead/);

    const fonts = (await run('pdffonts', [pdf])).stdout.split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).not.toContain('Type 3');
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes/);
    }
    const names = fonts.map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
    expect(new Set(names.map((n) => n.split('-')[0]))).toEqual(new Set(['NotoSerifSC', 'NotoSansSC', 'LXGWWenKai']));

    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/\s+/g, '');
    const order = ['渝工简报', '2024年第3期', '渝工铸魂', '渝工建功', '市总工会党组学习贯彻全国两会精神', '巾帼匠心筑梦强国复兴有我',
      '巾帼劳模工匠大宣讲现场', '春风送暖宣讲忙劳模精神鼓干劲', '渝工暖心', '璧山区总工会发布62项“惠民强企”服务事项清单', '图片新闻', '向阳草木青'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text).toContain('测评研究中心主任');

    const images = (await run('pdfimages', ['-list', pdf])).stdout;
    // full pixel size, three colour components (RGB, with or without an ICC profile)
    expect(images).toMatch(/\s1600\s+1000\s+(rgb|icc)\s+3\s/);
  });

  it('adds a 3 mm bleed with crop marks and keeps the trim box at the page size', async () => {
    const pdf = join(work, 'yugong-bleed.pdf');
    await masthead('export', issueDir, '--pdf', pdf, '--bleed', '3');
    const info = (await run('pdfinfo', ['-box', pdf])).stdout;
    // trim 210 × 297 mm = 595.28 × 841.89 pt; bleed 3 mm = 8.5 pt each side
    const trim = /TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(info);
    const bleed = /BleedBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(info);
    expect(trim && bleed).toBeTruthy();
    const [tx0, ty0, tx1, ty1] = (trim ?? []).slice(1).map(Number);
    const [bx0, , bx1] = (bleed ?? []).slice(1).map(Number);
    expect(tx1 - tx0).toBeCloseTo(595.28, 1);
    expect(ty1 - ty0).toBeCloseTo(841.89, 1);
    expect(tx0 - bx0).toBeCloseTo(8.5, 1);
    expect(bx1 - tx1).toBeCloseTo(8.5, 1);
  });

  it('writes the print HTML it prints: self-contained, fonts and images as data: URLs', async () => {
    const html = join(work, 'yugong.html');
    await masthead('export', issueDir, '--html', html);
    const text = await readFile(html, 'utf8');
    expect(text).toContain('<html lang="zh-CN">');
    expect(text).toMatch(/src: ?url\(data:font\/woff;base64,/);
    expect(text).toMatch(/<img src="data:image\/png;base64,/);
    expect(text).not.toMatch(/(src|href)="(https?|file):/);
  });
});
