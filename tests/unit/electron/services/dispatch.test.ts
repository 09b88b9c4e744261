import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Channel, type Handlers } from '../../../../shared/api/contract.js';
import { AppError } from '../../../../shared/api/errors.js';
import { dispatch, isChannel } from '../../../../electron/services/dispatch.js';
import { sampleIssue } from '../../../helpers/issues.js';

const STAMP = 'b'.repeat(64);

/** Handlers that record what they were given and answer `{ echo: input }`. */
function recordingHandlers() {
  const calls: { channel: Channel; input: unknown }[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (input: unknown) => {
        calls.push({ channel, input });
        return { echo: input };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

afterEach(() => vi.restoreAllMocks());

describe('dispatch', () => {
  it('refuses a channel that is not in the contract, without calling anything', async () => {
    const { handlers, calls } = recordingHandlers();
    for (const name of ['issue:delete', 'toString', '__proto__', 'constructor', '']) {
      expect(await dispatch(handlers, name, {})).toEqual({ ok: false, error: { code: 'ipc.unknownChannel', params: { channel: name } } });
    }
    expect(calls).toEqual([]);
    expect(isChannel('hasOwnProperty')).toBe(false);
    expect(isChannel('issue:open')).toBe(true);
  });

  it.each([
    ['issue:open', { slug: '../x' }, 'slug'],
    ['issue:open', { slug: 'a/b' }, 'slug'],
    ['issue:open', { slug: 'a\\b' }, 'slug'],
    ['issue:open', { slug: '.trash' }, 'slug'],
    ['issue:open', {}, 'slug'],
    ['issue:open', { slug: 'a', extra: true }, 'extra'],
    ['issue:open', 'a string', '(root)'],
    ['issue:trash', { slug: 42 }, 'slug'],
    ['issue:restore', { trashId: '../../etc' }, 'trashId'],
    ['issue:rename', { slug: 'a' }, 'title'],
    ['issue:create', { template: 'poster', publicationName: 'x', year: 2024, no: 1, date: '2024-01-01' }, 'template'],
    ['issue:create', { template: 'bulletin', publicationName: '', year: 2024, no: 1, date: '2024-01-01' }, 'publicationName'],
    ['issue:create', { template: 'bulletin', publicationName: 'x', year: 2024, no: 1, date: '2024-01-01', admin: 1 }, 'admin'],
    ['settings:update', { workspace: '' }, 'workspace'],
    ['settings:update', { language: 'fr' }, 'language'],
    ['settings:update', { theme: 'dark' }, 'theme'],
    ['library:list', { anything: 1 }, 'anything'],
    ['issue:save', { slug: 'a', issue: sampleIssue(), stamp: 'nope' }, 'stamp'],
    ['issue:save', { slug: 'a', issue: { ...sampleIssue(), date: '15.3.2024' }, stamp: STAMP }, 'issue.date'],
    ['issue:save', { slug: 'a', issue: { ...sampleIssue(), sections: [{ id: 'x', title: 't', articles: [] }] }, stamp: STAMP }, 'issue.sections.0.id'],
  ])('%s with %j → input.invalid naming %j, handler not called', async (channel, input, path) => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatch(handlers, channel, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('input.invalid');
    expect(String(result.error.params.detail)).toContain(path);
    expect(calls).toEqual([]);
  });

  it('passes the parsed input (defaults filled, strings trimmed) to the handler and wraps the value', async () => {
    const { handlers, calls } = recordingHandlers();
    const input = { template: 'bulletin', publicationName: ' 渝工简报 ', year: 2024, no: 3, date: '2024-03-15' };
    const result = await dispatch(handlers, 'issue:create', input);
    const parsed = { ...input, publicationName: '渝工简报', publisher: '', serial: null };
    expect(result).toEqual({ ok: true, value: { echo: parsed } });
    expect(calls).toEqual([{ channel: 'issue:create', input: parsed }]);
  });

  it('treats a missing input as {} for the channels that take none', async () => {
    const { handlers, calls } = recordingHandlers();
    expect(await dispatch(handlers, 'library:list', undefined)).toEqual({ ok: true, value: { echo: {} } });
    expect(await dispatch(handlers, 'settings:get', null)).toEqual({ ok: true, value: { echo: {} } });
    expect(calls.map((c) => c.channel)).toEqual(['library:list', 'settings:get']);
  });

  it('turns an AppError from the handler into its data', async () => {
    const { handlers } = recordingHandlers();
    handlers['issue:open'] = async () => {
      throw new AppError('issue.notFound', { slug: 'a' });
    };
    expect(await dispatch(handlers, 'issue:open', { slug: 'a' })).toEqual({ ok: false, error: { code: 'issue.notFound', params: { slug: 'a' } } });
  });

  it('turns any other exception into internal, logs it, and never rejects', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { handlers } = recordingHandlers();
    handlers['library:list'] = async () => {
      throw new TypeError('cannot read x');
    };
    await expect(dispatch(handlers, 'library:list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', params: { detail: 'cannot read x' } },
    });
    expect(log).toHaveBeenCalledOnce();
  });
});
