import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/api/errors.js';
import {
  checkDocxPackage,
  DEFAULT_PACKAGE_LIMITS,
  isUnsafeEntryName,
  readZipDirectory,
} from '../../../../../electron/services/import/packageGuard.js';
import { readDocx } from '../../../../../electron/services/import/docx.js';
import { contributionDocx, replacePart } from '../../../../fixtures/docx/build.js';
import { oleFile, writeZip, zeroBomb, type ZipInput } from '../../../../fixtures/docx/zip.js';

/** The AppError data thrown by `f`, or null when it does not throw. */
function thrown(f: () => unknown): { code: string; params: Record<string, string | number> } | null {
  try {
    f();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.toData();
    throw err;
  }
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT =
  '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>';

/** A minimal package, with `extra` entries appended. */
const pkg = (...extra: ZipInput[]) =>
  writeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: '_rels/.rels', data: RELS }, { name: 'word/document.xml', data: DOCUMENT }, ...extra]);

const check = (bytes: Uint8Array) => thrown(() => checkDocxPackage(bytes, 'x.docx'));

describe('checkDocxPackage', () => {
  let good: Buffer;
  beforeAll(async () => {
    good = await contributionDocx({ title: '标题', paragraphs: ['正文。'] });
  });

  it('passes a real .docx and finds its main part', () => {
    expect(checkDocxPackage(good, 'good.docx').mainPart).toBe('word/document.xml');
    expect(check(pkg())).toBeNull();
  });

  it('refuses files that are not ZIPs: import.notDocx', () => {
    expect(check(Buffer.from('这是一段纯文本，被改名为 .docx。'))).toEqual({ code: 'import.notDocx', params: { file: 'x.docx', detail: 'not a ZIP package' } });
    expect(check(Buffer.from('{\\rtf1\\ansi 旧格式}'))?.code).toBe('import.notDocx');
  });

  it('tells a password-protected document (OLE with EncryptedPackage) from a legacy .doc', () => {
    expect(check(oleFile(['EncryptionInfo', 'EncryptedPackage']))?.code).toBe('import.encrypted');
    expect(check(oleFile(['WordDocument']))?.code).toBe('import.notDocx');
    expect(check(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]))?.code).toBe('import.notDocx');
  });

  it('refuses truncated and damaged ZIPs: import.corrupt', () => {
    expect(check(good.subarray(0, Math.floor(good.length / 2)))?.code).toBe('import.corrupt');
    expect(check(good.subarray(0, good.length - 1))?.code).toBe('import.corrupt');
    expect(check(good.subarray(0, 40))?.code).toBe('import.corrupt');
    // Data before the ZIP shifts every offset: another reader could see other parts.
    expect(check(Buffer.concat([Buffer.from('PK\x03\x04junk'), pkg()]))?.code).toBe('import.corrupt');
  });

  it('refuses flipped bytes inside a part (bad deflate data or checksum): import.corrupt', () => {
    const zip = pkg({ name: 'word/styles.xml', data: '<w:styles>'.padEnd(4000, ' ') + '</w:styles>' });
    const damaged = Buffer.from(zip);
    const at = damaged.indexOf(Buffer.from('word/styles.xml')) + 'word/styles.xml'.length + 3;
    damaged[at] ^= 0xff;
    expect(check(damaged)?.code).toBe('import.corrupt');
    expect(check(pkg({ name: 'word/x.xml', data: '<x/>', crc: 1234 }))).toEqual({
      code: 'import.corrupt',
      params: { file: 'x.docx', detail: 'word/x.xml: checksum mismatch' },
    });
  });

  it('refuses an empty ZIP and a package without its main document: import.corrupt', () => {
    expect(check(writeZip([]))?.code).toBe('import.corrupt');
    expect(check(writeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: '_rels/.rels', data: RELS }]))).toEqual({
      code: 'import.corrupt',
      params: { file: 'x.docx', detail: 'word/document.xml missing' },
    });
  });

  it('refuses other packages renamed .docx (OpenDocument, Excel, a ZIP of photos): import.notDocx', () => {
    expect(check(writeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true }, { name: 'content.xml', data: '<x/>' }]))?.code).toBe(
      'import.notDocx',
    );
    expect(check(writeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: '<x/>' }]))?.code).toBe('import.notDocx');
    expect(check(writeZip([{ name: 'photo1.jpg', data: 'jpeg' }]))?.code).toBe('import.notDocx');
  });

  it('refuses entry names that escape the package: import.unsafe', () => {
    for (const name of ['../evil.xml', 'word/../../evil.xml', '/etc/passwd', 'C:/Windows/x.xml', 'word\\..\\x.xml']) {
      expect(isUnsafeEntryName(name)).toBe(true);
      expect(check(pkg({ name, data: '<x/>' }))?.code).toBe('import.unsafe');
    }
    expect(isUnsafeEntryName('word/media/image1..png')).toBe(false);
  });

  it('refuses duplicate part names (one reader could see one, another the other): import.unsafe', () => {
    expect(check(pkg({ name: 'word/document.xml', data: DOCUMENT }))).toEqual({
      code: 'import.unsafe',
      params: { file: 'x.docx', detail: 'duplicate part word/document.xml' },
    });
  });

  it('refuses XML with a DOCTYPE (billion laughs, external entities), in UTF-8 or UTF-16: import.unsafe', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`;
    const bomb = await replacePart(good, 'word/document.xml', laughs);
    await expect(readDocx(bomb, 'laughs.docx')).rejects.toMatchObject({ code: 'import.unsafe', params: { file: 'laughs.docx', detail: 'DOCTYPE in word/document.xml' } });
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>`;
    expect(check(pkg({ name: 'word/styles.xml', data: xxe }))?.code).toBe('import.unsafe');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xxe.replace('<?xml version="1.0"?>', ''), 'utf16le')]);
    expect(check(pkg({ name: 'word/settings.xml', data: utf16 }))?.code).toBe('import.unsafe');
  });

  it('refuses declared sizes over the limits: import.tooLarge', () => {
    const limits = { ...DEFAULT_PACKAGE_LIMITS, maxXmlPartBytes: 100, maxPartBytes: 200, maxTotalBytes: 1000, maxEntries: 5 };
    const big = (n: number) => 'x'.repeat(n);
    expect(thrown(() => checkDocxPackage(pkg({ name: 'word/big.xml', data: big(101) }), 'x.docx', { ...limits, maxTotalBytes: 10_000 }))?.code).toBe(
      'import.tooLarge',
    );
    expect(thrown(() => checkDocxPackage(pkg({ name: 'word/media/a.png', data: big(201) }), 'x.docx', { ...limits, maxTotalBytes: 10_000, maxXmlPartBytes: 10_000 }))?.code).toBe('import.tooLarge');
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `word/m${i}.bin`, data: 'x' }));
    expect(thrown(() => checkDocxPackage(writeZip(many), 'x.docx', limits))).toEqual({
      code: 'import.tooLarge',
      params: { file: 'x.docx', detail: '6 ZIP entries' },
    });
  });

  describe('a zip bomb: one part that inflates to 300 MB of zeros', () => {
    const bomb = zeroBomb(300);

    /** Runs `f`, returning its error code, the time taken and how much the process grew (bytes). */
    function measure(bytes: Buffer) {
      const rss = process.memoryUsage().rss;
      const start = performance.now();
      const error = check(bytes);
      return { error, ms: performance.now() - start, grew: process.memoryUsage().rss - rss };
    }

    it('is refused from its declared size, without inflating it', () => {
      const zip = pkg({ name: 'word/media/zeros.png', deflated: bomb.deflated, declaredSize: bomb.size, crc: bomb.crc });
      expect(zip.length).toBeLessThan(1024 * 1024);
      const { error, ms, grew } = measure(zip);
      expect(error).toEqual({ code: 'import.tooLarge', params: { file: 'x.docx', detail: `word/media/zeros.png: ${bomb.size} bytes` } });
      // A refusal, not a race: inflating 300 MB takes ~0.5 s and grows the process by 300 MB.
      expect(ms).toBeLessThan(1000);
      expect(grew).toBeLessThan(100 * 1024 * 1024);
    });

    it('is refused when its header lies about the size, stopping at the declared size', () => {
      const zip = pkg({ name: 'word/styles.xml', deflated: bomb.deflated, declaredSize: 1000, crc: bomb.crc });
      const { error, ms, grew } = measure(zip);
      expect(error).toEqual({ code: 'import.tooLarge', params: { file: 'x.docx', detail: 'word/styles.xml inflates beyond its declared size' } });
      expect(ms).toBeLessThan(1000);
      expect(grew).toBeLessThan(100 * 1024 * 1024);
    });
  });

  it('reads a package ending the ZIP64 way, and mammoth reads it too', async () => {
    const zip = await JSZip.loadAsync(good);
    const entries: ZipInput[] = [];
    for (const name of Object.keys(zip.files)) entries.push({ name, data: await zip.file(name)!.async('uint8array') });
    const zip64 = writeZip(entries, { zip64: true });
    expect(checkDocxPackage(zip64, 'x.docx').entries).toHaveLength(entries.length);
    expect((await readDocx(zip64, 'zip64.docx')).article.headline).toBe('标题');
  });

  it('reads the central directory of a real package', () => {
    const { entries } = readZipDirectory(good, 'good.docx');
    expect(entries.map((e) => e.name)).toContain('word/document.xml');
    expect(entries.every((e) => e.method === 8 || e.method === 0)).toBe(true);
  });
});
