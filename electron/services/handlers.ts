import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../../shared/api/errors.js';
import type { Handlers } from '../../shared/api/contract.js';
import type { Issue } from '../../shared/model/issue.js';
import { formatIssueLine } from '../../shared/model/issueLine.js';
import type { PdfPrinter } from '../pdf/printer.js';
import { AssetStore, imageSize, sniffImageType, type ImageType } from './assets.js';
import { officeClipboardFolders, pastedPictureFile } from './clipboardPictures.js';
import { writeFileDurably } from './durableFile.js';
import { docxBuffer } from './export/docx.js';
import { issuePdf } from './export/pdf.js';
import { importDocxFiles } from './import/importDocx.js';
import { createIssueFromLines, issueFieldsFromFileName, readImportFile, readTextDraft } from './import/importText.js';
import { IssueStore } from './issueStore.js';
import { Library } from './library.js';
import { PathGrants, samePath } from './pathGrants.js';
import { listTemplates, saveTemplate } from './templates.js';
import type { SettingsService } from './settings.js';
import { PendingUploads } from './uploads.js';

/** What the handlers need from the platform (Electron dialogs in the app, fixed answers in tests). */
export interface Platform {
  /** Asks the user for a folder; null when they cancel. */
  chooseFolder(): Promise<string | null>;
  /** Asks the user for files to import (text drafts or Word documents); empty when they cancel. */
  chooseFiles(kind: 'text' | 'docx' | 'image'): Promise<string[]>;
  /** Asks where to save an export; null when they cancel. Main writes there; it grants no reading. */
  chooseSavePath(defaultName: string, kind: 'pdf' | 'docx'): Promise<string | null>;
  /**
   * A screen-sized JPEG of a large image for the editor (print always uses the
   * original); null to show the original. Electron does it with nativeImage.
   */
  thumbnail?(bytes: Buffer): Promise<Buffer | null>;
  /**
   * The HTML on the system clipboard ('' when there is none). Word's clipboard HTML points
   * at its pictures in a temp folder; `asset:addPath` reads those the clipboard names, when
   * they lie where office suites save them (see clipboardPictures.ts).
   */
  clipboardHtml?(): Promise<string>;
}

export interface ServiceContext {
  settings: SettingsService;
  platform: Platform;
  /** Prints the page preview and PDF exports (a hidden window in the app, Chromium in tests). */
  printer: PdfPrinter;
  store?: IssueStore;
  now?: () => Date;
  /**
   * The paths the user chose or dropped: the dialogs below add to it, and in the app the
   * preload's drop channel too (pass the same object to it). Default: a store of its own.
   */
  grants?: PathGrants;
  /**
   * The folders where a picture named by the clipboard's HTML may be read (a paste from
   * Word). Default: officeClipboardFolders(), the temp folder and Word for Mac's.
   */
  clipboardFolders?: readonly string[];
}

/**
 * The implementation of every call in the contract, over the plain-Node services. The
 * Electron IPC layer and the e2e harness both serve exactly these functions.
 */
