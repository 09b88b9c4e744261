import { AppError } from '../../../shared/api/errors.js';

/** The encodings a text draft may come in. */
export type TextEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

/** Decoded text and the encoding it was found in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Zero bytes at even and at odd offsets in the first 64 KB. */
function zeroBytes(bytes: Uint8Array): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < Math.min(bytes.length, 65_536); i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return { even, odd };
}

/**
 * Decodes a text file of unknown encoding: a BOM decides first; then UTF-16 without a
 * BOM (zero bytes in every other position, as ASCII in UTF-16 gives); then UTF-8 if the
 * bytes are valid UTF-8; otherwise GB18030 (a superset of GBK and GB2312, what Chinese
 * Windows writes as “ANSI”). Binary files are refused (`import.binaryText`).
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8 (BOM)' };
  }
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16BE' };

  // Text in UTF-8 or GB18030 never holds a zero byte; UTF-16 does for every ASCII
  // character (line breaks, digits, commas), on one side of each byte pair (CJK code
  // points ending in 00, such as 一 U+4E00, put a few on the other side).
  const zeros = zeroBytes(b);
  const total = zeros.even + zeros.odd;
  if (total > 0 && zeros.odd >= total * 0.7) return checked(new TextDecoder('utf-16le').decode(b), 'UTF-16LE', fileName);
  if (total > 0 && zeros.even >= total * 0.7) return checked(new TextDecoder('utf-16be').decode(b), 'UTF-16BE', fileName);

  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(b), 'UTF-8', fileName);
  } catch (err) {
    if (err instanceof AppError) throw err;
  }
  return checked(new TextDecoder('gb18030').decode(b), 'GB18030', fileName);
}

function checked(text: string, encoding: TextEncoding, fileName: string): DecodedText {
  // Control characters other than tab and line breaks, or replacement characters, mean binary data.
  // eslint-disable-next-line no-control-regex -- looking for exactly those
  const bad = text.slice(0, 20_000).match(/[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (bad > Math.max(2, Math.min(text.length, 20_000) * 0.01)) throw new AppError('import.binaryText', { file: fileName });
  return { text, encoding };
}
