import { describe, expect, it } from 'vitest';
import { htmlElement, htmlText, MAX_HTML_DEPTH, parseHtml, textContent, type HtmlNode } from '../../../../shared/import/htmlTree.js';

describe('parseHtml', () => {
  it('decodes entities, knows void elements and drops comments', () => {
    expect(parseHtml('<p class=x>A&amp;B&nbsp;&lt;<br>C<img src="i.png"><!-- no --></p>')).toEqual([
      htmlElement('p', { class: 'x' }, [htmlText('A&B\u00A0<'), htmlElement('br'), htmlText('C'), htmlElement('img', { src: 'i.png' })]),
    ]);
  });

  it('flattens elements nested deeper than MAX_HTML_DEPTH, keeping their text', () => {
    const depth = MAX_HTML_DEPTH * 3;
    const tree = parseHtml(`${'<span>'.repeat(depth)}深${'</span>'.repeat(depth)}<p>后</p>`);
    const measure = (nodes: readonly HtmlNode[]): number =>
      Math.max(0, ...nodes.map((n) => (n.type === 'element' ? 1 + measure(n.children) : 0)));
    expect(measure(tree)).toBeLessThanOrEqual(MAX_HTML_DEPTH);
    expect(textContent(tree)).toBe('深后');
  });
});
