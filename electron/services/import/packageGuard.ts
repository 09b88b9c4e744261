import { crc32, inflateRawSync } from 'node:zlib';
import { AppError, type ErrorCode } from '../../../shared/api/errors.js';

/**
 * Checks a .docx package before any parser sees it. A contribution is data from
 * anyone: it is read as a ZIP by hand (central directory, local headers), every part
 * is inflated under a size cap so a lying header or a zip bomb is refused at once,
 * and XML parts that declare a DOCTYPE (entity expansion) are refused.
 */

/** Size limits of a package, in bytes (and entries). */
export interface PackageLimits {
  /** Sum of the uncompressed sizes of all parts. */
  maxTotalBytes: number;
  /** Uncompressed size of one XML part (XML parsers need many times this in memory). */
  maxXmlPartBytes: number;
  /** Uncompressed size of any other part (an image). */
  maxPartBytes: number;
  /** Number of entries in the ZIP. */
  maxEntries: number;
}

/** The default limits: 256 MB in all, 32 MB per XML part, 64 MB per image, 10 000 entries. */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxTotalBytes: 256 * 1024 * 1024,
  maxXmlPartBytes: 32 * 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  maxEntries: 10_000,
};

/** One entry of the ZIP central directory. */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type Fail = (code: ErrorCode, detail: string) => AppError;

function failer(file: string): Fail {
  return (code, detail) => new AppError(code, { file, detail });
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** True when `bytes` is an OLE compound file (legacy .doc, or an encrypted Office document). */
export function isOleFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_MAGIC);
}

/**
 * True when an OLE file is a password-protected OOXML document: Office stores those as
 * a compound file holding an `EncryptedPackage` stream (MS-OFFCRYPTO §2.3.4). Directory
 * entry names are UTF-16LE, so the name is looked for in that encoding.
 */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

/** True when `bytes` starts like a ZIP (a local file header, or the end record of an empty ZIP). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

interface DirectoryBounds {
  entries: number;
  cdOffset: number;
  cdSize: number;
  /** Where the central directory must end: the ZIP64 end record, or the end record. */
  cdEnd: number;
}

function findDirectory(bytes: Uint8Array, view: DataView, fail: Fail): DirectoryBounds {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === SIG_EOCD && i + 22 + view.getUint16(i + 20, true) <= bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fail('import.corrupt', 'ZIP end record missing (truncated file)');
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) throw fail('import.corrupt', 'multi-volume ZIP');
  let bounds: DirectoryBounds = {
    entries: view.getUint16(eocd + 10, true),
    cdSize: view.getUint32(eocd + 12, true),
    cdOffset: view.getUint32(eocd + 16, true),
    cdEnd: eocd,
  };
  const locator = eocd - 20;
  if (locator >= 0 && view.getUint32(locator, true) === SIG_ZIP64_LOCATOR) {
    const record = u64(view, locator + 8);
    if (record + 56 > locator || view.getUint32(record, true) !== SIG_ZIP64_EOCD) throw fail('import.corrupt', 'bad ZIP64 end record');
    bounds = { entries: u64(view, record + 32), cdSize: u64(view, record + 40), cdOffset: u64(view, record + 48), cdEnd: record };
  }
  // The directory must end exactly where the end record starts: no data before or after
  // it that another reader could interpret differently.
  if (bounds.cdOffset + bounds.cdSize !== bounds.cdEnd) throw fail('import.corrupt', 'ZIP directory out of place');
  return bounds;
}

function zip64Extra(view: DataView, start: number, end: number, entry: ZipEntry, fail: Fail): void {
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const take = () => {
        if (p + 8 > at + 4 + size) throw fail('import.corrupt', 'bad ZIP64 field');
        const v = u64(view, p);
        p += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + size;
  }
}

/** The central directory of a ZIP: its entries, and where it starts (all data lies before it). */
export interface ZipDirectory {
  entries: ZipEntry[];
  offset: number;
}

/** Reads the central directory of a ZIP. Throws `import.corrupt` for a damaged or truncated file. */
export function readZipDirectory(bytes: Uint8Array, file: string, maxEntries = DEFAULT_PACKAGE_LIMITS.maxEntries): ZipDirectory {
  const fail = failer(file);
  if (bytes.length < 22) throw fail('import.corrupt', 'ZIP too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bounds = findDirectory(bytes, view, fail);
  if (bounds.entries > maxEntries) throw fail('import.tooLarge', `${bounds.entries} ZIP entries`);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = bounds.cdOffset;
  for (let n = 0; n < bounds.entries; n++) {
    if (at + 46 > bounds.cdEnd || view.getUint32(at, true) !== SIG_CENTRAL) throw fail('import.corrupt', 'ZIP directory damaged');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bounds.cdEnd) throw fail('import.corrupt', 'ZIP directory damaged');
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    zip64Extra(view, at + 46 + nameLength, at + 46 + nameLength + extraLength, entry, fail);
    entries.push(entry);
    at = next;
  }
  if (at !== bounds.cdEnd) throw fail('import.corrupt', 'ZIP directory damaged');
  return { entries, offset: bounds.cdOffset };
}

/** True for an entry name that could leave the folder it is extracted to. */
export function isUnsafeEntryName(name: string): boolean {
  return (
    name === '' ||
    name.includes('\0') ||
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((segment) => segment === '..')
  );
}

