/**
 * What the computation section draws: the model the reader chose (a shipped converged model, the
 * live model or the motif model), resolved against what has loaded, with the input it computes on.
 * The default model draws from the first view's file (shipped/first-view.ts) until its seed's
 * converged file is there; any other converged model waits for its file (`awaitedFile`), so no
 * other model is drawn in between. Pure: the section element turns this into
 * <computation-figure>'s properties.
 */
import type { Computation, InputEntry } from '../../../model/analysis/computation';
import type { NetworkWeights } from '../../../model/network';
import { unpackInstance } from '../../../training/run-frame';
import type { InhibitionToggle } from '../../../viz/computation/computation-figure';
import type { LiveShown } from '../../live/live-model-controller';
import { FIRST_VIEW_MODEL, isFirstViewModel } from '../../shipped/first-view';
import type { ShippedFile, ShippedModels } from '../../shipped/shipped-models';
import { frameAnalyses, perFrame } from '../../training/frame-data';
import { type ComputationModel, DEFAULT_COMPUTATION_MODEL, formatComputationModel } from '../../state/computation-fields';

/** One entry of the model picker. */
export interface ModelChoice {
  /** formatComputationModel of the model: the <option>'s value and the URL's. */
  readonly key: string;
  readonly label: string;
  readonly model: ComputationModel;
}

export interface ComputationView {
  /** The model computed with, as the picker and the URL name it. */
  readonly key: string;
  /** W1: [m, n] neuron-major; W2: [n, m] feature-major; b: [n]. */
  readonly weights: NetworkWeights;
  /** data-budget, data-seed, data-density of the figure. */
  readonly budget: 'converged' | 'motif' | 'live';
  readonly seed: number;
  readonly density: number;
  /** Neuron indices left to right (the stack plots' order). */
  readonly order: readonly number[];
  /** The hidden band's half-range, fixed per model so that it does not rescale while the reader drags. */
  readonly hiddenMax: number;
  readonly inhibition: InhibitionToggle | undefined;
  /** The input computed on: the link's (features past the model's n dropped) or the model's example. */
  readonly input: readonly InputEntry[];
  /** Plain sentences on what of the reader's choice could not be used. */
  readonly notes: readonly string[];
  readonly choices: readonly ModelChoice[];
}

/** What the figure can draw from: the files loaded so far (shipped-loader.ts). */
export interface ComputationSources {
  /** The shipped models; undefined until every converged seed has loaded or failed. */
  readonly models: ShippedModels | undefined;
  /** The default model's own file (first-view.ts); null while it loads or if it failed. */
  readonly firstView: ShippedFile | null;
  /** Whether the first view's file has loaded or failed. */
  readonly firstViewSettled: boolean;
  /** The motif model; null while it loads or if it failed. */
  readonly motif: ShippedFile | null;
  /** Whether the motif file has loaded or failed. */
  readonly motifSettled: boolean;
}

/** The file the figure waits for before it can draw the chosen model. */
export type AwaitedFile = 'first-view' | 'motif' | 'converged';

/**
 * Which file the chosen model (absent: the default) waits for, or null when it can be drawn now
 * (or its fallback, with a note, because its file failed). 'converged': the converged seeds, which
 * the loader fetches only when asked (startRest).
 */
export function awaitedFile(sources: ComputationSources, live: LiveShown | null, chosen?: ComputationModel): AwaitedFile | null {
  const model = chosen ?? DEFAULT_COMPUTATION_MODEL;
  if (model.kind === 'live' && live?.frame.instances[0]) return null;
  if (model.kind === 'motif' && !sources.motifSettled) return 'motif';
  if (model.kind === 'motif' && sources.motif) return null;
  if (sources.models) return null;
  const want = model.kind === 'converged' ? model : FIRST_VIEW_MODEL;
  if (isFirstViewModel(want) && !sources.firstView) return sources.firstViewSettled ? 'converged' : 'first-view';
  return isFirstViewModel(want) ? null : 'converged';
}

