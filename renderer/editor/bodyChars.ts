import type { Body } from '../../shared/model/body.js';
import { bodyText, countChars } from '../../shared/model/text.js';

const cache = new WeakMap<Body, number>();

/**
 * 字数 of a body (countChars of its text), remembered per body object: bodies are
 * immutable, and while an article is typed in the same unchanged bodies of the rest
 * of the issue are counted again on every autosave.
 */
export function bodyChars(body: Body): number {
  let n = cache.get(body);
  if (n === undefined) {
    n = countChars(bodyText(body));
    cache.set(body, n);
  }
  return n;
}
