import { basename, join } from 'node:path';
import { AppError, toErrorData, type AppErrorData } from '../../../shared/api/errors.js';
import type { Article, Issue } from '../../../shared/model/issue.js';
import { addSection } from '../../../shared/model/ops.js';
import { AssetStore } from '../assets.js';
import { ASSETS_DIR, type IssueStore } from '../issueStore.js';
import { readDocx, type DocxImport, type DocxWarning, type ReadDocxOptions } from './docx.js';
import { readImportFile } from './importText.js';
import { DEFAULT_PACKAGE_LIMITS } from './packageGuard.js';

/**
 * `masthead import A.docx B.docx … --into ISSUE_DIR [--section TITLE]`: one article per
 * contribution. Each file succeeds or fails on its own; the articles that succeed are
 * added in one save, so a failing file leaves nothing of itself in the issue and a
 * batch where every file fails leaves `issue.json` untouched.
 */

/** Where imported articles go. */
export interface ImportDocxOptions extends ReadDocxOptions {
  /** Title of the section (栏目) to add to; created at the end when missing. Default: the last section. */
  section?: string;
}

/** The outcome for one file, in the order the files were given. */
export type DocxFileResult =
  | { file: string; ok: true; articleId: string; headline: string; images: number; warnings: DocxWarning[] }
  | { file: string; ok: false; error: AppErrorData };

/** The outcome of a batch: one result per file, and the section that received the articles. */
export interface DocxImportSummary {
  results: DocxFileResult[];
  /** The section the articles were added to; null when no file was imported. */
  section: { id: string; title: string } | null;
}

/** A contribution already in memory (e.g. dropped on the window): its file name and bytes. */
export interface DocxSource {
  file: string;
  bytes: Uint8Array;
}

function errno(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}

/**
 * Reads a contribution from disk (`readImportFile` with the package limit). Throws
 * `import.notFound`, `import.notAFile` (a folder), `import.unreadable` (no permission …)
 * or `import.fileTooLarge` (larger than the package limit, not read).
 */
export async function readContributionFile(path: string, maxBytes = DEFAULT_PACKAGE_LIMITS.maxTotalBytes): Promise<Uint8Array> {
  return readImportFile(path, maxBytes);
}

/** The section to add to: the one titled `title` (created at the end when missing), else the last one, else a new untitled one. */
function targetSection(issue: Issue, title: string | undefined): { issue: Issue; id: string } {
  const wanted = title?.trim();
  if (wanted !== undefined && wanted !== '') {
    const found = issue.sections.find((s) => s.title.trim() === wanted);
    if (found) return { issue, id: found.id };
    const added = addSection(issue, wanted);
    return { issue: added.issue, id: added.section.id };
  }
  const last = issue.sections[issue.sections.length - 1];
  if (last) return { issue, id: last.id };
  const added = addSection(issue, '');
  return { issue: added.issue, id: added.section.id };
}

function withArticles(issue: Issue, sectionId: string, articles: readonly Article[]): Issue {
  return {
    ...issue,
    sections: issue.sections.map((s) => (s.id === sectionId ? { ...s, articles: [...s.articles, ...articles] } : s)),
  };
}

async function parseOne(source: () => Promise<DocxSource>, options: ReadDocxOptions): Promise<DocxImport> {
  const { file, bytes } = await source();
  return readDocx(bytes, basename(file), options);
}

/**
 * Imports contributions into the issue in `issueDir`. Each source is parsed on its own
 * (its errors become its result); the images of the parsed ones are stored in
 * `assets/` (content-addressed, so a retry writes nothing twice) and their articles
 * added to the section in ONE save over the stamp read at the start. Issue errors
 * (`issue.notFound`, `issue.corrupt`, `issue.changedOnDisk` …) fail the whole batch.
 */
export async function importDocxSources(
  issueDir: string,
  sources: ReadonlyArray<{ file: string; load: () => Promise<DocxSource> }>,
  options: ImportDocxOptions,
  store: IssueStore,
): Promise<DocxImportSummary> {
  const { issue, stamp } = await store.read(issueDir);
  const assets = new AssetStore(issueDir);
  const results: DocxFileResult[] = [];
  const articles: Article[] = [];
  // One file at a time: parsing is CPU-bound, and memory stays bounded by the largest file.
  for (const source of sources) {
    let parsed: DocxImport;
    try {
      parsed = await parseOne(source.load, options);
    } catch (err) {
      results.push({ file: source.file, ok: false, error: toErrorData(err) });
      continue;
    }
    for (const image of parsed.images) {
      try {
        await assets.put(image.bytes);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('issue.unwritable', { path: join(issueDir, ASSETS_DIR), detail: errno(err) }, { cause: err });
      }
    }
    articles.push(parsed.article);
    results.push({
      file: source.file,
      ok: true,
      articleId: parsed.article.id,
      headline: parsed.article.headline,
      images: parsed.images.length,
      warnings: parsed.warnings,
    });
  }
  if (articles.length === 0) return { results, section: null };
  const target = targetSection(issue, options.section);
  const next = withArticles(target.issue, target.id, articles);
  await store.save(issueDir, next, stamp);
  const section = next.sections.find((s) => s.id === target.id);
  return { results, section: section ? { id: section.id, title: section.title } : null };
}

/**
 * Imports .docx files from disk into the issue in `issueDir` (see importDocxSources):
 * `masthead import *.docx --into ISSUE_DIR [--section TITLE]` and the app's import
 * dialog both call this. `results[i].file` is `files[i]` as given.
 */
export async function importDocxFiles(
  issueDir: string,
  files: readonly string[],
  options: ImportDocxOptions,
  store: IssueStore,
): Promise<DocxImportSummary> {
  const maxBytes = options.limits?.maxTotalBytes ?? DEFAULT_PACKAGE_LIMITS.maxTotalBytes;
  return importDocxSources(
    issueDir,
    files.map((file) => ({ file, load: async () => ({ file, bytes: await readContributionFile(file, maxBytes) }) })),
    options,
    store,
  );
}

/** Imports contributions already in memory (dropped files, IPC payloads); see importDocxSources. */
export function importDocxBuffers(
  issueDir: string,
  sources: readonly DocxSource[],
  options: ImportDocxOptions,
  store: IssueStore,
): Promise<DocxImportSummary> {
  return importDocxSources(
    issueDir,
    sources.map((s) => ({ file: s.file, load: () => Promise.resolve(s) })),
    options,
    store,
  );
}
