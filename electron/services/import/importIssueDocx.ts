import { basename, join, posix } from 'node:path';
import JSZip from 'jszip';
import { NewIssueInputSchema, type NewIssueInput } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/api/errors.js';
import { definesMastheadStyles, issueFromHtmlTree, ISSUE_DOCX_STYLE_MAP, type IssueDocxContent } from '../../../shared/import/issueDocx.js';
import type { ImportedImage } from '../../../shared/import/types.js';
import { createSection } from '../../../shared/model/factory.js';
import { SectionSchema, type Section } from '../../../shared/model/issue.js';
import { bodyFigures } from '../../../shared/model/text.js';
import { AssetStore } from '../assets.js';
import { ASSETS_DIR } from '../issueStore.js';
import type { Library } from '../library.js';
import { docxHtml, readDocx, type DocxWarning, type ReadDocxOptions } from './docx.js';
import { readContributionFile } from './importDocx.js';
import { issueFieldsFromFileName } from './importText.js';
import { checkDocxPackage, DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './packageGuard.js';

/**
 * `masthead import ISSUE.docx --workspace W`: a whole issue that Masthead exported to
 * Word (and an editor may have touched up there) becomes a new issue again, with its
 * sections, articles and photos. The reading is shared/import/issueDocx.ts; this file
 * reads the file, finds out whether it is Masthead's, and stores the result.
 */

/** An issue read from a Masthead DOCX: sections, the images its figures refer to, masthead fields where found. */
export interface IssueDocx extends IssueDocxContent {
  images: ImportedImage[];
  warnings: DocxWarning[];
}

function errorMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
}

/** The styles part of a package: the main part's `styles` relationship, else word/styles.xml. Null when missing. */
async function stylesPart(bytes: Uint8Array, mainPart: string, fileName: string): Promise<string | null> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const dir = posix.dirname(mainPart);
    const rels = (await zip.file(posix.join(dir, '_rels', `${posix.basename(mainPart)}.rels`))?.async('string')) ?? '';
    let path = posix.join(dir, 'styles.xml');
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const target = /Target="([^"]+)"/.exec(m[0])?.[1];
      if (/Type="[^"]*\/styles"/.test(m[0]) && target) path = target.startsWith('/') ? target.slice(1) : posix.join(dir, target);
    }
    return (await zip.file(path)?.async('string')) ?? null;
  } catch (err) {
    throw new AppError('import.corrupt', { file: fileName, detail: errorMessage(err) }, { cause: err });
  }
}

/**
 * True when the .docx is a whole issue exported by Masthead: its styles part defines
 * Masthead's own style ids (MASTHEAD_ISSUE_STYLE_IDS). The package guard runs first, so
 * a file that is no .docx, or a hostile one, throws its error (checkDocxPackage).
 */
export async function isMastheadIssueDocx(bytes: Uint8Array, fileName = 'document.docx', limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): Promise<boolean> {
  if (bytes.length === 0) throw new AppError('import.empty', { file: fileName });
  const { mainPart } = checkDocxPackage(bytes, fileName, limits);
  const styles = await stylesPart(bytes, mainPart, fileName);
  return styles !== null && definesMastheadStyles(styles);
}

/**
 * Reads a Masthead issue .docx: the package guard, mammoth with ISSUE_DOCX_STYLE_MAP
 * (images held in memory, linked files never read), then issueFromHtmlTree. Throws the
 * errors of readDocx; `import.empty` when the document holds no section and no article.
 * Only the images a figure refers to are returned.
 */
export async function readIssueDocx(bytes: Uint8Array, fileName: string, options: ReadDocxOptions = {}): Promise<IssueDocx> {
  const html = await docxHtml(bytes, fileName, { ...options, styleMap: ISSUE_DOCX_STYLE_MAP, keepEmptyParagraphs: true });
  const content = issueFromHtmlTree(html.tree, html.resolveImage);
  if (content.sections.length === 0) throw new AppError('import.empty', { file: fileName });
  const checked = SectionSchema.array().safeParse(content.sections);
  if (!checked.success) throw new AppError('import.corrupt', { file: fileName, detail: checked.error.issues[0]?.message ?? 'sections' });
  return { ...content, sections: checked.data, images: usedImages(checked.data, html.images), warnings: html.warnings };
}

