import { createContext } from 'react';

/**
 * What figures need from outside the editor: the URL to show an asset's image (null
 * while there is none to show), and, once the image IPC lands, a way to pick one.
 */
export interface FigureServices {
  imageUrl(assetId: string): string | null;
  /** Lets the user choose an image file; resolves with its asset id, or null when cancelled. */
  chooseImage?: () => Promise<string | null>;
  /** Stores a dropped or pasted image file; resolves with its asset id, or null when it is refused. */
  addImageFile?: (file: File) => Promise<string | null>;
  /** Stores an image the pasted HTML points at on disk (Word's clipboard: file:///…/clip_image001.png). */
  addImagePath?: (path: string) => Promise<string | null>;
}

export const FigureServicesContext = createContext<FigureServices>({ imageUrl: () => null });
