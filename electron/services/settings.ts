import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { LanguageSchema, type Settings } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { writeFileDurably } from './durableFile.js';

const StoredSettingsSchema = z.object({
  workspace: z.string().min(1).optional(),
  language: LanguageSchema.optional(),
});

/**
 * The user's settings (workspace folder, UI language), kept in one JSON file in the
 * app's data folder. A missing or damaged file gives the defaults.
 */
export class SettingsService {
  private cached: Settings | null = null;

  constructor(
    private readonly file: string,
    /** The settings before the user changed any (the default workspace stays allowed). */
    readonly defaults: Settings,
  ) {}

  async get(): Promise<Settings> {
    if (this.cached) return this.cached;
    let stored: z.infer<typeof StoredSettingsSchema> = {};
    try {
      const parsed = StoredSettingsSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success) stored = parsed.data;
    } catch {
      // No settings yet, or unreadable: the defaults hold.
    }
    this.cached = { ...this.defaults, ...stored };
    return this.cached;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.get()), ...patch };
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileDurably(this.file, `${JSON.stringify(next, null, 2)}\n`);
    } catch (err) {
      throw new AppError('settings.unwritable', { detail: (err as NodeJS.ErrnoException).code ?? String(err) });
    }
    this.cached = next;
    return next;
  }
}
