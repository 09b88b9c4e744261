import { extname, resolve } from 'node:path';
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

/** `masthead import`: a text draft into a new issue, or Word files into an existing one. */
export async function importCommand(io: CliIo, args: string[], err: (text: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    io.lang,
    'import',
    args,
    {
      workspace: { type: 'string' },
      name: { type: 'string' },
      number: { type: 'string' },
      date: { type: 'string' },
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
  const { importDocxCommand } = await import('./importDocxCommand.js');
  return importDocxCommand(io, positionals, required(io.lang, 'import', values.into, '--into'), values.section, err);
}

async function importTextDraft(
  io: CliIo,
  file: string,
  values: { workspace?: string; name?: string; number?: string; date?: string; template?: string },
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
  const fields = parseNewIssueFields(
    io.lang,
    'import',
    { ...guessed, publicationName: values.name ?? guessed.publicationName, year: number.year, no: number.no, date, template },
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
