import { describe, expect, it } from 'vitest';
import { contentBox, downloadFilename, figureSvg, inlineStyle, MAX_CANVAS_SIDE, rasterSize } from '../../../../src/viz/export/svg-export';

describe('figure export helpers', () => {
  it('makes safe file names with one extension', () => {
    expect(downloadFilename('stack plot 1−S=0.03', 'svg')).toBe('stack-plot-1-S-0.03.svg');
    expect(downloadFilename('loss.png', 'png')).toBe('loss.png');
    expect(downloadFilename('  ', 'png')).toBe('figure.png');
    expect(downloadFilename('../../etc/passwd', 'svg')).toBe('etc-passwd.svg');
  });

  it('renders PNGs at twice the size, shrinking only past the canvas limit', () => {
    expect(rasterSize(640, 300)).toEqual({ width: 1280, height: 600, scale: 2 });
    const huge = rasterSize(MAX_CANVAS_SIDE, 100);
    expect(huge.width).toBe(MAX_CANVAS_SIDE);
    expect(huge.scale).toBe(1);
    expect(rasterSize(0, 0).width).toBeGreaterThan(0);
  });

  it('inlines only non-initial shape styles, and fonts only on text', () => {
    const computed: Record<string, string> = {
      fill: 'rgb(68, 1, 84)',
      'fill-opacity': '1',
      stroke: 'rgb(255, 255, 255)',
      'stroke-width': '0.3px',
      'font-family': 'system-ui',
      'font-size': '11px',
      'font-weight': '400',
      'font-style': 'normal',
      'text-anchor': 'middle',
      display: 'inline',
    };
    const read = (p: string): string => computed[p] ?? '';
    expect(inlineStyle('rect', read)).toBe('fill:rgb(68, 1, 84);stroke:rgb(255, 255, 255);stroke-width:0.3px');
    const text = inlineStyle('text', read);
    expect(text).toContain('font-family:system-ui');
    expect(text).toContain('font-size:11px');
    expect(text).toContain('text-anchor:middle');
    expect(inlineStyle('g', (p) => (p === 'display' ? 'none' : ''))).toContain('display:none');
  });
});

describe('figureSvg', () => {
  // Stand-ins for a document and the <svg>s its figures hand over; no DOM in Node.
  const svgs = ['plot', 'panel 0', 'panel 1'].map((name) => ({ name }) as unknown as SVGSVGElement);
  const elements: Record<string, unknown> = {
    plot: { svgElement: () => svgs[0] },
    sweep: { svgElement: (panel = 0) => svgs[1 + panel] ?? null },
    paragraph: {},
  };
  const root = { getElementById: (id: string) => elements[id] ?? null } as unknown as Document;

  it("finds a figure by id and takes its <svg>, or one panel's", () => {
    expect(figureSvg(root, 'plot')).toBe(svgs[0]);
    expect(figureSvg(root, 'sweep', 1)).toBe(svgs[2]);
    expect(figureSvg(root, 'sweep')).toBe(svgs[1]);
  });

  it('has nothing for a missing id, an element that is not a figure, or a missing panel', () => {
    expect(figureSvg(root, '')).toBeNull();
    expect(figureSvg(root, 'nope')).toBeNull();
    expect(figureSvg(root, 'paragraph')).toBeNull();
    expect(figureSvg(root, 'sweep', 5)).toBeNull();
  });
});

describe('cropping a saved figure to what it draws', () => {
  it('keeps the union of the drawn boxes and a margin, with whole-pixel edges', () => {
    // A plot drawn 640 px wide whose columns end at 380 px: the file ends 6 px after them.
    const box = contentBox(
      [
        { x: 10.5, y: 4, width: 300, height: 200 },
        { x: 40, y: 190, width: 339.2, height: 30 },
      ],
      640,
      260,
      6,
    );
    expect(box).toEqual({ x: 4, y: -2, width: 382, height: 228 });
    expect(box.x + box.width).toBeLessThan(640 * 0.7);
  });

  it('keeps content past the figure’s edge instead of cutting it', () => {
    const box = contentBox([{ x: -12, y: 0, width: 700, height: 20 }], 640, 20, 0);
    expect(box.x).toBe(-12);
    expect(box.width).toBe(700);
  });

  it('keeps the whole figure where nothing is drawn, and ignores empty or non-finite boxes', () => {
    expect(contentBox([], 640, 300)).toEqual({ x: 0, y: 0, width: 640, height: 300 });
    expect(
      contentBox(
        [
          { x: Number.NaN, y: 0, width: 5, height: 5 },
          { x: 3, y: 3, width: 0, height: 0 },
        ],
        640,
        300,
      ),
    ).toEqual({
      x: 0,
      y: 0,
      width: 640,
      height: 300,
    });
  });
});
