import type { Language } from '../../shared/api/contract.js';
import { runCli } from '../../electron/cli/commands.js';

/** What one in-process run of the command line printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `masthead argv…` in this process with buffers for stdout and stderr. */
export async function cli(argv: string[], lang: Language = 'zh-CN', now: Date = new Date(2024, 3, 20, 12)): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), lang, now: () => now }, (t) => (err += t));
  return { code, out, err };
}
