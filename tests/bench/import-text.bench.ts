// Importing the sample bulletin as text: decode, guess line roles, repair page breaks,
// build sections; and the whole command-line path that also writes the issue folder.
// Target: under 100 ms. Benchmarks print figures; they never assert timings.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { draftLines, linesToSections } from '../../shared/import/text.js';
import { decodeText } from '../../electron/services/import/decode.js';
import { createIssueFromLines, issueFieldsFromFileName, readTextDraft } from '../../electron/services/import/importText.js';
import { IssueStore } from '../../electron/services/issueStore.js';
import { Library } from '../../electron/services/library.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/samples/yugong-2024-03.txt');
const bytes = readFileSync(SAMPLE);
const workspace = mkdtempSync(join(tmpdir(), 'masthead-bench-text-'));
const library = new Library(workspace, new IssueStore());

describe('text import of the sample bulletin (target < 100 ms)', () => {
  bench('decode + lines + sections (in memory)', () => {
    linesToSections(draftLines(decodeText(bytes, 'yugong-2024-03.txt').text));
  });

  bench('read the file, build the issue, write its folder', async () => {
    const draft = await readTextDraft(SAMPLE);
    const fields = { ...issueFieldsFromFileName(draft.fileName, new Date()), template: 'bulletin' as const };
    await createIssueFromLines(library, draft.lines, fields);
  });
});
