import mammoth from 'mammoth';
import { AppError } from '../../../shared/api/errors.js';
import { articleFromBlocks } from '../../../shared/import/article.js';
import { htmlTreeToMarkedBlocks, type ImageResolver, type ResolvedImage } from '../../../shared/import/blocks.js';
import { htmlElement, parseHtml, type HtmlNode } from '../../../shared/import/htmlTree.js';
import type { ImportedArticle, ImportedImage } from '../../../shared/import/types.js';
import { bodyFigures } from '../../../shared/model/text.js';
import { ArticleSchema } from '../../../shared/model/issue.js';
import { assetIdOf, imageSize, sniffImageType } from '../assets.js';
import { checkDocxPackage, DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './packageGuard.js';

/**
 * Reads one Word contribution (.docx) into an article: the package is checked first
 * (packageGuard.ts), then mammoth turns it into HTML with the images held in memory,
 * and the shared clean-up and article split do the rest.
 */

/**
 * How mammoth maps Word styles to HTML for us: Title and Subtitle keep their meaning
 * (the article split reads them), captions and quotes are marked, underline is kept.
 * Word stores built-in style names in English whatever the UI language; the Chinese
 * names catch custom styles of WPS and hand-made templates. LibreOffice names its
 * caption styles Illustration/Figure/Drawing and its quote style Quotations.
 */
export const DOCX_STYLE_MAP: readonly string[] = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='标题'] => h1.title:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  "p[style-name='副标题'] => p.subtitle:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='题注'] => p.caption:fresh",
  "p[style-name='Illustration'] => p.caption:fresh",
  "p[style-name='Figure'] => p.caption:fresh",
  "p[style-name='Drawing'] => p.caption:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  'u => u',
];

/** Something left out of an import that the editor should know about (not an error). */
export type DocxWarning =
  /** An image in a format an issue cannot hold (EMF, WMF, TIFF, BMP …): skipped. */
  | { kind: 'imageUnsupported'; contentType: string }
  /** An image linked to a file or URL outside the document: never fetched; its figure waits for a photo. */
  | { kind: 'imageExternal' };

/** A contribution read from a .docx: the article, its images, and what was left out. */
export interface DocxImport extends ImportedArticle {
  warnings: DocxWarning[];
}

/** Options of readDocx. */
export interface ReadDocxOptions {
  limits?: PackageLimits;
}

// mammoth gives every image this src plus a number; images we skip get SKIPPED.
const IMAGE_SRC = 'masthead-image:';
const SKIPPED = 'masthead-skipped';

/** mammoth's own additions that are not content: footnote back-links (↑) and skipped images. */
function isMammothExtra(node: HtmlNode): boolean {
  if (node.type !== 'element') return false;
  if (node.tag === 'img') return node.attrs.src === SKIPPED;
  return node.tag === 'a' && /^#(?:footnote|endnote)-ref-/.test(node.attrs.href ?? '');
}

function prune(nodes: readonly HtmlNode[]): HtmlNode[] {
  return nodes.flatMap((n): HtmlNode[] => {
    if (isMammothExtra(n)) return [];
    return n.type === 'element' ? [htmlElement(n.tag, n.attrs, prune(n.children))] : [n];
  });
}

interface CollectedImages {
  convertImage: ReturnType<typeof mammoth.images.imgElement>;
  resolve: ImageResolver;
  images: Map<string, ImportedImage>;
  warnings: DocxWarning[];
}

