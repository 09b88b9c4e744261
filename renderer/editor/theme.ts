import type { EditorThemeClasses } from 'lexical';

/** CSS classes of the body nodes in the editor (styled in editor.css). */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  heading: { h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4' },
  quote: 'ed-quote',
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-li-nested' },
  },
  table: 'ed-table',
  tableRow: 'ed-tr',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  tableSelected: 'ed-table-selected',
  tableCellSelected: 'ed-td-selected',
  hr: 'ed-hr',
  hrSelected: 'is-selected',
  figure: 'ed-figure',
  indent: 'ed-indent',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
    superscript: 'ed-sup',
    subscript: 'ed-sub',
    code: 'ed-code',
    highlight: 'ed-highlight',
  },
};
