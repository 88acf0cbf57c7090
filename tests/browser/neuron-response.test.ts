/**
 * What a neuron responds to, in Chromium (issue 23, item 2): a permalink naming a neuron opens it,
 * the histogram is measured in the worker and drawn, the top inputs name their dominant feature,
 * the section is axe-clean, and screenshots at 390 and 1280 px land in artifacts/screenshots.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, collectErrors, scrollIntoView, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const consoleErrors: string[] = [];

async function openNeuron(width: number, neuron: number): Promise<Page> {
  const page = await browser().newPage({ viewport: { width, height: 900 }, bypassCSP: true });
  collectErrors(page, consoleErrors);
  await page.goto(`${baseUrl}?section=neuron-response&neuron=${neuron}`);
  await page.locator('#neuron-response-figure svg[data-neuron] g.bar').first().waitFor({ timeout: 60_000 });
  await page.locator('#neuron-claim').waitFor({ timeout: 30_000 });
  await scrollIntoView(page.locator('#neuron-response'));
  return page;
}

describe('what a neuron responds to, in Chromium', () => {
  it('opens the neuron the link names, draws its histogram and lists its top inputs by dominant feature', async () => {
    const page = await openNeuron(1280, 5);
    const figure = page.locator('#neuron-response-figure');
    expect(await figure.locator('svg').getAttribute('data-neuron')).toBe('5');
    expect(await page.locator('#neuron-response-neuron').inputValue()).toBe('5');
    const drawn = await figure.evaluate((el) => {
      const root = el.shadowRoot!;
      return {
        bars: root.querySelectorAll('g.bar').length,
        floor: root.querySelectorAll('line.floor').length,
        items: [...root.querySelectorAll('ol.top-inputs li')].map((li) => ({
          dominant: li.getAttribute('data-dominant'),
          named: li.querySelector('.dominant')?.textContent,
          terms: [...li.querySelectorAll('.term')].map((t) => t.getAttribute('data-feature')),
        })),
        description: root.querySelector('#description')?.textContent ?? '',
      };
    });
    expect(drawn.bars).toBeGreaterThan(3);
    expect(drawn.floor).toBe(1);
    expect(drawn.items.length).toBeGreaterThan(0);
    for (const item of drawn.items) {
      expect(item.named).toBe(item.dominant);
      expect(item.terms).toContain(item.dominant);
    }
    expect(drawn.description).toMatch(/^Neuron 5 \(/);
    // The quoted numbers are the file's, with the floor's effect and the caveat.
    const claim = (await page.locator('#neuron-claim').textContent()) ?? '';
    expect(claim).toContain('Over 1,000,000 inputs per model');
    expect(claim).toContain('without it');
    expect(claim).toContain('weakens');
    await page.locator('#neuron-response').screenshot({ path: `${ARTIFACTS}/neuron-response-1280.png` });

    // Choosing another neuron redraws it and writes it into the link.
    await page.locator('#neuron-response-neuron').selectOption('7');
    await expect.poll(() => figure.locator('svg').getAttribute('data-neuron')).toBe('7');
    await expect.poll(() => new URL(page.url()).searchParams.get('neuron')).toBe('7');
    await page.close();
  });

  it('has no serious or critical accessibility violations in the section (axe-core)', async () => {
    const page = await openNeuron(1280, 5);
    const require = createRequire(import.meta.url);
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (context: Element, options: never) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const section = document.querySelector('#neuron-response');
      if (!section) throw new Error('no #neuron-response');
      const result = await axe.run(section, { resultTypes: ['violations'] } as never);
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });

  it('fits a phone', async () => {
    const page = await openNeuron(390, 5);
    const width = await page
      .locator('#neuron-response-figure')
      .evaluate((el) => el.shadowRoot!.querySelector('svg')!.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(390);
    await page.locator('#neuron-response').screenshot({ path: `${ARTIFACTS}/neuron-response-390.png` });
    await page.close();
  });

  it('logged no console errors in any of the above', () => {
    expect(consoleErrors).toEqual([]);
  });
});
