import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/api/errors.js';
import type { Language } from '../../shared/api/contract.js';
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
