import { basename, resolve } from 'node:path';
import { translate, translateError } from '../../shared/i18n/translate.js';
import { importDocxFiles } from '../services/import/importDocx.js';
import { IssueStore } from '../services/issueStore.js';
import type { CliIo } from './commands.js';

/**
 * `masthead import A.docx B.docx … --into ISSUE_DIR [--section TITLE]`: one article per
 * file, each file on its own; prints a line per file and a summary. Exit 1 when any
 * file failed (the others are imported).
 */
export async function importDocxCommand(
  io: CliIo,
  files: string[],
  into: string,
  section: string | undefined,
  err: (text: string) => void,
): Promise<number> {
  const summary = await importDocxFiles(resolve(into), files.map((f) => resolve(f)), { section }, new IssueStore());
  let ok = 0;
  for (const r of summary.results) {
    const file = basename(r.file);
    if (r.ok) {
      ok++;
      io.out(`${translate(io.lang, 'cli.import.docxOk', { file, headline: r.headline, images: r.images })}\n`);
      for (const w of r.warnings) {
        io.out(`    ${translate(io.lang, `import.warning.${w.kind}`, { contentType: w.kind === 'imageUnsupported' ? w.contentType : '' })}\n`);
      }
    } else {
      err(`${translate(io.lang, 'cli.import.docxFailed', { file, message: translateError(io.lang, r.error) })}\n`);
    }
  }
  const failed = summary.results.length - ok;
  io.out(`${translate(io.lang, 'cli.import.summary', { ok, failed })}\n`);
  return failed === 0 ? 0 : 1;
}