/** The sentence shown while the chosen model's file loads. */
export function loadingSentence(chosen: ComputationModel | undefined, awaited: AwaitedFile | null): string {
  if (awaited === 'motif') return 'Loading the motif model…';
  if (chosen?.kind === 'converged') return `Loading the converged model at 1 − S = ${chosen.density}, seed ${chosen.seed}…`;
  return 'The models are loading…';
}

/** The picker: every shipped converged level and seed (the default alone before they load), the motif model, the live model when there is one. */
export function modelChoices(sources: ComputationSources, live: LiveShown | null): ModelChoice[] {
  const choices: ModelChoice[] = [];
  const converged = sources.models?.converged ?? [];
  const early = sources.firstView && !converged.some((s) => s.seed === FIRST_VIEW_MODEL.seed);
  const seeds = early && sources.firstView ? [{ seed: FIRST_VIEW_MODEL.seed, sweep: sources.firstView }, ...converged] : converged;
  for (const { seed, sweep } of seeds) {
    for (const m of sweep.models) {
      const model: ComputationModel = { kind: 'converged', density: m.density, seed };
      choices.push({ key: formatComputationModel(model), label: `Converged, 1 − S = ${m.density}, seed ${seed}`, model });
    }
  }
  if (sources.motif) choices.push({ key: 'motif', label: 'The small motif model (n = 10, m = 10)', model: { kind: 'motif' } });
  if (live)
    choices.push({
      key: 'live',
      label: `The live model (1 − S = ${live.frame.instances[0]?.density}, step ${live.frame.step})`,
      model: { kind: 'live' },
    });
  return choices;
}

/**
 * The hidden band's half-range for a model: the largest pre-activation three features at full
 * magnitude can give any neuron (its three largest |W1[j,i]| plus |b1[j]|), rounded up to a
 * quarter; at least 1.
 */
export function hiddenScale(weights: NetworkWeights): number {
  let need = 1;
  weights.W1.forEach((row, j) => {
    const top = row.map(Math.abs).sort((a, b) => b - a);
    need = Math.max(need, (top[0] ?? 0) + (top[1] ?? 0) + (top[2] ?? 0) + Math.abs(weights.b1?.[j] ?? 0));
  });
  return Math.ceil(need * 4) / 4;
}

/**
 * The hidden band's half-range for one computation: the model's fixed scale, widened (to the next
 * quarter) only when this input's tallest stack is beyond it, as a dense random input can be.
 */
export function steadyHiddenMax(scale: number, computation: Computation): number {
  let need = 0;
  for (const neuron of computation.neurons) {
    let up = Math.max(neuron.bias, 0);
    let down = Math.min(neuron.bias, 0);
    for (const c of neuron.contributions) {
      if (c.value > 0) up += c.value;
      else down += c.value;
    }
    need = Math.max(need, up, -down);
  }
  return need <= scale ? scale : Math.ceil(need * 4) / 4;
}

/** The input a model opens with when the link gives none: a few features, or the motif's feature a. */
function exampleInput(n: number, inhibition: InhibitionToggle | undefined, signA: number): InputEntry[] {
  if (inhibition) return [{ feature: inhibition.featureA, value: 0.9 * signA }];
  return [
    { feature: 0, value: 0.8 },
    { feature: 7, value: -0.4 },
    { feature: 23, value: 0.6 },
  ].filter((e) => e.feature < n);
}

/** The nearest of `values` to `target` on a log scale. */
function nearest(values: readonly number[], target: number): number | undefined {
  let best: number | undefined;
  for (const v of values) if (best === undefined || Math.abs(Math.log(v / target)) < Math.abs(Math.log(best / target))) best = v;
  return best;
}

interface Resolved {
  readonly key: string;
  readonly weights: NetworkWeights;
  readonly budget: ComputationView['budget'];
  readonly seed: number;
  readonly density: number;
  readonly order: readonly number[];
  readonly motif?: { readonly inhibition: InhibitionToggle; readonly signA: number };
}

/** The live model's weights, unpacked once per run frame (the frame holds them as float32 arrays). */
const liveWeights = perFrame((frame): NetworkWeights => {
  const instance = frame.instances[0];
  if (!instance) throw new Error('a live run frame holds one instance');
  return unpackInstance(instance);
});

