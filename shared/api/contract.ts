import { z } from 'zod';
import { IsoDateSchema, IssueSchema, IssueNumberSchema } from '../model/issue.js';
import { LayoutSchema } from '../model/layout.js';
import { TEMPLATE_IDS } from '../layout/templates.js';
import { AppErrorDataSchema } from './errors.js';
import { LINE_ROLES } from '../import/text.js';

/**
 * The one list of calls the renderer may make to the main process. `electron/ipc.ts`,
 * `electron/preload.ts`, `renderer/api.ts` and the e2e harness all derive from it.
 * Key: channel `domain:verb`; value: input schema (parsed in the main process) and
 * output schema (the type the renderer receives).
 */

/** The name of an issue folder inside the workspace: one path segment, never hidden, never `..`. */
export const SlugSchema = z
  .string()
  .min(1)
  .max(120)
  .refine((s) => !/[/\\\0]/.test(s) && !s.startsWith('.') && s.trim() === s, { message: 'not a folder name' });

export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const SettingsSchema = z.object({
  /** Absolute path of the workspace folder. */
  workspace: z.string().min(1),
  language: LanguageSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

/** What the library shows of one issue; cached in the workspace index. */
export const IssueSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  publication: z.string(),
  publisher: z.string(),
  number: IssueNumberSchema,
  date: IsoDateSchema,
  sectionCount: z.number().int(),
  articleCount: z.number().int(),
  chars: z.number().int(),
  /** ISO timestamp of the last edit. */
  updatedAt: z.string(),
});
export type IssueSummary = z.infer<typeof IssueSummarySchema>;

/** One folder of the library: a readable issue, or a damaged one with the reason. */
export const LibraryEntrySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), slug: z.string(), summary: IssueSummarySchema }),
  z.object({ status: z.literal('damaged'), slug: z.string(), error: AppErrorDataSchema }),
]);
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;

export const TrashEntrySchema = z.object({
  trashId: z.string(),
  slug: z.string(),
  trashedAt: z.string(),
  summary: IssueSummarySchema.nullable(),
});
export type TrashEntry = z.infer<typeof TrashEntrySchema>;

/** The fields of the “new issue” form. */
export const NewIssueInputSchema = z.object({
  template: z.enum(TEMPLATE_IDS),
  publicationName: z.string().trim().min(1).max(100),
  publisher: z.string().trim().max(200).default(''),
  year: z.number().int().min(1900).max(2999),
  no: z.number().int().min(1).max(999),
  serial: z.number().int().min(1).max(99999).nullable().default(null),
  date: IsoDateSchema,
});
export type NewIssueInput = z.infer<typeof NewIssueInputSchema>;

/** A content hash of `issue.json` as last read or written; a save must present it. */
/** One line of a text draft with its role (see shared/import/text.ts). */
export const DraftLineSchema = z.object({
  role: z.enum(LINE_ROLES),
  text: z.string().max(100_000),
});

/**
 * An absolute path of a file the user picked or dropped (each handler checks the kind of
 * file it takes by its extension). The main process reads it only if it was granted: answered by its own file dialog, or
 * reported by the preload for a drop (DROPPED_PATHS_CHANNEL); else `path.notGranted`.
 */
const ImportPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { message: 'not an absolute path' });

const StampSchema = z.string().regex(/^[0-9a-f]{64}$/);
const empty = z.object({}).strict();
const slugInput = z.object({ slug: SlugSchema }).strict();

