import type { Article } from '../model/issue.js';

/**
 * An image found in an imported document, held in memory until the import commits.
 * `assetId` is the id it will have in `assets/` (SHA-256 of the bytes plus extension).
 */
export interface ImportedImage {
  assetId: string;
  bytes: Uint8Array;
}

/** One contribution turned into an article, with the images its figures refer to. */
export interface ImportedArticle {
  article: Article;
  images: ImportedImage[];
}