export function createHandlers(ctx: ServiceContext): Handlers {
  const store = ctx.store ?? new IssueStore({ now: ctx.now });
  const grants = ctx.grants ?? new PathGrants();
  const dialogs = grantingDialogs(ctx.platform, grants);
  const clipboardFolders = ctx.clipboardFolders ?? officeClipboardFolders();
  const clipboardHtml = async () => (await ctx.platform.clipboardHtml?.()) ?? '';
  let library: Library | null = null;
  const previewTickets = new Map<string, number>();
  let previewQueue: Promise<unknown> = Promise.resolve();
  const uploads = new PendingUploads({ maxBytes: MAX_IMAGE_BYTES, now: () => (ctx.now?.() ?? new Date()).getTime() });
  const currentLibrary = async (): Promise<Library> => {
    const { workspace } = await ctx.settings.get();
    if (library?.workspace !== workspace) library = new Library(workspace, store, ctx.now);
    return library;
  };

  return {
    'settings:get': () => ctx.settings.get(),
    'settings:update': async (input) => {
      const wanted = input.workspace;
      if (wanted === undefined) return ctx.settings.update(input);
      if (!isAbsolute(wanted)) throw new AppError('workspace.notAbsolute', { path: wanted });
      // Only a folder the user chose in the folder dialog, or the current or default one.
      const { workspace } = await ctx.settings.get();
      if (![workspace, ctx.settings.defaults.workspace].some((w) => samePath(w, wanted))) grants.require('folder', wanted);
      return ctx.settings.update({ ...input, workspace: resolve(wanted) });
    },
    'workspace:choose': async () => ({ path: await dialogs.chooseFolder() }),
    'library:list': async () => {
      const lib = await currentLibrary();
      return { workspace: lib.workspace, entries: await lib.list() };
    },
    'library:trash': async () => ({ entries: await (await currentLibrary()).trashed() }),
    'issue:create': async (input) => ({ slug: await (await currentLibrary()).create(input) }),
    'issue:duplicate': async ({ slug }) => ({ slug: await (await currentLibrary()).duplicate(slug) }),
    'issue:rename': async ({ slug, title }) => ({ slug: await (await currentLibrary()).rename(slug, title) }),
    'issue:trash': async ({ slug }) => ({ trashId: await (await currentLibrary()).trash(slug) }),
    'issue:restore': async ({ trashId }) => ({ slug: await (await currentLibrary()).restore(trashId) }),
    'issue:open': async ({ slug }) => store.read((await currentLibrary()).dir(slug)),
    'import:chooseFiles': async ({ kind }) => ({ paths: await dialogs.chooseFiles(kind) }),
    'import:previewText': async ({ path }) => {
      grants.require('file', path);
      const draft = await readTextDraft(path);
      return { ...draft, fields: issueFieldsFromFileName(draft.fileName, ctx.now?.() ?? new Date()) };
    },
    'import:createFromLines': async ({ lines, fields }) => ({
      slug: await createIssueFromLines(await currentLibrary(), lines, fields),
    }),
    'import:docx': async ({ slug, paths, section }) => {
      for (const path of paths) grants.require('file', path);
      return importDocxFiles((await currentLibrary()).dir(slug), paths, { section }, store);
    },
    'export:preview': async ({ slug, issue }) => {
      // Latest wins: a preview asked for while a newer one is already waiting is not printed
      // (typing would otherwise queue prints that nobody will look at, ahead of an export).
      const ticket = (previewTickets.get(slug) ?? 0) + 1;
      previewTickets.set(slug, ticket);
      const superseded = () => previewTickets.get(slug) !== ticket;
      const dir = (await currentLibrary()).dir(slug);
      const run = previewQueue.then(() => {
        if (superseded()) throw new AppError('export.superseded', {});
        return issuePdf(dir, issue, { printer: ctx.printer, skipIf: superseded });
      });
      previewQueue = run.catch(() => undefined);
      const result = await run;
      return {
        pdf: Buffer.from(result.pdf).toString('base64'),
        missingFonts: result.missingFonts,
        missingAssets: result.missingAssets,
        lastPageFill: result.lastPageFill,
      };
    },
    'export:pdf': async ({ slug, bleedMm }) => {
      const dir = (await currentLibrary()).dir(slug);
      const { issue } = await store.read(dir);
      const path = await ctx.platform.chooseSavePath(`${exportBaseName(issue)}.pdf`, 'pdf');
      if (!path) return { path: null };
      const { pdf } = await issuePdf(dir, issue, { printer: ctx.printer, bleedMm });
      await writeExport(path, pdf);
      return { path };
    },
    'export:docx': async ({ slug }) => {
      const dir = (await currentLibrary()).dir(slug);
      const { issue } = await store.read(dir);
      const path = await ctx.platform.chooseSavePath(`${exportBaseName(issue)}.docx`, 'docx');
      if (!path) return { path: null };
      const { buffer } = await docxBuffer(dir, store);
      await writeExport(path, buffer);
      return { path };
    },
    'asset:choose': async ({ slug }) => {
      const dir = (await currentLibrary()).dir(slug);
      const paths = await dialogs.chooseFiles('image');
      const assets = [];
      for (const path of paths) assets.push(await addImage(dir, path));
      return { assets };
    },
    'asset:put': async ({ slug, upload, data, done }) => {
      const bytes = uploads.add(upload, Buffer.from(data, 'base64'), done);
      return { asset: bytes ? await storeImage((await currentLibrary()).dir(slug), bytes) : null };
    },
    'asset:addPath': async ({ slug, path }) => {
      // Besides a picked or dropped image, a picture pasted from Word: a clip image its
      // clipboard HTML points at, in a folder where office suites save them.
      const file = grants.has('file', path) ? path : await pastedPictureFile(path, clipboardHtml, clipboardFolders);
      return addImage((await currentLibrary()).dir(slug), file);
    },
    'asset:data': async ({ slug, assetId }) => {
      const bytes = await new AssetStore((await currentLibrary()).dir(slug)).read(assetId);
      const type = sniffImageType(bytes);
      if (!type) throw new AppError('asset.notImage', {});
      const thumb = bytes.length > THUMBNAIL_ABOVE_BYTES ? await ctx.platform.thumbnail?.(bytes) : null;
      if (thumb) return { dataUrl: `data:image/jpeg;base64,${thumb.toString('base64')}` };
      return { dataUrl: `data:${IMAGE_MIME[type]};base64,${bytes.toString('base64')}` };
    },
    'template:list': async () => ({ templates: await listTemplates((await currentLibrary()).workspace) }),
    'template:save': async ({ name, layout }) => ({ id: await saveTemplate((await currentLibrary()).workspace, name, layout) }),
    'issue:save': async ({ slug, issue, stamp, checkpoint }) => {
      const saved = await store.save((await currentLibrary()).dir(slug), issue, stamp, { checkpoint });
      return { stamp: saved.stamp, savedAt: saved.issue.updatedAt };
    },
  };
}


