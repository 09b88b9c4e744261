/** Page size presets: trimmed size in millimetres (portrait). Source: DOMAIN.md. */
export const PAGE_SIZES = {
  A4: { widthMm: 210, heightMm: 297 },
  A3: { widthMm: 297, heightMm: 420 },
  B5: { widthMm: 176, heightMm: 250 },
  K16: { widthMm: 185, heightMm: 260 }, // 16开
  K16Large: { widthMm: 210, heightMm: 285 }, // 大16开
} as const;

/** A named page size preset, or 'custom'. */
export type PageSizePreset = keyof typeof PAGE_SIZES | 'custom';

/** The preset names in the order the UI offers them. */
export const PAGE_SIZE_PRESETS: readonly PageSizePreset[] = ['A4', 'A3', 'B5', 'K16', 'K16Large', 'custom'];
