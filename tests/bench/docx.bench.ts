// How long the sample bulletin takes to become a DOCX: our converter warm (issue and
// images already in memory; target < 200 ms) and through the service (read issue.json and
// the images, then pack); beside it, pandoc turning the same content as Markdown into a
// DOCX, and LibreOffice laying our DOCX out as a PDF (what a reader's first open costs).
// Benchmarks print figures; they never assert timings.
import { execFile, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bench, describe } from 'vitest';
import { loadIssueAssets } from '../../electron/services/export/assetResolver.js';
import { docxBuffer } from '../../electron/services/export/docx.js';
import { IssueStore } from '../../electron/services/issueStore.js';
import type { AssetResolver } from '../../shared/export/assets.js';
import { packDocx } from '../../shared/export/docx/document.js';
import type { BlockNode, InlineNode } from '../../shared/model/body.js';
import type { Issue } from '../../shared/model/issue.js';
import { formatIssueLine } from '../../shared/model/issueLine.js';
import { writeSampleIssue } from '../integration/docx/sampleIssue.js';

const run = promisify(execFile);
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

interface Prepared {
  root: string;
  dir: string;
  issue: Issue;
  assets: AssetResolver;
  markdown: string;
  docx: string;
  profile: string;
}
let ready: Promise<Prepared> | null = null;
let prepared: Prepared | null = null;

const inline = (nodes: readonly InlineNode[]) => nodes.map((n) => (n.type === 'text' ? n.text : '\\\n')).join('');

/** The issue as Pandoc Markdown: the same headings, text, figures (as files), table and lists. */
function issueMarkdown(issue: Issue, dir: string): string {
  const block = (b: BlockNode): string => {
    switch (b.type) {
      case 'paragraph':
      case 'quote':
        return b.type === 'quote' ? `> ${inline(b.children)}` : inline(b.children);
      case 'heading':
        return `#### ${inline(b.children)}`;
      case 'figure':
        return b.assetId ? `![${b.caption}](${join(dir, 'assets', b.assetId)})` : b.caption;
      case 'list':
        return b.children.map((item, i) => `${b.listType === 'number' ? `${i + 1}.` : '-'} ${inline(item.children.filter((c): c is InlineNode => c.type !== 'list'))}`).join('\n');
      case 'table': {
        const rows = b.children.map((r) => `| ${r.children.map((c) => c.children.map((p) => inline(p.children)).join(' ')).join(' | ')} |`);
        return [rows[0], `|${rows[0].split('|').slice(1, -1).map(() => '---').join('|')}|`, ...rows.slice(1)].join('\n');
      }
      case 'horizontalrule':
        return '---';
    }
  };
  const parts = [`# ${issue.publication.name}`, formatIssueLine(issue.number)];
  for (const section of issue.sections) {
    if (section.title) parts.push(`## ${section.title}`);
    for (const a of section.articles) {
      if (a.headline) parts.push(`### ${a.headline}`);
      if (a.deck) parts.push(`*${a.deck}*`);
      parts.push(...a.body.root.children.map(block));
    }
  }
  return `${parts.join('\n\n')}\n`;
}

/** Writes the sample issue once, reads it back, and prepares pandoc's input and a LibreOffice profile. */
function prepare(): Promise<Prepared> {
  ready ??= (async () => {
    const root = await mkdtemp(join(tmpdir(), 'masthead-bench-docx-'));
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
    const dir = await writeSampleIssue(root, 'bulletin');
    const { issue } = await new IssueStore().read(dir);
    const { resolver } = await loadIssueAssets(dir, issue);
    const markdown = join(root, 'sample.md');
    await writeFile(markdown, issueMarkdown(issue, dir));
    const docx = join(root, 'sample.docx');
    await writeFile(docx, await packDocx(issue, resolver));
    const profile = join(root, 'lo-profile');
    prepared = { root, dir, issue, assets: resolver, markdown, docx, profile };
    return prepared;
  })();
  return ready;
}

// vitest's bench runner does not run beforeAll, so the sample is prepared in tinybench's `setup`.
const setup = async () => {
  await prepare();
};
const state = (): Prepared => {
  if (!prepared) throw new Error('bench setup did not run');
  return prepared;
};

describe('DOCX export of the sample bulletin', () => {
  bench(
    'Masthead: toDocx + pack (warm, in memory)',
    async () => {
      const { issue, assets } = state();
      await packDocx(issue, assets);
    },
    { time: 3_000, warmupIterations: 5, throws: true, setup },
  );

  bench(
    'Masthead: docxBuffer (read issue.json and images, pack)',
    async () => {
      await docxBuffer(state().dir);
    },
    { time: 3_000, warmupIterations: 3, throws: true, setup },
  );

  bench.skipIf(!has('pandoc'))(
    'pandoc: the same content as Markdown → DOCX (one process per run)',
    async () => {
      const { markdown, root } = state();
      await run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(root, 'pandoc.docx'), markdown], { cwd: root });
    },
    { time: 0, iterations: 5, warmupIterations: 1, throws: true, setup },
  );

  bench.skipIf(!has('soffice'))(
    'LibreOffice: our DOCX → PDF (soffice --headless, one process per run)',
    async () => {
      const { docx, root, profile } = state();
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', root, docx], { timeout: 180_000 });
    },
    { time: 0, iterations: 3, warmupIterations: 1, throws: true, setup },
  );
});
