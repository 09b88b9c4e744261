import { z } from 'zod';

/**
 * Every error a user may see, by stable code. The renderer and the command line turn
 * a code and its params into words through i18n (`errors.<code>`).
 */
export const ERROR_CODES = [
  'input.invalid',
  'ipc.forbiddenSender',
  'ipc.unknownChannel',
  'internal',
  'workspace.unavailable',
  'workspace.notAbsolute',
  'settings.unwritable',
  'path.outsideWorkspace',
  'path.notGranted',
  'issue.notFound',
  'issue.corrupt',
  'issue.tooNew',
  'issue.unreadable',
  'issue.unwritable',
  'issue.changedOnDisk',
  'issue.exists',
  'trash.notFound',
  'asset.notImage',
  'asset.missing',
  'asset.tooLarge',
  'asset.tooManyUploads',
  'asset.uploadExpired',
  'template.notFound',
  'pdf.noBrowser',
  'pdf.failed',
  'pdf.timeout',
  'pdf.unsettled',
  'pdf.fontFailed',
  'pdf.unreadable',
  'pdf.pageSizeMismatch',
  'pdf.bleedOutOfRange',
  'export.unwritable',
  'export.superseded',
  'import.notFound',
  'import.unreadable',
  'import.notAFile',
  'import.unsupportedType',
  'import.notDocx',
  'import.corrupt',
  'import.encrypted',
  'import.empty',
  'import.tooLarge',
  'import.fileTooLarge',
  'import.unsafe',
  'import.binaryText',
  'cli.usage',
  'cli.unknownCommand',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Params interpolated into the message (`{path}`, `{detail}` …). */
export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof ErrorParamsSchema>;

/** An error as it crosses the process boundary. */
export const AppErrorDataSchema = z.object({ code: ErrorCodeSchema, params: ErrorParamsSchema });
export type AppErrorData = z.infer<typeof AppErrorDataSchema>;

/** An error meant for the user: a code and params, never a ready sentence. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  toData(): AppErrorData {
    return { code: this.code, params: this.params };
  }
}

/** The data of any thrown value: AppErrors keep their code, anything else is `internal`. */
export function toErrorData(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData();
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'internal', params: { detail } };
}

/** A short description of what failed zod validation, for `input.invalid` and `issue.corrupt`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
