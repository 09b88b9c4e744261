import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../shared/i18n/translate.js';
import type { CliIo } from './commands.js';
import { exportCommand } from './exportCommand.js';
import { importCommand } from './importCommand.js';
import { proofCommand } from './proofCommand.js';

/** The sample bulletin shipped in resources/samples (found from the source tree or from dist/cli). */
export function sampleBulletin(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '..', '..', 'resources', 'samples', 'yugong-2024-03.txt');
}

/**
 * `masthead demo [--out DIR]`: the whole main job on the sample bulletin: import it into
 * a fresh workspace under DIR, correct its punctuation, then write its PDF and DOCX beside it.
 */
export async function demoCommand(io: CliIo, args: string[], err: (text: string) => void): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${translate(io.lang, 'cli.help.demo')}\n`);
    return 0;
  }
  const at = args.indexOf('--out');
  const out = resolve(at >= 0 && args[at + 1] ? args[at + 1] : 'out');
  const workspace = join(out, 'workspace');
  await rm(workspace, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  let issueDir = '';
  const capture: CliIo = { ...io, out: (text) => (issueDir += text) };
  const imported = await importCommand(
    capture,
    [sampleBulletin(), '--workspace', workspace, '--name', '渝工简报', '--publisher', '重庆市总工会办公室', '--number', '2024-3', '--serial', '186', '--date', '2024-03-20'],
    err,
  );
  if (imported !== 0) return imported;
  io.out(`${issueDir}`);
  // As an editor would before printing: 校对 ▸ 全部修正 (the sample types its commas in English).
  const proofed = await proofCommand(io, [issueDir.trim(), '--fix']);
  if (proofed !== 0) return proofed;
  return exportCommand(
    io,
    [issueDir.trim(), '--pdf', join(out, 'yugong-2024-03.pdf'), '--docx', join(out, 'yugong-2024-03.docx'), '--html', join(out, 'yugong-2024-03.html')],
    err,
  );
}
