import { describe, expect, it } from 'vitest';
import {
  composeExport,
  escapeXml,
  exportFilename,
  exportLayout,
  type ExportPanel,
  wrapText,
} from '../../../../src/viz/export/figure-export';
import { allElements, parseXml } from '../../support/xml';

/** A panel as serializeSvg() writes one: a standalone <svg> with a y axis. */
function panel(k: number, width = 260, height = 190): ExportPanel {
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><g class="axis"><text y="9">${k} &amp; −1</text></g><path d="M0 0h10v10z"/></svg>`,
    width,
    height,
    title: `1 − S = ${[1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001][k]}`,
    caption: `${40 - 5 * k} of 40 neurons monosemantic`,
  };
}
const legend: ExportPanel = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="248" height="40" viewBox="0 0 248 40"><text class="legend-title">feature superposition</text></svg>',
  width: 248,
  height: 40,
};

describe('composeExport', () => {
  const sweep = composeExport({
    heading: 'Neuron weights across the sparsity sweep, step 10,000',
    subheading: 'Shipped weights: 10,000 Adam steps of batch 1,024 at learning rate 0.001, seed 0; n = 100 features, m = 40 neurons.',
    panels: Array.from({ length: 7 }, (_, k) => panel(k)),
    columns: 4,
    legend,
  });
  const root = parseXml(sweep);
  const texts = allElements(root)
    .filter((e) => e.name === 'text' || e.name === 'title')
    .map((e) => e.text);

  it('writes one standalone, well-formed SVG document with its size', () => {
    expect(sweep.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(root.name).toBe('svg');
    expect(root.attributes['xmlns']).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.attributes['width'])).toBeGreaterThan(4 * 260);
    expect(root.attributes['viewBox']).toBe(`0 0 ${root.attributes['width']} ${root.attributes['height']}`);
  });

  it('says what it holds: a title element, the heading and the budget line', () => {
    expect(root.children.find((e) => e.name === 'title')?.text).toBe('Neuron weights across the sparsity sweep, step 10,000');
    expect(texts).toContain('Neuron weights across the sparsity sweep, step 10,000');
    expect(texts.some((t) => t.startsWith('Shipped weights: 10,000 Adam steps'))).toBe(true);
  });

  it('holds all seven panels, each titled and captioned, four to a row, and the legend under them', () => {
    const panels = root.children.filter((e) => e.name === 'svg');
    expect(panels).toHaveLength(8);
    for (const k of [0, 1, 2, 3, 4, 5, 6]) expect(texts).toContain(panel(k).title);
    expect(texts).toContain('40 of 40 neurons monosemantic');
    expect(texts).toContain('feature superposition');
    const [first, , , fourth, fifth] = panels.map((p) => ({ x: Number(p.attributes['x']), y: Number(p.attributes['y']) }));
    expect(fourth!.y).toBe(first!.y);
    expect(fifth!.y).toBeGreaterThan(first!.y + 190);
    expect(fifth!.x).toBe(first!.x);
    const legendY = Number(panels[7]!.attributes['y']);
    expect(legendY).toBeGreaterThan(fifth!.y + 190);
    expect(legendY + 40).toBeLessThanOrEqual(Number(root.attributes['height']));
  });

  it('escapes what it writes, and keeps the panels’ own escaping', () => {
    expect(escapeXml('a < b & "c"')).toBe('a &lt; b &amp; &quot;c&quot;');
    const odd = composeExport({ heading: 'x < y & z', panels: [panel(0)] });
    expect(parseXml(odd).children.find((e) => e.name === 'title')?.text).toBe('x < y & z');
    expect(texts).toContain('0 & −1');
  });

  it('lays out one panel as wide as itself or its heading', () => {
    const one = exportLayout({ heading: 'short', panels: [panel(0, 600, 300)] });
    expect(one.width).toBe(600 + 24);
    expect(one.cells).toHaveLength(1);
    const long = exportLayout({ heading: 'x'.repeat(200), panels: [panel(0, 100, 100)] });
    expect(long.width).toBeGreaterThan(1000);
  });
});

describe('exportFilename', () => {
  it('joins what the file holds into a safe name', () => {
    expect(exportFilename(['sweep', '1-S-0.03', 'shipped', 'seed-0', 'step-10000'])).toBe('sweep_1-S-0.03_shipped_seed-0_step-10000');
    expect(exportFilename(['live', '1 − S = 0.03', '', '../x'])).toBe('live_1-S-0.03_x');
    expect(exportFilename([])).toBe('figure');
  });
});

describe('captions in a file of several panels', () => {
  it('wrap to their panel’s width, so neighbours never run into each other', () => {
    const caption = '22 of 40 neurons monosemantic; features ≥ 10 % per neuron: median 1, 1–14; y range ±2 holds 9 in 10 neurons';
    const lines = wrapText(caption, 240, 11);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(caption);
    for (const line of lines) expect(line.length * 11 * 0.55).toBeLessThanOrEqual(240);
    const panel = { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="100"></svg>', width: 240, height: 100 };
    const one = exportLayout({ heading: 'h', panels: [{ ...panel, caption: 'short' }] });
    const long = exportLayout({
      heading: 'h',
      panels: [
        { ...panel, caption: 'short' },
        { ...panel, caption },
      ],
      columns: 2,
    });
    expect(long.captionH - one.captionH).toBe((lines.length - 1) * 14);
  });
});
