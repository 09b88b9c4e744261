// The pieces both printers share: the deadline and the check that every font loaded.
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { PRINT_CSP, checkFontsLoaded, withDeadline, withPrintPolicy } from '../../../../electron/pdf/printer.js';

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
