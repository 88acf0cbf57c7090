/**
 * Reading the article on a phone and a laptop: nothing sticks out of a 320–390 px viewport, axe
 * finds nothing serious or critical in any section at 390 and 1280 px (light, dark, forced colours), a section permalink lands on its heading
 * and keeps its URL, the slider's ticks give exactly the paper's levels, the advanced settings
 * refuse a bad value beside its field, and every section is screenshotted at 390 and 1280 px in
 * light and dark (artifacts/screenshots/reading-*).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SECTIONS, type SectionId } from '../../src/article/state/url-state';
import { PAPER_DENSITIES } from '../../src/model/config';
import { formatDensity } from '../../src/viz/core/format';
import { ARTIFACTS, collectErrors, scrollIntoView, settledBox, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const consoleErrors: string[] = [];

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** The colour schemes axe checks every section in: light, dark, and forced colours (Windows High Contrast) on each. */
const COLOUR_SCHEMES = [
  { name: 'light', media: { colorScheme: 'light', forcedColors: 'none' } },
  { name: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' } },
  { name: 'forced colours, light', media: { colorScheme: 'light', forcedColors: 'active' } },
  { name: 'forced colours, dark', media: { colorScheme: 'dark', forcedColors: 'active' } },
] as const;
/** A shipped configuration: nothing trains, so pages settle fast and screenshots hold still. */
const SHIPPED = 'density=0.1&steps=10000&lr=0.001';

/** Opens the built page at `query` (bypassing the CSP, so that axe can be injected) once its first stack plot is drawn. */
async function open(query: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser().newPage({ viewport, bypassCSP: true });
  collectErrors(page, consoleErrors);
  await page.goto(`${baseUrl}${query}`);
  await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
  return page;
}

/** Lays out every section (as if the reader had scrolled past all of them) and waits for the figures to redraw. */
async function renderAll(page: Page): Promise<void> {
  await page.addStyleTag({ content: '[data-section] { content-visibility: visible !important; }' });
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 600)));
}

/**
 * Visible elements (shadow roots included) that reach outside the viewport's width, other than
 * those inside a box that scrolls or clips sideways; and the document's own scroll width.
 */
async function overflowing(page: Page): Promise<{ viewport: number; scrollWidth: number; elements: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
    const contained = (el: Element): boolean => {
      for (let e = parentOf(el); e && e !== document.body && e !== document.documentElement; e = parentOf(e)) {
        if (getComputedStyle(e).overflowX !== 'visible') return true;
      }
      return false;
    };
    const elements: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        const visible = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
        if (visible && (r.right > viewport + 0.5 || r.left < -0.5) && !contained(el)) {
          elements.push(
            `${el.localName}${el.id ? `#${el.id}` : ''}.${el.getAttribute('class') ?? ''} [${Math.round(r.left)}, ${Math.round(r.right)}]`,
          );
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return { viewport, scrollWidth: document.documentElement.scrollWidth, elements };
  });
}

/** axe-core's serious and critical violations on the page as it is (injected once per page). */
async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    const require = createRequire(import.meta.url);
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  }
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: never,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] } as never);
    // Each node with the section it is in (its outermost selector is in the document) and why it fails.
    const where = (target: unknown[]): string => {
      const outer = Array.isArray(target[0]) ? target[0][0] : target[0];
      const section = typeof outer === 'string' ? document.querySelector(outer)?.closest('[data-section]')?.id : undefined;
      return `${section ?? '?'} ${JSON.stringify(target)}`;
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes
          .slice(0, 5)
          .map((n) => `${where(n.target)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}`)
          .concat(v.nodes.length > 5 ? [`and ${v.nodes.length - 5} more`] : []),
      }));
  });
}

/** The top of a section's heading relative to the viewport, px, once it has held still for 500 ms. */
async function settledHeadingTop(page: Page, section: SectionId): Promise<number> {
  // The page lands a link once the shipped models are in (after the first figure): until then the
  // heading may hold still where the page's placeholders put it. Landing gives it a tabindex.
  if (section !== 'intro')
    await page.waitForFunction((id) => document.querySelector(`#${id} :is(h1, h2)`)?.hasAttribute('tabindex'), section, {
      timeout: 90_000,
    });
  return page.evaluate(async (id) => {
    const heading = document.querySelector(`#${id} :is(h1, h2)`)!;
    let last = Number.NaN;
    let stillSince = performance.now();
    for (const start = performance.now(); performance.now() - start < 15_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const top = heading.getBoundingClientRect().top;
      if (Math.abs(top - last) > 0.5) stillSince = performance.now();
      last = top;
      if (performance.now() - stillSince > 500) break;
    }
    return last;
  }, section);
}

