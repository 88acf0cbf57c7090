/**
 * The curve section's three transitions, recomputed from the shipped grid files without the page's
 * curve code: per density, the median over seeds of each model's counts; the first density (densest
 * first) where the median crosses the mark, and the densest from which every sparser one stays past
 * it. The section's text must name exactly those densities and medians (issue 25: every sentence the
 * curve states about a transition is recomputed from the files in a test).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { curveSection } from '../../../../../src/article/sections/curve/markup';
import { curveData } from '../../../../../src/article/shipped/curve-models';
import { analyseFile } from '../../../../../src/article/shipped/shipped-models';
import { parseWeightsFile } from '../../../../../src/model/weights-file';
import { formatDensity } from '../../../../../src/viz/core/format';
import { templateText } from '../../template-text';

vi.mock('../../../../../src/article/math', () => ({ tex: () => '' }));

const files = [0, 1, 2].map((seed) => ({
  seed,
  file: analyseFile(parseWeightsFile(JSON.parse(readFileSync(`public/weights/curve-converged-seed${seed}.json`, 'utf8')) as unknown)),
}));

interface Row {
  readonly density: number;
  readonly polysemantic: number;
  readonly computed: number;
  readonly neurons: number;
}

const middle = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
};

/** Per density (densest first), the median over seeds of the polysemantic neurons and the features computed on both sides. */
function medians(): Row[] {
  const densities = [...new Set(files.flatMap(({ file }) => file.models.map((m) => m.density)))].sort((a, b) => b - a);
  return densities.map((density) => {
    const counts = files.flatMap(({ file }) => file.models.filter((m) => m.density === density).map((m) => m.analysis.counts));
    return {
      density,
      polysemantic: middle(counts.map((c) => c.polysemantic)),
      computed: middle(counts.map((c) => c.representedFeatures)),
      neurons: counts[0]!.neurons,
    };
  });
}

/** The first row past the mark and the densest row from which every sparser row is past it too. */
function crossing(rows: readonly Row[], past: (r: Row) => boolean): { first: Row; lasting: Row | null } | null {
  const k = rows.findIndex(past);
  if (k < 0) return null;
  let from = rows.length;
  while (from > k && past(rows[from - 1]!)) from--;
  return { first: rows[k]!, lasting: rows[from] ?? null };
}

const text = templateText(
  curveSection({
    curve: curveData(files),
    loading: 'ready',
    replication: [],
    liveDensity: 0.1,
    selected: null,
    onSelect: () => {},
    recipeComparison: null,
    baseline: [],
    neurons: 40,
  }),
).replace(/\s+/g, ' ');

/** The bullet of the transitions list that starts with `what`: up to the next bullet, or the list's end. */
const bullet = (what: string): string => {
  const start = text.indexOf(`${what}:`);
  expect(start, `no bullet "${what}"`).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + what.length);
  const ends = [
    'The first polysemantic neurons:',
    'At least half the neurons polysemantic:',
    'More features computed than',
    'The replication',
  ]
    .map((next) => rest.indexOf(next))
    .filter((k) => k >= 0);
  return rest.slice(0, Math.min(rest.length, ...ends));
};

describe('the density curve’s transitions, recomputed from the grid files', () => {
  const rows = medians();

  it('covers the whole grid: at least 25 densities from 1 to 0.001, three seeds each', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows[0]!.density).toBe(1);
    expect(rows.at(-1)!.density).toBe(0.001);
    for (const { file } of files) expect(file.models.length).toBe(rows.length);
  });

  const cases: [string, (r: Row) => boolean, (r: Row) => string][] = [
    ['The first polysemantic neurons', (r) => r.polysemantic >= 1, (r) => `${r.polysemantic} of ${r.neurons} neurons`],
    ['At least half the neurons polysemantic', (r) => r.polysemantic >= r.neurons / 2, (r) => `${r.polysemantic} of ${r.neurons}`],
    [
      'More features computed than the 20 ± pairs the neurons can give one each',
      (r) => r.computed > Math.floor(r.neurons / 2),
      (r) => `${r.computed} feature${r.computed === 1 ? '' : 's'}`,
    ],
  ];

  for (const [what, past, value] of cases)
    it(`states where “${what}” happens, with the median there`, () => {
      const c = crossing(rows, past);
      const said = bullet(what);
      if (!c) {
        expect(said).toContain('not on this grid');
        return;
      }
      expect(said).toContain(`1 − S = ${formatDensity(c.first.density)} (median ${value(c.first)}`);
      if (c.lasting === c.first) expect(said).toContain('and at every sparser density');
      else if (c.lasting === null) expect(said).toContain('fall back below the mark');
      else expect(said).toContain(`from 1 − S = ${formatDensity(c.lasting.density)} (median ${value(c.lasting)}) on`);
    });

  it('says that the half mark’s density is the first whose median reaches half, with the median before it', () => {
    const k = rows.findIndex((r) => r.polysemantic >= r.neurons / 2);
    if (k < 1) return;
    const [before, first] = [rows[k - 1]!, rows[k]!];
    expect(bullet('At least half the neurons polysemantic')).toContain(
      `(median ${first.polysemantic} of ${first.neurons}, up from ${before.polysemantic} of ${before.neurons} at 1 − S = ${formatDensity(before.density)}: the first grid density whose median reaches half)`,
    );
  });
});
