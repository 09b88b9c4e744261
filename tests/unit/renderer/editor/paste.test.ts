// Pasting from Word, WPS or the web keeps structure and emphasis and drops the rest,
// by the same clean-up rules as a Word import (headless editor, the app's extension).
import { buildEditorFromExtensions } from '@lexical/extension';
import { HeadlessExtension } from '@lexical/headless';
import { $getRoot, defineExtension, type LexicalEditor, type TextNode as LexicalTextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { bodyOf, figureNode, paragraphNode, TextFormat, textNode, type Body } from '../../../../shared/model/body.js';
import { BodyExtension } from '../../../../renderer/editor/bodyExtension.js';
import { $pasteClean, CleanPasteExtension } from '../../../../renderer/editor/plugins/PastePlugin/CleanPasteExtension.js';
import { fromBody, toBody } from '../../../../renderer/editor/serialize.js';

function editorWith(body: Body): LexicalEditor {
  const editor = buildEditorFromExtensions(
    defineExtension({ name: 'test', dependencies: [BodyExtension, CleanPasteExtension, HeadlessExtension], onError: (e: Error) => { throw e; } }),
  );
  editor.setEditorState(editor.parseEditorState(fromBody(body)));
  return editor;
}

/** Pastes at `offset` in the first paragraph's text and returns the body. */
function paste(body: Body, offset: number, html: string, text = ''): Body {
  const editor = editorWith(body);
  editor.update(
    () => {
      const first = $getRoot().getFirstDescendant<LexicalTextNode>();
      if (first) first.select(offset, offset);
      else $getRoot().selectEnd();
      $pasteClean(html, text);
    },
    { discrete: true },
  );
  return toBody(editor.getEditorState());
}

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:宋体}</style></head>
<body lang=ZH-CN><!--StartFragment-->
<p class=MsoNormal style='text-indent:21.0pt'><span style='font-family:仿宋_GB2312;color:red'>会议<b>强调</b>，要<i>深入</i>学习。</span></p>
<h1><span style='font-size:16pt'>一、总体要求</span></h1>
<ol><li><span>坚持党的领导</span></li><li>坚持以人为本</li></ol>
<!--EndFragment--></body></html>`;

describe('clean paste', () => {
  it('keeps paragraphs, emphasis, headings (h1 becomes h2) and lists from Word, and drops its styles', () => {
    const body = paste(bodyOf([paragraphNode('')]), 0, WORD_HTML);
    expect(body.root.children.map((b) => b.type)).toEqual(['paragraph', 'heading', 'list']);
    const [p, h, list] = body.root.children;
    expect(p.type === 'paragraph' && p.children).toEqual([
      textNode('会议'),
      textNode('强调', TextFormat.bold),
      textNode('，要'),
      textNode('深入', TextFormat.italic),
      textNode('学习。'),
    ]);
    expect(h).toMatchObject({ type: 'heading', tag: 'h2' });
    expect(list.type === 'list' && list.children.map((i) => i.children)).toEqual([[textNode('坚持党的领导')], [textNode('坚持以人为本')]]);
    expect(JSON.stringify(body)).not.toMatch(/font|color|Mso|仿宋/);
  });

  it('pastes a one-line fragment into the paragraph at the caret', () => {
    const body = paste(bodyOf([paragraphNode('甲丁')]), 1, '<meta charset="utf-8"><span style="color:#333">乙<b>丙</b></span>');
    expect(body).toEqual(bodyOf([{ ...paragraphNode(''), children: [textNode('甲乙'), textNode('丙', TextFormat.bold), textNode('丁')] }]));
  });

  it('turns an image into a figure waiting for its photo, captioned by the line after it', () => {
    const body = paste(bodyOf([paragraphNode('')]), 0, '<p>正文。</p><p><img src="file:///C:/clip_image002.jpg"></p><p>图为劳模座谈会现场</p>');
    expect(body.root.children).toEqual([paragraphNode('正文。'), figureNode('图为劳模座谈会现场')]);
  });

  it('makes plain text one paragraph per line, without the typed indent', () => {
    const body = paste(bodyOf([paragraphNode('')]), 0, '', '　　第一段。\r\n\r\n    第二段。\n');
    expect(body).toEqual(bodyOf([paragraphNode('第一段。'), paragraphNode('第二段。')]));
  });
});
