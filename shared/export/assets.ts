/** What converters (print HTML, DOCX) need of an issue's images, without touching disk. */
export interface AssetResolver {
  /** `data:` URL of the asset, or null when the file is missing. */
  dataUrl(assetId: string): string | null;
  /** Pixel size of the asset, or null when unknown. */
  size(assetId: string): { width: number; height: number } | null;
  /** The image bytes (for DOCX), or null when the file is missing. */
  bytes(assetId: string): Uint8Array | null;
}

