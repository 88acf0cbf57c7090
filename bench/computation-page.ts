/**
 * A smoke page for <computation-figure> on a shipped model (bench/computation.html), for
 * screenshots and for timing an update: ?model=converged|motif, &seed, &density, &input=f:v,…
 * It plays the host's part: recomputes on the figure's events. With &bench it times 200 input
 * changes (compute + redraw, as a drag does) and publishes window.computationBench (bench/computation-bench.ts
 * reads it for `npm run bench`).
 */
import { computeForward, type InputEntry } from '../src/model/analysis/computation';
import { findMotifs } from '../src/model/analysis/motif';
import { neuronOrder } from '../src/model/analysis/order';
import { createRng } from '../src/model/random';
import { parseWeightsFile, type TrainedInstance } from '../src/model/weights-file';
import '../src/viz/computation/computation-figure';

declare global {
  interface Window {
    computationBench?: { updates: number; medianMs: number; p95Ms: number; meanMs: number; maxMs: number; over16Ms: number };
  }
}

const params = new URLSearchParams(location.search);
const model = params.get('model') === 'motif' ? 'motif' : 'converged';
const seed = Number(params.get('seed') ?? 0);
const density = Number(params.get('density') ?? 0.03);
const status = document.getElementById('status')!;
const figure = document.querySelector('computation-figure')!;

function parseInput(text: string | null): InputEntry[] {
  if (!text) return [];
  return text.split(',').map((pair) => {
    const [f, v] = pair.split(':');
    return { feature: Number(f), value: Number(v) };
  });
}

async function main(): Promise<void> {
  const path = model === 'motif' ? 'weights/motif.json' : `weights/sweep-converged-seed${seed}.json`;
  const file = parseWeightsFile(await (await fetch(`../${path}`)).json());
  const instance: TrainedInstance | undefined = model === 'motif' ? file.instances[0] : file.instances.find((i) => i.density === density);
  if (!instance) throw new Error(`no instance at ${density}`);
  const importance = Array.from({ length: file.config.n }, (_, i) => file.config.importanceDecay ** i);
  const motif = model === 'motif' ? findMotifs(instance)[0] : undefined;
  let input: readonly InputEntry[] = parseInput(params.get('input'));
  if (input.length === 0)
    input = motif
      ? [{ feature: motif.featureA, value: motif.signA * 0.9 }]
      : [
          { feature: 0, value: 0.8 },
          { feature: 7, value: -0.4 },
          { feature: 23, value: 0.6 },
        ];
  let silenced: number | undefined;
  const rng = createRng(seed, 99);
  const update = (): void => {
    figure.computation = computeForward(instance, input, silenced);
  };
  figure.budget = model;
  figure.seed = seed;
  figure.density = instance.density;
  figure.order = neuronOrder(instance, importance);
  if (motif) figure.inhibition = { neuron: motif.inhibitionNeuron, featureA: motif.featureA, featureB: motif.featureB };
  figure.addEventListener('input-change', (e) => {
    input = (e as CustomEvent<{ input: InputEntry[] }>).detail.input;
    update();
  });
  figure.addEventListener('inhibition-toggle', (e) => {
    silenced = (e as CustomEvent<{ removed: boolean }>).detail.removed ? motif?.inhibitionNeuron : undefined;
    update();
  });
  figure.addEventListener('random-input', () => {
    const next: InputEntry[] = [];
    for (let i = 0; i < file.config.n; i++) if (rng.next() < instance.density) next.push({ feature: i, value: 2 * rng.next() - 1 });
    input = next;
    update();
  });
  if (params.get('remove') !== null && motif) silenced = motif.inhibitionNeuron;
  update();
  await figure.updateComplete;
  status.textContent = `${model} seed ${seed}, 1 − S = ${instance.density}`;
  if (params.get('bench') !== null) {
    const times: number[] = [];
    // 10 unmeasured updates first (the JIT's warm-up), then 200 timed ones.
    for (let k = -10; k < 200; k++) {
      const t = performance.now();
      input = input.map((e, i) => (i === 0 ? { ...e, value: Math.sin(k / 10) } : e));
      update();
      await figure.updateComplete;
      if (k >= 0) times.push(performance.now() - t);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const medianMs = (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
    const meanMs = times.reduce((a, b) => a + b, 0) / times.length;
    const p95Ms = sorted[Math.floor(0.95 * (sorted.length - 1))]!;
    const over16Ms = times.filter((t) => t > 16).length;
    window.computationBench = { updates: times.length, medianMs, p95Ms, meanMs, maxMs: Math.max(...times), over16Ms };
    status.textContent += ` · update ${medianMs.toFixed(2)} ms median, ${window.computationBench.maxMs.toFixed(2)} ms max`;
  }
}

main().catch((e: unknown) => {
  status.textContent = `Failed: ${e instanceof Error ? e.message : String(e)}`;
});