function imageCollector(): CollectedImages {
  const images = new Map<string, ImportedImage>();
  const bySrc = new Map<string, ResolvedImage>();
  const warnings: DocxWarning[] = [];
  let count = 0;
  const convertImage = mammoth.images.imgElement(async (image) => {
    const src = `${IMAGE_SRC}${count++}`;
    let bytes: Buffer;
    try {
      bytes = await image.read();
    } catch {
      // A linked image (r:link): mammoth refuses external access, so the read fails here.
      warnings.push({ kind: 'imageExternal' });
      return { src };
    }
    const type = sniffImageType(bytes);
    if (!type) {
      warnings.push({ kind: 'imageUnsupported', contentType: image.contentType ?? 'unknown' });
      return { src: SKIPPED };
    }
    const assetId = assetIdOf(bytes, type);
    if (!images.has(assetId)) images.set(assetId, { assetId, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    // The size as displayed (EXIF orientation applied), recorded on the figure; null when the header is unreadable.
    bySrc.set(src, { assetId, size: imageSize(bytes) });
    return { src };
  });
  return { convertImage, resolve: (src) => bySrc.get(src) ?? null, images, warnings };
}

function errorMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
}

/** A .docx as mammoth's HTML, parsed into a tree, with its images held in memory. */
export interface DocxHtml {
  /** The top-level elements, mammoth's own additions (footnote back-links, skipped images) removed. */
  tree: HtmlNode[];
  /** The asset id and pixel size of an `<img src>` of the tree, or null when the image could not be had. */
  resolveImage: ImageResolver;
  /** Every embedded image read, by asset id (keep only those a figure refers to). */
  images: ReadonlyMap<string, ImportedImage>;
  warnings: DocxWarning[];
}

/** Options of docxHtml. */
export interface DocxHtmlOptions extends ReadDocxOptions {
  /** mammoth's style map (see DOCX_STYLE_MAP). */
  styleMap: readonly string[];
  /** Keep empty paragraphs as `<p …></p>` (mammoth drops them by default). */
  keepEmptyParagraphs?: boolean;
}

/**
 * Checks a .docx package (checkDocxPackage) and converts it with mammoth into an HTML
 * tree, images collected in memory, linked files never read. Throws AppError
 * `import.empty` for a zero-byte file, the package guard's errors, or `import.corrupt`
 * when mammoth cannot read the document.
 */
export async function docxHtml(bytes: Uint8Array, fileName: string, options: DocxHtmlOptions): Promise<DocxHtml> {
  if (bytes.length === 0) throw new AppError('import.empty', { file: fileName });
  checkDocxPackage(bytes, fileName, options.limits ?? DEFAULT_PACKAGE_LIMITS);
  const collected = imageCollector();
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: [...options.styleMap],
        includeEmbeddedStyleMap: false, // a style map inside the file is the sender's, not ours
        externalFileAccess: false, // linked images and files are never read (mammoth's default, made explicit)
        ignoreEmptyParagraphs: !options.keepEmptyParagraphs,
        convertImage: collected.convertImage,
      },
    );
    html = result.value;
  } catch (err) {
    throw new AppError('import.corrupt', { file: fileName, detail: errorMessage(err) }, { cause: err });
  }
  return { tree: prune(parseHtml(html)), resolveImage: collected.resolve, images: collected.images, warnings: collected.warnings };
}

/**
 * Reads a .docx contribution into an article with its images. `fileName` names the
 * file in errors and gives the headline when the document shows none. Throws
 * AppError `import.notDocx`, `import.encrypted`, `import.corrupt`, `import.tooLarge`,
 * `import.unsafe` (see checkDocxPackage) or `import.empty` (no text and no images).
 * External images (linked, not embedded) are never read.
 */
export async function readDocx(bytes: Uint8Array, fileName: string, options: ReadDocxOptions = {}): Promise<DocxImport> {
  const { tree, resolveImage, images, warnings } = await docxHtml(bytes, fileName, { ...options, styleMap: DOCX_STYLE_MAP });
  const blocks = htmlTreeToMarkedBlocks(tree, resolveImage);
  if (!blocks.some((b) => b.block.type !== 'horizontalrule')) throw new AppError('import.empty', { file: fileName });
  const article = articleFromBlocks(blocks, { fallbackHeadline: fileName.replace(/\.docx$/i, '') });
  const checked = ArticleSchema.safeParse(article);
  if (!checked.success) throw new AppError('import.corrupt', { file: fileName, detail: checked.error.issues[0]?.message ?? 'article' });
  const used = new Set(bodyFigures(article.body).map((f) => f.assetId));
  return {
    article: checked.data,
    images: [...images.values()].filter((img) => used.has(img.assetId)),
    warnings,
  };
}
