/** The Web Crypto subset that Node 20 and Chromium both put on `globalThis`. */
interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A new random id of 12 URL-safe characters (71 bits), for issues, sections and articles. */
export function newId(): string {
  const crypto = (globalThis as unknown as { crypto: RandomSource }).crypto;
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
