// A headline never stands alone at the foot of a page: it goes over with the start of
// its article (a figure that does not fit takes the headline with it). The sample
// bulletin in both templates, printed as the app prints it, read back with poppler.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdfPrinter } from '../../../electron/pdf/chromiumPrinter.js';
import { issuePdf } from '../../../electron/services/export/pdf.js';
import type { TemplateId } from '../../../shared/layout/templates.js';
import { bodyText } from '../../../shared/model/text.js';
import { sampleBulletin } from '../../helpers/sampleBulletin.js';

const printer = new ChromiumPdfPrinter();
const dir = mkdtempSync(join(tmpdir(), 'masthead-keep-'));
afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, '');

function pageTexts(pdf: Uint8Array): string[] {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map(squash);
}

describe.each(['bulletin', 'newsletter'] as TemplateId[])('the sample bulletin in the %s template', (template) => {
  it('prints every headline on the page where its article begins', async () => {
    const issue = sampleBulletin(template);
    const pages = pageTexts((await issuePdf(dir, issue, { printer })).pdf);
    const articles = issue.sections.flatMap((s) => s.articles).filter((a) => a.kind === 'story' && a.headline !== '');
    expect(articles.length).toBeGreaterThan(4);
    for (const article of articles) {
      const first = article.body.root.children[0];
      // What follows the headline: the first figure's caption, or the first words of the text.
      const start = squash(first?.type === 'figure' ? first.caption : bodyText(article.body)).slice(0, 12);
      const page = pages.findIndex((text) => text.includes(squash(article.headline)));
      expect(page, article.headline).toBeGreaterThanOrEqual(0);
      expect(pages[page], `${article.headline} on page ${page + 1}`).toContain(start);
    }
  }, 120_000);
});
