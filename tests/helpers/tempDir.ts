import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Real temporary folders for tests that touch the disk. Call `useTempDirs()` at the
 * top of a file; each `make()` gives a fresh folder under os.tmpdir(), removed after
 * the test.
 */
export function useTempDirs(prefix = 'masthead-test-'): { make(): Promise<string> } {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return {
    async make() {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
  };
}
