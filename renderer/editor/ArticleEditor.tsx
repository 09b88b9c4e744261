import { HistoryExtension } from '@lexical/history';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import { configExtension, defineExtension } from 'lexical';
import { useMemo, useRef, useState } from 'react';
import type { Body } from '../../shared/model/body.js';
import { useI18n } from '../i18n/I18n.js';
import { bodyChars } from './bodyChars.js';
import { BodyExtension } from './bodyExtension.js';
import './editor.css';
import { useEditorT } from './messages.js';
import { FigureServicesContext, type FigureServices } from './nodes/FigureNode/FigureServices.js';
import { AutosavePlugin } from './plugins/AutosavePlugin/AutosavePlugin.js';
import { DragBlockPlugin } from './plugins/DragBlockPlugin/DragBlockPlugin.js';
import { ImageDropPlugin } from './plugins/ImageDropPlugin/ImageDropPlugin.js';
import { CleanPasteExtension } from './plugins/PastePlugin/CleanPasteExtension.js';
import { ToolbarPlugin } from './plugins/ToolbarPlugin/ToolbarPlugin.js';
import { fromBody } from './serialize.js';

const NO_IMAGES: FigureServices = { imageUrl: () => null };

export interface ArticleEditorProps {
  /** The article's body; read when the editor mounts (key the editor by article id), reloaded only when it changes from outside. */
  body: Body;
  /** The edited body, validated, at most ~0.3 s after the last keystroke and never mid-composition. */
  onChange(body: Body): void;
  /** 字数 of the rest of the article's section and of the issue (without this article), for live totals. */
  otherChars?: { section: number; issue: number };
  /** Images for figures (and, later, choosing one). */
  figureServices?: FigureServices;
}

/**
 * The article body editor (正文): Lexical with the body extension, its own undo
 * history (remount per article), a toolbar, live 字数 and autosave through `onChange`.
 */
export function ArticleEditor({ body, onChange, otherChars, figureServices = NO_IMAGES }: ArticleEditorProps) {
  const t = useEditorT();
  const i18n = useI18n();
  const initialBody = useRef(body);
  const [pending, setPending] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [surface, setSurface] = useState<HTMLDivElement | null>(null);
  const extension = useMemo(
    () =>
      defineExtension({
        name: '@masthead/article-editor',
        dependencies: [BodyExtension, CleanPasteExtension, configExtension(HistoryExtension, { delay: 500 })],
        $initialEditorState: JSON.stringify(fromBody(initialBody.current)),
        onError: (error: Error) => console.error(error),
      }),
    [],
  );
  const chars = bodyChars(body);

  return (
    <FigureServicesContext.Provider value={figureServices}>
      <LexicalExtensionComposer extension={extension} contentEditable={null}>
        <section className="article-editor" aria-label={t('editor.label')}>
          <ToolbarPlugin />
          <div className="ed-surface" ref={setSurface}>
            <ContentEditable
              className="ed-content"
              lang="zh-CN"
              spellCheck={false}
              aria-label={t('editor.label')}
              aria-placeholder={t('editor.placeholder')}
              placeholder={<div className="ed-placeholder">{t('editor.placeholder')}</div>}
            />
          </div>
          <footer className="ed-status">
            <span className={pending ? 'ed-typing visible' : 'ed-typing'} data-pending={pending}>
              {t('editor.typing')}
            </span>
            {invalid && <span className="ed-invalid">{t('editor.invalid')}</span>}
            <span className="ed-counts" data-chars={chars}>
              <span className="ed-count-article">{t('editor.chars.article', { n: i18n.number(chars) })}</span>
              {otherChars && (
                <>
                  <span className="ed-count">{t('editor.chars.section', { n: i18n.number(otherChars.section + chars) })}</span>
                  <span className="ed-count">{t('editor.chars.issue', { n: i18n.number(otherChars.issue + chars) })}</span>
                </>
              )}
            </span>
          </footer>
          {surface && <DragBlockPlugin anchor={surface} />}
          <ImageDropPlugin />
          <AutosavePlugin body={body} onChange={onChange} onPendingChange={setPending} onInvalidChange={setInvalid} />
        </section>
      </LexicalExtensionComposer>
    </FigureServicesContext.Provider>
  );
}
