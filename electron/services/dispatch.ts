import { contract, type Channel, type Handlers, type Result } from '../../shared/api/contract.js';
import { AppError, describeZodError, toErrorData } from '../../shared/api/errors.js';

/** True when `name` is a channel of the contract. */
export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/**
 * Serves one call: checks the channel, parses the input with the contract's zod
 * schema, runs the handler and wraps the outcome as a Result. Errors never escape as
 * exceptions: the renderer always gets `{ code, params }` it can put into words.
 */
export async function dispatch(handlers: Handlers, channel: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'ipc.unknownChannel', params: { channel } } };
  const parsed = contract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'input.invalid', params: { detail: describeZodError(parsed.error) } } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (!(err instanceof AppError)) console.error(`[masthead] ${channel} failed:`, err);
    return { ok: false, error: toErrorData(err) };
  }
}
