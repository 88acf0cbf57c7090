/**
 * The page's side of the statistics worker: one promise per model, memoised, so choosing another
 * neuron of the same model costs nothing and coming back to a model reuses its measurement.
 * In the browser each model is measured over BROWSER_SAMPLES inputs from input seed
 * BROWSER_INPUT_SEED (the quoted numbers use 10^6, from activation-statistics.json).
 */
import type { ActivationStatistics } from '../../../model/analysis/activation-statistics';
import type { NetworkWeights } from '../../../model/network';

/** Inputs drawn per model in the browser (a fraction of a second per model in the worker). */
export const BROWSER_SAMPLES = 100_000;
/** Seed of the input stream in the browser. */
export const BROWSER_INPUT_SEED = 1;

export interface StatisticsRequest {
  readonly id: number;
  readonly weights: NetworkWeights;
  readonly density: number;
  readonly samples: number;
  readonly seed: number;
}

export type StatisticsEvent =
  | { readonly id: number; readonly ok: true; readonly statistics: ActivationStatistics }
  | { readonly id: number; readonly ok: false; readonly error: string };

export type StatisticsAnswer =
  | { readonly ok: true; readonly statistics: ActivationStatistics }
  | { readonly ok: false; readonly error: string };

export class StatisticsClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: StatisticsAnswer) => void>();
  private readonly memo = new Map<string, Promise<StatisticsAnswer>>();

  constructor(
    private readonly createWorker: () => Worker = () =>
      new Worker(new URL('./statistics.worker.ts', import.meta.url), { type: 'module', name: 'activation-statistics' }),
  ) {}

  /** The statistics of the model `key` names (its weights and density). Never rejects; a failure is not memoised. */
  measure(key: string, weights: NetworkWeights, density: number): Promise<StatisticsAnswer> {
    const known = this.memo.get(key);
    if (known) return known;
    const id = this.nextId++;
    const answer = new Promise<StatisticsAnswer>((resolve) => {
      this.waiting.set(id, resolve);
      try {
        this.ensureWorker().postMessage({
          id,
          weights,
          density,
          samples: BROWSER_SAMPLES,
          seed: BROWSER_INPUT_SEED,
        } satisfies StatisticsRequest);
      } catch (cause) {
        this.waiting.delete(id);
        resolve({
          ok: false,
          error: `The browser refused to start the statistics worker (${cause instanceof Error ? cause.message : String(cause)}).`,
        });
      }
    }).then((a) => {
      if (!a.ok) this.memo.delete(key);
      return a;
    });
    this.memo.set(key, answer);
    return answer;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const resolve of this.waiting.values()) resolve({ ok: false, error: 'The page stopped measuring.' });
    this.waiting.clear();
    this.memo.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (message: MessageEvent<StatisticsEvent>) => {
      const event = message.data;
      const resolve = this.waiting.get(event.id);
      this.waiting.delete(event.id);
      resolve?.(event.ok ? { ok: true, statistics: event.statistics } : { ok: false, error: event.error });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = `The statistics worker failed (${event.message || 'no reason given'}).`;
      for (const resolve of this.waiting.values()) resolve({ ok: false, error });
      this.waiting.clear();
      this.worker?.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}
