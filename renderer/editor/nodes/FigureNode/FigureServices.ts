import { createContext } from 'react';
import type { PixelSize } from '../../../../shared/model/body.js';
import type { FigureLayout, FigurePlacement } from '../../../../shared/model/figures.js';

/** An image stored in the assets, with its pixel size as displayed (as the asset services answer it). */
export interface StoredImage extends PixelSize {
  assetId: string;
}

/** Where the figures of the edited article print: the layout and whether the article is photo news. */
export interface FigurePrint {
  layout: FigureLayout;
  placement: FigurePlacement;
}

/**
 * What figures need from outside the editor: the URL to show an asset's image (null
 * while there is none to show), ways to store one (each resolves with the stored image
 * and its pixel size, or null when cancelled or refused), and where the figures print
 * (to tell the photo's resolution on paper).
 */
export interface FigureServices {
  imageUrl(assetId: string): string | null;
  /** Lets the user choose an image file. */
  chooseImage?: () => Promise<StoredImage | null>;
  /** Stores a dropped or pasted image file. */
  addImageFile?: (file: File) => Promise<StoredImage | null>;
  /** Stores an image the pasted HTML points at on disk (Word's clipboard: file:///…/clip_image001.png). */
  addImagePath?: (path: string) => Promise<StoredImage | null>;
  /** The print geometry of the edited article; without it no resolution is shown. */
  print?: FigurePrint;
}

export const FigureServicesContext = createContext<FigureServices>({ imageUrl: () => null });
