/**
 * npm run sweep -- [--steps N] [--seed S] [--batch B] [--lr LR] [--densities 1,0.3,...]
 *                  [--backend wasm|cpu] [--out path]
 * Trains one model per density side by side and writes the weights file the page ships.
 */
import { writeFileSync } from 'node:fs';
import { makeConfig, PAPER_DENSITIES } from '../src/model/config';
import { toWeightsFile } from '../src/model/weights-file';
import { selectBackend } from '../src/training/backend';
import { backendFlag, numberFlag, parseFlags, progressBar } from './cli';
import { train } from '../src/training/train';

const flags = parseFlags(process.argv.slice(2));
const densities = flags['densities'] ? flags['densities'].split(',').map(Number) : PAPER_DENSITIES;
const config = makeConfig({
  densities,
  ...(numberFlag(flags, 'steps') !== undefined && { steps: numberFlag(flags, 'steps') }),
  ...(numberFlag(flags, 'seed') !== undefined && { seed: numberFlag(flags, 'seed') }),
  ...(numberFlag(flags, 'batch') !== undefined && { batch: numberFlag(flags, 'batch') }),
  ...(numberFlag(flags, 'lr') !== undefined && { learningRate: numberFlag(flags, 'lr') }),
  ...(numberFlag(flags, 'n') !== undefined && { n: numberFlag(flags, 'n') }),
  ...(numberFlag(flags, 'm') !== undefined && { m: numberFlag(flags, 'm') }),
  ...(numberFlag(flags, 'init-std') !== undefined && { initStd: numberFlag(flags, 'init-std') }),
});
const out = flags['out'] ?? 'public/weights/sweep.json';

const { backend } = await selectBackend({ forced: backendFlag(flags) ?? 'wasm' });
process.stderr.write(`training ${config.densities.length} instances for ${config.steps} steps on ${backend}\n`);
const started = performance.now();
const outcome = await train(config, {
  reportEvery: 100,
  onProgress: (p) =>
    process.stderr.write(
      progressBar(
        p.step,
        p.totalSteps,
        `${p.stepsPerSecond.toFixed(1)} steps/s  loss ${p.losses.map((l) => l.toExponential(2)).join(' ')}`,
      ),
    ),
});
const wallSeconds = (performance.now() - started) / 1000;
process.stderr.write('\n');
if (outcome.status !== 'completed') {
  process.stderr.write(`training ${outcome.status} at step ${outcome.step}\n`);
  process.exit(1);
}
const command = `npm run sweep -- ${process.argv.slice(2).join(' ')}`.trim();
const file = toWeightsFile(config, outcome.weights, outcome.losses, {
  command,
  backend,
  wallSeconds: Math.round(wallSeconds),
  date: new Date().toISOString(),
});
writeFileSync(out, JSON.stringify(file));
process.stderr.write(`wrote ${out} in ${wallSeconds.toFixed(0)} s\n`);
