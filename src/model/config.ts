/**
 * The training configuration of the ReLU hidden-layer absolute-value model (docs/weights.md), its
 * defaults (the paper's sparsity sweep) and its validation. Plain data: no TF.js, no DOM.
 */
import { type ActivationName, isActivationName } from './activation';
import { CONSTANT_SCHEDULE, learningRateAt, scheduleErrors, type LearningRateSchedule } from './schedule';

/** Feature density 1 − S: the probability that a feature is non-zero in an example. */
export type FeatureDensity = number;

export interface ModelConfig {
  /** Number of input features. */
  readonly n: number;
  /** Number of hidden neurons. */
  readonly m: number;
  /**
   * The nonlinearity of both layers (activation.ts). Absent: ReLU, the only one offered; it stays
   * absent in every default, link and shipped file, so none of their formats changes
   * (docs/architecture.md, "The nonlinearity").
   */
  readonly activation?: ActivationName;
  /** Feature i has importance importanceDecay^i (features are indexed by decreasing importance). */
  readonly importanceDecay: number;
  /** One independent model ("instance") per density, trained side by side. */
  readonly densities: readonly FeatureDensity[];
  /** Examples per step, per instance. */
  readonly batch: number;
  /** Adam steps. */
  readonly steps: number;
  /** Adam learning rate: the peak of `schedule` (constant when there is none). */
  readonly learningRate: number;
  /** How the learning rate moves over the run (schedule.ts). Absent: constant, no warmup. */
  readonly schedule?: LearningRateSchedule;
  /** Adam epsilon, always explicit: TF.js's WebGL default of 1e-4 is a known bug. */
  readonly adamEpsilon: number;
  /**
   * Standard deviation of the normal initialisation of W1 and W2. 0.02 is what PyTorch's
   * `xavier_normal_` gives on the 3-D [7, 40, 100] tensor the replications use; the 2-D Xavier value
   * (≈ 0.12) stalls the 1 − S = 0.1 model in a poor minimum (docs/weights.md).
   */
  readonly initStd: number;
  /**
   * Initial value of every output bias b_i. Absent: 0. At sparse levels most output
   * pre-activations start below zero with b = 0 and the output ReLU never lets them learn; a small
   * positive start (0.02) keeps them alive (docs/training.md, "The exact evaluation").
   */
  readonly outputBiasInit?: number;
  /** Seed of every random draw (initialisation and data). */
  readonly seed: number;
  /** Opt-in hidden-layer bias. Off by default, as in the paper (docs/weights.md). */
  readonly hiddenBias: boolean;
}

/** The seven feature densities of the paper's sweep. */
export const PAPER_DENSITIES: readonly FeatureDensity[] = [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001];

export const DEFAULT_CONFIG: ModelConfig = Object.freeze({
  n: 100,
  m: 40,
  importanceDecay: 0.8,
  densities: PAPER_DENSITIES,
  batch: 1024,
  steps: 10_000,
  learningRate: 1e-3,
  adamEpsilon: 1e-8,
  initStd: 0.02,
  seed: 0,
  hiddenBias: false,
});

/**
 * The live model's default schedule: the same Adam distance as the sweep's (learning rate × steps
 * ≈ 10) in a third of the steps, so that a reader's model finishes in seconds. Measured against the
 * 10,000-step reference with `npm run live-recipe` (docs/performance.md): at seed 0 its
 * monosemantic-neuron counts at the paper levels are within 3 of the shipped sweep's.
 */
export const LIVE_RECIPE = Object.freeze({ steps: 3_500, learningRate: 3e-3 });

/**
 * Hard bounds on every field. They keep any configuration (a permalink is input from strangers)
 * from allocating gigabytes or training for hours.
 */
