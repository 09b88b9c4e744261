// Chinese quotation marks in print: “ ” ‘ ’ are full-width in Chinese type, as the
// system's 仿宋 and 楷体 draw them. LXGW WenKai (the stand-in for both) draws them
// Latin-narrow; its family borrows the quotes of Noto Serif SC. Measured in a real PDF
// printed by Chromium and read back with poppler (`pdftotext -bbox`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdfPrinter } from '../../../electron/pdf/chromiumPrinter.js';
import { issuePdf } from '../../../electron/services/export/pdf.js';
import { bodyOf, paragraphNode } from '../../../shared/model/body.js';
import { addArticle, addSection, updateArticle } from '../../../shared/model/ops.js';
import { sampleIssue } from '../../helpers/issues.js';

const printer = new ChromiumPdfPrinter();
const dir = mkdtempSync(join(tmpdir(), 'masthead-quotes-'));
afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The width in points of each word poppler finds on page 1. */
function wordWidths(pdf: Uint8Array): Map<string, number> {
  const file = join(dir, 'quotes.pdf');
  writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  const widths = new Map<string, number>();
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
    widths.set(m[3], Number(m[2]) - Number(m[1]));
  }
  return widths;
}

describe('quotation marks in a 仿宋 (LXGW WenKai) body', () => {
  it('print full-width: “十四五” is five characters wide, like 【十四五】', async () => {
    // The 简报 template sets its body in 仿宋 at 16 pt, which prints in LXGW WenKai here.
    const made = addSection(sampleIssue(), '渝工建功');
    const added = addArticle(made.issue, made.section.id, '标题');
    const issue = updateArticle(added.issue, added.article.id, {
      body: bodyOf([paragraphNode('“十四五”'), paragraphNode('【十四五】'), paragraphNode('‘十四五’')]),
    });
    expect(issue.layout.fonts.body).toMatchObject({ family: expect.stringMatching(/仿宋/), sizePt: 16 });
    const { pdf } = await issuePdf(dir, issue, { printer });
    const widths = wordWidths(pdf);
    const brackets = widths.get('【十四五】') ?? 0;
    expect(brackets).toBeGreaterThan(75);
    // Narrow quotes would make it about 3.7 em (~59 pt) against the brackets' 5 em (80 pt).
    expect(widths.get('“十四五”')).toBeGreaterThan(brackets - 4);
    expect(widths.get('‘十四五’')).toBeGreaterThan(brackets - 4);
  }, 60_000);
});