function resolve(chosen: ComputationModel, sources: ComputationSources, live: LiveShown | null, notes: string[]): Resolved | null {
  if (awaitedFile(sources, live, chosen)) return null;
  const { models } = sources;
  if (chosen.kind === 'live') {
    const instance = live?.frame.instances[0];
    if (live && instance) {
      return {
        key: 'live',
        weights: liveWeights(live.frame),
        budget: 'live',
        seed: live.config.seed,
        density: instance.density,
        order: frameAnalyses(live.frame, live.config)[0]?.order ?? [],
      };
    }
    notes.push('There is no live model yet (train one below); showing the default model.');
  }
  if (chosen.kind === 'motif') {
    const motif = sources.motif;
    const model = motif?.models[0];
    if (model && motif) {
      const first = model.analysis.motifs[0];
      return {
        key: 'motif',
        weights: model.weights,
        budget: 'motif',
        seed: motif.file.config.seed,
        density: model.density,
        order: model.analysis.order,
        ...(first
          ? {
              motif: {
                inhibition: { neuron: first.inhibitionNeuron, featureA: first.featureA, featureB: first.featureB },
                signA: first.signA,
              },
            }
          : {}),
      };
    }
    notes.push('The motif model did not load; showing the default model.');
  }
  const want = chosen.kind === 'converged' ? chosen : FIRST_VIEW_MODEL;
  const first = sources.firstView?.models[0];
  // The default model from its own file, exactly, until (or unless) its seed's converged file is there.
  if (first && isFirstViewModel(want) && !models?.converged.some((s) => s.seed === want.seed)) {
    const key = formatComputationModel(FIRST_VIEW_MODEL);
    return { key, weights: first.weights, budget: 'converged', seed: want.seed, density: first.density, order: first.analysis.order };
  }
  const seedSweep = models?.converged.find((s) => s.seed === want.seed) ?? models?.converged[0];
  if (!seedSweep) return null;
  const density = nearest(
    seedSweep.sweep.models.map((m) => m.density),
    want.density,
  );
  const model = seedSweep.sweep.models.find((m) => m.density === density);
  if (!model) return null;
  if (chosen.kind === 'converged' && (density !== chosen.density || seedSweep.seed !== chosen.seed)) {
    notes.push(
      `No shipped converged model at 1 − S = ${chosen.density}, seed ${chosen.seed}; showing 1 − S = ${density}, seed ${seedSweep.seed}.`,
    );
  }
  const key = formatComputationModel({ kind: 'converged', density: model.density, seed: seedSweep.seed });
  return { key, weights: model.weights, budget: 'converged', seed: seedSweep.seed, density: model.density, order: model.analysis.order };
}

/**
 * The figure's model and input. `chosen` and `input` are the URL's (absent: the defaults). Null
 * while the chosen model's file loads (awaitedFile) or when no model has loaded.
 */
export function computationView(
  sources: ComputationSources,
  live: LiveShown | null,
  chosen: ComputationModel | undefined,
  input: readonly InputEntry[] | undefined,
): ComputationView | null {
  const notes: string[] = [];
  const resolved = resolve(chosen ?? DEFAULT_COMPUTATION_MODEL, sources, live, notes);
  if (!resolved) return null;
  const n = resolved.weights.W2.length;
  const inhibition = resolved.motif?.inhibition;
  let shown = input ?? exampleInput(n, inhibition, resolved.motif?.signA ?? 1);
  const past = shown.filter((e) => e.feature >= n);
  if (past.length > 0) {
    notes.push(
      `This model has ${n} features (0–${n - 1}); feature${past.length > 1 ? 's' : ''} ${past.map((e) => e.feature).join(', ')} dropped.`,
    );
    shown = shown.filter((e) => e.feature < n);
  }
  return {
    key: resolved.key,
    weights: resolved.weights,
    budget: resolved.budget,
    seed: resolved.seed,
    density: resolved.density,
    order: resolved.order,
    hiddenMax: hiddenScale(resolved.weights),
    inhibition,
    input: shown,
    notes,
    choices: modelChoices(sources, live),
  };
}
