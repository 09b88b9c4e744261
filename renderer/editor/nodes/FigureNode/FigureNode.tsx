import {
  $create,
  $getDocument,
  $getNodeByKey,
  DecoratorNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
} from 'lexical';
import type { JSX } from 'react';
import {
  figurePixels,
  FigureWidthSchema,
  type FigureNode as SerializedFigureNode,
  type FigureWidth,
  type PixelSize,
} from '../../../../shared/model/body.js';
import { FigureComponent, type FigurePatch } from './FigureComponent.js';

export type { SerializedFigureNode };

const ASSET_ID = /^[0-9a-f]{64}\.(jpg|png|webp|gif)$/;

/**
 * A photo or picture with its caption (图片与图注) as a block in the article body. The
 * node holds only the asset id (the image file lives in the issue's `assets/`), the
 * image's pixel size, the caption and the print width; it serializes to exactly
 * `FigureNode` of body.ts.
 */
export class FigureNode extends DecoratorNode<JSX.Element> {
  __assetId: string | null = null;
  __caption = '';
  __width: FigureWidth = 'column';
  __pixelWidth: number | null = null;
  __pixelHeight: number | null = null;

  override $config() {
    return this.config('figure', {
      extends: DecoratorNode,
      importDOM: {
        figure: () => ({ conversion: $convertFigureElement, priority: 1 }),
      } satisfies DOMConversionMap,
    });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__assetId = prev.__assetId;
    this.__caption = prev.__caption;
    this.__width = prev.__width;
    this.__pixelWidth = prev.__pixelWidth;
    this.__pixelHeight = prev.__pixelHeight;
  }

  override updateFromJSON(json: LexicalParseJSON<SerializedFigureNode>): this {
    const width = FigureWidthSchema.safeParse(json.width);
    return super
      .updateFromJSON(json)
      .setAssetId(typeof json.assetId === 'string' && ASSET_ID.test(json.assetId) ? json.assetId : null)
      .setCaption(typeof json.caption === 'string' ? json.caption : '')
      .setWidth(width.success ? width.data : 'column')
      .setPixelSize({ width: json.pixelWidth, height: json.pixelHeight });
  }

  override exportJSON(): SerializedFigureNode {
    const self = this.getLatest();
    return {
      type: 'figure',
      version: 1,
      assetId: self.__assetId,
      caption: self.__caption,
      width: self.__width,
      pixelWidth: self.__pixelWidth,
      pixelHeight: self.__pixelHeight,
    };
  }

  getAssetId(): string | null {
    return this.getLatest().__assetId;
  }

  setAssetId(assetId: string | null): this {
    const self = this.getWritable();
    self.__assetId = assetId;
    return self;
  }

  getCaption(): string {
    return this.getLatest().__caption;
  }

  setCaption(caption: string): this {
    const self = this.getWritable();
    self.__caption = caption;
    return self;
  }

  getWidth(): FigureWidth {
    return this.getLatest().__width;
  }

  setWidth(width: FigureWidth): this {
    const self = this.getWritable();
    self.__width = width;
    return self;
  }

  /** Records the image's pixel size; anything but two positive whole numbers clears it. */
  setPixelSize(size: { width: unknown; height: unknown } | null): this {
    const self = this.getWritable();
    const { pixelWidth, pixelHeight } = figurePixels(size);
    self.__pixelWidth = pixelWidth;
    self.__pixelHeight = pixelHeight;
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('div');
    const className = config.theme.figure;
    if (typeof className === 'string') element.className = className;
    element.dataset.width = this.__width;
    return element;
  }

  override updateDOM(prev: this, dom: HTMLElement): boolean {
    if (prev.__width !== this.__width) dom.dataset.width = this.__width;
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const figure = $getDocument().createElement('figure');
    const caption = $getDocument().createElement('figcaption');
    caption.textContent = this.__caption;
    figure.dataset.assetId = this.__assetId ?? '';
    figure.dataset.width = this.__width;
    if (this.__pixelWidth !== null && this.__pixelHeight !== null) {
      figure.dataset.pixelWidth = String(this.__pixelWidth);
      figure.dataset.pixelHeight = String(this.__pixelHeight);
    }
    figure.append(caption);
    return { element: figure };
  }

  override getTextContent(): string {
    return this.__caption;
  }

  override isInline(): false {
    return false;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override decorate(editor: LexicalEditor): JSX.Element {
    const key = this.getKey();
    return (
      <FigureComponent
        nodeKey={key}
        assetId={this.__assetId}
        caption={this.__caption}
        width={this.__width}
        pixelWidth={this.__pixelWidth}
        pixelHeight={this.__pixelHeight}
        onChange={(patch, tag) => editor.update(() => $patchFigure(key, patch), tag ? { tag } : undefined)}
        onRemove={() => editor.update(() => $getNodeByKey(key)?.remove())}
      />
    );
  }
}

function $patchFigure(key: NodeKey, patch: FigurePatch): void {
  const node = $getNodeByKey(key);
  if (!$isFigureNode(node)) return;
  if (patch.caption !== undefined) node.setCaption(patch.caption);
  if (patch.width !== undefined) node.setWidth(patch.width);
  if (patch.image !== undefined) node.setAssetId(patch.image.assetId).setPixelSize(patch.image);
}

function $convertFigureElement(element: HTMLElement) {
  const caption = element.querySelector('figcaption')?.textContent ?? '';
  const assetId = element.dataset.assetId ?? '';
  const width = FigureWidthSchema.safeParse(element.dataset.width);
  const known = ASSET_ID.test(assetId);
  const size = { width: Number(element.dataset.pixelWidth), height: Number(element.dataset.pixelHeight) };
  return {
    node: $createFigureNode({ assetId: known ? assetId : null, caption, width: width.success ? width.data : 'column', size: known ? size : null }),
  };
}

/** What a new figure holds: its image (asset id and pixel size), caption and print width. */
export interface FigurePayload {
  assetId?: string | null;
  caption?: string;
  width?: FigureWidth;
  /** The image's size in px as displayed; kept only with an asset id. */
  size?: PixelSize | null;
}

/** A new figure; without an asset id it waits for its image (a placeholder frame). */
export function $createFigureNode({ assetId = null, caption = '', width = 'column', size = null }: FigurePayload = {}): FigureNode {
  return $create(FigureNode)
    .setAssetId(assetId)
    .setCaption(caption)
    .setWidth(width)
    .setPixelSize(assetId === null ? null : size);
}

export function $isFigureNode(node: LexicalNode | null | undefined): node is FigureNode {
  return node instanceof FigureNode;
}
