import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { NewIssueInput } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/api/errors.js';
import { draftLines, linesToSections, type DraftLine } from '../../../shared/import/text.js';
import type { Library } from '../library.js';
import { localIsoDate } from '../../../shared/model/dates.js';
import { decodeText, type TextEncoding } from './decode.js';

/** Text drafts larger than this are refused: a bulletin issue is tens of KB. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/** A text draft read from disk, with the guessed role of each line. */
export interface TextDraft {
  fileName: string;
  encoding: TextEncoding;
  lines: DraftLine[];
}

/** `import.fileTooLarge` for a file of `size` bytes over `maxBytes`, both given in whole MB (rounded up). */
export function fileTooLarge(file: string, size: number, maxBytes: number): AppError {
  const mb = (bytes: number) => Math.ceil(bytes / 1048576);
  return new AppError('import.fileTooLarge', { file, megabytes: mb(size), limit: mb(maxBytes) });
}

/** Reads a file's bytes with the import errors an editor can act on. */
export async function readImportFile(file: string, maxBytes: number): Promise<Buffer> {
  const name = basename(file);
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new AppError('import.notAFile', { file: name });
    size = st.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('import.notFound', { file: name });
    throw new AppError('import.unreadable', { file: name, detail: code ?? String(err) });
  }
  if (size > maxBytes) throw fileTooLarge(name, size, maxBytes);
  try {
    return await readFile(file);
  } catch (err) {
    throw new AppError('import.unreadable', { file: name, detail: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}

/** Reads a .txt or .md draft and guesses its structure. */
export async function readTextDraft(file: string): Promise<TextDraft> {
  const fileName = basename(file);
  if (!/^\.(txt|md|markdown|text)$/i.test(extname(file))) throw new AppError('import.unsupportedType', { file: fileName });
  const { text, encoding } = decodeText(await readImportFile(file, MAX_TEXT_BYTES), fileName);
  const lines = draftLines(text);
  if (lines.length === 0) throw new AppError('import.empty', { file: fileName });
  return { fileName, encoding, lines };
}

/**
 * The issue fields a file name suggests: `yugong-2024-03.txt` gives year 2024, number 3
 * and publication name “yugong”. `now` gives the date and the year when the name has none.
 */
export function issueFieldsFromFileName(fileName: string, now: Date): Omit<NewIssueInput, 'template'> {
  const stem = basename(fileName, extname(fileName));
  const m = /(\d{4})[-_.年 ]?(?:第)?(\d{1,3})(?:期)?/.exec(stem);
  const year = m ? Number(m[1]) : now.getFullYear();
  const no = m ? Math.max(1, Number(m[2])) : 1;
  const name = (m ? stem.slice(0, m.index) : stem).replace(/[-_.\s]+$/, '').trim() || stem;
  return { publicationName: name, publisher: '', year, no, serial: null, date: localIsoDate(now) };
}

/** Creates a new issue in the library from draft lines; returns its folder name. */
export async function createIssueFromLines(
  library: Library,
  lines: readonly DraftLine[],
  fields: NewIssueInput,
): Promise<string> {
  return library.create(fields, linesToSections(lines));
}
