import { resolve } from 'node:path';
import { AppError } from '../../shared/api/errors.js';
import type { Language } from '../../shared/api/contract.js';
import { TEMPLATE_IDS, type TemplateId } from '../../shared/layout/templates.js';
import { IsoDateSchema, type Issue } from '../../shared/model/issue.js';
import { formatIssueLine, parseIssueNumberArg } from '../../shared/model/issueLine.js';
import { bodyFigures, bodyText, countChars } from '../../shared/model/text.js';
import { translate, translateError } from '../../shared/i18n/translate.js';
import { IssueStore } from '../services/issueStore.js';
import { Library } from '../services/library.js';
import { localIsoDate } from '../../shared/model/dates.js';
import { badOption, parseCommandArgs, parseNewIssueFields, required } from './args.js';
import { demoCommand } from './demoCommand.js';
import { exportCommand } from './exportCommand.js';
import { importCommand } from './importCommand.js';
import { proofCommand } from './proofCommand.js';

/** Where a command writes; the tests pass buffers, the binary passes process streams. */
export interface CliIo {
  out(text: string): void;
  lang: Language;
  now: () => Date;
}

/** `masthead new`: creates an issue and prints its folder. */
export async function newCommand(io: CliIo, args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    io.lang,
    'new',
    args,
    {
      workspace: { type: 'string' },
      name: { type: 'string' },
      number: { type: 'string' },
      date: { type: 'string' },
      publisher: { type: 'string' },
      serial: { type: 'string' },
      template: { type: 'string' },
    },
    false,
  );
  if (values.help) return help(io, 'cli.help.new');
  const workspace = resolve(required(io.lang, 'new', values.workspace, '--workspace'));
  const name = required(io.lang, 'new', values.name, '--name');
  const now = io.now();
  const date = values.date ?? localIsoDate(now);
  if (!IsoDateSchema.safeParse(date).success) throw badOption(io.lang, 'new', '--date', date);
  const number = values.number === undefined ? { year: Number(date.slice(0, 4)), no: 1 } : parseIssueNumberArg(values.number);
  if (!number) throw badOption(io.lang, 'new', '--number', values.number ?? '');
  const serial = values.serial === undefined ? null : Number(values.serial);
  if (serial !== null && !(Number.isInteger(serial) && serial >= 1)) throw badOption(io.lang, 'new', '--serial', values.serial ?? '');
  const template = (values.template ?? 'bulletin') as TemplateId;
  if (!TEMPLATE_IDS.includes(template)) throw badOption(io.lang, 'new', '--template', template);
  const input = parseNewIssueFields(
    io.lang,
    'new',
    { template, publicationName: name, publisher: values.publisher ?? '', ...number, serial, date },
    values,
  );
  const library = new Library(workspace, new IssueStore(), io.now);
  const slug = await library.create(input);
  io.out(`${library.dir(slug)}\n`);
  return 0;
}

/** `masthead list`: every issue of a workspace, damaged ones marked. */
export async function listCommand(io: CliIo, args: string[]): Promise<number> {
  const { values } = parseCommandArgs(io.lang, 'list', args, { workspace: { type: 'string' }, json: { type: 'boolean' } }, false);
  if (values.help) return help(io, 'cli.help.list');
  const workspace = resolve(required(io.lang, 'list', values.workspace, '--workspace'));
  const library = new Library(workspace, new IssueStore(), io.now);
  const entries = await library.list();
  if (values.json) {
    io.out(`${JSON.stringify({ workspace, entries }, null, 2)}\n`);
    return 0;
  }
  if (entries.length === 0) io.out(`${translate(io.lang, 'cli.list.empty', { path: workspace })}\n`);
  for (const e of entries) {
    if (e.status === 'ok') {
      const s = e.summary;
      const counts = `${translate(io.lang, 'library.sections', { n: s.sectionCount })}, ${translate(io.lang, 'library.articles', { n: s.articleCount })}`;
      io.out(`${e.slug}\t${s.publication} ${formatIssueLine(s.number)}\t${s.date}\t${counts}\n`);
    } else {
      io.out(`${e.slug}\t[${translate(io.lang, 'cli.list.damaged')}] ${translateError(io.lang, e.error)}\n`);
    }
  }
  return 0;
}

/** The stable JSON of `masthead show`: what scripts and later checks rely on. */
export function issueStructure(issue: Issue) {
  return {
    publication: issue.publication.name,
    number: issue.number,
    issueLine: formatIssueLine(issue.number),
    date: issue.date,
    sections: issue.sections.map((section) => ({
      title: section.title,
      articles: section.articles.map((a) => {
        const text = bodyText(a.body);
        return {
          id: a.id,
          kind: a.kind,
          kicker: a.kicker,
          headline: a.headline,
          deck: a.deck,
          byline: a.byline,
          text,
          chars: countChars(text),
          figures: bodyFigures(a.body),
        };
      }),
    })),
  };
}

/** `masthead show ISSUE_DIR --json`: the structure of one issue. */
export async function showCommand(io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(io.lang, 'show', args, { json: { type: 'boolean' } }, true);
  if (values.help) return help(io, 'cli.help.show');
  const dir = positionals[0];
  if (!dir || positionals.length > 1) {
    throw new AppError('cli.usage', { command: 'show', detail: translate(io.lang, 'cli.missingArgument', { argument: 'ISSUE_DIR' }) });
  }
  const { issue } = await new IssueStore().read(resolve(dir));
  const structure = issueStructure(issue);
  if (values.json) {
    io.out(`${JSON.stringify(structure, null, 2)}\n`);
    return 0;
  }
  io.out(`${structure.publication} ${structure.issueLine}  ${structure.date}\n`);
  for (const s of structure.sections) {
    io.out(`\n【${s.title}】\n`);
    for (const a of s.articles) io.out(`  ${a.headline || '—'}  (${translate(io.lang, 'issue.articleChars', { n: a.chars })})\n`);
  }
  return 0;
}

function help(io: CliIo, key: 'cli.help.new' | 'cli.help.list' | 'cli.help.show' | 'cli.help.main'): number {
  io.out(`${translate(io.lang, key)}\n`);
  return 0;
}

/** Runs the command line; returns the exit code. Errors for the user go to `err` in `io.lang`. */
export async function runCli(argv: string[], io: CliIo, err: (text: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'new':
        return await newCommand(io, rest);
      case 'list':
        return await listCommand(io, rest);
      case 'show':
        return await showCommand(io, rest);
      case 'import':
        return await importCommand(io, rest, err);
      case 'export':
        return await exportCommand(io, rest, err);
      case 'proof':
        return await proofCommand(io, rest);
      case 'demo':
        return await demoCommand(io, rest, err);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        return help(io, 'cli.help.main');
      default:
        throw new AppError('cli.unknownCommand', { command });
    }
  } catch (e) {
    if (e instanceof AppError) {
      err(`masthead: ${translateError(io.lang, e.toData())}\n`);
      return e.code === 'cli.usage' || e.code === 'cli.unknownCommand' ? 2 : 1;
    }
    err(`masthead: ${translateError(io.lang, { code: 'internal', params: { detail: e instanceof Error ? e.message : String(e) } })}\n`);
    return 70;
  }
}
