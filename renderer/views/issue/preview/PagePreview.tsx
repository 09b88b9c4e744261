import { useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '../../../../shared/api/contract.js';
import type { AppErrorData } from '../../../../shared/api/errors.js';
import type { Issue } from '../../../../shared/model/issue.js';
import { proofIssue } from '../../../../shared/proof/proofIssue.js';
import { call, errorData } from '../../../api.js';
import { ErrorBanner } from '../../../components/ErrorBanner.js';
import { useI18n } from '../../../i18n/I18n.js';
import { drawPage, openPdf, type PreviewPdf } from './pdfPages.js';

/**
 * The preview follows edits once typing pauses this long (the promise: pages refreshed
 * within about 1.5 s of an edit); printing during continuous typing would steal the
 * main thread from the editor.
 */
const PREVIEW_DELAY_MS = 800;
const PAGE_WIDTH_PX = 300;
/** Below this share of the type area filled with articles, the last page is called nearly empty. */
const LAST_PAGE_EMPTY_BELOW = 0.5;

type Rendered = { pdf: PreviewPdf; result: Output<'export:preview'> };

/**
 * The printed pages of the issue: the very PDF an export writes, drawn by pdf.js,
 * refreshed shortly after each edit, with the page count and the target-pages check.
 */
export function PagePreview({ slug, issue }: { slug: string; issue: Issue }) {
  const { t } = useI18n();
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const latest = useRef(0);
  const pagesRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      setBusy(true);
      try {
        const result = await call('export:preview', { slug, issue });
        if (ticket !== latest.current) return; // a newer edit is already on its way
        const pdf = await openPdf(result.pdf);
        if (ticket !== latest.current) return;
        setRendered((previous) => {
          void previous?.pdf.destroy();
          return { pdf, result };
        });
        setError(null);
      } catch (err) {
        const data = errorData(err);
        // A preview skipped for a newer one is no error for the editor.
        if (ticket === latest.current && data.code !== 'export.superseded') setError(data);
      } finally {
        if (ticket === latest.current) setBusy(false);
      }
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [slug, issue]);

  // Pages are drawn when they scroll into view, one at a time when the main thread is
  // idle, so a long issue never blocks the editor.
  useEffect(() => {
    const host = pagesRef.current;
    if (!host || !rendered) return;
    const drawn = new Set<Element>();
    let chain = Promise.resolve();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const canvas = entry.target as HTMLCanvasElement;
          if (!entry.isIntersecting || drawn.has(canvas)) continue;
          drawn.add(canvas);
          const number = Number(canvas.dataset.page);
          // Each page waits for a moment the editor leaves free (between keystrokes), at most 1 s.
          chain = chain.then(() => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 1000 })))
            .then(() => drawPage(rendered.pdf, number, canvas, PAGE_WIDTH_PX))
            .catch(() => undefined);
        }
      },
      { root: host, rootMargin: '400px 0px' },
    );
    host.querySelectorAll('canvas').forEach((c) => observer.observe(c));
    return () => observer.disconnect();
  }, [rendered]);

  // What the press would print as typed: punctuation still to correct (the 校对 tab lists it).
  const toProof = useMemo(() => proofIssue(issue).length, [issue]);
  const pages = rendered?.pdf.numPages ?? 0;
  const target = issue.layout.targetPages;
  const warnings: string[] = [];
  if (rendered) {
    if (target !== null && pages > target) warnings.push(t('preview.overTarget', { over: pages - target, target }));
    if (target !== null && pages < target) warnings.push(t('preview.underTarget', { under: target - pages, target }));
    // Measured by main from where the articles end: the colophon at the page's foot is no content.
    const fill = rendered.result.lastPageFill;
    if (fill != null && fill < LAST_PAGE_EMPTY_BELOW) warnings.push(t('preview.lastPageEmpty', { percent: Math.round(fill * 100) }));
    for (const f of rendered.result.missingFonts) warnings.push(t('preview.missingFont', f));
    if (rendered.result.missingAssets.length) warnings.push(t('preview.missingAssets', { n: rendered.result.missingAssets.length }));
    if (toProof > 0) warnings.push(t('preview.toProof', { n: toProof }));
  }

  return (
    <div className="preview">
      <div className="preview-bar">
        <span className="preview-count" data-pages={pages}>
          {rendered ? t('preview.pages', { n: pages }) : ''}
        </span>
        <span className={busy ? 'preview-busy active' : 'preview-busy'}>{busy ? t('preview.updating') : ''}</span>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {warnings.length > 0 && (
        <ul className="preview-warnings" role="status">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="preview-pages" ref={pagesRef}>
        {Array.from({ length: pages }, (_, i) => (
          <figure key={i} className="preview-page">
            <canvas aria-label={`${i + 1}`} data-page={i + 1} width={PAGE_WIDTH_PX} height={Math.round((PAGE_WIDTH_PX * issue.layout.page.heightMm) / issue.layout.page.widthMm)} />
            <figcaption>{i + 1}</figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
