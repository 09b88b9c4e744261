import { describe, expect, it } from 'vitest';
import { newId } from '../../../../shared/model/ids.js';

describe('newId', () => {
  it('gives 12 URL- and file-safe characters', () => {
    for (let i = 0; i < 200; i++) expect(newId()).toMatch(/^[A-Za-z0-9]{12}$/);
  });

  it('does not repeat over 10,000 draws', () => {
    const ids = new Set(Array.from({ length: 10_000 }, newId));
    expect(ids.size).toBe(10_000);
  });
});
