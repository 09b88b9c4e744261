import type { BlockNode, FigureNode, ListNode } from '../../model/body.js';
import type { AssetResolver } from '../assets.js';
import { escapeHtml, inlineHtml } from './inline.js';



const ALIGN: Record<string, string> = { left: 'left', start: 'left', center: 'center', right: 'right', end: 'right' };

function alignAttr(format: string): string {
  return ALIGN[format] ? ` style="text-align:${ALIGN[format]};text-indent:0"` : '';
}

function listHtml(list: ListNode): string {
  const tag = list.listType === 'number' ? 'ol' : 'ul';
  const start = list.listType === 'number' && list.start !== 1 ? ` start="${list.start}"` : '';
  const items = list.children
    .map((item) => {
      const nested = item.children.filter((c): c is ListNode => c.type === 'list').map(listHtml).join('');
      const inline = item.children.filter((c) => c.type === 'text' || c.type === 'linebreak');
      return `<li>${inlineHtml(inline as Parameters<typeof inlineHtml>[0])}${nested}</li>`;
    })
    .join('');
  return `<${tag}${start}>${items}</${tag}>`;
}

/** A figure: the image (or a marked frame where the photo is still missing) and its caption. */
export function figureHtml(figure: FigureNode, assets: AssetResolver, extraClass = ''): string {
  const url = figure.assetId ? assets.dataUrl(figure.assetId) : null;
  const size = figure.assetId ? assets.size(figure.assetId) : null;
  const ratio = size ? ` style="aspect-ratio:${size.width}/${size.height}"` : '';
  const image = url
    ? `<img src="${url}" alt="${escapeHtml(figure.caption)}"${ratio}>`
    : `<div class="fig-missing" aria-hidden="true"></div>`;
  const caption = figure.caption ? `<figcaption>${escapeHtml(figure.caption)}</figcaption>` : '';
  return `<figure class="fig fig-${figure.width}${extraClass}">${image}${caption}</figure>`;
}

/** HTML of one body block. */
export function blockHtml(block: BlockNode, assets: AssetResolver): string {
  switch (block.type) {
    case 'paragraph':
      return block.children.length === 0 ? '' : `<p${alignAttr(block.format)}>${inlineHtml(block.children)}</p>`;
    case 'heading':
      return `<h4 class="subhead subhead-${block.tag}">${inlineHtml(block.children)}</h4>`;
    case 'quote':
      return `<blockquote>${inlineHtml(block.children)}</blockquote>`;
    case 'list':
      return listHtml(block);
    case 'table': {
      const rows = block.children
        .map((row) => {
          const cells = row.children
            .map((cell) => {
              const tag = cell.headerState ? 'th' : 'td';
              const span = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
              return `<${tag}${span}>${cell.children.map((p) => inlineHtml(p.children)).join('<br>')}</${tag}>`;
            })
            .join('');
          return `<tr>${cells}</tr>`;
        })
        .join('');
      return `<table><tbody>${rows}</tbody></table>`;
    }
    case 'horizontalrule':
      return '<hr>';
    case 'figure':
      return figureHtml(block, assets);
  }
}

/** HTML of a body's blocks, in order. */
export function bodyHtml(blocks: readonly BlockNode[], assets: AssetResolver): string {
  return blocks.map((b) => blockHtml(b, assets)).join('\n');
}
