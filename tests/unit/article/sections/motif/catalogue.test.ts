/** The motif catalogue on the page: recomputed from the shipped files, and how the small model was chosen. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueCloseup, catalogueSentence, choiceName, pageCatalogue } from '../../../../../src/article/sections/motif/catalogue';
import { MOTIF_SEARCH, searchSentence, searchSummary } from '../../../../../src/article/sections/motif/search';
import { curveData } from '../../../../../src/article/shipped/curve-models';
import { analyseFile } from '../../../../../src/article/shipped/shipped-models';
import { type CatalogueModel, type MotifInstance, motifCatalogue } from '../../../../../src/model/analysis';
import { parseWeightsFile, type WeightsFile } from '../../../../../src/model/weights-file';
import { motif, seeds, sweep } from '../../fixtures';

const read = (path: string): WeightsFile => parseWeightsFile(JSON.parse(readFileSync(`public/weights/${path}`, 'utf8')) as unknown);
const curveFiles = [0, 1, 2].map((seed) => ({ seed, file: read(`curve-converged-seed${seed}.json`) }));
const curve = curveData(curveFiles.map(({ seed, file }) => ({ seed, file: analyseFile(file) })));
const models = { converged: seeds.map((s, seed) => ({ seed, sweep: s })), motif };
const catalogue = pageCatalogue(models, sweep, curve);

/** The detector run afresh on a file's raw weights (src/model/analysis/motif-catalogue.ts). */
const fromFile = (source: string, file: WeightsFile, seed = file.config.seed): CatalogueModel[] =>
  file.instances.map((weights) => ({ source, seed, density: weights.density, weights }));
const brief = (m: MotifInstance): string => `${m.asymmetricNeuron}/${m.inhibitionNeuron} (${m.featureA}, ${m.featureB})`;
const listing = (entries: readonly { source: string; seed: number; density: number; instances: readonly MotifInstance[] }[]) =>
  entries.filter((e) => e.instances.length > 0).map((e) => `${e.source} ${e.seed}@${e.density}: ${e.instances.map(brief).join(' ')}`);

describe('the motif catalogue of the big models', () => {
  it('lists exactly the instances the detector finds in the files, model by model', () => {
    const recomputed = motifCatalogue([
      ...[0, 1, 2].flatMap((seed) => fromFile('converged sweep', read(`sweep-converged-seed${seed}.json`))),
      ...curveFiles.flatMap(({ seed, file }) => fromFile('curve grid', file, seed)),
      ...fromFile('replication sweep', read('sweep.json')),
    ]);
    const sorted = (xs: string[]) => [...xs].sort();
    expect(sorted(listing(catalogue.rows))).toEqual(sorted(listing(recomputed)));
    expect(catalogue.rows).toHaveLength(recomputed.length);
  });

  it('totals each source as measured: 16 instances in the converged sweep, 50 in the grid, 1 in the replication sweep', () => {
    expect(catalogue.summary).toEqual([
      { source: 'converged sweep', models: 21, modelsWithMotif: 5, instances: 16 },
      { source: 'curve grid', models: 75, modelsWithMotif: 21, instances: 50 },
      { source: 'replication sweep', models: 7, modelsWithMotif: 1, instances: 1 },
    ]);
    expect(catalogue.missing).toEqual([]);
    expect(catalogueSentence(catalogue)).toBe(
      '16 instances in 5 of the converged sweep’s 21 models, 50 in 21 of the curve grid’s 75 models and 1 in 1 of the replication sweep’s 7 models',
    );
  });

  it('counts what has loaded and names what has not', () => {
    const early = pageCatalogue(models, null, null);
    expect(early.missing).toEqual(['curve grid', 'replication sweep']);
    expect(early.summary.map((s) => s.source)).toEqual(['converged sweep']);
    expect(pageCatalogue(undefined, null, null).rows).toEqual([]);
  });

  it('draws a chosen instance as the motif close-up, from that model’s weights, with and without inhibition', () => {
    const row = catalogue.rows.find((r) => r.source === 'converged sweep' && r.seed === 2 && r.density === 0.01)!;
    expect(row.instances).toHaveLength(7);
    const choice = { source: row.source, seed: 2, density: 0.01, index: 6 };
    const closeup = catalogueCloseup(catalogue, choice)!;
    const m = row.instances[6]!;
    expect(closeup.title).toBe(`Converged sweep, seed 2, 1 − S = 0.01, motif 7: a = ${m.featureA}, b = ${m.featureB}`);
    expect(choiceName(choice)).toBe('Converged sweep, seed 2, 1 − S = 0.01, motif 7');
    expect([closeup.asymmetric.neuron, closeup.inhibition.neuron]).toEqual([m.asymmetricNeuron, m.inhibitionNeuron]);
    // Somewhere along a's range the inhibition neuron holds b's output down: without it, b rises.
    expect(Math.max(...closeup.response.map((r) => r.outBWithout - r.outBWith))).toBeGreaterThan(0.1);
    expect(catalogueCloseup(catalogue, { ...choice, index: 7 })).toBeNull();
    expect(catalogueCloseup(catalogue, { ...choice, density: 0.3 })).toBeNull();
  });
});

describe('how the small motif model was chosen (data/motif-search.json)', () => {
  const summary = searchSummary(MOTIF_SEARCH);

  it('holds consecutive seeds from 0, and its first seed with two instances on four neurons is the shipped model’s', () => {
    expect(MOTIF_SEARCH.map((s) => s.seed)).toEqual(MOTIF_SEARCH.map((_, k) => k));
    expect(summary.chosen).toBe(motif.file.config.seed);
    // The shipped model, analysed here, has what the record says of its seed.
    const shipped = MOTIF_SEARCH.find((s) => s.seed === motif.file.config.seed)!;
    expect(shipped.instances).toBe(motif.models[0]!.analysis.motifs.length);
  });

  it('states the counts it reads off the record', () => {
    const withMotif = MOTIF_SEARCH.filter((s) => s.instances > 0).length;
    const sentence = searchSentence(summary, 3);
    expect(sentence).toContain(`we trained seeds 0–${MOTIF_SEARCH.length - 1} with these settings`);
    expect(sentence).toContain(`seed 3. Of the ${MOTIF_SEARCH.length} seeds, ${withMotif} (`);
    expect(searchSentence(summary, 5)).toContain('shipped seed 5 (the search’s first model with two instances on four neurons is seed 3)');
    expect(searchSentence(searchSummary([]), 3)).toBe('');
  });
});
