import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../../electron/services/import/decode.js';

const SAMPLE_PATH = new URL('../../../../../resources/samples/yugong-2024-03.txt', import.meta.url).pathname;
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');

/** The sample in another encoding, converted by iconv (a real converter, not ours). */
function encoded(encoding: string, eol: '\n' | '\r\n' | '\r' = '\n'): Buffer {
  const text = SAMPLE.replace(/\n/g, eol);
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', encoding], { input: text });
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', 'UTF-8'],
    ['UTF-16LE', 'UTF-16LE'],
    ['UTF-16BE', 'UTF-16BE'],
    ['GB18030', 'GB18030'],
    ['GBK', 'GB18030'],
  ])('reads the sample written in %s (reported as %s)', (encoding, reported) => {
    const result = decodeText(encoded(encoding), 'sample.txt');
    expect(result.encoding).toBe(reported);
    expect(result.text).toBe(SAMPLE);
  });

  it('reads UTF-8 with a BOM, and UTF-16 with BOMs', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]);
    expect(decodeText(bom, 'a.txt')).toEqual({ text: SAMPLE, encoding: 'UTF-8 (BOM)' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), encoded('UTF-16LE')]);
    expect(decodeText(le, 'a.txt')).toEqual({ text: SAMPLE, encoding: 'UTF-16LE' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), encoded('UTF-16BE')]);
    expect(decodeText(be, 'a.txt')).toEqual({ text: SAMPLE, encoding: 'UTF-16BE' });
  });

  it('keeps CRLF and CR line endings for the importer to read', () => {
    expect(decodeText(encoded('GB18030', '\r\n'), 'a.txt').text).toBe(SAMPLE.replace(/\n/g, '\r\n'));
    expect(decodeText(encoded('UTF-16LE', '\r'), 'a.txt').text).toBe(SAMPLE.replace(/\n/g, '\r'));
  });

  it('refuses a binary file with import.binaryText', () => {
    expect(() => decodeText(readFileSync(process.execPath).subarray(0, 65536), 'node.txt')).toThrow(
      expect.objectContaining({ code: 'import.binaryText', params: { file: 'node.txt' } }),
    );
  });
});
