/**
 * npx tsx scripts/activation-statistics.ts
 *
 * Writes public/weights/activation-statistics.json: for each level the neuron-response section
 * quotes (1 − S = 0.03, 0.01, 0.003) and each seed of the shipped converged sweep, the medians
 * over polysemantic neurons of the primary share of the top 1% of activations and of the rest,
 * with the 0.1 floor and without it (src/article/sections/neuron-response/claim.ts), measured by
 * measureActivationStatistics over 10^6 inputs from input seed 1. Deterministic: the same weights
 * give the same file (tests/unit/article/sections/neuron-response/claim.test.ts recomputes it).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { measureActivationStatistics } from '../src/model/analysis/activation-statistics';
import { parseWeightsFile, SHIPPED_CONVERGED_SEEDS, shippedWeightsPath } from '../src/model/weights-file';
import { CLAIM_LEVELS, type ClaimFile, type ClaimRecord, claimRecord } from '../src/article/sections/neuron-response/claim';

const CLAIM_SAMPLES = 1_000_000;
const CLAIM_INPUT_SEED = 1;
const OUT = 'public/weights/activation-statistics.json';

function main(): void {
  const records: ClaimRecord[] = [];
  const sources: { file: string; sha256: string }[] = [];
  for (const seed of SHIPPED_CONVERGED_SEEDS) {
    const path = `public/${shippedWeightsPath('converged', seed)}`;
    const bytes = readFileSync(path);
    sources.push({ file: path, sha256: createHash('sha256').update(bytes).digest('hex') });
    const file = parseWeightsFile(JSON.parse(bytes.toString('utf8')) as unknown);
    for (const density of CLAIM_LEVELS) {
      const instance = file.instances.find((i) => i.density === density);
      if (!instance) throw new Error(`${path} has no instance at 1 − S = ${density}`);
      const started = Date.now();
      const stats = measureActivationStatistics(instance, density, { samples: CLAIM_SAMPLES, seed: CLAIM_INPUT_SEED });
      records.push(claimRecord(seed, stats));
      process.stderr.write(`seed ${seed}, 1 − S = ${density}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  }
  const out: ClaimFile = {
    provenance: {
      script: 'scripts/activation-statistics.ts',
      samples: CLAIM_SAMPLES,
      inputSeed: CLAIM_INPUT_SEED,
      floorFraction: 0.1,
      topFraction: 0.01,
      sources,
    },
    records,
  };
  writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
  process.stderr.write(`wrote ${OUT}\n`);
}

main();
