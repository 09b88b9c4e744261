import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, AppErrorDataSchema, describeZodError, ERROR_CODES, toErrorData } from '../../../../shared/api/errors.js';

describe('AppError', () => {
  it('carries a stable code and params, and crosses the boundary as plain data', () => {
    const err = new AppError('issue.notFound', { slug: 'x' });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('AppError');
    expect(err.toData()).toEqual({ code: 'issue.notFound', params: { slug: 'x' } });
    expect(AppErrorDataSchema.parse(JSON.parse(JSON.stringify(err.toData())))).toEqual(err.toData());
  });

  it('keeps the cause for the log', () => {
    const cause = new Error('EACCES');
    expect(new AppError('issue.unwritable', {}, { cause }).cause).toBe(cause);
  });
});

describe('toErrorData', () => {
  it('keeps an AppError as it is and turns anything else into internal with a detail', () => {
    expect(toErrorData(new AppError('issue.tooNew', { version: 9 }))).toEqual({ code: 'issue.tooNew', params: { version: 9 } });
    expect(toErrorData(new TypeError('x is undefined'))).toEqual({ code: 'internal', params: { detail: 'x is undefined' } });
    expect(toErrorData('plain string')).toEqual({ code: 'internal', params: { detail: 'plain string' } });
  });
});

describe('describeZodError', () => {
  it('names the paths of at most three problems', () => {
    const schema = z.object({ a: z.string(), b: z.object({ c: z.number() }), d: z.boolean(), e: z.boolean() });
    const result = schema.safeParse({ b: { c: 'x' } });
    if (result.success) throw new Error('expected a failure');
    const text = describeZodError(result.error);
    expect(text.split('; ')).toHaveLength(3);
    expect(text).toMatch(/^a: .+; b\.c: .+; d: .+$/);
  });

  it('says (root) for a problem with the value itself', () => {
    const result = z.string().safeParse(1);
    if (result.success) throw new Error('expected a failure');
    expect(describeZodError(result.error)).toMatch(/^\(root\): /);
  });
});

describe('ERROR_CODES', () => {
  it('has no duplicates and only domain.name codes (or internal)', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^([a-z]+\.[a-zA-Z]+|internal)$/);
  });
});
