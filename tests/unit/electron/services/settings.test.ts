import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsService } from '../../../../electron/services/settings.js';
import { useTempDirs } from '../../../helpers/tempDir.js';

const temp = useTempDirs();
const DEFAULTS = { workspace: '/home/editor/Documents/Masthead', language: 'zh-CN' } as const;

describe('SettingsService', () => {
  it('gives the defaults when there is no settings file yet', async () => {
    const s = new SettingsService(join(await temp.make(), 'settings.json'), DEFAULTS);
    expect(await s.get()).toEqual(DEFAULTS);
  });

  it('writes an update to disk (creating the folder) and a new service reads it back', async () => {
    const file = join(await temp.make(), 'nested', 'settings.json');
    const updated = await new SettingsService(file, DEFAULTS).update({ language: 'en' });
    expect(updated).toEqual({ ...DEFAULTS, language: 'en' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(updated);
    expect(await new SettingsService(file, DEFAULTS).get()).toEqual(updated);
  });

  it.each([
    ['bad JSON', '{ workspace: '],
    ['the wrong shape', '{"language": "klingon"}'],
    ['an array', '[]'],
  ])('falls back to the defaults for a file holding %s', async (_what, text) => {
    const file = join(await temp.make(), 'settings.json');
    await writeFile(file, text);
    expect(await new SettingsService(file, DEFAULTS).get()).toEqual(DEFAULTS);
  });

  it('keeps stored fields and fills the missing ones from the defaults', async () => {
    const file = join(await temp.make(), 'settings.json');
    await writeFile(file, '{"workspace": "/srv/bulletins"}');
    expect(await new SettingsService(file, DEFAULTS).get()).toEqual({ workspace: '/srv/bulletins', language: 'zh-CN' });
  });

  it.skipIf(process.getuid?.() === 0)('reports settings.unwritable when the folder is read-only, and keeps the old settings', async () => {
    const dir = join(await temp.make(), 'ro');
    await mkdir(dir);
    await chmod(dir, 0o500);
    try {
      const s = new SettingsService(join(dir, 'settings.json'), DEFAULTS);
      await expect(s.update({ language: 'en' })).rejects.toMatchObject({ code: 'settings.unwritable' });
      expect(await s.get()).toEqual(DEFAULTS);
    } finally {
      await chmod(dir, 0o700);
    }
  });

  it('reports settings.unwritable when the settings path is a folder', async () => {
    const dir = await temp.make();
    await mkdir(join(dir, 'settings.json'));
    const s = new SettingsService(join(dir, 'settings.json'), DEFAULTS);
    await expect(s.update({ language: 'en' })).rejects.toMatchObject({ code: 'settings.unwritable' });
    expect(await s.get()).toEqual(DEFAULTS);
  });
});
