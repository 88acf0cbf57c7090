/**
 * Every generated sentence, read for template glitches: each generator rendered for every budget,
 * seed, level, grid density and the motif model, and each sentence checked for repeated values in a
 * list, count–verb disagreement, wrong plurals, sentences run together, float noise, NaN, undefined
 * and null. A glitch names the sentence it was found in.
 */
import { readFileSync } from 'node:fs';
import { html } from 'lit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { curveSection } from '../../../src/article/sections/curve/markup';
import { intermediateSection } from '../../../src/article/sections/intermediate/markup';
import { intermediateView } from '../../../src/article/sections/intermediate/view';
import { denseSentence, openingModelSentence } from '../../../src/article/sections/computation/text';
import { idleLine, olderLinkSentence, shippedRangeSentence, statusLine } from '../../../src/article/sections/live/text';
import { gridModelView } from '../../../src/article/sections/live/view';
import { methodSection } from '../../../src/article/sections/method/markup';
import { motifSection } from '../../../src/article/sections/motif/markup';
import { motifSentence } from '../../../src/article/sections/motif/text';
import { motifView } from '../../../src/article/sections/motif/view';
import { catalogueCloseup, catalogueSentence, choiceName, pageCatalogue } from '../../../src/article/sections/motif/catalogue';
import { catalogueMarkup } from '../../../src/article/sections/motif/catalogue-markup';
import { MOTIF_SEARCH, searchSentence, searchSummary } from '../../../src/article/sections/motif/search';
import { yourInstanceView } from '../../../src/article/sections/your-model/view';
import { budgetComparison, budgetSentence, sweepNarrative, sweepNotes } from '../../../src/article/sections/sweep/text';
import { curveData, replicationLevels } from '../../../src/article/shipped/curve-models';
import { recipeComparisonData } from '../../../src/article/shipped/recipe-comparison-models';
import { convergedBaseline } from '../../../src/article/sections/curve/view';
import { retrainBudget, trainingBudget } from '../../../src/article/shipped/provenance-text';
import { analyseFile } from '../../../src/article/shipped/shipped-models';
import type { ShownSweep } from '../../../src/article/shipped/shown-sweep';
import { shippedSummary } from '../../../src/article/shipped/shown-sweep';
import { levelAt } from '../../../src/article/shipped/sweep-summary';
import { parseState } from '../../../src/article/state/url-state';
import { PAPER_DENSITIES } from '../../../src/model/config';
import { parseWeightsFile } from '../../../src/model/weights-file';
import { idle, liveRun, motif, seeds, sweep } from './fixtures';
import { templateText } from './template-text';

// KaTeX is typeset at build time (vite.config.ts); here a formula reads as nothing.
vi.mock('../../../src/article/math', () => ({ tex: () => '' }));

const file = (name: string) => analyseFile(parseWeightsFile(JSON.parse(readFileSync(`public/weights/${name}`, 'utf8')) as unknown));
const curveFiles = [0, 1, 2].map((seed) => ({ seed, file: file(`curve-converged-seed${seed}.json`) }));
const noop = (): void => {};

