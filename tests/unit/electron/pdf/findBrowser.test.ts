// Where the command line and the tests look for a browser to print with, per platform,
// and the error when there is none.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { browserCandidates, findBrowser } from '../../../../electron/pdf/findBrowser.js';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, then the usual Linux places in order', () => {
    expect(findBrowser({ platform: 'linux', env: { CHROMIUM_PATH: '/opt/c/chrome' }, exists: only('/opt/c/chrome', '/usr/bin/chromium') })).toBe('/opt/c/chrome');
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/usr/bin/google-chrome', '/usr/bin/chromium-browser') })).toBe(
      '/usr/bin/chromium-browser',
    );
    expect(browserCandidates('linux', {}).slice(0, 3)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']);
  });

  it('finds Chrome, Edge or Chromium in the macOS Applications folders', () => {
    const candidates = browserCandidates('darwin', { HOME: '/Users/bianji' });
    expect(candidates).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(candidates).toContain('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(candidates).toContain('/Users/bianji/Applications/Chromium.app/Contents/MacOS/Chromium');
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser({ platform: 'darwin', env: {}, exists: only(edge) })).toBe(edge);
  });

  it('finds Chrome or Edge under Program Files and LOCALAPPDATA on Windows', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\编辑\\AppData\\Local' };
    const candidates = browserCandidates('win32', env);
    expect(candidates[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates).toContain('C:\\Users\\编辑\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    // Windows always has Edge, even when Chrome is not installed
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ platform: 'win32', env, exists: only(edge) })).toBe(edge);
  });

  it('uses an explicit path without searching, and refuses it when it is not there', () => {
    expect(findBrowser({ path: '/my/chrome', exists: only('/my/chrome', '/usr/bin/chromium') })).toBe('/my/chrome');
    const err = (() => {
      try {
        return findBrowser({ path: '/no/chrome', exists: only('/usr/bin/chromium') });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toData()).toEqual({ code: 'pdf.noBrowser', params: { detail: 'pdf.noBrowser', searched: '/no/chrome' } });
  });

  it('says where it looked when no browser is installed', () => {
    expect(() => findBrowser({ platform: 'linux', env: {}, exists: () => false })).toThrow(AppError);
    try {
      findBrowser({ platform: 'linux', env: { CHROMIUM_PATH: '/x/chrome' }, exists: () => false });
    } catch (e) {
      expect((e as AppError).params.searched).toMatch(/^\/x\/chrome; \/usr\/bin\/chromium; /);
    }
  });

  it('finds the browser of this machine', () => {
    expect(existsSync(findBrowser())).toBe(true);
  });
});
