import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/model/random';
import { type Flag, FLAG_GAP, flagsConflict, placeFlags } from '../../../../src/viz/computation/label-flags';

/** Whether two texts' boxes intersect (rows 13 px apart, 11 px tall: only texts in one row can). */
const textsMeet = (p: Flag, q: Flag): boolean => p.row === q.row && p.x < q.x + q.width && q.x < p.x + p.width;
/** Whether q's text lies across p's pole (which passes the rows below p's). */
const acrossPole = (p: Flag, q: Flag): boolean => q.row < p.row && q.x <= p.anchor && p.anchor <= q.x + q.width;

describe('miss labels as flags', () => {
  it('puts labels far apart in row 0, each text just right of its pole', () => {
    const flags = placeFlags(
      [
        { key: 0, anchor: 10, width: 33 },
        { key: 5, anchor: 200, width: 33 },
      ],
      400,
    );
    expect(flags.map((f) => [f.key, f.row, f.x])).toEqual([
      [0, 0, 12],
      [5, 0, 202],
    ]);
  });

  it('stacks a cluster of neighbouring outputs as a staircase rising to the left, no text across another’s pole', () => {
    // Outputs 20, 22 and 23 of 100 at 1280 px: 11 px apart, texts 35 px wide.
    const flags = placeFlags(
      [
        { key: 20, anchor: 230, width: 35 },
        { key: 22, anchor: 252, width: 35 },
        { key: 23, anchor: 263, width: 35 },
      ],
      1232,
    );
    expect(flags.map((f) => f.row)).toEqual([2, 1, 0]);
    for (const p of flags) for (const q of flags) if (p !== q) expect(acrossPole(p, q)).toBe(false);
  });

  it('keeps every text inside the plot, writing one at the right edge left of its pole', () => {
    const [last] = placeFlags([{ key: 9, anchor: 295, width: 35 }], 300);
    expect(last!.x).toBe(295 - 2 - 35);
    const [wide] = placeFlags([{ key: 9, anchor: 20, width: 35 }], 40);
    expect(wide!.x + wide!.width).toBeLessThanOrEqual(40);
    expect(wide!.x).toBeGreaterThanOrEqual(0);
  });

  it('near the right edge, rises to the right, no text across another’s pole (outputs 90 and 99 at 320 px)', () => {
    const flags = placeFlags(
      [
        { key: 60, anchor: 205, width: 35 },
        { key: 61, anchor: 220, width: 35 },
        { key: 90, anchor: 250, width: 35 },
        { key: 99, anchor: 265, width: 35 },
      ],
      272,
    );
    for (const p of flags) for (const q of flags) if (p !== q) expect(acrossPole(p, q), `${q.key} across ${p.key}`).toBe(false);
    for (const f of flags) expect(f.x + f.width).toBeLessThanOrEqual(272);
  });

  it('never lets two texts meet, and keeps them FLAG_GAP apart in a row, on random clusters at 320 to 1280 px', () => {
    const rng = createRng(23);
    const next = () => rng.next();
    for (let trial = 0; trial < 300; trial++) {
      const width = 280 + Math.floor(next() * 1000);
      const count = 1 + Math.floor(next() * 14);
      const requests = Array.from({ length: count }, (_, key) => ({ key, anchor: next() * width, width: 28 + Math.floor(next() * 3) * 7 }));
      const flags = placeFlags(requests, width);
      expect(flags.map((f) => f.key)).toEqual(requests.map((r) => r.key));
      for (const [k, p] of flags.entries()) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x + p.width).toBeLessThanOrEqual(width);
        for (const q of flags.slice(k + 1)) {
          expect(textsMeet(p, q)).toBe(false);
          if (p.row === q.row) expect(Math.max(p.x, q.x) - Math.min(p.x + p.width, q.x + q.width)).toBeGreaterThanOrEqual(FLAG_GAP);
        }
      }
    }
  });

  it('counts a text across a higher flag’s pole as a conflict, and one beside it as none', () => {
    const high: Flag = { key: 1, anchor: 100, width: 30, x: 102, row: 1 };
    expect(flagsConflict(high, { key: 0, anchor: 80, width: 30, x: 82, row: 0 })).toBe(true);
    expect(flagsConflict(high, { key: 0, anchor: 60, width: 30, x: 62, row: 0 })).toBe(false);
    expect(flagsConflict(high, { key: 2, anchor: 120, width: 30, x: 122, row: 0 })).toBe(false);
  });
});
