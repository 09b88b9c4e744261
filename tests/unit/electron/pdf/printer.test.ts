// The pieces both printers share: the deadline, the check that every font loaded, and
// the passes a reviser may ask for.
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { translateError } from '../../../../shared/i18n/translate.js';
import {
  FONTS_READY_SCRIPT,
  MAX_PRINT_PASSES,
  PRINT_CSP,
  checkFontsLoaded,
  printPasses,
  reviseStyleScript,
  withDeadline,
  withPrintPolicy,
} from '../../../../electron/pdf/printer.js';

describe('withDeadline', () => {
  it('gives the result of work done in time', async () => {
    const onTimeout = vi.fn();
    await expect(withDeadline(1_000, Promise.resolve(7), onTimeout)).resolves.toBe(7);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('passes on the failure of work that fails in time', async () => {
    await expect(withDeadline(1_000, Promise.reject(new Error('boom')), () => undefined)).rejects.toThrow('boom');
  });

  it('fails with pdf.timeout and tears down when the work hangs', async () => {
    const onTimeout = vi.fn();
    const late = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('late')), 50));
    const err = await withDeadline(10, late, onTimeout).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toData()).toEqual({ code: 'pdf.timeout', params: { seconds: 0 } });
    expect(onTimeout).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 60)); // the late rejection is not left unhandled
  });
});

describe('checkFontsLoaded', () => {
  it('accepts a page whose fonts all loaded', () => {
    expect(() => checkFontsLoaded([])).not.toThrow();
  });

  it('names the families that failed, once each', () => {
    expect(() => checkFontsLoaded(['A', 'B', 'A'])).toThrow(expect.objectContaining({ code: 'pdf.fontFailed', params: { fonts: 'A, B' } }));
  });

  it('refuses an answer that is not a list', () => {
    expect(() => checkFontsLoaded(undefined)).toThrow(AppError);
  });
});

describe('withPrintPolicy', () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;

  it('puts the policy first in the head, so it governs everything after it', () => {
    expect(withPrintPolicy('<!doctype html><html lang="zh-CN"><head><style>p{}</style></head><body></body></html>')).toBe(
      `<!doctype html><html lang="zh-CN"><head>${meta}<style>p{}</style></head><body></body></html>`,
    );
    expect(withPrintPolicy('<HEAD class="x"><title>t</title>')).toBe(`<HEAD class="x">${meta}<title>t</title>`);
  });

  it('keeps a doctype first (a meta before it would mean quirks mode), and copes with fragments', () => {
    expect(withPrintPolicy('<!DOCTYPE html><p>x</p>')).toBe(`<!DOCTYPE html>${meta}<p>x</p>`);
    expect(withPrintPolicy('<p>x</p>')).toBe(`${meta}<p>x</p>`);
  });

  it('allows inline styles and data: fonts and images, and nothing else', () => {
    expect(PRINT_CSP).toContain("default-src 'none'");
    expect(PRINT_CSP).toContain('font-src data:');
    expect(PRINT_CSP).not.toMatch(/script-src|https?:|file:/);
  });
});

describe('printPasses', () => {
  /** A fake page: each print gives a PDF of one byte, the pass number; scripts are recorded. */
  function fakePage(fontsFailed: string[] = []) {
    let printed = 0;
    const scripts: string[] = [];
    return {
      scripts,
      pdf: async () => new Uint8Array([++printed]),
      evaluate: async (script: string) => {
        scripts.push(script);
        return script === FONTS_READY_SCRIPT ? fontsFailed : true;
      },
    };
  }

  it('prints once without a reviser', async () => {
    const page = fakePage();
    expect(await printPasses(page.pdf, page.evaluate)).toEqual(new Uint8Array([1]));
    expect(page.scripts).toEqual([]);
  });

  it("applies the reviser's CSS, waits for fonts again, and keeps the PDF it accepts", async () => {
    const page = fakePage();
    const revise = vi.fn((pdf: Uint8Array, pass: number) => (pass === 1 ? '.colophon { padding-top: 10pt; }' : null));
    expect(await printPasses(page.pdf, page.evaluate, revise)).toEqual(new Uint8Array([2]));
    expect(revise.mock.calls).toEqual([
      [new Uint8Array([1]), 1],
      [new Uint8Array([2]), 2],
    ]);
    expect(page.scripts).toEqual([reviseStyleScript('.colophon { padding-top: 10pt; }'), FONTS_READY_SCRIPT]);
  });

  it('stops a reviser that never settles after MAX_PRINT_PASSES prints, with pdf.unsettled', async () => {
    const page = fakePage();
    const revise = vi.fn(() => 'p {}');
    const err: unknown = await printPasses(page.pdf, page.evaluate, revise).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const data = (err as AppError).toData();
    expect(data).toEqual({ code: 'pdf.unsettled', params: { passes: MAX_PRINT_PASSES } });
    expect(revise).toHaveBeenCalledTimes(MAX_PRINT_PASSES);
    // The user reads words, not a code and an English reason.
    const zh = translateError('zh-CN', data);
    expect(zh).toContain(`打印 ${MAX_PRINT_PASSES} 遍`);
    expect(zh).not.toMatch(/pdf\.|revising/);
  });

  it('fails with pdf.fontFailed when a face fails after a revision', async () => {
    const page = fakePage(['Broken']);
    await expect(printPasses(page.pdf, page.evaluate, (_pdf, pass) => (pass === 1 ? 'p {}' : null))).rejects.toMatchObject({
      code: 'pdf.fontFailed',
    });
  });

  it('writes the CSS as a string literal, whatever it holds', () => {
    const css = '.x::before { content: "</style>\\"; }';
    expect(reviseStyleScript(css)).toContain(`style.textContent = ${JSON.stringify(css)};`);
  });
});
