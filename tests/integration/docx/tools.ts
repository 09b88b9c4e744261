import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

/** The real tools the DOCX read-back checks run: schema validation, LibreOffice, poppler. */

const run = promisify(execFile);

/** Whether a command is on PATH. */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** The repository's OOXML schema check (tests/tools/validate-docx.sh, a copy of shared/tools with its schemas in tests/ooxml-xsd). */
export const VALIDATE_DOCX = new URL('../../tools/validate-docx.sh', import.meta.url).pathname;

/** Runs validate-docx.sh on files; resolves with its exit code and output (never throws on invalid). */
export async function validateDocx(...files: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(VALIDATE_DOCX, files, { timeout: 120_000, maxBuffer: 8 << 20 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/**
 * fontconfig rules that let LibreOffice find the bundled fonts' faces among the system's
 * Noto CJK fonts, as a machine with the fonts installed would: Noto Serif SC → Noto
 * Serif CJK SC, Noto Sans SC → Noto Sans CJK SC, LXGW WenKai → Noto Serif CJK SC (no
 * 楷体 face is installed here). Without them every bundled font falls back to one sans.
 */
const FONT_ALIASES = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${[
  ['Noto Serif SC', 'Noto Serif CJK SC'],
  ['Noto Sans SC', 'Noto Sans CJK SC'],
  ['LXGW WenKai', 'Noto Serif CJK SC'],
]
  .map(
    ([from, to]) =>
      `  <match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`,
  )
  .join('\n')}
</fontconfig>
`;

/**
 * Lays a DOCX out with LibreOffice into a PDF in `outDir` (its own user profile, so runs
 * in parallel do not share one) and returns the PDF's path.
 */
export async function docxToPdf(docx: string, outDir: string): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'masthead-lo-'));
  try {
    const fonts = join(profile, 'fonts.conf');
    await writeFile(fonts, FONT_ALIASES);
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], {
      timeout: 180_000,
      env: { ...process.env, FONTCONFIG_FILE: fonts },
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(docx).replace(/\.docx$/, '.pdf'));
}

/** Text of a PDF in reading order (pdftotext). */
export async function pdfText(pdf: string): Promise<string> {
  return (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 32 << 20 })).stdout;
}

/** The images placed in a PDF (pdfimages -list), one row each: page, type and encoding. */
export async function pdfImages(pdf: string): Promise<Array<{ page: number; type: string; width: number; height: number; enc: string }>> {
  const { stdout } = await run('pdfimages', ['-list', pdf]);
  return stdout
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 6)
    .map((cols) => ({ page: Number(cols[0]), type: cols[2], width: Number(cols[3]), height: Number(cols[4]), enc: cols[8] }));
}

/** Font names of a PDF (pdffonts). */
export async function pdfFonts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdffonts', [pdf]);
  return stdout.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]);
}

/** Renders PDF pages as PNG files `<prefix>-N.png` at `dpi`; returns their paths. */
export async function pdfPages(pdf: string, prefix: string, dpi = 60): Promise<string[]> {
  await run('pdftoppm', ['-r', String(dpi), '-png', pdf, prefix]);
  const dir = join(prefix, '..');
  return (await readdir(dir)).filter((f) => f.startsWith(basename(prefix)) && f.endsWith('.png')).map((f) => join(dir, f));
}
