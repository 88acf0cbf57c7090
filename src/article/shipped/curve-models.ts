/**
 * The density curve's models: the converged grid (public/weights/curve-converged-seed{0,1,2}.json,
 * 25 densities each), fetched only when the curve is about to be seen, analysed file by file, and
 * reduced to the curve's bands (src/model/curve.ts). The replication-budget curve comes from the
 * shipped sweep the page has loaded anyway.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ModelAnalysis } from '../../model/analysis';
import { importances, type ModelConfig } from '../../model/config';
import { type CurveLevel, type CurveSample, curveLevels, curveSample, nearestGridDensity } from '../../model/curve';
import { referenceLosses } from '../../model/evaluation';
import { runFailure } from '../../model/failed-runs';
import { describeLevelRecipe } from '../../model/recipe';
import { instanceConfig } from '../../model/weights-file';
import { fetchWeights } from './fetch-weights';
import { FileLoad } from './file-load';
import { analyseFile, type ShippedFile } from './shipped-models';

/** The seeds the grid ships, one file each. */
export const CURVE_SEEDS: readonly number[] = [0, 1, 2];
export const curvePath = (seed: number): string => `weights/curve-converged-seed${seed}.json`;

/** One model of the grid: its analysis and the configuration that trains it alone. */
export interface GridModel {
  readonly analysis: ModelAnalysis;
  readonly config: ModelConfig;
}

export interface CurveData {
  /** Densest first, banded over the seeds that loaded. */
  readonly levels: readonly CurveLevel[];
  /** Per density, per seed, the analysed model (for the stack plot). */
  readonly models: ReadonlyMap<number, ReadonlyMap<number, GridModel>>;
  /** The seeds that loaded. */
  readonly seeds: readonly number[];
  /** One plain-text sentence per file that could not be loaded. */
  readonly errors: readonly string[];
  /**
   * Per density, the recipes of the kept models ("batch 128, 20,000 steps …") and the seeds each
   * trained: seeds can differ at a seam, where each seed keeps its better of two recipes.
   */
  readonly recipes: ReadonlyMap<number, readonly RecipeSeeds[]>;
}

/** A recipe, described, and the seeds whose kept model it trained. */
export interface RecipeSeeds {
  readonly recipe: string;
  readonly seeds: readonly number[];
}

/** The samples of one analysed weights file, its stored eval loss (if any) against the two references, each run checked for dead outputs (a failed run is left out of the bands and listed as an outlier). */
export function fileSamples(file: ShippedFile, seed: number): CurveSample[] {
  const importance = importances(file.file.config);
  return file.models.map((model, k) =>
    curveSample(
      model.density,
      seed,
      model.analysis.counts,
      file.file.instances[k]!.evaluation?.loss,
      referenceLosses(model.density, importance, file.file.config.m),
      runFailure(file.file.instances[k]!, model.density, importance),
    ),
  );
}

/** The replication-budget sweep as curve levels (one seed each). */
export const replicationLevels = (sweep: ShippedFile): CurveLevel[] => curveLevels(fileSamples(sweep, sweep.file.config.seed));

/** Lets the page paint between two files' analyses (about 0.2 s each on a phone). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** One grid file, fetched (with fetch-weights.ts's silence limit) and analysed. */
async function loadCurveFile(seed: number): Promise<ShippedFile> {
  const file = await fetchWeights(curvePath(seed));
  await nextTask();
  return analyseFile(file);
}

/** The curve of analysed grid files, one per seed. */
export function curveData(
  files: readonly { readonly seed: number; readonly file: ShippedFile }[],
  errors: readonly string[] = [],
): CurveData {
  const models = new Map<number, Map<number, GridModel>>();
  for (const { seed, file } of files) {
    file.models.forEach((model, k) => {
      const bySeed = models.get(model.density) ?? new Map<number, GridModel>();
      bySeed.set(seed, { analysis: model.analysis, config: instanceConfig(file.file, k) });
      models.set(model.density, bySeed);
    });
  }
  return {
    levels: curveLevels(files.flatMap(({ seed, file }) => fileSamples(file, seed))),
    models,
    seeds: files.map((f) => f.seed),
    errors,
    recipes: recipesByDensity(files),
  };
}

