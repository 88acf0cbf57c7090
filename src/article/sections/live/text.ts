/** The live section's sentences: a run's progress, why no live run is shown, an older link's notice and the shipped range. */
import { formatCount, formatDensity, formatLoss } from '../../../viz/core/format';
import type { SweepBudget } from '../../state/budget';
import { type LiveSettings, liveLevelRecipe } from '../../state/live-settings';
import type { LivePhase } from '../../live/live-run';
import { timeLeftPhrase } from '../../training/progress';
import { isRunning, type RunStatus, type TrainingStatus } from '../../training/training-controller';

/**
 * The live status line's wording: "Step 1,200 of 3,500 · loss 2.1e-3 · backend wasm · 410 steps/s ·
 * a few seconds left · training".
 */
export function statusLine(status: RunStatus): string {
  const phase =
    status.phase === 'starting'
      ? 'starting the training worker…'
      : status.phase === 'paused'
        ? 'paused'
        : status.phase === 'completed'
          ? 'finished'
          : status.phase === 'training'
            ? 'training'
            : status.phase;
  const loss = status.losses[0];
  const training = status.phase === 'training' && status.stepsPerSecond > 0;
  return [
    `Step ${formatCount(status.step)} of ${formatCount(status.config.steps)}`,
    loss === undefined ? null : `loss ${formatLoss(loss)}`,
    status.backend ? `backend ${status.backend}` : null,
    training ? `${Math.round(status.stepsPerSecond)} steps/s` : null,
    training ? timeLeftPhrase(status) : null,
    phase,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** What the live status line says when no live run is shown: why it waits, or how to start one. */
export function idleLine(status: TrainingStatus, liveRun: LivePhase): string {
  const other = status.target && status.target !== 'live' && isRunning(status, status.target) ? status.target : null;
  const what = other === 'sweep' ? 'sweep retrain' : 'motif model';
  if (liveRun === 'waiting') {
    return other
      ? `Waiting: the live model trains once the ${what} is over (pressing Train stops the ${what} and trains it now).`
      : 'Waiting: the live model trains when this section is on screen (or press Train now).';
  }
  return other
    ? `Not training: the ${what} is running. Pressing Train stops it and trains the live model.`
    : 'Not training. Move the slider or press Train.';
}

/** The counts a live model is compared on, with the shipped level's name for each. */
const COMPARED: readonly { readonly key: 'monosemantic' | 'polysemantic' | 'representedFeatures'; readonly noun: string }[] = [
  { key: 'monosemantic', noun: 'monosemantic neurons' },
  { key: 'polysemantic', noun: 'polysemantic neurons' },
  { key: 'representedFeatures', noun: 'features computed' },
];

/** "a, b and c". */
const listed = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** "31–36", or "40" where every seed agrees. */
const range = ({ min, max }: { readonly min: number; readonly max: number }): string => (min === max ? String(min) : `${min}–${max}`);

/**
 * The shipped converged models' range at this level for every count they record (monosemantic and
 * polysemantic neurons, features computed), over `seeds` ("0, 1 and 2"); for a finished live model
 * (`final`), each of its counts outside that range is named. Plain text, with a leading space.
 */
export function shippedRangeSentence(
  level: { readonly [K in (typeof COMPARED)[number]['key']]: { readonly median: number; readonly min: number; readonly max: number } },
  live: { readonly [K in (typeof COMPARED)[number]['key']]: number },
  seeds: string,
  final: boolean,
): string {
  const features = level.representedFeatures;
  const have = `have ${range(level.monosemantic)} monosemantic and ${range(level.polysemantic)} polysemantic neurons and compute ${range(features)} ${features.max === 1 ? 'feature' : 'features'}`;
  const outside = final
    ? COMPARED.filter(({ key }) => live[key] < level[key].min || live[key] > level[key].max).map(
        ({ key, noun }) =>
          `${live[key]} ${live[key] === 1 ? noun.replace('neurons', 'neuron').replace('features', 'feature') : noun} (shipped ${range(level[key])})`,
      )
    : [];
  const flag = outside.length ? ` This live model falls outside that range: ${listed(outside)}.` : '';
  const who = seeds.includes(',') || seeds.includes(' and ') ? `seeds ${seeds}` : `seed ${seeds}`;
  return ` The shipped converged models at this level (${who}) ${have}.${flag}`;
}

/**
 * The notice of a link that trains the constant schedule (a link without `v`, or one naming
 * recipe=constant), as one sentence: what it trains, at which density, and which budget Figure 1
 * shows when that is the replication one, as such links did.
 */
export function olderLinkSentence(settings: LiveSettings, budget: SweepBudget): string {
  const { steps, learningRate } = liveLevelRecipe(settings);
  const figure = budget === 'replication' ? ', and Figure 1 shows the replication budget' : '';
  return `This link trains the live model with the page’s older constant schedule, ${formatCount(steps)} steps at learning rate ${learningRate}, at 1 − S = ${formatDensity(settings.density)}${figure}.`;
}
