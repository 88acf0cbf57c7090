/**
 * Choosing the neuron-response section's neuron from a figure, and the stack plots' colouring in
 * the permalink, in Chromium (issue 23 leftovers): a permalink reopens with the chosen colouring
 * and the chosen neuron; a click on a stack plot's column and Enter on a computation-figure neuron
 * write the neuron into the link and offer the way to the section, which then shows it; the
 * colouring control writes `colour`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectErrors, scrollIntoView, settledBox, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const consoleErrors: string[] = [];

async function open(query: string): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
  collectErrors(page, consoleErrors);
  await page.goto(`${baseUrl}${query}`);
  await page.locator('#intermediate-plot g.column').first().waitFor({ timeout: 60_000 });
  return page;
}

const param = (page: Page, name: string): string | null => new URL(page.url()).searchParams.get(name);

/** The colouring each stack-plot figure draws with, by id. */
function colourings(page: Page) {
  return page.evaluate(() =>
    Object.fromEntries(
      ['sweep-figure', 'intermediate-plot', 'motif-plot', 'curve-plot', 'live-plot']
        .map((id) => [id, document.getElementById(id)?.getAttribute('colouring') ?? null])
        .filter(([, c]) => c !== null),
    ),
  );
}

describe('choosing a neuron and the colouring, in Chromium', { timeout: 240_000 }, () => {
  it('reopens a permalink with its colouring and its neuron', async () => {
    const page = await open('?v=3&section=neuron-response&colour=feature&neuron=12');
    await page.locator('#motif-plot').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('#neuron-response-neuron').inputValue()).toBe('12');
    const feature = await colourings(page);
    expect(feature['sweep-figure']).toBe('feature');
    expect(feature['intermediate-plot']).toBe('feature');
    expect(feature['motif-plot']).toBe('feature');
    expect(await page.locator('input[name="sweep-colouring"][value="feature"]').isChecked()).toBe(true);
    await page.close();
  });

  it('a link naming superposition recolours the motif figure too; without one the motif keeps colouring by feature, and the control writes the choice', async () => {
    const superposition = await open('?v=3&colour=superposition');
    await superposition.locator('#motif-plot').waitFor({ timeout: 60_000 });
    expect(await colourings(superposition)).toMatchObject({ 'sweep-figure': 'superposition', 'motif-plot': 'superposition' });
    await superposition.close();
    const plain = await open('?v=3');
    await plain.locator('#motif-plot').waitFor({ timeout: 60_000 });
    expect(await colourings(plain)).toMatchObject({
      'sweep-figure': 'superposition',
      'intermediate-plot': 'superposition',
      'motif-plot': 'feature',
    });
    expect(param(plain, 'colour')).toBeNull();
    // The control writes the choice into the link.
    const radio = plain.locator('input[name="sweep-colouring"][value="feature"]');
    await scrollIntoView(radio);
    // Generous: on a loaded machine a frame can take seconds, and a click waits for two still ones.
    await radio.click({ timeout: 90_000 });
    await expect.poll(() => param(plain, 'colour'), { timeout: 30_000 }).toBe('feature');
    await expect.poll(async () => (await colourings(plain))['motif-plot']).toBe('feature');
    expect(await radio.isChecked()).toBe(true);
    await plain.close();
  });

  it('a click on a stack plot’s column chooses its neuron, and the offered link leads to the section showing it', async () => {
    const page = await open('?v=3');
    const column = page.locator('#intermediate-plot g.column').nth(5);
    await scrollIntoView(column);
    const neuron = await column.getAttribute('data-neuron');
    expect(neuron).not.toBeNull();
    // At the column's top quarter, as a reader clicks it (the plot's zero line lies across its middle).
    const box = await settledBox(column);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 4);
    await expect.poll(() => param(page, 'neuron')).toBe(neuron);
    const link = page.locator('#neuron-pick-link');
    await expect.poll(() => link.textContent()).toBe(`See what neuron ${neuron} responds to ↓`);
    await link.click({ timeout: 90_000 });
    await expect.poll(() => param(page, 'section')).toBe('neuron-response');
    await expect.poll(() => page.locator('#neuron-response-neuron').inputValue()).toBe(neuron);
    await expect.poll(() => link.count()).toBe(0);
    const top = await page.locator('#neuron-response h2').evaluate((h) => h.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(2);
    await page.close();
  });

  it('Enter on a focused neuron of the computation figure chooses it, as on a stack plot’s column', async () => {
    const page = await open('?v=3&section=computation');
    const first = page.locator('computation-figure g.neuron[tabindex="0"]');
    await scrollIntoView(first);
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const focused = await page
      .locator('computation-figure')
      .evaluate((f) => (f.shadowRoot?.activeElement as Element | null)?.getAttribute('data-neuron') ?? null);
    expect(focused).not.toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'neuron')).toBe(focused);
    await expect.poll(() => page.locator('#neuron-pick-link').textContent()).toBe(`See what neuron ${focused} responds to ↓`);

    // On a stack plot too: Enter on the focused column.
    const column = page.locator('#intermediate-plot g.column[tabindex="0"]');
    await scrollIntoView(column);
    await column.focus();
    await page.keyboard.press('End');
    const last = await page
      .locator('#intermediate-plot')
      .evaluate((p) => (p.shadowRoot?.activeElement as Element | null)?.getAttribute('data-neuron') ?? null);
    await page.keyboard.press(' ');
    await expect.poll(() => param(page, 'neuron')).toBe(last);
    await page.close();
  });

  it('a click on a neuron of a non-default converged model shows that neuron of that model, and the link reopens it', async () => {
    const page = await open('?v=3&section=computation&computation-model=converged:0.003:1&input=2:-1,5:0.25');
    const column = page.locator('computation-figure g.neuron').nth(4);
    await scrollIntoView(column);
    const neuron = await column.getAttribute('data-neuron');
    expect(neuron).not.toBeNull();
    const box = await settledBox(column);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 4);
    await expect.poll(() => param(page, 'neuron')).toBe(neuron);
    expect(param(page, 'neuron-model')).toBe('converged:0.003:1');
    const shows = async (p: Page) => ({
      level: await p.locator('#neuron-response-level').inputValue(),
      seed: await p.locator('#neuron-response-seed').inputValue(),
      neuron: await p.locator('#neuron-response-neuron').inputValue(),
      caption: await p.locator('#neuron-response figcaption').textContent(),
      note: await p.locator('#neuron-response-source').count(),
    });
    const expected = { level: '0.003', seed: '1', neuron, note: 0 };
    await expect.poll(() => shows(page), { timeout: 60_000 }).toMatchObject(expected);
    expect((await shows(page)).caption).toMatch(new RegExp(`neuron ${neuron} of the converged model at 1 − S = 0\\.003, seed\\s+1,`));
    // The link reopens exactly that neuron of that model.
    const reopened = await open(new URL(page.url()).search);
    await expect.poll(() => shows(reopened), { timeout: 60_000 }).toMatchObject(expected);
    await reopened.close();
    await page.close();
  });

  it('a click in a model the section does not measure keeps its model and says which it shows, and why', async () => {
    const page = await open('?v=3&section=computation&computation-model=motif&neuron-model=converged:0.03:2');
    const column = page.locator('computation-figure g.neuron').nth(1);
    await scrollIntoView(column);
    const neuron = await column.getAttribute('data-neuron');
    const box = await settledBox(column);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 4);
    await expect.poll(() => param(page, 'neuron')).toBe(neuron);
    expect(param(page, 'neuron-model')).toBe('converged:0.03:2');
    const note = page.locator('#neuron-response-source');
    await expect
      .poll(() => note.textContent(), { timeout: 60_000 })
      .toMatch(
        new RegExp(
          `^Neuron ${neuron} was chosen in the motif model\\. .* shows neuron ${neuron} of the converged model at 1 − S = 0\\.03, seed 2: a different model`,
        ),
      );
    expect(await page.locator('#neuron-response-level').inputValue()).toBe('0.03');
    // The reader's own choice of model answers the question: the note goes.
    await page.locator('#neuron-response-seed').selectOption('1');
    await expect.poll(() => note.count()).toBe(0);
    await expect.poll(() => param(page, 'neuron-model')).toBe('converged:0.03:1');
    await page.close();
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
