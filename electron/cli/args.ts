import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/api/errors.js';
import { NewIssueInputSchema, type Language, type NewIssueInput } from '../../shared/api/contract.js';
import { translate } from '../../shared/i18n/translate.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments; a mistake becomes a `cli.usage` error naming the command. */
export function parseCommandArgs<O extends Options>(
  lang: Language,
  command: string,
  args: string[],
  options: O,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new AppError('cli.usage', { command, detail: translate(lang, 'cli.unknownOption', { detail: message }) });
  }
}

/** A required string option, or a `cli.usage` error. */
export function required(lang: Language, command: string, value: string | boolean | undefined, option: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('cli.usage', { command, detail: translate(lang, 'cli.missingOption', { option }) });
  }
  return value;
}

/** A `cli.usage` error for a bad option value. */
export function badOption(lang: Language, command: string, option: string, value: string): AppError {
  return new AppError('cli.usage', { command, detail: translate(lang, 'cli.badOption', { option, value }) });
}

const ISSUE_FIELD_OPTIONS: Record<string, string> = {
  publicationName: '--name',
  publisher: '--publisher',
  year: '--number',
  no: '--number',
  serial: '--serial',
  date: '--date',
  template: '--template',
};

/**
 * Validates the fields of a new issue, blaming the option the user typed for the first
 * field that fails (`--serial 100000` is reported as --serial, not as the name).
 */
export function parseNewIssueFields(
  lang: Language,
  command: string,
  fields: Record<string, unknown>,
  typed: Record<string, string | boolean | undefined>,
): NewIssueInput {
  const parsed = NewIssueInputSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const field = String(parsed.error.issues[0]?.path[0] ?? 'publicationName');
  let option = ISSUE_FIELD_OPTIONS[field] ?? '--name';
  // Without --number the year comes from --date, so a bad year is the date's fault.
  if (option === '--number' && typed.number === undefined) option = '--date';
  const value = typed[option.slice(2)];
  throw badOption(lang, command, option, typeof value === 'string' ? value : String(fields[field] ?? ''));
}
