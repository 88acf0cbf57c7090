/**
 * npx tsx scripts/motif-search.ts [--seeds 200] [--first-seed 0] [--n 10] [--m 10] [--density 0.25]
 *   [--steps 10000] [--batch 1024] [--lr 0.001] [--init-std 0.1] [--backend wasm]
 *   [--out public/weights/motif.json] [--report path.json] [--dump path.json] [--no-ship]
 *   [--ship-seed S]
 *
 * Trains the small model of the asymmetric superposition motif (docs/motif.md) once per seed with the
 * engine, counts the motif instances the detector finds in each, and prints a JSON report: how many
 * seeds had 0, 1, 2, … instances. It then ships the first seed whose model has exactly two instances
 * on four distinct neurons (as in the paper), falling back to the first with two instances sharing
 * neurons: it retrains that seed from its configuration alone, checks that the weights come out
 * identical (the permalink promise), and writes them in the WeightsFile format. Settings and results
 * are documented in docs/motif.md. `--dump` also writes every seed's weights, for studying the
 * detector's thresholds on the whole population. `--ship-seed S` skips the search and ships seed S
 * (about ten seconds: the quick way to rebuild the shipped file).
 */
import { writeFileSync } from 'node:fs';
import { makeConfig, type ModelConfig } from '../src/model/config';
import type { NetworkWeights } from '../src/model/network';
import { toWeightsFile } from '../src/model/weights-file';
import { findMotifs, type MotifInstance } from '../src/model/analysis/motif';
import { selectBackend } from '../src/training/backend';
import { backendFlag, numberFlag, parseFlags } from './cli';
import { train } from '../src/training/train';

const flags = parseFlags(process.argv.slice(2));
const shipSeed = numberFlag(flags, 'ship-seed');
const seeds = shipSeed !== undefined ? 1 : (numberFlag(flags, 'seeds') ?? 200);
const firstSeed = shipSeed ?? numberFlag(flags, 'first-seed') ?? 0;
const settings = {
  n: numberFlag(flags, 'n') ?? 10,
  m: numberFlag(flags, 'm') ?? 10,
  densities: [numberFlag(flags, 'density') ?? 0.25],
  steps: numberFlag(flags, 'steps') ?? 10_000,
  batch: numberFlag(flags, 'batch') ?? 1024,
  learningRate: numberFlag(flags, 'lr') ?? 1e-3,
  initStd: numberFlag(flags, 'init-std') ?? 0.1,
} satisfies Partial<ModelConfig>;
const out = flags['out'] ?? 'public/weights/motif.json';
const ship = flags['no-ship'] === undefined;

interface SeedResult {
  readonly seed: number;
  readonly loss: number;
  readonly instances: number;
  /** Distinct neurons the instances use (asymmetric and inhibition neurons together). */
  readonly neurons: number;
  /** [asymmetric neuron, inhibition neuron, a, b] per instance. */
  readonly motifs: readonly (readonly [number, number, number, number])[];
}

async function trainSeed(seed: number): Promise<{ config: ModelConfig; weights: NetworkWeights; loss: number }> {
  const config = makeConfig({ ...settings, seed });
  const outcome = await train(config, { reportEvery: 1000 });
  if (outcome.status !== 'completed') throw new Error(`seed ${seed}: training ${outcome.status}`);
  return { config, weights: outcome.weights[0]!, loss: outcome.losses[0]! };
}

const distinctNeurons = (motifs: readonly MotifInstance[]): number =>
  new Set(motifs.flatMap((mo) => [mo.asymmetricNeuron, mo.inhibitionNeuron])).size;

const { backend } = await selectBackend({ forced: backendFlag(flags) ?? 'wasm' });
const started = performance.now();
const results: SeedResult[] = [];
const kept = new Map<number, NetworkWeights>();
const dumped: { seed: number; loss: number; weights: NetworkWeights }[] = [];
for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
  const { weights, loss } = await trainSeed(seed);
  const motifs = findMotifs(weights);
  results.push({
    seed,
    loss,
    instances: motifs.length,
    neurons: distinctNeurons(motifs),
    motifs: motifs.map((mo) => [mo.asymmetricNeuron, mo.inhibitionNeuron, mo.featureA, mo.featureB] as const),
  });
  if (motifs.length === 2 || seed === shipSeed) kept.set(seed, weights);
  if (flags['dump']) dumped.push({ seed, loss, weights });
  process.stderr.write(`\rseed ${seed}: ${motifs.length} motif(s)   ${((performance.now() - started) / 1000).toFixed(0)} s   `);
}
const searchSeconds = (performance.now() - started) / 1000;
process.stderr.write('\n');

const histogram: Record<string, number> = {};
for (const r of results) histogram[r.instances] = (histogram[r.instances] ?? 0) + 1;
const twoDisjoint = results.filter((r) => r.instances === 2 && r.neurons === 4).map((r) => r.seed);
const twoShared = results.filter((r) => r.instances === 2 && r.neurons < 4).map((r) => r.seed);
const chosen = shipSeed ?? twoDisjoint[0] ?? twoShared[0];

let shipped: { seed: number; reproduced: boolean; file: string } | null = null;
if (ship && chosen !== undefined) {
  const t0 = performance.now();
  const again = await trainSeed(chosen);
  const wallSeconds = (performance.now() - t0) / 1000;
  const reproduced = JSON.stringify(again.weights) === JSON.stringify(kept.get(chosen));
  if (!reproduced) throw new Error(`seed ${chosen} did not reproduce: training is not deterministic here`);
  // The command that rebuilds this file: the settings that differ from the defaults, and the seed.
  const settingFlags = process.argv
    .slice(2)
    .join(' ')
    .replace(/--(seeds|first-seed|ship-seed|report|dump|out)[ =]\S+/g, '')
    .trim();
  const command = `npx tsx scripts/motif-search.ts ${settingFlags} --ship-seed ${chosen}`.replace(/ +/g, ' ');
  const file = toWeightsFile(again.config, [again.weights], [again.loss], {
    command,
    backend,
    wallSeconds: Math.round(wallSeconds),
    date: new Date().toISOString(),
  });
  writeFileSync(out, JSON.stringify(file));
  shipped = { seed: chosen, reproduced, file: out };
}

const report = {
  settings,
  backend,
  seeds: { first: firstSeed, count: seeds },
  searchSeconds: Math.round(searchSeconds),
  instancesPerSeed: histogram,
  seedsWithMotif: results.filter((r) => r.instances > 0).length,
  twoInstancesOnFourNeurons: twoDisjoint,
  twoInstancesSharingNeurons: twoShared,
  shipped,
  perSeed: results.map((r) => ({ ...r, loss: Number(r.loss.toPrecision(4)) })),
};
const json = JSON.stringify(report, null, 1);
if (flags['report']) writeFileSync(flags['report'], json);
if (flags['dump']) writeFileSync(flags['dump'], JSON.stringify({ settings, runs: dumped }));
process.stdout.write(`${json}\n`);
