import { extname, resolve } from 'node:path';
import type { NewIssueInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { linesToSections } from '../../shared/import/text.js';
import { TEMPLATE_IDS, type TemplateId } from '../../shared/layout/templates.js';
import { IsoDateSchema } from '../../shared/model/issue.js';
import { parseIssueNumberArg } from '../../shared/model/issueLine.js';
import { bodyFigures } from '../../shared/model/text.js';
import { translate } from '../../shared/i18n/translate.js';
import { createIssueFromLines, issueFieldsFromFileName, readTextDraft } from '../services/import/importText.js';
import { IssueStore } from '../services/issueStore.js';
import { Library } from '../services/library.js';
import { badOption, parseCommandArgs, parseNewIssueFields, required } from './args.js';
import type { CliIo } from './commands.js';

const TEXT_EXT = /^\.(txt|md|markdown|text)$/i;
const DOCX_EXT = /^\.docx$/i;

/**
 * `masthead import`: a text draft into a new issue, Word files into an existing one
 * (`--into`), or one Word file into a new issue (`--workspace`; a whole issue Masthead
 * exported comes back with its sections).
 */
export async function importCommand(io: CliIo, args: string[], err: (text: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    io.lang,
    'import',
    args,
    {
      workspace: { type: 'string' },
      name: { type: 'string' },
      publisher: { type: 'string' },
      number: { type: 'string' },
      date: { type: 'string' },
      serial: { type: 'string' },
      template: { type: 'string' },
      into: { type: 'string' },
      section: { type: 'string' },
    },
    true,
  );
  if (values.help || positionals.length === 0) {
    io.out(`${translate(io.lang, 'cli.help.import')}\n`);
    if (positionals.length === 0 && !values.help) {
      throw new AppError('cli.usage', { command: 'import', detail: translate(io.lang, 'cli.missingArgument', { argument: 'FILE' }) });
    }
    return 0;
  }
  const textFiles = positionals.filter((f) => TEXT_EXT.test(extname(f)));
  if (textFiles.length === positionals.length) {
    if (textFiles.length > 1) throw badOption(io.lang, 'import', 'FILE', textFiles.join(' '));
    return importTextDraft(io, textFiles[0], values, err);
  }
  if (textFiles.length > 0) {
    throw new AppError('cli.usage', { command: 'import', detail: translate(io.lang, 'cli.import.mixed') });
  }
  if (positionals.length === 1 && DOCX_EXT.test(extname(positionals[0])) && values.into === undefined && values.workspace !== undefined) {
    return importIssueDocx(io, positionals[0], values, err);
  }
  const { importDocxCommand } = await import('./importDocxCommand.js');
  return importDocxCommand(io, positionals, required(io.lang, 'import', values.into, '--into'), values.section, err);
}

/** `--serial N` (总第N期): a whole number from 1, or null when not given. */
function parseSerial(io: CliIo, value: string | undefined): number | null {
  if (value === undefined) return null;
  const serial = Number(value);
  if (!(Number.isInteger(serial) && serial >= 1)) throw badOption(io.lang, 'import', '--serial', value);
  return serial;
}

/** The options of `import` that describe a new issue. */
type NewIssueOptions = { workspace?: string; name?: string; publisher?: string; number?: string; date?: string; serial?: string; template?: string };

async function importTextDraft(
  io: CliIo,
  file: string,
  values: NewIssueOptions,
  err: (text: string) => void,
): Promise<number> {
  const workspace = resolve(required(io.lang, 'import', values.workspace, '--workspace'));
  const draft = await readTextDraft(resolve(file));
  const guessed = issueFieldsFromFileName(draft.fileName, io.now());
  const number = values.number === undefined ? guessed : parseIssueNumberArg(values.number);
  if (!number) throw badOption(io.lang, 'import', '--number', values.number ?? '');
  const date = values.date ?? guessed.date;
  if (!IsoDateSchema.safeParse(date).success) throw badOption(io.lang, 'import', '--date', date);
  const template = (values.template ?? 'bulletin') as TemplateId;
  if (!TEMPLATE_IDS.includes(template)) throw badOption(io.lang, 'import', '--template', template);
  const serial = parseSerial(io, values.serial);
  const fields = parseNewIssueFields(
    io.lang,
    'import',
    {
      ...guessed,
      publicationName: values.name ?? guessed.publicationName,
      publisher: values.publisher ?? '',
      year: number.year,
      no: number.no,
      serial,
      date,
      template,
    },
    values,
  );
  const library = new Library(workspace, new IssueStore(), io.now);
  const slug = await createIssueFromLines(library, draft.lines, fields);
  const sections = linesToSections(draft.lines);
  const articles = sections.flatMap((s) => s.articles);
  err(
    `${translate(io.lang, 'cli.import.text', {
      file: draft.fileName,
      encoding: draft.encoding,
      sections: sections.length,
      articles: articles.length,
      figures: articles.reduce((n, a) => n + bodyFigures(a.body).length, 0),
    })}\n`,
  );
  io.out(`${library.dir(slug)}\n`);
  return 0;
}

/**
 * One .docx into a new issue of the workspace (see createIssueFromDocx): --name,
 * --publisher, --number, --date and --template win over what the file shows. Prints
 * the issue folder.
 */
async function importIssueDocx(
  io: CliIo,
  file: string,
  values: NewIssueOptions,
  err: (text: string) => void,
): Promise<number> {
  const workspace = resolve(required(io.lang, 'import', values.workspace, '--workspace'));
  const fields: Partial<NewIssueInput> = {};
  if (values.name !== undefined) fields.publicationName = required(io.lang, 'import', values.name, '--name');
  if (values.publisher !== undefined) fields.publisher = values.publisher;
  if (values.number !== undefined) {
    const number = parseIssueNumberArg(values.number);
    if (!number) throw badOption(io.lang, 'import', '--number', values.number);
    Object.assign(fields, number, { serial: null }); // the file's 总第N期 belongs to its own number
  }
  if (values.serial !== undefined) fields.serial = parseSerial(io, values.serial);
  if (values.date !== undefined) {
    if (!IsoDateSchema.safeParse(values.date).success) throw badOption(io.lang, 'import', '--date', values.date);
    fields.date = values.date;
  }
  if (values.template !== undefined) {
    if (!TEMPLATE_IDS.includes(values.template as TemplateId)) throw badOption(io.lang, 'import', '--template', values.template);
    fields.template = values.template as TemplateId;
  }
  // Loaded on demand, like the contribution import: mammoth is only needed here.
  const { createIssueFromDocx } = await import('../services/import/importIssueDocx.js');
  const library = new Library(workspace, new IssueStore(), io.now);
  const created = await createIssueFromDocx(library, resolve(file), fields, { now: io.now() });
  for (const w of created.warnings) {
    err(`${translate(io.lang, `import.warning.${w.kind}`, { contentType: w.kind === 'imageUnsupported' ? w.contentType : '' })}\n`);
  }
  err(`${translate(io.lang, 'cli.import.summary', { ok: created.articles, failed: 0 })}\n`);
  io.out(`${library.dir(created.slug)}\n`);
  return 0;
}