export const CONFIG_LIMITS = Object.freeze({
  n: { min: 2, max: 400 },
  m: { min: 1, max: 200 },
  importanceDecay: { min: 0.01, max: 1 },
  densityCount: { min: 1, max: 16 },
  density: { min: 1e-4, max: 1 },
  batch: { min: 1, max: 16_384 },
  steps: { min: 1, max: 200_000 },
  learningRate: { min: 1e-6, max: 1 },
  adamEpsilon: { min: 1e-12, max: 1 },
  initStd: { min: 1e-4, max: 2 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  outputBiasInit: { min: -1, max: 1 },
});

export interface ConfigError {
  readonly field: keyof ModelConfig;
  readonly message: string;
}

/** Fields that every configuration has; the optional ones are checked apart. */
type NumericField = Exclude<keyof typeof CONFIG_LIMITS, 'densityCount' | 'density' | 'outputBiasInit'>;
const INTEGER_FIELDS: ReadonlySet<NumericField> = new Set(['n', 'm', 'batch', 'steps', 'seed']);

function checkNumber(field: NumericField, value: unknown): ConfigError | null {
  const { min, max } = CONFIG_LIMITS[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { field, message: `${field} must be a finite number, got ${describe(value)}` };
  }
  if (INTEGER_FIELDS.has(field) && !Number.isInteger(value)) {
    return { field, message: `${field} must be an integer, got ${value}` };
  }
  if (value < min || value > max) {
    return { field, message: `${field} must be between ${min} and ${max}, got ${value}` };
  }
  return null;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string "${value.slice(0, 40)}"`;
  return String(value);
}

/** Every problem with a configuration, each naming its field; an empty list means it is valid. */
export function validateConfig(config: ModelConfig): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const field of Object.keys(CONFIG_LIMITS) as (keyof typeof CONFIG_LIMITS)[]) {
    if (field === 'densityCount' || field === 'density' || field === 'outputBiasInit') continue;
    const error = checkNumber(field, config[field]);
    if (error) errors.push(error);
  }
  const { densities } = config;
  if (!Array.isArray(densities)) {
    errors.push({ field: 'densities', message: 'densities must be a list of numbers' });
  } else {
    const { min, max } = CONFIG_LIMITS.densityCount;
    if (densities.length < min || densities.length > max) {
      errors.push({ field: 'densities', message: `between ${min} and ${max} densities are allowed, got ${densities.length}` });
    }
    const bounds = CONFIG_LIMITS.density;
    for (const d of densities) {
      if (typeof d !== 'number' || !Number.isFinite(d) || d < bounds.min || d > bounds.max) {
        errors.push({ field: 'densities', message: `each density must be in [${bounds.min}, ${bounds.max}], got ${describe(d)}` });
        break;
      }
    }
  }
  if (config.schedule !== undefined) {
    for (const message of scheduleErrors(config.schedule, CONFIG_LIMITS.steps.max)) errors.push({ field: 'schedule', message });
  }
  if (config.outputBiasInit !== undefined) {
    const { min, max } = CONFIG_LIMITS.outputBiasInit;
    const value = config.outputBiasInit;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      errors.push({ field: 'outputBiasInit', message: `outputBiasInit must be between ${min} and ${max}, got ${describe(value)}` });
    }
  }
  if (config.activation !== undefined && !isActivationName(config.activation)) {
    errors.push({ field: 'activation', message: `activation must be relu, got ${describe(config.activation)}` });
  }
  if (typeof config.hiddenBias !== 'boolean') {
    errors.push({ field: 'hiddenBias', message: 'hiddenBias must be true or false' });
  }
  return errors;
}

/** A copy of `DEFAULT_CONFIG` with the given fields replaced; throws if the result is invalid. */
export function makeConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  const config: ModelConfig = { ...DEFAULT_CONFIG, ...overrides };
  const errors = validateConfig(config);
  if (errors.length > 0) {
    throw new RangeError(`Invalid model configuration: ${errors.map((e) => e.message).join('; ')}`);
  }
  return Object.freeze({ ...config, densities: Object.freeze([...config.densities]) });
}

/** I_i = importanceDecay^i for i = 0 … n−1. */
export function importances(config: Pick<ModelConfig, 'n' | 'importanceDecay'>): Float64Array {
  const result = new Float64Array(config.n);
  for (let i = 0; i < config.n; i++) result[i] = config.importanceDecay ** i;
  return result;
}

/** The learning rate of step `step` (0-based) of a run under `config`: its schedule, peaking at `learningRate`. */
export function scheduledLearningRate(config: Pick<ModelConfig, 'learningRate' | 'schedule' | 'steps'>, step: number): number {
  return learningRateAt(config.schedule ?? CONSTANT_SCHEDULE, config.learningRate, step, config.steps);
}