function usedImages(sections: readonly Section[], images: ReadonlyMap<string, ImportedImage>): ImportedImage[] {
  const used = new Set(sections.flatMap((s) => s.articles.flatMap((a) => bodyFigures(a.body).map((f) => f.assetId))));
  return [...images.values()].filter((img) => used.has(img.assetId));
}

/** A Word file that is not Masthead's: one untitled section holding it as one article (see readDocx). */
async function contributionAsIssue(bytes: Uint8Array, fileName: string, options: ReadDocxOptions): Promise<IssueDocx> {
  const { article, images, warnings } = await readDocx(bytes, fileName, options);
  return { sections: [{ ...createSection(''), articles: [article] }], images, warnings };
}

/** Options of createIssueFromDocx. */
export interface CreateIssueFromDocxOptions extends ReadDocxOptions {
  /** The moment that dates the issue when neither the DOCX nor `fields` give a date; default now. */
  now?: Date;
}

/** The issue createIssueFromDocx made. */
export interface IssueFromDocx {
  /** Folder name of the new issue in the library. */
  slug: string;
  /** True when the file was a whole Masthead issue; false when it was read as one contribution. */
  wholeIssue: boolean;
  sections: number;
  articles: number;
  images: number;
  warnings: DocxWarning[];
}

/** The new issue's fields: `fields` first, then the masthead of the DOCX, then the file name; template 'bulletin'. */
function issueFields(read: IssueDocx, fileName: string, fields: Partial<NewIssueInput>, now: Date): NewIssueInput {
  const parsed = NewIssueInputSchema.safeParse({
    template: 'bulletin',
    ...issueFieldsFromFileName(fileName, now),
    ...(read.publication ? { publicationName: read.publication.name, publisher: read.publication.publisher } : {}),
    ...read.number,
    ...(read.date ? { date: read.date } : {}),
    ...fields,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('import.corrupt', { file: fileName, detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
  }
  return parsed.data;
}

/**
 * Creates a new issue in `library` from the .docx at `file`: a whole Masthead issue
 * (isMastheadIssueDocx) comes back with its sections and articles, any other Word file
 * as one article in an untitled section. The figures' images are written into the new
 * issue's assets/ after it is created (a failure there is `issue.unwritable`, and
 * leaves the issue with those images missing). Throws the errors of
 * readContributionFile and readIssueDocx/readDocx, and `import.corrupt` when `fields`
 * and what the file gives make no valid NewIssueInput.
 */
export async function createIssueFromDocx(
  library: Library,
  file: string,
  fields: Partial<NewIssueInput> = {},
  options: CreateIssueFromDocxOptions = {},
): Promise<IssueFromDocx> {
  const fileName = basename(file);
  const bytes = await readContributionFile(file, options.limits?.maxTotalBytes ?? DEFAULT_PACKAGE_LIMITS.maxTotalBytes);
  const wholeIssue = await isMastheadIssueDocx(bytes, fileName, options.limits);
  const read = wholeIssue ? await readIssueDocx(bytes, fileName, options) : await contributionAsIssue(bytes, fileName, options);
  const slug = await library.create(issueFields(read, fileName, fields, options.now ?? new Date()), read.sections);
  const dir = library.dir(slug);
  const assets = new AssetStore(dir);
  for (const image of read.images) {
    try {
      await assets.put(image.bytes);
    } catch (err) {
      if (err instanceof AppError) throw err;
      const detail = (err as NodeJS.ErrnoException).code ?? errorMessage(err);
      throw new AppError('issue.unwritable', { path: join(dir, ASSETS_DIR), detail }, { cause: err });
    }
  }
  return {
    slug,
    wholeIssue,
    sections: read.sections.length,
    articles: read.sections.reduce((n, s) => n + s.articles.length, 0),
    images: read.images.length,
    warnings: read.warnings,
  };
}