/** Every problem found in `text`, as short names. */
function glitches(text: string): string[] {
  const found: string[] = [];
  if (/\bNaN\b/.test(text)) found.push('NaN');
  if (/\bundefined\b/.test(text)) found.push('undefined');
  if (/\bnull\b/.test(text)) found.push('null');
  if (/\d\.\d*[1-9]\d{6,}|\d{7,}\.\d/.test(text.replace(/,/g, ''))) found.push('float noise');
  if (/[a-z0-9)][.;:][A-Z]/.test(text)) found.push('run together');
  if (/(?<![.\d,−-])\b1 (neurons|features|seeds|instances|motif instances|models|do|have)\b/.test(text)) found.push('"1" with a plural');
  if (/(?<![.\d,−-])\b([02-9]|\d{2,}) (neuron|feature|seed|instance|model)\b(?![-’'])/.test(text))
    found.push('plural count with a singular noun');
  // a count as the subject, not a name ("neuron 0 reads")
  const count = String.raw`(?<![.\d,−-]|neuron |feature |output |seed |motif |instance |= )\b`;
  if (
    new RegExp(`${count}0 (do|does|has|have|is|are|reads|read)\\b`).test(text) ||
    new RegExp(`${count}1 (do|have|are|read|compute)\\b`).test(text)
  )
    found.push('count–verb agreement');
  if (/\b(none|no \w+) (are|have|read|do)\b/.test(text)) found.push('"none" with a plural verb');
  // a count of 1,000 or more (a batch, steps, examples) is written with the thousands separator, as formatCount
  // writes it; a table's cells, read as one text, and a year are left alone
  if (/\b(batch|of|up to|for) (?!(?:19|20)\d\d\b)\d{4,}\b(?![.,]\d)/.test(text)) found.push('count without a thousands separator');
  if (/\b([a-z]+) \1\b/i.test(text)) found.push('doubled word');
  if (/(?<![.\d,−-])\b1 \(\d+[–-]\d+\) (neurons|features|seeds)\b/.test(text)) found.push('"1 (0–2)" with a plural');
  const value = String.raw`(?:1 − S = )?\d[\d.,]*\d|(?:1 − S = )?\d`;
  for (const list of text.matchAll(new RegExp(`(?:(?:${value})(?:, | and )){1,}(?:${value})`, 'g'))) {
    const values = list[0].split(/, (?=1 − S|\d)| and /).map((v) => v.replace(/\.$/, ''));
    if (new Set(values).size < values.length) found.push(`repeated value in a list: ${list[0]}`);
  }
  return found;
}

/** The sentences of a text, each with the glitches in it. */
function audit(label: string, text: string): string[] {
  const sentences = text.split(/(?<=[.!?])\s+/);
  return sentences.flatMap((sentence) => glitches(sentence).map((g) => `${label}: ${g} — “${sentence}”`));
}

const budgets = {
  converged: shippedSummary(seeds),
  replication: shippedSummary([sweep]),
};
const shownFor = (budget: 'converged' | 'replication', seed: number): ShownSweep =>
  budget === 'converged' ? { budget, drawn: seeds[seed]!, seed, seeds } : { budget, drawn: sweep, seed: 0, seeds: [sweep] };

describe('the glitch detector', () => {
  it('finds the glitches the article has had', () => {
    expect(glitches('read 1 − S = 0.3, 1 − S = 0.03 and 1 − S = 0.03: its')).toHaveLength(1);
    expect(glitches('the same three transitions read 1 − S = 0.3, 1 − S = 0.03 and 1 − S = 0.03')).not.toEqual([]);
    expect(glitches('4 form the 2 motif instances and 0 do something else')).toContain('count–verb agreement');
    expect(glitches('using 1.Training steps')).toContain('run together');
    expect(glitches('a loss of 0.30000001192092896')).toContain('float noise');
    expect(glitches('it has 1 neurons')).toContain('"1" with a plural');
    expect(glitches('it has 2 neuron that')).toContain('plural count with a singular noun');
    expect(glitches('NaN features, undefined and null')).toHaveLength(3);
    expect(glitches('At 1 − S = 0.01, 1 (0–2) neurons are monosemantic')).toContain('"1 (0–2)" with a plural');
    expect(glitches('computes 20 (19–21) features')).toEqual([]);
    expect(glitches('no neuron are monosemantic')).toContain('"none" with a plural verb');
    expect(glitches('the the model')).toContain('doubled word');
    expect(glitches('10,000 Adam steps of batch 1024 at learning rate 0.001')).toContain('count without a thousands separator');
    expect(glitches('10,000 Adam steps of batch 1,024 (Elhage et al. 2022), loss 0.00012345')).toEqual([]);
    expect(glitches('At 1 − S = 0.03, 12 of 40 neurons are monosemantic; 1 neuron reads 2.5 features.')).toEqual([]);
  });
});

describe('every generated sentence', () => {
  let problems: string[] = [];
  beforeEach(() => {
    problems = [];
  });
  const check = (label: string, text: string) => problems.push(...audit(label, text));

  it('reads cleanly in the sweep’s text, for both budgets and every seed', () => {
    for (const [budget, levels] of Object.entries(budgets) as ['converged' | 'replication', typeof budgets.converged][]) {
      for (const s of sweepNarrative(budget, levels)) check(`sweepNarrative ${budget}`, s);
      for (const s of sweepNotes(budget, levels)) check(`sweepNotes ${budget}`, s);
      for (const seed of budget === 'converged' ? [0, 1, 2] : [0]) {
        check(`budgetSentence ${budget} ${seed}`, budgetSentence(shownFor(budget, seed)));
        check(`intermediate ${budget} ${seed}`, templateText(intermediateSection(intermediateView(shownFor(budget, seed)))));
      }
      for (const d of PAPER_DENSITIES) check(`denseSentence ${budget} ${d}`, denseSentence(budget, levelAt(levels, d)));
      // a single seed's summary, as a sweep retrained here gives
      for (const seed of [0, 1, 2])
        for (const s of [...sweepNarrative(budget, shippedSummary([seeds[seed]!])), ...sweepNotes(budget, shippedSummary([seeds[seed]!]))])
          check(`sweep text of seed ${seed}`, s);
    }
    // the opening model's sentence, for every shipped and grid model the figure could open with
    for (const f of [...seeds, ...curveFiles.map((c) => c.file)])
      for (const m of f.models) check(`openingModelSentence ${m.density}`, openingModelSentence(m.density, m.analysis.counts));
    for (const s of budgetComparison(budgets.converged, budgets.replication)) check('budgetComparison', s);
    for (const f of [sweep, motif, ...seeds]) {
      check('trainingBudget', trainingBudget(f.file));
      check('retrainBudget', retrainBudget(f.file));
    }
    check(
      'method',
      templateText(
        methodSection(
          seeds.map((s) => s.file),
          sweep.file,
          'wasm',
        ),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('reads cleanly in the curve’s text, at every grid density chosen', () => {
    const curve = curveData(curveFiles);
    const base = {
      curve,
      loading: 'ready' as const,
      replication: replicationLevels(sweep),
      liveDensity: 0.1,
      onSelect: noop,
      recipeComparison: recipeComparisonData([0, 1, 2].map((seed) => file(`recipe-comparison-seed${seed}.json`))),
      baseline: convergedBaseline(seeds.map((sweep, seed) => ({ seed, sweep }))),
      neurons: 40,
    };
    check('curve', templateText(curveSection({ ...base, selected: null })));
    for (const level of curve.levels) check(`curve at ${level.density}`, templateText(curveSection({ ...base, selected: level.density })));
    // the stack plot following the live slider: at every grid density, a paper level and between grid densities
    for (const liveDensity of [...curve.levels.map((l) => l.density), ...PAPER_DENSITIES, 0.02, 0.5])
      check(`curve following the slider at ${liveDensity}`, templateText(curveSection({ ...base, liveDensity, selected: null })));
    check('curve of one seed', templateText(curveSection({ ...base, curve: curveData(curveFiles.slice(0, 1)), selected: null })));
    expect(problems).toEqual([]);
  });

  it('reads cleanly in the motif section, the live status lines and the link notices', () => {
    // the catalogue of every big model, each instance's close-up drawn in turn
    const catalogue = pageCatalogue({ converged: seeds.map((sweep, seed) => ({ seed, sweep })), motif }, sweep, curveData(curveFiles));
    const choices = catalogue.rows.flatMap((r) =>
      r.instances.map((_, index) => ({ source: r.source, seed: r.seed, density: r.density, index })),
    );
    for (const choice of choices) {
      const markup = catalogueMarkup({
        catalogue,
        choice,
        closeup: catalogueCloseup(catalogue, choice),
        pending: null,
        onChoose: noop,
        onOpen: noop,
      });
      check(`catalogue ${choiceName(choice)}`, templateText(markup));
    }
    // the motif model, then the section drawing other models, as a retrain or another file would give it
    for (const [name, shown] of [
      ['motif', motif],
      ...[sweep, ...seeds].map((other) => ['motif section of another model', other] as const),
    ] as const)
      check(
        name,
        templateText(
          motifSection({
            view: motifView(idle, shown),
            status: idle,
            onRetrain: noop,
            onCancel: noop,
            onRestore: noop,
            search: searchSentence(searchSummary(MOTIF_SEARCH), 3),
            bigModels: catalogueSentence(catalogue),
            notCounted: '',
            catalogue: html``,
            onShowCatalogue: noop,
          }),
        ),
      );
    // a loaded model: every instance of the motif file and of each converged seed, analysed as the page analyses an upload
    for (const loaded of [motif, ...seeds]) {
      loaded.file.instances.forEach((instance, k) => {
        const view = yourInstanceView(instance, k, { densities: [], importanceDecay: 0.8 }, null);
        view.motifs.forEach((m, j) => {
          check(`loaded motif ${k}.${j}`, motifSentence(m, `motif ${j + 1}`));
        });
      });
    }
    for (const phase of ['starting', 'training', 'paused', 'completed'] as const) {
      for (const step of [0, 1, 1_200])
        check(`statusLine ${phase}`, statusLine(liveRun({ phase, step, losses: step ? [0.0021] : [], stepsPerSecond: 410 })));
    }
    for (const live of ['idle', 'waiting', 'training', 'pausedByReader', 'autoPaused', 'done'] as const)
      check(`idleLine ${live}`, idleLine(idle, live));
    const links = [
      '?density=abc&seed=1.5&steps=0&lr=x',
      '?section=nowhere&budget=odd&model=z&m=1.5',
      '?v=99&density=0.1',
      '?density=0.1',
      '?section=live&density=0.1',
      '?section=live&density=0.1&steps=400',
      '?density=0.001&lr=0.05&steps=30000',
      '?v=3&recipe=constant&density=1',
      '?v=3&recipe=constant&budget=converged',
    ];
    for (const link of links) {
      const { state, notices } = parseState(link);
      check(`notices ${link}`, notices.join(' '));
      if (state.recipe === 'constant') check(`older link ${link}`, olderLinkSentence(state, state.budget));
    }
    expect(problems).toEqual([]);
  });

  it('reads cleanly in the live figure’s captions and its comparison with the shipped models, at every level', () => {
    const curve = curveData(curveFiles);
    for (const level of curve.levels) {
      const view = gridModelView(curve, level.density);
      if (view) check(`live grid model at ${level.density}`, `${view.caption} ${view.counts}`);
    }
    const converged = shippedSummary(seeds);
    for (const d of PAPER_DENSITIES) {
      const level = levelAt(converged, d)!;
      // a live model as far off as the replication sweep's, and one inside the range
      const off = levelAt(shippedSummary([sweep]), d)!;
      const counts = (l: typeof level) => ({
        monosemantic: l.monosemantic.median,
        polysemantic: l.polysemantic.median,
        representedFeatures: l.representedFeatures.median,
      });
      for (const final of [false, true]) {
        check(`shipped range at ${d}`, shippedRangeSentence(level, counts(off), '0, 1 and 2', final));
        check(`shipped range at ${d}, inside`, shippedRangeSentence(level, counts(level), '0, 1 and 2', final));
      }
    }
    expect(problems).toEqual([]);
  });
});
