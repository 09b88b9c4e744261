import { Parser } from 'htmlparser2';

/**
 * A minimal, DOM-free HTML element tree. The main process builds it from mammoth's
 * HTML (see `parseHtml`); the renderer may build it from the DOM of a paste. The
 * clean-up rules (`cleanup.ts`) and the conversion to body blocks work on this shape
 * only, so both sides clean the same way.
 */
export interface HtmlElement {
  type: 'element';
  /** Lower-case tag name (`p`, `strong`, `o:p` …). */
  tag: string;
  /** Attributes by lower-case name. */
  attrs: Record<string, string>;
  children: HtmlNode[];
}

/** A run of text, entities already decoded. */
export interface HtmlText {
  type: 'text';
  text: string;
}

/** Any node of the tree. Comments, doctypes and processing instructions are not kept. */
export type HtmlNode = HtmlElement | HtmlText;

/** An element node. */
export function htmlElement(tag: string, attrs: Record<string, string> = {}, children: HtmlNode[] = []): HtmlElement {
  return { type: 'element', tag, attrs, children };
}

/** A text node. */
export function htmlText(text: string): HtmlText {
  return { type: 'text', text };
}

/**
 * How deep the tree may nest. Deeper elements are flattened into their ancestor at
 * this depth, so the recursive walks that follow cannot overflow the stack on hostile
 * input (100 000 nested `<div>`s in a paste).
 */
export const MAX_HTML_DEPTH = 64;

/**
 * Parses an HTML fragment or document into the tree (HTML rules: void elements,
 * implied end tags, entities decoded). Comments — including Word's conditional
 * comments — are dropped here.
 */
export function parseHtml(html: string): HtmlNode[] {
  const root = htmlElement('#root');
  const stack: HtmlElement[] = [root];
  // Elements opened beyond MAX_HTML_DEPTH are not pushed; count them to match their close tags.
  let overflow = 0;
  const top = () => stack[stack.length - 1];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stack.length > MAX_HTML_DEPTH) {
          overflow++;
          return;
        }
        const el = htmlElement(name, { ...attribs });
        top().children.push(el);
        stack.push(el);
      },
      onclosetag() {
        if (overflow > 0) overflow--;
        else if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        const children = top().children;
        const last = children[children.length - 1];
        if (last?.type === 'text') last.text += text;
        else children.push(htmlText(text));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return root.children;
}

/** The text of nodes, tags ignored (no separators added between blocks). */
export function textContent(nodes: readonly HtmlNode[]): string {
  let out = '';
  for (const n of nodes) out += n.type === 'text' ? n.text : textContent(n.children);
  return out;
}