/**
 * The platform's open dialogs, each answer granted: what the user picked there, main may then
 * use. The save dialog is not among them: choosing where an export goes is no leave to read
 * that file (main writes it and only reports the path).
 */
function grantingDialogs(platform: Platform, grants: PathGrants): Pick<Platform, 'chooseFolder' | 'chooseFiles'> {
  return {
    async chooseFolder() {
      const path = await platform.chooseFolder();
      if (path !== null) grants.grant('folder', [path]);
      return path;
    },
    async chooseFiles(kind) {
      const paths = await platform.chooseFiles(kind);
      grants.grant('file', paths);
      return paths;
    },
  };
}

/** The file name an export suggests: 渝工简报 2024年第3期. */
function exportBaseName(issue: Issue): string {
  return `${issue.publication.name} ${formatIssueLine({ ...issue.number, serial: null })}`.replace(/[<>:"/\\|?*]/g, '-');
}

async function writeExport(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileDurably(path, bytes);
  } catch (err) {
    throw new AppError('export.unwritable', { path, detail: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}

const IMAGE_MIME: Record<ImageType, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

/** Images larger than this are shown in the editor through a thumbnail (when the platform makes one). */
const THUMBNAIL_ABOVE_BYTES = 2 * 1024 * 1024;

/** Images larger than this are refused: a press photo is a few MB, a phone photo up to ~20. */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

/** Copies an image file into the issue's assets (once per content); refuses what is not an image. */
async function addImage(issueDir: string, path: string): Promise<{ assetId: string; width: number; height: number }> {
  return storeImage(issueDir, await readImportFile(path, MAX_IMAGE_BYTES));
}

/** Stores image bytes in the issue's assets (refusing what is not a readable image) with its displayed size. */
async function storeImage(issueDir: string, bytes: Buffer): Promise<{ assetId: string; width: number; height: number }> {
  const size = imageSize(bytes);
  if (!size) throw new AppError('asset.notImage', {});
  const { assetId } = await new AssetStore(issueDir).put(bytes);
  return { assetId, ...size };
}