describe('reading on a phone and a laptop', () => {
  it('nothing sticks out of a 320, 375 or 390 px viewport outside a scroll container', async () => {
    const page = await open(`?${SHIPPED}`, { width: 320, height: 800 });
    await renderAll(page);
    for (const width of [320, 375, 390]) {
      await page.setViewportSize({ width, height: 800 });
      // Two frames for the figures' ResizeObservers, then their redraw.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
      const result = await overflowing(page);
      expect(result.elements, `${width} px`).toEqual([]);
      expect(result.scrollWidth, `${width} px`).toBeLessThanOrEqual(result.viewport);
    }
    // The wide parts scroll in boxes a keyboard can reach.
    for (const table of await page.locator('.table-scroll').all()) {
      expect(await table.getAttribute('role')).toBe('region');
      if (await table.evaluate((el) => el.scrollWidth > el.clientWidth)) expect(await table.getAttribute('tabindex')).toBe('0');
    }
    await page.close();
  });

  it('a margin note follows the paragraph it annotates on a phone, and sits beside it in the gutter on a laptop', async () => {
    const page = await open(`?${SHIPPED}`, PHONE);
    await renderAll(page);
    await scrollIntoView(page.locator('#curve'));
    await page.locator('#curve-recipes').waitFor({ timeout: 90_000 });
    const notes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.margin-note')].map((note) => {
          const group = note.closest('.noted');
          const paragraph = group?.querySelector(':scope > :not(.margin-note)')?.getBoundingClientRect();
          const box = note.getBoundingClientRect();
          return {
            id: note.id,
            first: group?.querySelector('.margin-note') === note,
            top: box.top,
            left: box.left,
            paragraph: paragraph ? { top: paragraph.top, bottom: paragraph.bottom, right: paragraph.right } : null,
          };
        }),
      );
    const phone = await notes();
    expect(phone.map((n) => n.id)).toEqual(
      expect.arrayContaining(['sweep-budget-note', 'curve-note', 'curve-recipes', 'live-recipe-note']),
    );
    for (const note of phone) {
      expect(note.paragraph, `${note.id} is grouped with its paragraph`).not.toBeNull();
      expect(note.top, note.id).toBeGreaterThan(note.paragraph?.top ?? Number.POSITIVE_INFINITY);
      expect(note.top, note.id).toBeGreaterThanOrEqual((note.paragraph?.bottom ?? Number.POSITIVE_INFINITY) - 1);
    }
    await page.setViewportSize(DESKTOP);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
    for (const note of await notes()) {
      expect(note.left, note.id).toBeGreaterThan(note.paragraph?.right ?? Number.POSITIVE_INFINITY);
      // The first note of a paragraph starts level with it; a second one stacks under the first.
      if (note.first) expect(Math.abs(note.top - (note.paragraph?.top ?? Number.NaN)), note.id).toBeLessThan(12);
    }
    await page.close();
  });

  it('axe finds no serious or critical violation in any section at 390 and 1280 px, light, dark and forced colours', {
    timeout: 600_000,
  }, async () => {
    const found: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      // One page per width: every section is scrolled to once (figures that load near the screen load), then checked per scheme.
      const page = await open(`?${SHIPPED}`, viewport);
      await renderAll(page);
      for (const section of SECTIONS) await scrollIntoView(page.locator(`#${section}`));
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1000)));
      for (const scheme of COLOUR_SCHEMES) {
        await page.emulateMedia(scheme.media);
        // Two frames for the figures' colour-scheme listeners to redraw.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        for (const v of await axeViolations(page))
          found.push(`${viewport.width} px, ${scheme.name}: ${v.id} (${v.impact}) at ${v.nodes.join(' ')}`);
      }
      if (viewport === PHONE) {
        await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
        // The first Tab reaches the skip link, which takes focus past the title block and contents.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the article text');
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('article-start');
      }
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it('?section=… lands on every section’s heading and leaves the URL alone, on a laptop and a phone', { timeout: 180_000 }, async () => {
    const land = async (section: SectionId, viewport: { width: number; height: number }) => {
      const page = await open(`?section=${section}`, viewport);
      const top = await settledHeadingTop(page, section);
      const scrollY = await page.evaluate(() => window.scrollY);
      const search = new URL(page.url()).search;
      await page.close();
      return { section, width: viewport.width, top: Math.round(top), scrollY, search };
    };
    for (const section of SECTIONS) {
      // Both widths at once: each page spends most of its time waiting for its heading to hold still.
      for (const landed of await Promise.all([land(section, DESKTOP), land(section, PHONE)])) {
        const where = `${section} at ${landed.width} px`;
        expect(landed.search, where).toBe(`?section=${section}`);
        if (section === 'intro') expect(landed.scrollY, where).toBe(0);
        else expect(Math.abs(landed.top), where).toBeLessThanOrEqual(2);
      }
    }
  });

  it('the section in the URL follows the reader’s own scrolling and the table of contents', async () => {
    const page = await open('?section=sweep', DESKTOP);
    await settledHeadingTop(page, 'sweep');
    const live = await page.locator('#live').evaluate((el) => el.getBoundingClientRect().top);
    await page.mouse.move(640, 450);
    await page.mouse.wheel(0, live);
    await expect.poll(() => new URL(page.url()).searchParams.get('section')).toBe('live');
    // A table-of-contents link scrolls in place, moves focus to the heading and records the section.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.toc-details > summary').click();
    await page.locator('.toc a', { hasText: 'A motif for computing' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('section')).toBe('motif');
    expect(Math.abs(await settledHeadingTop(page, 'motif'))).toBeLessThanOrEqual(2);
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.id)).toBe('motif');
    await page.close();
  });

  it('dragging the slider onto each paper tick gives exactly that level, one history entry per drag', async () => {
    const page = await open(`?section=live&${SHIPPED}`, DESKTOP);
    const slider = page.locator('#density-slider');
    const box = await settledBox(slider);
    const y = box.y + box.height / 2;
    // The thumb's centre runs from half a thumb in at one end to half a thumb in at the other.
    const thumbX = async () => {
      const { value, min, max, thumb } = await slider.evaluate((el: HTMLInputElement) => ({
        value: Number(el.value),
        min: Number(el.min),
        max: Number(el.max),
        thumb: Number.parseFloat(getComputedStyle(el).getPropertyValue('--thumb')),
      }));
      return box.x + thumb / 2 + ((box.width - thumb) * (value - min)) / (max - min);
    };
    for (const level of [...PAPER_DENSITIES].sort((a, b) => a - b)) {
      const tick = (await page.locator(`.tick[data-density="${level}"]`).boundingBox())!;
      const label = (await page.locator(`.tick[data-density="${level}"] .tick-label`).boundingBox())!;
      // Each label is centred on its tick.
      expect(Math.abs(label.x + label.width / 2 - (tick.x + tick.width / 2))).toBeLessThanOrEqual(1);
      const entries = await page.evaluate(() => history.length);
      const before = await page.locator('#density-value').textContent();
      await page.mouse.move(await thumbX(), y);
      await page.mouse.down();
      await page.mouse.move(tick.x + tick.width / 2, y, { steps: 6 });
      await page.mouse.up();
      await expect.poll(() => page.locator('#density-value').textContent()).toBe(formatDensity(level));
      const param = new URL(page.url()).searchParams.get('density');
      // The default density (0.03) is left out of the URL.
      expect(param === null ? 0.03 : Number(param)).toBe(level);
      // The thumb now sits on the tick it was dropped on.
      expect(Math.abs((await thumbX()) - (tick.x + tick.width / 2))).toBeLessThanOrEqual(1.5);
      expect(await page.evaluate(() => history.length)).toBe(entries + (before === formatDensity(level) ? 0 : 1));
    }
    await page.close();
  });

  it('keys: a burst of arrows commits once; Page Up goes to the next paper level', async () => {
    const page = await open(`?section=live&${SHIPPED}`, DESKTOP);
    const slider = page.locator('#density-slider');
    await scrollIntoView(slider);
    await slider.focus();
    const entries = await page.evaluate(() => history.length);
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
    expect(await page.locator('#density-value').textContent()).toBe('0.3');
    await expect.poll(() => new URL(page.url()).searchParams.get('density')).toBe('0.3');
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('Tab');
    await expect.poll(() => new URL(page.url()).searchParams.get('density')).toBe('1');
    expect(await page.evaluate(() => history.length)).toBe(entries + 2);
    await page.close();
  });

  it('the advanced settings refuse a bad value beside its field, and nothing trains', async () => {
    const page = await open(`?section=live&${SHIPPED}`, DESKTOP);
    await page.locator('details.advanced summary').click();
    const url = page.url();
    await page.locator('#setting-m').fill('500');
    await page.getByRole('button', { name: 'Apply and retrain' }).click();
    const error = page.locator('#error-m');
    await expect.poll(() => error.textContent()).toMatch(/between 1 and 100/);
    expect(await page.locator('#setting-m').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#setting-m').getAttribute('aria-describedby')).toContain('error-m');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('setting-m');
    expect(page.url()).toBe(url);
    expect(await page.locator('#live-status').getAttribute('data-phase')).toBe('idle');
    await page.locator('details.advanced').screenshot({ path: `${ARTIFACTS}/reading-settings-error.png` });
    // Fixing the value clears its message as the reader types.
    await page.locator('#setting-m').fill('20');
    await expect.poll(() => error.count()).toBe(0);
    await page.close();
  });

  it('the live region speaks when a run starts and ends, not at every report; the status line counts down', async () => {
    const page = await browser().newPage({ viewport: DESKTOP });
    collectErrors(page, consoleErrors);
    // Every text the announcer takes, recorded from before the page's own script runs.
    await page.addInitScript(() => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => {
        const text = document.querySelector('#announcer')?.textContent?.trim() ?? '';
        if (text && text !== said.at(-1)) said.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${baseUrl}?section=live&density=0.1&steps=400`);
    await expect.poll(() => page.locator('#live-status').textContent(), { timeout: 90_000 }).toMatch(/ left · training/);
    await page.waitForFunction(() => document.querySelector('#live-status')?.getAttribute('data-phase') === 'completed', null, {
      timeout: 90_000,
    });
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said).toEqual([
      'Training the live model at 1 − S = 0.1: 400 steps.',
      expect.stringMatching(/^The live model at 1 − S = 0\.1 finished training after 400 steps, loss \d\.\d\de-\d\.$/),
    ]);
    expect(await page.locator('#live-status').getAttribute('aria-live')).toBeNull();
    await page.close();
  });

  it('the sweep retrain says how long it takes, counts “of 10,000”, and restores the shipped models after a stop', async () => {
    const page = await open(`?section=sweep&${SHIPPED}`, DESKTOP);
    const controls = page.locator('#sweep .controls').last();
    expect((await controls.textContent())?.replace(/\s+/g, ' ')).toMatch(/10,000 steps each: about \d+ min on a two-core laptop/);
    await page.getByRole('button', { name: 'Retrain the whole sweep' }).click();
    await expect.poll(() => page.locator('#sweep-status').textContent(), { timeout: 90_000 }).toMatch(/^step [\d,]+ of 10,000/);
    const caption = page.locator('#sweep figure:has(#sweep-figure) > figcaption');
    await expect.poll(() => caption.textContent(), { timeout: 90_000 }).toMatch(/the sweep you are retraining/);
    await page.getByRole('button', { name: 'Stop retraining' }).click();
    await expect.poll(() => page.locator('#announcer').textContent()).toMatch(/^Stopped training the sweep at step [\d,]+ of 10,000\.$/);
    await page.getByRole('button', { name: 'Restore the shipped models' }).click();
    await expect.poll(() => caption.textContent()).toMatch(/Stack plots of the shipped replication-budget models/);
    expect(await page.getByRole('button', { name: 'Restore the shipped models' }).count()).toBe(0);
    await page.close();
  });

  for (const [device, viewport] of [
    ['390', PHONE],
    ['1280', DESKTOP],
  ] as const) {
    it(`screenshots every section at ${device} px, light and dark`, async () => {
      const page = await open(`?${SHIPPED}`, viewport);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const id of [...SECTIONS, 'appendix']) {
          const part = page.locator(id === 'appendix' ? '.appendix' : `#${id}`);
          await scrollIntoView(part);
          await part.screenshot({ path: `${ARTIFACTS}/reading-${device}-${colorScheme}-${id}.png` });
        }
      }
      await page.close();
    });
  }

  it('logged no console errors in any of the above', () => {
    expect(consoleErrors).toEqual([]);
  });
});
