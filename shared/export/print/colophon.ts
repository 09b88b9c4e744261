/*
 * Placing the colophon (报尾 / 版记) of the print HTML. GB/T 9704-2012
 * §7.4.1 puts the 版记 at the foot of the last page, its last rule on the bottom edge of
 * the type area. CSS cannot say "bottom of the last page" (Chromium has no page floats),
 * so the PDF service measures: the first print carries two marks, empty links at the top
 * and the bottom of the colophon that the PDF keeps as link annotations at exactly those
 * places; from where they landed it works out the free space below the colophon, and
 * prints again with `colophonRevisionCss` (electron/services/print/colophonPlacement.ts).
 */

/**
 * The space above the colophon, mm (its CSS `margin-top`): between the end of the last
 * article and the colophon's first rule when the colophon follows it on the same page.
 */
export const COLOPHON_GAP_MM = 10;

/** The link targets of the two marks (`.invalid` never resolves; nothing is ever fetched). */
export const COLOPHON_MARKS = {
  top: 'https://masthead.invalid/colophon/top',
  bottom: 'https://masthead.invalid/colophon/bottom',
} as const;

/** The two marks, first thing in the colophon (positioned, so they take no room). */
export function colophonMarksHtml(): string {
  return (['top', 'bottom'] as const)
    .map((at) => `<a class="colophon-mark ${at}" href="${COLOPHON_MARKS[at]}" aria-hidden="true" tabindex="-1"></a>`)
    .join('');
}

/**
 * The CSS of a later pass: the marks hidden (they must not reach the finished PDF as
 * links), and the colophon pushed down by `spacerPt` (pt; 0 leaves it where it was).
 * Padding, not margin: a margin at the top of a page is truncated, padding is not.
 */
export function colophonRevisionCss(spacerPt: number): string {
  const hide = '.colophon-mark { display: none; }';
  return spacerPt > 0 ? `${hide}\n.colophon { padding-top: ${spacerPt.toFixed(2)}pt; }` : hide;
}
