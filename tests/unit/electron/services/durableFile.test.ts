import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile, KeyedQueue, sha256, writeFileDurably } from '../../../../electron/services/durableFile.js';
import { useTempDirs } from '../../../helpers/tempDir.js';

const temp = useTempDirs();

describe('writeFileDurably', () => {
  it('replaces the file with the new bytes and leaves no temp file', async () => {
    const dir = await temp.make();
    const file = join(dir, 'a.json');
    await writeFile(file, 'old');
    await writeFileDurably(file, '新内容');
    expect(await readFile(file, 'utf8')).toBe('新内容');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    const dir = await temp.make();
    await expect(writeFileDurably(join(dir, 'missing', 'a.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('DurableJsonFile', () => {
  it('reads null for a missing file and keeps no stamp', async () => {
    const f = new DurableJsonFile(join(await temp.make(), 'x.json'), (t) => JSON.parse(t) as unknown);
    expect(await f.read()).toBeNull();
    expect(f.stamp).toBeNull();
  });

  it('stamps what it writes and what it reads with the SHA-256 of the bytes', async () => {
    const file = join(await temp.make(), 'x.json');
    const f = new DurableJsonFile<{ a: number }>(file, (t) => JSON.parse(t) as { a: number });
    await f.write({ a: 1 });
    const bytes = await readFile(file);
    expect(f.stamp).toBe(sha256(bytes));
    expect(bytes.toString()).toBe('{\n  "a": 1\n}\n');
    await writeFile(file, '{"a":2}');
    expect(await f.read()).toEqual({ a: 2 });
    expect(f.stamp).toBe(sha256('{"a":2}'));
  });

  it('passes decode errors through (the caller decides what damaged means)', async () => {
    const file = join(await temp.make(), 'x.json');
    await writeFile(file, 'nope');
    const f = new DurableJsonFile(file, (t) => JSON.parse(t) as unknown);
    await expect(f.read()).rejects.toBeInstanceOf(SyntaxError);
  });
});

describe('sha256', () => {
  it('matches the known digest of "abc" for strings and bytes alike', () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(sha256('abc')).toBe(abc);
    expect(sha256(new TextEncoder().encode('abc'))).toBe(abc);
  });
});

describe('KeyedQueue', () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('runs tasks of one key one after another, in order', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name}+`);
      await tick(ms);
      log.push(`${name}-`);
      return name;
    };
    const results = await Promise.all([q.run('k', task('a', 20)), q.run('k', task('b', 1)), q.run('k', task('c', 5))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });

  it('runs tasks of different keys side by side', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    await Promise.all([
      q.run('x', async () => {
        log.push('x+');
        await tick(20);
        log.push('x-');
      }),
      q.run('y', async () => {
        log.push('y+');
        log.push('y-');
      }),
    ]);
    expect(log).toEqual(['x+', 'y+', 'y-', 'x-']);
  });

  it('goes on with the next task after one fails, and reports the failure to its caller only', async () => {
    const q = new KeyedQueue();
    const failed = q.run('k', async () => {
      throw new Error('boom');
    });
    const next = q.run('k', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
