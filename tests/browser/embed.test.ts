/**
 * Embed mode (`?embed=<figure>`, docs/embedding.md) in Chromium: each embeddable figure loads
 * standalone at 320 and 1280 px with no console error and no horizontal overflow, shows its
 * figure with its caption and nothing else of the article, and links back to the full article
 * (the same URL without `embed`). An unknown figure gives the full article with a notice.
 */
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, collectErrors, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/** What shows that each figure has drawn. */
const DRAWN: Record<string, string> = {
  sweep: '#sweep-figure neuron-stack-plot',
  curve: 'figure.curve-figure density-curve',
  live: '#live-plot',
  motif: '#motif-plot',
};

describe('embed mode', () => {
  for (const figure of Object.keys(DRAWN)) {
    for (const width of [320, 1280]) {
      it(`?embed=${figure} at ${width} px: the figure alone, its caption, the link back`, async () => {
        const page = await browser().newPage({ viewport: { width, height: 800 } });
        const errors = collectErrors(page);
        await page.goto(`${baseUrl}?embed=${figure}&density=0.1`);
        await page.locator(DRAWN[figure]!).first().waitFor({ timeout: 60_000 });
        const shown = page.locator('.embed-figure');
        expect(await shown.count()).toBe(1);
        expect(await shown.isVisible()).toBe(true);
        expect(await shown.locator('figcaption').first().isVisible()).toBe(true);
        // No page chrome: no section heading, no skip link, no table of contents, no other section.
        expect(await page.locator('h2:visible').count()).toBe(0);
        expect(await page.locator('.skip-link').count()).toBe(0);
        expect(await page.locator('[data-section]').count()).toBe(1);
        const link = page.getByRole('link', { name: 'open the full article' });
        const back = new URL((await link.getAttribute('href'))!, page.url());
        expect(back.pathname).toBe(new URL(page.url()).pathname);
        expect(back.searchParams.has('embed')).toBe(false);
        expect(back.searchParams.get('density')).toBe('0.1');
        expect(await link.getAttribute('target')).toBe('_top');
        expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${ARTIFACTS}/embed-${figure}-${width}.png`, fullPage: true });
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('an unknown figure: the full article, with a notice naming the figures', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}?embed=nope`);
    await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
    expect(await page.locator('[data-section]').count()).toBeGreaterThan(5);
    expect(await page.locator('article-notices').textContent()).toMatch(
      /There is no figure "nope" to embed \(one of sweep, curve, live, motif\)/,
    );
    await page.close();
  });
});
