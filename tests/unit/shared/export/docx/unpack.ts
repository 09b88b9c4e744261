import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { AssetResolver } from '../../../../../shared/export/assets.js';
import { packDocx } from '../../../../../shared/export/docx/document.js';
import { draftLines, linesToSections } from '../../../../../shared/import/text.js';
import { createIssue } from '../../../../../shared/model/factory.js';
import type { Issue } from '../../../../../shared/model/issue.js';
import type { TemplateId } from '../../../../../shared/layout/templates.js';

/** The XML parts of a packed DOCX by path (word/document.xml …), as text. */
export type Parts = Record<string, string>;

/** Unzips a .docx and returns its XML parts and the names of its media files. */
export async function unpack(bytes: Uint8Array): Promise<{ parts: Parts; media: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = {};
  const media: string[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (/\.(xml|rels)$/.test(name)) parts[name] = await file.async('string');
    else media.push(name);
  }
  return { parts, media };
}

/** Packs an issue and unzips it. */
export async function packed(issue: Issue, assets: AssetResolver = NO_ASSETS): Promise<{ parts: Parts; media: string[] }> {
  return unpack(await packDocx(issue, assets));
}

/** A resolver that has no images. */
export const NO_ASSETS: AssetResolver = { dataUrl: () => null, size: () => null, bytes: () => null };

/** A resolver holding the given images (bytes and pixel size) by asset id. */
export function memoryAssets(images: Record<string, { bytes: Uint8Array; width: number; height: number }>): AssetResolver {
  return {
    dataUrl: () => null,
    size: (id) => (images[id] ? { width: images[id].width, height: images[id].height } : null),
    bytes: (id) => images[id]?.bytes ?? null,
  };
}

const SAMPLE = readFileSync(new URL('../../../../../resources/samples/yugong-2024-03.txt', import.meta.url), 'utf8');

/** An empty issue of 渝工简报 2024年第3期（总第186期） from a template, with fixed ids. */
export function emptyIssue(template: TemplateId = 'bulletin'): Issue {
  const issue = createIssue(
    { template, publicationName: '渝工简报', publisher: '重庆市总工会办公室', year: 2024, no: 3, serial: 186, date: '2024-03-20' },
    '2024-03-20T08:00:00.000Z',
  );
  return { ...issue, id: 'issue00001' };
}

/** The sample bulletin imported from text (as print.test.ts builds it), with fixed ids. */
export function textSampleIssue(template: TemplateId = 'bulletin'): Issue {
  let n = 0;
  const sections = linesToSections(draftLines(SAMPLE)).map((s) => ({
    ...s,
    id: `section${++n}`,
    articles: s.articles.map((a) => ({ ...a, id: `article${++n}` })),
  }));
  return { ...emptyIssue(template), sections };
}

/** All matches of a regular expression's first group in `text`. */
export function allMatches(text: string, re: RegExp): string[] {
  return [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map((m) => m[1]);
}

/** The `w:style` element of a style id in styles.xml (empty string when absent). */
export function styleXml(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(styles)?.[0] ?? '';
}

/** The plain text of each paragraph of a part, in order (w:t contents joined). */
export function paragraphTexts(xml: string): string[] {
  return allMatches(xml, /<w:p[ >](.*?)<\/w:p>/).map((p) => allMatches(p, /<w:t[^>]*>([^<]*)<\/w:t>/).join(''));
}
