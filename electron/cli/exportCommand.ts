import { dirname, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../shared/api/errors.js';
import { translate } from '../../shared/i18n/translate.js';
import { ChromiumPdfPrinter } from '../pdf/chromiumPrinter.js';
import { writeFileDurably } from '../services/durableFile.js';
import { docxBuffer } from '../services/export/docx.js';
import { issuePdf, printDocument, type MissingFont } from '../services/export/pdf.js';
import { IssueStore } from '../services/issueStore.js';
import { findTemplate } from '../services/templates.js';
import { badOption, parseCommandArgs } from './args.js';
import type { CliIo } from './commands.js';

async function writeOut(file: string, bytes: Uint8Array | string): Promise<void> {
  try {
    await writeFileDurably(file, bytes);
  } catch (err) {
    throw new AppError('export.unwritable', { path: file, detail: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}

/**
 * `masthead export ISSUE_DIR [--pdf FILE] [--html FILE] [--docx FILE] [--bleed MM]
 * [--template NAME] [--browser PATH]`: the press-ready PDF (printed by Chromium, Chrome
 * or Edge found on the machine), the print HTML it prints, and the editable DOCX.
 */
export async function exportCommand(io: CliIo, args: string[], err: (text: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    io.lang,
    'export',
    args,
    {
      pdf: { type: 'string' },
      html: { type: 'string' },
      docx: { type: 'string' },
      bleed: { type: 'string' },
      template: { type: 'string' },
      browser: { type: 'string' },
    },
    true,
  );
  if (values.help) {
    io.out(`${translate(io.lang, 'cli.help.export')}\n`);
    return 0;
  }
  const dir = positionals[0];
  if (!dir || positionals.length > 1) {
    throw new AppError('cli.usage', { command: 'export', detail: translate(io.lang, 'cli.missingArgument', { argument: 'ISSUE_DIR' }) });
  }
  if (!values.pdf && !values.html && !values.docx) {
    throw new AppError('cli.usage', { command: 'export', detail: translate(io.lang, 'cli.export.nothing') });
  }
  const bleed = values.bleed === undefined ? 0 : Number(values.bleed);
  if (!Number.isFinite(bleed) || bleed < 0 || bleed > 20) throw badOption(io.lang, 'export', '--bleed', values.bleed ?? '');

  const issueDir = resolve(dir);
  const { issue } = await new IssueStore().read(issueDir);
  const layout = values.template ? (await findTemplate(dirname(issueDir), values.template)).layout : issue.layout;
  const warnFonts = (fonts: MissingFont[]) => {
    for (const f of fonts) err(`${translate(io.lang, 'cli.export.missingFont', { requested: f.requested, replacement: f.replacement })}\n`);
  };
  const warnAssets = (ids: string[]) => {
    for (const id of ids) err(`${translate(io.lang, 'cli.export.missingAsset', { assetId: id })}\n`);
  };

  if (values.html) {
    const doc = await printDocument(issueDir, issue, layout);
    await writeOut(resolve(values.html), doc.html);
    io.out(`${translate(io.lang, 'cli.export.html', { file: resolve(values.html) })}\n`);
    if (!values.pdf) {
      warnFonts(doc.missingFonts);
      warnAssets(doc.missingAssets);
    }
  }
  if (values.pdf) {
    const printer = new ChromiumPdfPrinter({ executablePath: values.browser });
    try {
      const started = printer.start(); // the browser starts while the HTML is built
      const result = await issuePdf(issueDir, issue, { printer, bleedMm: bleed, layout });
      await started;
      await writeOut(resolve(values.pdf), result.pdf);
      const pages = (await PDFDocument.load(result.pdf, { updateMetadata: false })).getPageCount();
      io.out(`${translate(io.lang, 'cli.export.pdf', { file: resolve(values.pdf), pages })}\n`);
      warnFonts(result.missingFonts);
      warnAssets(result.missingAssets);
    } finally {
      await printer.close();
    }
  }
  if (values.docx) {
    const { buffer, missingAssets } = await docxBuffer(issueDir);
    await writeOut(resolve(values.docx), buffer);
    io.out(`${translate(io.lang, 'cli.export.docx', { file: resolve(values.docx) })}\n`);
    if (!values.pdf) warnAssets(missingAssets);
  }
  return 0;
}
