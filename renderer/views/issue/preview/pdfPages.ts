import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** A PDF opened for the page preview. */
export type PreviewPdf = PDFDocumentProxy;

/** Base64 to bytes: natively where the browser has it (Chromium 140+), else one plain loop. */
function decodeBase64(base64: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Opens PDF bytes (base64, as they cross IPC) with pdf.js. The PDF embeds its fonts (a
 * megabyte or more): decoded natively, not a callback per byte, so typing is not held up.
 */
export async function openPdf(base64: string): Promise<PreviewPdf> {
  const bytes = decodeBase64(base64);
  return getDocument({ data: bytes, isEvalSupported: false, disableFontFace: false }).promise;
}

/** Draws page `number` (1-based) into `canvas` at `width` CSS pixels, sharp on high-DPI screens. */
export async function drawPage(pdf: PreviewPdf, number: number, canvas: HTMLCanvasElement, width: number): Promise<void> {
  const page = await pdf.getPage(number);
  const base = page.getViewport({ scale: 1 });
  const scale = width / base.width;
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}
