import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, ParseSpeeds } from 'pdf-lib';
import { AppError } from '../../../shared/api/errors.js';

/** One font of a PDF, as `pdffonts` lists it. */
export interface PdfFontInfo {
  /** The BaseFont name, with its subset tag (`AAAAAA+NotoSerifSC-Regular`); '[none]' for a nameless Type 3. */
  name: string;
  /** `CID TrueType`, `CID Type 0C`, `TrueType`, `Type 1`, `Type 1C`, `Type 3` … (pdffonts' words). */
  type: string;
  /** Whether the font program is in the file (Type 3 glyphs always are). */
  embedded: boolean;
}

const name = (dict: PDFDict | undefined, key: string): string | undefined => dict?.lookupMaybe(PDFName.of(key), PDFName)?.decodeText();

/** The font program of a descriptor: FontFile (Type 1), FontFile2 (TrueType), FontFile3 (CFF, OpenType). */
function program(descriptor: PDFDict | undefined): { key: string; subtype?: string } | undefined {
  for (const key of ['FontFile2', 'FontFile3', 'FontFile']) {
    const stream = descriptor?.lookupMaybe(PDFName.of(key), PDFStream);
    if (stream) return { key, subtype: name(stream.dict, 'Subtype') };
  }
  return undefined;
}

/** pdffonts' type word for a font dictionary. */
function typeOf(font: PDFDict, subtype: string, file: ReturnType<typeof program>): string {
  if (subtype === 'Type0') {
    const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict);
    const cid = name(descendant, 'Subtype');
    const cidFile = program(descendant?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict));
    if (cid === 'CIDFontType2') return 'CID TrueType';
    return cidFile?.subtype === 'OpenType' ? 'CID Type 0OT' : cidFile?.key === 'FontFile3' ? 'CID Type 0C' : 'CID Type 0';
  }
  if (subtype === 'Type3') return 'Type 3';
  if (subtype === 'TrueType') return 'TrueType';
  if (subtype === 'Type1' || subtype === 'MMType1') return file?.key === 'FontFile3' ? 'Type 1C' : 'Type 1';
  return subtype;
}

/**
 * The fonts of a PDF with their type and whether they are embedded, read with pdf-lib
 * (no poppler at run time): what an export checks before it hands a PDF to a print shop,
 * which rejects Type 3 and unembedded fonts. A system font chosen by name that is
 * OpenType CFF (Noto/Source Han CJK, many .otf fonts) prints as Type 3 in Chromium.
 */
export async function pdfFonts(pdf: Uint8Array): Promise<PdfFontInfo[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (err) {
    throw new AppError('pdf.unreadable', { detail: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
  const fonts: PdfFontInfo[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || name(object, 'Type') !== 'Font') continue;
    const subtype = name(object, 'Subtype') ?? '';
    if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2') continue; // listed through their Type0 parent
    const descendant = object.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict);
    const descriptor = (descendant ?? object).lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const file = program(descriptor);
    fonts.push({
      name: name(object, 'BaseFont') ?? '[none]',
      type: typeOf(object, subtype, file),
      embedded: subtype === 'Type3' || file !== undefined,
    });
  }
  return fonts;
}
