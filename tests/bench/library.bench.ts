// How long the library takes to list a workspace of 1,000 issues: warm (index up to
// date, only stat calls) and cold (index deleted, every issue.json read and validated).
// Target: warm < 300 ms. Benchmarks print figures; they never assert timings.
import { rmSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { newId } from '../../shared/model/ids.js';
import { IssueStore } from '../../electron/services/issueStore.js';
import { INDEX_FILE, Library } from '../../electron/services/library.js';
import { filledIssue } from '../helpers/issues.js';

const COUNT = 1_000;
let ws = '';
let ready: Promise<void> | null = null;

/** One real issue made through the store, then copied 999 times with its own id, number and date. */
async function makeWorkspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'masthead-bench-'));
  const first = join(dir, 'issue-0000');
  await new IssueStore().create(first, filledIssue());
  const template = JSON.parse(await readFile(join(first, 'issue.json'), 'utf8'));
  for (let batch = 1; batch < COUNT; batch += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, COUNT - batch) }, async (_, k) => {
        const i = batch + k;
        const target = join(dir, `issue-${String(i).padStart(4, '0')}`);
        await cp(first, target, { recursive: true });
        const year = 2000 + Math.floor(i / 50);
        const no = (i % 50) + 1;
        const month = String((i % 12) + 1).padStart(2, '0');
        const issue = { ...template, id: newId(), number: { year, no, serial: i + 1 }, date: `${year}-${month}-15` };
        await writeFile(join(target, 'issue.json'), `${JSON.stringify(issue, null, 2)}\n`);
      }),
    );
  }
  return dir;
}

/** Builds the workspace once and warms library.json; every bench awaits it in `setup`. */
function prepare(): Promise<void> {
  ready ??= (async () => {
    ws = await makeWorkspace();
    process.once('exit', () => rmSync(ws, { recursive: true, force: true }));
    const entries = await new Library(ws, new IssueStore()).list(); // writes library.json
    const ok = entries.filter((e) => e.status === 'ok').length;
    if (ok !== COUNT) throw new Error(`expected ${COUNT} readable issues, listed ${ok}`);
  })();
  return ready;
}

// vitest's bench runner does not run beforeAll/afterAll, so the workspace is made in
// tinybench's `setup` (awaited before warmup and run) and removed after the last run.
const setup = () => prepare();

describe(`Library.list over ${COUNT.toLocaleString('en')} issues`, () => {
  bench(
    'list 1,000 issues (warm)',
    async () => {
      await new Library(ws, new IssueStore()).list();
    },
    { time: 3_000, warmupIterations: 2, throws: true, setup },
  );

  // No per-iteration hook reaches tinybench through vitest's bench(), so the index is
  // deleted inside the timed function: one unlink (tens of µs) next to 1,000 file reads.
  bench(
    'list 1,000 issues (cold: index deleted)',
    async () => {
      await rm(join(ws, INDEX_FILE), { force: true });
      await new Library(ws, new IssueStore()).list();
    },
    {
      time: 5_000,
      iterations: 10,
      warmupIterations: 1,
      throws: true,
      setup,
      teardown: (_task, mode) => {
        if (mode === 'run') rmSync(ws, { recursive: true, force: true });
      },
    },
  );
});