export const contract = {
  'settings:get': { input: empty, output: SettingsSchema },
  'settings:update': {
    /** `workspace`: a folder `workspace:choose` answered, or the current or default one (else `path.notGranted`). */
    input: z.object({ workspace: z.string().min(1).max(4096).optional(), language: LanguageSchema.optional() }).strict(),
    output: SettingsSchema,
  },
  'workspace:choose': { input: empty, output: z.object({ path: z.string().nullable() }) },
  'library:list': {
    input: empty,
    output: z.object({ workspace: z.string(), entries: z.array(LibraryEntrySchema) }),
  },
  'library:trash': { input: empty, output: z.object({ entries: z.array(TrashEntrySchema) }) },
  'issue:create': { input: NewIssueInputSchema.strict(), output: z.object({ slug: z.string() }) },
  'issue:duplicate': { input: slugInput, output: z.object({ slug: z.string() }) },
  'issue:rename': {
    input: z.object({ slug: SlugSchema, title: z.string().trim().min(1).max(200) }).strict(),
    output: z.object({ slug: z.string() }),
  },
  'issue:trash': { input: slugInput, output: z.object({ trashId: z.string() }) },
  'issue:restore': {
    input: z.object({ trashId: SlugSchema }).strict(),
    output: z.object({ slug: z.string() }),
  },
  'issue:open': { input: slugInput, output: z.object({ issue: IssueSchema, stamp: StampSchema }) },
  'import:chooseFiles': {
    input: z.object({ kind: z.enum(['text', 'docx', 'image']) }).strict(),
    output: z.object({ paths: z.array(z.string()) }),
  },
  'import:previewText': {
    input: z.object({ path: ImportPathSchema }).strict(),
    output: z.object({
      fileName: z.string(),
      encoding: z.string(),
      lines: z.array(DraftLineSchema),
      fields: NewIssueInputSchema.omit({ template: true }),
    }),
  },
  'import:createFromLines': {
    input: z.object({ lines: z.array(DraftLineSchema).max(100_000), fields: NewIssueInputSchema }).strict(),
    output: z.object({ slug: z.string() }),
  },
  'import:docx': {
    input: z.object({ slug: SlugSchema, paths: z.array(ImportPathSchema).min(1).max(500), section: z.string().max(100).optional() }).strict(),
    output: z.object({
      results: z.array(
        z.union([
          z.object({
            file: z.string(),
            ok: z.literal(true),
            articleId: z.string(),
            headline: z.string(),
            images: z.number(),
            warnings: z.array(z.object({ kind: z.enum(['imageUnsupported', 'imageExternal']), contentType: z.string().optional() })),
          }),
          z.object({ file: z.string(), ok: z.literal(false), error: AppErrorDataSchema }),
        ]),
      ),
      section: z.object({ id: z.string(), title: z.string() }).nullable(),
    }),
  },
  'export:preview': {
    input: z.object({ slug: SlugSchema, issue: IssueSchema }).strict(),
    output: z.object({
      /** The PDF, base64 (the very file an export would write, without bleed). */
      pdf: z.string(),
      missingFonts: z.array(z.object({ requested: z.string(), replacement: z.string() })),
      missingAssets: z.array(z.string()),
      /**
       * How full the last page is with articles, 0–1 of the type area's height; the
       * colophon at its foot does not count (0 when it stands alone there). Null:
       * not measured, nothing to warn about.
       */
      lastPageFill: z.number().min(0).max(1).nullable(),
    }),
  },
  'export:pdf': {
    input: z.object({ slug: SlugSchema, bleedMm: z.number().min(0).max(20).default(0) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  'export:docx': {
    input: z.object({ slug: SlugSchema }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  'asset:choose': {
    input: z.object({ slug: SlugSchema }).strict(),
    output: z.object({ assets: z.array(z.object({ assetId: z.string(), width: z.number(), height: z.number() })) }),
  },
  'asset:put': {
    /**
     * An image dropped or pasted into the editor, its bytes as base64 in pieces of at most
     * 4 MB (so no single message holds the page's main thread): pieces of one `upload` are
     * sent in order, the last with `done`, which stores the image and answers its asset.
     */
    input: z
      .object({
        slug: SlugSchema,
        upload: z.string().regex(/^[A-Za-z0-9_-]{6,40}$/),
        data: z.string().max(4 * 1024 * 1024),
        done: z.boolean(),
      })
      .strict(),
    output: z.object({ asset: z.object({ assetId: z.string(), width: z.number(), height: z.number() }).nullable() }),
  },
  'asset:addPath': {
    /**
     * An image on disk that pasted HTML points at (Word's clipboard), or a picked or dropped
     * file. Read only when granted, or when the system clipboard's HTML names it.
     */
    input: z.object({ slug: SlugSchema, path: ImportPathSchema }).strict(),
    output: z.object({ assetId: z.string(), width: z.number(), height: z.number() }),
  },
  'asset:data': {
    input: z.object({ slug: SlugSchema, assetId: z.string().regex(/^[0-9a-f]{64}\.(jpg|png|webp|gif)$/) }).strict(),
    output: z.object({ dataUrl: z.string() }),
  },
  'template:list': {
    input: empty,
    output: z.object({
      templates: z.array(z.object({ id: z.string(), name: z.string(), builtIn: z.boolean(), layout: LayoutSchema })),
    }),
  },
  'template:save': {
    input: z.object({ name: z.string().trim().min(1).max(100), layout: LayoutSchema }).strict(),
    output: z.object({ id: z.string() }),
  },
  'issue:save': {
    input: z
      .object({
        slug: SlugSchema,
        issue: IssueSchema,
        stamp: StampSchema,
        /** true for an explicit save (Ctrl/Cmd+S): also keeps a history version. */
        checkpoint: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ stamp: StampSchema, savedAt: z.string() }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** The channels, in a stable order, for the preload and the harness. */
export const CHANNELS = Object.keys(contract) as Channel[];

/** What every call returns across the boundary: a value, or an error the UI can word. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof AppErrorDataSchema> };

/** The API the main process implements: one async function per channel. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };

/** The API the renderer sees on `window.masthead`: one function per channel, returning a Result. */
export type Bridge = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> };

/** Commands the application menu sends to the renderer (channel `menu:command`). */
export const MENU_COMMANDS = ['newIssue', 'importText', 'importDocx', 'save', 'showLibrary', 'settings', 'exportPdf', 'exportDocx', 'find', 'replace', 'proofread', 'prepareClose'] as const;
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;
export const MENU_CHANNEL = 'menu:command';

/**
 * The preload's own channel (not in `contract`, so the page cannot call it): the paths
 * Electron's webUtils gives for the files of a drop. The main process grants those it
 * may import and answers them, as `string[]`.
 */
export const DROPPED_PATHS_CHANNEL = 'path:dropped';
/** What the preload sends on DROPPED_PATHS_CHANNEL: webUtils' path of each dropped file ('' for none). */
export const DroppedPathsSchema = z.array(z.string().max(4096)).max(500);

/** `window.masthead`: the calls of the contract plus the menu subscription. */
export interface MastheadWindowApi {
  invoke: Bridge;
  /**
   * The paths of files dropped on the window, in order, once the main process has been
   * told it may read them; files without a path (not from the disk) or of a kind the app
   * does not import are left out.
   */
  droppedPaths(files: readonly File[]): Promise<string[]>;
  /** Calls `listener` for each menu command; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
