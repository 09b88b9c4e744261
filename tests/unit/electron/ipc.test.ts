import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { CHANNELS, DROPPED_PATHS_CHANNEL, type Channel, type Handlers, type Result } from '../../../shared/api/contract.js';
import { registerDroppedPaths, registerIpc, trustUrlPrefixes } from '../../../electron/ipc.js';
import { PathGrants } from '../../../electron/services/pathGrants.js';

const APP = 'file:///opt/Masthead/resources/app/renderer/';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>> | string[];

/** A stand-in for ipcMain that records the handlers registered on it. */
function fakeIpcMain() {
  const registered = new Map<string, Listener>();
  const ipcMain: Pick<IpcMain, 'handle'> = {
    handle: (channel: string, listener: unknown) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, listener as Listener);
    },
  };
  return { ipcMain, registered };
}

/** An invoke event from a frame at `url`; `parent` non-null makes it a subframe. */
function eventFrom(url: string, parent: object | null = null): IpcMainInvokeEvent {
  return { senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

function setup() {
  const calls: Channel[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      async () => {
        calls.push(c);
        return { from: c };
      },
    ]),
  ) as unknown as Handlers;
  const { ipcMain, registered } = fakeIpcMain();
  registerIpc(ipcMain, handlers, trustUrlPrefixes([APP]));
  const invoke = (channel: string, event: IpcMainInvokeEvent, input: unknown = {}) => {
    const listener = registered.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, input);
  };
  return { calls, registered, invoke };
}

const FORBIDDEN = { ok: false, error: { code: 'ipc.forbiddenSender', params: {} } };

describe('registerIpc', () => {
  it('registers exactly one handler per channel of the contract', () => {
    const { registered } = setup();
    expect([...registered.keys()]).toEqual(CHANNELS);
  });

  it('serves a call from the app page through dispatch', async () => {
    const { invoke, calls } = setup();
    expect(await invoke('library:list', eventFrom(`${APP}index.html`))).toEqual({ ok: true, value: { from: 'library:list' } });
    expect(calls).toEqual(['library:list']);
  });

  it('still validates input for a trusted sender', async () => {
    const { invoke, calls } = setup();
    const result = await invoke('issue:open', eventFrom(`${APP}index.html`), { slug: '../../etc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['a page elsewhere on disk', eventFrom('file:///home/user/Downloads/evil.html')],
    ['a web page', eventFrom('https://example.com/renderer/index.html')],
    ['a URL that only contains the prefix', eventFrom(`https://evil.example/?u=${APP}`)],
    ['a sibling folder whose name extends the prefix', eventFrom('file:///opt/Masthead/resources/app/renderer-evil/index.html')],
    ['an iframe inside the app page', eventFrom(`${APP}index.html`, { url: `${APP}index.html` })],
    ['an empty URL', eventFrom('')],
    ['a destroyed frame (senderFrame null)', { senderFrame: null } as unknown as IpcMainInvokeEvent],
  ])('refuses %s with ipc.forbiddenSender and calls no handler', async (_what, event) => {
    const { invoke, calls } = setup();
    for (const channel of ['library:list', 'issue:open', 'settings:update']) {
      expect(await invoke(channel, event, { slug: 'a' })).toEqual(FORBIDDEN);
    }
    expect(calls).toEqual([]);
  });
});

describe('registerDroppedPaths', () => {
  function setupDrop() {
    const grants = new PathGrants();
    const { ipcMain, registered } = fakeIpcMain();
    registerDroppedPaths(ipcMain, grants, trustUrlPrefixes([APP]));
    const drop = (event: IpcMainInvokeEvent, paths: unknown) => {
      const listener = registered.get(DROPPED_PATHS_CHANNEL);
      if (!listener) throw new Error('no drop channel');
      return listener(event, paths);
    };
    return { grants, registered, drop };
  }

  it('registers its own channel, outside the contract the page can call', () => {
    const { registered } = setupDrop();
    expect([...registered.keys()]).toEqual([DROPPED_PATHS_CHANNEL]);
    expect(CHANNELS).not.toContain(DROPPED_PATHS_CHANNEL);
  });

  it('grants the dropped files of the app page and answers them', () => {
    const { grants, drop } = setupDrop();
    expect(drop(eventFrom(`${APP}index.html`), ['/home/editor/来稿.docx', ''])).toEqual(['/home/editor/来稿.docx']);
    expect(grants.has('file', '/home/editor/来稿.docx')).toBe(true);
  });

  it('grants nothing to another frame', () => {
    const { grants, drop } = setupDrop();
    expect(drop(eventFrom(`${APP}index.html`, { url: `${APP}index.html` }), ['/home/editor/来稿.docx'])).toEqual([]);
    expect(drop(eventFrom('https://example.com/'), ['/home/editor/来稿.docx'])).toEqual([]);
    expect(grants.has('file', '/home/editor/来稿.docx')).toBe(false);
  });
});

describe('trustUrlPrefixes', () => {
  it('trusts only top frames whose URL starts with one of the prefixes', () => {
    const check = trustUrlPrefixes(['app://masthead/', 'http://localhost:5173/']);
    expect(check('app://masthead/index.html', true)).toBe(true);
    expect(check('http://localhost:5173/', true)).toBe(true);
    expect(check('app://masthead/index.html', false)).toBe(false);
    expect(check(null, true)).toBe(false);
    expect(check('app://mastheadx/', true)).toBe(false);
  });

  it('trusts nothing when given no prefixes', () => {
    expect(trustUrlPrefixes([])(`${APP}index.html`, true)).toBe(false);
  });
});
