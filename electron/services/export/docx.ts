import { imagesLeftOut, packDocx } from '../../../shared/export/docx/document.js';
import { writeFileDurably } from '../durableFile.js';
import { IssueStore } from '../issueStore.js';
import { loadIssueAssets } from './assetResolver.js';

/** An issue packed as .docx, with the images that could not go into it. */
export interface DocxBuffer {
  buffer: Buffer;
  /** Asset ids of images left out: missing or unreadable files, or formats Word cannot hold (WebP). */
  missingAssets: string[];
}

/**
 * Reads the issue in `issueDir` and its images, and packs it as a .docx in memory (for
 * the benchmark and for IPC). Errors of reading come from IssueStore (`issue.corrupt` …).
 */
export async function docxBuffer(issueDir: string, store: IssueStore = new IssueStore()): Promise<DocxBuffer> {
  const { issue } = await store.read(issueDir);
  const { resolver, missing } = await loadIssueAssets(issueDir, issue);
  const bytes = await packDocx(issue, resolver);
  const missingAssets = [...new Set([...missing, ...imagesLeftOut(issue, resolver)])];
  return { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), missingAssets };
}

/**
 * Exports the issue in `issueDir` as an editable Word file at `outFile` (written
 * durably: a crash leaves the old file or the new one). Returns its size in bytes and
 * the images left out.
 */
export async function exportDocx(issueDir: string, outFile: string): Promise<{ bytes: number; missingAssets: string[] }> {
  const { buffer, missingAssets } = await docxBuffer(issueDir);
  await writeFileDurably(outFile, buffer);
  return { bytes: buffer.byteLength, missingAssets };
}
