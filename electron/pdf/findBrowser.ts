import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/api/errors.js';

/** Where `findBrowser` looks, and how it checks a path; every field defaults to this machine. */
export interface FindBrowserOptions {
  /** An explicit executable: used if it exists, else `pdf.noBrowser`; no search. */
  path?: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
}

/**
 * The places Chromium, Chrome or Edge are installed on `platform`, in the order tried
 * (after the `CHROMIUM_PATH` environment variable). Windows paths use the
 * ProgramFiles, ProgramFiles(x86) and LOCALAPPDATA folders of `env`.
 */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Chromium.app/Contents/MacOS/Chromium',
    ];
    const userApps = env.HOME ? apps.map((a) => join(env.HOME as string, 'Applications', a)) : [];
    return [...apps.map((a) => `/Applications/${a}`), ...userApps];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? env.ProgramFiles, env['PROGRAMFILES(X86)'] ?? env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(
      (r): r is string => typeof r === 'string' && r !== '',
    );
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
    return exes.flatMap((exe) => roots.map((root) => `${root.replace(/[\\/]+$/, '')}\\${exe}`));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ];
}

/**
 * The path of a Chromium-family browser to print with: `options.path` if given, else
 * `CHROMIUM_PATH`, else the first installed of `browserCandidates`. Throws AppError
 * `pdf.noBrowser` (as `internal` for now) with the places searched.
 */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const exists = options.exists ?? existsSync;
  const env = options.env ?? process.env;
  const tried = options.path ? [options.path] : [env.CHROMIUM_PATH, ...browserCandidates(options.platform ?? process.platform, env)];
  const candidates = tried.filter((p): p is string => typeof p === 'string' && p !== '');
  const found = candidates.find((p) => exists(p));
  if (found) return found;
  throw new AppError('pdf.noBrowser', { detail: 'pdf.noBrowser', searched: candidates.join('; ') });
}