/** True for parts an XML parser may read (by content: they start with `<` after a BOM and blanks). */
function looksLikeXml(data: Buffer): boolean {
  let i = 0;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) i = 3;
  else if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) return true;
  while (i < data.length && (data[i] === 0x20 || data[i] === 0x09 || data[i] === 0x0a || data[i] === 0x0d)) i++;
  return data[i] === 0x3c;
}

const DTD_MARKERS = ['<!DOCTYPE', '<!ENTITY'].flatMap((m) => [Buffer.from(m, 'latin1'), Buffer.from(m, 'utf16le')]);

function inflateEntry(bytes: Uint8Array, view: DataView, entry: ZipEntry, cdOffset: number, fail: Fail): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > cdOffset || view.getUint32(at, true) !== SIG_LOCAL) throw fail('import.corrupt', `local header of ${entry.name} missing`);
  const nameLength = view.getUint16(at + 26, true);
  const localName = new TextDecoder('utf-8').decode(bytes.subarray(at + 30, at + 30 + nameLength));
  if (localName !== entry.name) throw fail('import.corrupt', `${entry.name}: names disagree`);
  const start = at + 30 + nameLength + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > cdOffset) throw fail('import.corrupt', `${entry.name} truncated`);
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset + start, entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      // The declared size is the cap: a part that inflates past it lies about its size.
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        throw fail('import.tooLarge', `${entry.name} inflates beyond its declared size`);
      }
      throw fail('import.corrupt', `${entry.name}: ${(err as Error).message}`);
    }
  } else throw fail('import.corrupt', `${entry.name}: compression method ${entry.method}`);
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc) throw fail('import.corrupt', `${entry.name}: checksum mismatch`);
  return data;
}

/** What the guard learned of a package that passed. */
export interface CheckedPackage {
  entries: ZipEntry[];
  /** Path of the main document part (word/document.xml in nearly every file). */
  mainPart: string;
}

function mainPartOf(rels: Buffer | undefined): string {
  const text = rels?.toString('utf8') ?? '';
  for (const m of text.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!/Type="[^"]*\/officeDocument"/.test(m[0])) continue;
    const target = /Target="([^"]+)"/.exec(m[0]);
    if (target) return target[1].replace(/^\/+/, '');
  }
  return 'word/document.xml';
}

function checkEntries(entries: readonly ZipEntry[], limits: PackageLimits, fail: Fail): void {
  const names = new Set<string>();
  let total = 0;
  for (const e of entries) {
    if (isUnsafeEntryName(e.name)) throw fail('import.unsafe', `path ${JSON.stringify(e.name)}`);
    if (names.has(e.name)) throw fail('import.unsafe', `duplicate part ${e.name}`);
    names.add(e.name);
    if (e.flags & 0x1) throw fail('import.encrypted', e.name);
    const cap = /\.(xml|rels)$/i.test(e.name) ? limits.maxXmlPartBytes : limits.maxPartBytes;
    if (e.uncompressedSize > cap) throw fail('import.tooLarge', `${e.name}: ${e.uncompressedSize} bytes`);
    total += e.uncompressedSize;
    if (total > limits.maxTotalBytes) throw fail('import.tooLarge', `${total} bytes uncompressed`);
  }
}

/**
 * Checks a package that claims to be a .docx: refuses OLE files (`import.encrypted` for
 * a password-protected document, `import.notDocx` for a legacy .doc), non-ZIPs
 * (`import.notDocx`), damaged or truncated ZIPs (`import.corrupt`), unsafe entry names
 * and XML with a DOCTYPE (`import.unsafe`), sizes over `limits` — declared or actual —
 * (`import.tooLarge`), and packages without a main document (`import.corrupt`, or
 * `import.notDocx` for an ODF, XLSX or PPTX file).
 */
export function checkDocxPackage(bytes: Uint8Array, file: string, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): CheckedPackage {
  const fail = failer(file);
  if (isOleFile(bytes)) {
    throw isEncryptedOoxml(bytes) ? fail('import.encrypted', 'EncryptedPackage') : fail('import.notDocx', 'OLE compound file (.doc)');
  }
  if (!looksLikeZip(bytes)) throw fail('import.notDocx', 'not a ZIP package');
  const { entries, offset: cdOffset } = readZipDirectory(bytes, file, limits.maxEntries);
  checkEntries(entries, limits, fail);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = new Map<string, Buffer>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const data = inflateEntry(bytes, view, e, cdOffset, fail);
    if (looksLikeXml(data) && DTD_MARKERS.some((m) => data.includes(m))) throw fail('import.unsafe', `DOCTYPE in ${e.name}`);
    if (e.name === '_rels/.rels' || e.name === 'mimetype') parts.set(e.name, data);
  }
  const mainPart = mainPartOf(parts.get('_rels/.rels'));
  if (!entries.some((e) => e.name === mainPart)) {
    const odf = parts.get('mimetype')?.toString('latin1').startsWith('application/vnd.oasis.opendocument') ?? false;
    const otherOffice = entries.some((e) => e.name === 'xl/workbook.xml' || e.name === 'ppt/presentation.xml');
    const foreignZip = entries.length > 0 && !entries.some((e) => e.name === '[Content_Types].xml' || e.name.startsWith('word/'));
    if (odf || otherOffice || foreignZip) throw fail('import.notDocx', odf ? 'OpenDocument file' : 'no Word document inside');
    throw fail('import.corrupt', `${mainPart} missing`);
  }
  return { entries, mainPart };
}
