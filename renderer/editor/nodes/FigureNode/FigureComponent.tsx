import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { CLICK_COMMAND, COMMAND_PRIORITY_LOW, HISTORY_MERGE_TAG, type NodeKey } from 'lexical';
import { useContext, useEffect, useRef } from 'react';
import { FigureWidthSchema, type FigureWidth } from '../../../../shared/model/body.js';
import { figureResolution } from '../../../../shared/model/figures.js';
import { icons } from '../../icons.js';
import { useEditorT } from '../../messages.js';
import { CaptionInput } from './CaptionInput.js';
import { FigureServicesContext, type FigurePrint, type StoredImage } from './FigureServices.js';

/** A change to a figure made from its decorator; `image` places a stored image with its pixel size. */
export interface FigurePatch {
  caption?: string;
  width?: FigureWidth;
  image?: StoredImage;
}

interface FigureComponentProps {
  nodeKey: NodeKey;
  assetId: string | null;
  caption: string;
  width: FigureWidth;
  /** The image's size in px, when recorded. */
  pixelWidth: number | null;
  pixelHeight: number | null;
  onChange(patch: FigurePatch, tag?: string): void;
  onRemove(): void;
}

/**
 * How a figure looks in the editor: the image (or a dashed frame while the photo is
 * still to come), its width as it will print, and the caption field under it.
 * Clicking the frame selects the figure, so Backspace or Delete removes it.
 */
export function FigureComponent({ nodeKey, assetId, caption, width, pixelWidth, pixelHeight, onChange, onRemove }: FigureComponentProps) {
  const t = useEditorT();
  const services = useContext(FigureServicesContext);
  const [editor] = useLexicalComposerContext();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const frame = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      editor.registerCommand(
        CLICK_COMMAND,
        (event) => {
          if (!(event.target instanceof Node) || !frame.current?.contains(event.target)) return false;
          if (event.target instanceof HTMLElement && event.target.closest('button')) return false;
          if (!event.shiftKey) clearSelection();
          setSelected(true);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, clearSelection, setSelected],
  );

  const url = assetId ? services.imageUrl(assetId) : null;
  const choose = services.chooseImage;
  return (
    <figure className={isSelected ? 'ed-figure-body is-selected' : 'ed-figure-body'} data-width={width} aria-label={t('editor.figure')}>
      <div className="ed-figure-frame" ref={frame}>
        {url ? (
          <img className="ed-figure-img" src={url} alt={caption} draggable={false} />
        ) : (
          <div className="ed-figure-placeholder">
            {icons.figure}
            <span>{assetId ? t('editor.figure.noImage') : t('editor.figure.placeholder')}</span>
            {choose && (
              <button
                type="button"
                className="ed-figure-choose"
                onClick={() => void choose().then((image) => image && onChange({ image }))}
              >
                {t('editor.figure.choose')}
              </button>
            )}
          </div>
        )}
        <div className="ed-figure-tools">
          <div className="ed-seg" role="radiogroup" aria-label={t('editor.figure.width')}>
            {FigureWidthSchema.options.map((w) => (
              <button
                key={w}
                type="button"
                role="radio"
                aria-checked={w === width}
                className={w === width ? 'ed-seg-item active' : 'ed-seg-item'}
                onClick={() => onChange({ width: w })}
              >
                {t(`editor.figure.width.${w}`)}
              </button>
            ))}
          </div>
          <button type="button" className="ed-figure-remove" title={t('editor.figure.remove')} aria-label={t('editor.figure.remove')} onClick={onRemove}>
            {icons.remove}
          </button>
        </div>
      </div>
      {assetId && pixelWidth !== null && pixelHeight !== null && (
        <PixelInfo figure={{ assetId, width, pixelWidth, pixelHeight }} print={services.print} />
      )}
      <CaptionInput
        value={caption}
        label={t('editor.figure.caption')}
        placeholder={t('editor.figure.captionPlaceholder')}
        onCommit={(text, continued) => onChange({ caption: text }, continued ? HISTORY_MERGE_TAG : undefined)}
      />
    </figure>
  );
}

/**
 * The photo's pixel size under the frame and, when the layout prints it below
 * LOW_RESOLUTION_PPI, a warning with its effective resolution.
 */
function PixelInfo({
  figure,
  print,
}: {
  figure: { assetId: string; width: FigureWidth; pixelWidth: number; pixelHeight: number };
  print: FigurePrint | undefined;
}) {
  const t = useEditorT();
  const resolution = print ? figureResolution(figure, print.layout, print.placement) : null;
  return (
    <div className="ed-figure-info">
      <span className="ed-figure-pixels">{t('editor.figure.pixels', { w: figure.pixelWidth, h: figure.pixelHeight })}</span>
      {resolution?.low && (
        <span className="ed-figure-lowres" role="note" data-ppi={resolution.ppi}>
          {t('editor.figure.lowResolution', { n: resolution.ppi })}
        </span>
      )}
    </div>
  );
}
