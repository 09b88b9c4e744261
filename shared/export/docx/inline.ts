import { Tab, TextRun, UnderlineType, type IRunOptions } from 'docx';
import { TextFormat, type InlineNode } from '../../model/body.js';

/** Run options without the text: what a run's format bits or a character style give. */
export type RunFormat = Omit<IRunOptions, 'text' | 'children' | 'break'>;

// XML 1.0 allows tab, LF, CR, U+0020…U+D7FF, U+E000…U+FFFD and the supplementary
// planes; Word refuses a part holding anything else (C0 controls, U+FFFE, lone surrogates).
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
}

/** Text with the characters XML cannot carry removed. */
export function xmlSafe(text: string): string {
  const chars = Array.from(text); // code points; a lone surrogate stays a unit of its own
  return chars.every((c) => isXmlChar(c.codePointAt(0) ?? 0)) ? text : chars.filter((c) => isXmlChar(c.codePointAt(0) ?? 0)).join('');
}

/**
 * Runs for a piece of text: `\n` becomes a line break (`w:br`), a tab a `w:tab`, so a
 * two-line headline stays one paragraph with two lines.
 */
export function textRuns(text: string, format: RunFormat = {}): TextRun[] {
  return xmlSafe(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => {
      const parts = line.split('\t');
      const children = parts.flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part])).filter((c) => c !== '');
      return new TextRun({ ...format, break: i > 0 ? 1 : undefined, children });
    });
}

/** Run options for Lexical's text format bits (bold, italic, underline …). */
export function formatOf(bits: number): RunFormat {
  const has = (bit: number) => (bits & bit) !== 0;
  return {
    bold: has(TextFormat.bold) || undefined,
    italics: has(TextFormat.italic) || undefined,
    strike: has(TextFormat.strikethrough) || undefined,
    underline: has(TextFormat.underline) ? { type: UnderlineType.SINGLE } : undefined,
    superScript: has(TextFormat.superscript) || undefined,
    subScript: has(TextFormat.subscript) || undefined,
    highlight: has(TextFormat.highlight) ? 'yellow' : undefined,
    // Code keeps the paragraph's CJK font and takes a monospaced one for Latin letters.
    font: has(TextFormat.code) ? { ascii: 'Consolas', hAnsi: 'Consolas' } : undefined,
  };
}

/**
 * The runs of a block's inline nodes: text with its format bits (over `base`, such as
 * a table header's bold), line breaks as `w:br`.
 */
export function inlineRuns(nodes: readonly InlineNode[], base: RunFormat = {}): TextRun[] {
  return nodes.flatMap((node) => {
    if (node.type === 'linebreak') return [new TextRun({ break: 1 })];
    const own = Object.fromEntries(Object.entries(formatOf(node.format)).filter(([, v]) => v !== undefined));
    return textRuns(node.text, { ...base, ...own });
  });
}
