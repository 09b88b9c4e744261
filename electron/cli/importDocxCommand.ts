import type { CliIo } from './commands.js';

/** `masthead import *.docx --into ISSUE_DIR`: wired once the DOCX importer lands. */
export async function importDocxCommand(
  _io: CliIo,
  _files: string[],
  _into: string,
  _section: string | undefined,
  _err: (text: string) => void,
): Promise<number> {
  return 2;
}
