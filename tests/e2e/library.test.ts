import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('smoke', () => {
  it('shows the empty library', async () => {
    const app = await openApp(browser);
    try {
      await app.page.getByText('工作区里还没有刊期。').waitFor();
      await app.screenshot('smoke-empty');
      expect(await app.page.title()).toBe('Masthead');
    } finally {
      await app.close();
    }
  });
});
