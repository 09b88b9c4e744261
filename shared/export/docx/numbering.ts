import { AlignmentType, LevelFormat, LevelSuffix, Paragraph, type ILevelsOptions, type INumberingOptions } from 'docx';
import type { InlineNode, ListNode } from '../../model/body.js';
import { inlineRuns } from './inline.js';
import { twipsOfPt } from './units.js';

/**
 * Lists as Word lists: real numbering definitions (`w:abstractNum` + `w:num` in
 * numbering.xml) rather than typed bullets, so Word and WPS renumber, restyle and
 * continue them. Numbers go 1. → （1） → ① by level, bullets ● → ○ → ■; the marker
 * stands where a body paragraph's first line starts (2 characters in) and the text
 * hangs 1.5 characters after it.
 */

const NUMBER_LEVELS: ReadonlyArray<{ format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (n: number) => string }> = [
  { format: LevelFormat.DECIMAL, text: (n) => `%${n}.` },
  { format: LevelFormat.DECIMAL, text: (n) => `（%${n}）` },
  { format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: (n) => `%${n}` },
];
const BULLETS = ['●', '○', '■'];
const MAX_LEVELS = 9;

/** Collects the numbering definitions a document's lists need, one per list type and start number. */
export class ListNumbering {
  private readonly definitions = new Map<string, ILevelsOptions[]>();
  private instances = 0;

  /** `bodyPt` is the body font size: indents are measured in its characters. */
  constructor(private readonly bodyPt: number) {}

  private levels(listType: ListNode['listType'], startLevel: number, start: number): ILevelsOptions[] {
    const em = twipsOfPt(this.bodyPt);
    return Array.from({ length: MAX_LEVELS }, (_, level) => {
      const numbered = NUMBER_LEVELS[level % NUMBER_LEVELS.length];
      return {
        level,
        format: listType === 'number' ? numbered.format : LevelFormat.BULLET,
        text: listType === 'number' ? numbered.text(level + 1) : BULLETS[level % BULLETS.length],
        start: level === startLevel ? start : 1,
        alignment: AlignmentType.LEFT,
        suffix: LevelSuffix.TAB,
        style: { paragraph: { indent: { left: Math.round(em * (3.5 + 2 * level)), hanging: Math.round(em * 1.5) } } },
      };
    });
  }

  /** The reference of the definition for a list of `listType` at `level` that starts at `start`. */
  reference(listType: ListNode['listType'], level: number, start: number): string {
    const reference = listType === 'bullet' ? 'masthead-bullet' : `masthead-number-${level}-${start}`;
    if (!this.definitions.has(reference)) this.definitions.set(reference, this.levels(listType, level, start));
    return reference;
  }

  /** A new list instance: its items number from the start again. */
  nextInstance(): number {
    return ++this.instances;
  }

  /** The `numbering` option of the Document. */
  options(): INumberingOptions {
    return { config: [...this.definitions].map(([reference, levels]) => ({ reference, levels })) };
  }
}

/**
 * The paragraphs of a list (style List Paragraph), nested lists one level deeper.
 * Each list is its own Word list instance, so numbering restarts where the editor
 * started a new list.
 */
export function listParagraphs(list: ListNode, numbering: ListNumbering, level = 0): Paragraph[] {
  const reference = numbering.reference(list.listType, level, list.start);
  const instance = numbering.nextInstance();
  return list.children.flatMap((item) => {
    const inline = item.children.filter((c): c is InlineNode => c.type !== 'list');
    const nested = item.children.filter((c): c is ListNode => c.type === 'list');
    const own =
      inline.length > 0
        ? [new Paragraph({ style: 'ListParagraph', numbering: { reference, level: Math.min(level, MAX_LEVELS - 1), instance }, children: inlineRuns(inline) })]
        : [];
    return [...own, ...nested.flatMap((n) => listParagraphs(n, numbering, level + 1))];
  });
}
