/**
 * Small helpers shared by the Node command-line tools: flag parsing and a progress bar on stderr.
 */
import type { LevelRecipe } from '../src/model/recipe';
import { SCHEDULE_KINDS, type ScheduleKind } from '../src/model/schedule';
import { isBackendName, type BackendName } from '../src/training/backend';

export type Flags = Record<string, string>;

/** `--name value` and `--name=value` pairs; a bare `--name` reads as "true". */
export function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = {};
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) flags[name] = inline;
    else if (argv[k + 1] !== undefined && !argv[k + 1]!.startsWith('--')) flags[name] = argv[++k]!;
    else flags[name] = 'true';
  }
  return flags;
}

export function numberFlag(flags: Flags, name: string): number | undefined {
  if (flags[name] === undefined) return undefined;
  const value = Number(flags[name]);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got "${flags[name]}"`);
  return value;
}

export function backendFlag(flags: Flags): BackendName | undefined {
  const value = flags['backend'];
  if (value === undefined) return undefined;
  if (!isBackendName(value)) throw new Error(`--backend must be one of webgl, webgpu, wasm, cpu; got "${value}"`);
  return value;
}

export function progressBar(step: number, total: number, detail: string): string {
  const width = 30;
  const filled = Math.round((width * step) / total);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${step}/${total} ${detail}`;
}

/**
 * `base` with the recipe flags applied: --batch, --steps, --lr, --schedule, --warmup,
 * --decay-fraction, --output-bias, --init-std. For trying recipes from the command line.
 */
export function withRecipeFlags(flags: Flags, base: LevelRecipe): LevelRecipe {
  const kind = flags['schedule'];
  if (kind !== undefined && !SCHEDULE_KINDS.includes(kind as ScheduleKind)) {
    throw new Error(`--schedule must be one of ${SCHEDULE_KINDS.join(', ')}`);
  }
  const decayFraction = numberFlag(flags, 'decay-fraction') ?? base.schedule.decayFraction;
  return {
    density: base.density,
    batch: numberFlag(flags, 'batch') ?? base.batch,
    steps: numberFlag(flags, 'steps') ?? base.steps,
    learningRate: numberFlag(flags, 'lr') ?? base.learningRate,
    schedule: {
      kind: (kind as ScheduleKind | undefined) ?? base.schedule.kind,
      warmupSteps: numberFlag(flags, 'warmup') ?? base.schedule.warmupSteps,
      ...(decayFraction !== undefined ? { decayFraction } : {}),
    },
    adamEpsilon: base.adamEpsilon,
    initStd: numberFlag(flags, 'init-std') ?? base.initStd,
    outputBiasInit: numberFlag(flags, 'output-bias') ?? base.outputBiasInit,
  };
}