/** Per density, the kept models' recipes with their seeds, in the order of first appearance. */
function recipesByDensity(files: readonly { readonly seed: number; readonly file: ShippedFile }[]): CurveData['recipes'] {
  const byDensity = new Map<number, Map<string, number[]>>();
  for (const { seed, file } of files) {
    for (const instance of file.file.instances) {
      if (!instance.recipe) continue;
      const recipe = describeLevelRecipe(instance.recipe);
      const groups = byDensity.get(instance.density) ?? new Map<string, number[]>();
      groups.set(recipe, [...(groups.get(recipe) ?? []), seed]);
      byDensity.set(instance.density, groups);
    }
  }
  return new Map([...byDensity].map(([density, groups]) => [density, [...groups].map(([recipe, seeds]) => ({ recipe, seeds }))]));
}

/** The grid model the curve shows at `density`: the nearest grid density's median-loss seed. */
export function gridModelAt(curve: CurveData, density: number): ({ level: CurveLevel; seed: number } & GridModel) | null {
  const nearest = nearestGridDensity(
    curve.levels.map((l) => l.density),
    density,
  );
  const level = curve.levels.find((l) => l.density === nearest);
  const model = level && curve.models.get(level.density)?.get(level.medianSeed);
  return level && model ? { level, seed: level.medianSeed, ...model } : null;
}

/**
 * Starts loading the curve once its section (or the live section, which marks its place on the
 * curve) comes within a screen of the viewport, or when asked; at most once per page. Each seed's
 * file loads on its own (file-load.ts) with its own failure and Retry; the curve draws once every
 * file has loaded or failed, from the seeds that loaded. It stops watching when the article leaves the page.
 */
export class CurveLoader implements ReactiveController {
  readonly files: readonly { readonly seed: number; readonly file: FileLoad<ShippedFile> }[];
  private requested = false;
  private cached: CurveData | null = null;
  /** Set once every file has been answered and one loaded: the curve draws from then on. */
  private drawn = false;
  private observer: IntersectionObserver | null = null;
  private readonly watched = new Set<Element>();

  /** @param onRequest Called once when loading starts (the recipe comparison the curve section also shows loads with it). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onRequest: () => void = () => {},
  ) {
    this.files = CURVE_SEEDS.map((seed) => ({
      seed,
      file: new FileLoad(
        `seed ${seed} of the density curve (${curvePath(seed)})`,
        () => loadCurveFile(seed),
        () => this.changed(),
      ),
    }));
    host.addController(this);
  }

  private changed(): void {
    this.cached = null;
    this.drawn ||= this.files.every(({ file }) => file.settled) && this.files.some(({ file }) => file.value);
    this.host.requestUpdate();
  }

  /** The article left the page: nothing is watched until `observe` is called again. */
  hostDisconnected(): void {
    this.observer?.disconnect();
    this.watched.clear();
  }

  /** Loads now (a permalink to the section, say); a second call does nothing. */
  request(): void {
    if (this.requested) return;
    this.requested = true;
    this.observer?.disconnect();
    for (const { file } of this.files) void file.start();
    this.onRequest();
  }

  /** Watches `element` and loads when it comes near the viewport. */
  observe(element: Element | null): void {
    if (!element || this.watched.has(element) || this.requested) return;
    this.observer ??= new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.request(), {
      rootMargin: '100% 0px',
    });
    this.watched.add(element);
    this.observer.observe(element);
  }

  /** The curve of the seeds that loaded, once every file has been answered at least once; null before, or if none loaded. */
  get value(): CurveData | null {
    if (this.loading !== 'ready') return null;
    this.cached ??= curveData(
      this.files.flatMap(({ seed, file }) => (file.value ? [{ seed, file: file.value }] : [])),
      this.files.flatMap(({ file }) => file.failure ?? []),
    );
    return this.cached;
  }

  /** 'pending' before it is asked for, 'loading' until each file has loaded or failed, 'ready' (also while a failed file is retried), or why none loaded. */
  get loading(): 'pending' | 'loading' | 'ready' | { readonly error: string } {
    if (!this.requested) return 'pending';
    if (this.drawn) return 'ready';
    return this.files.every(({ file }) => file.settled) ? { error: 'None of the density curve’s files could be loaded.' } : 'loading';
  }

  /** One alert with a Retry button per grid file that failed. */
  renderFailures(): TemplateResult {
    return html`${this.files.map(({ file }) => file.renderFailure())}`;
  }
}
