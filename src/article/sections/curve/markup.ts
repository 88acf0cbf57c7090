import { html, nothing, type TemplateResult } from 'lit';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';
import { PAPER_DENSITIES } from '../../../model/config';
import { type Crossing, type CurveLevel, curveThresholds } from '../../../model/curve';
import { formatDensity, formatNumber, plural } from '../../../viz/core/format';
import type { CurveData } from '../../shipped/curve-models';
import { monosemanticPhrase } from '../../figures/view-parts';
import { chosenGridModel } from './view';
import { SECTION_TITLES } from '../contents/markup';

export interface CurveSectionProps {
  /** The grid, once loaded; null while it loads or if it failed. */
  readonly curve: CurveData | null;
  /** 'pending' before the section comes near, 'loading', 'ready' or a sentence saying why it failed. */
  readonly loading: 'pending' | 'loading' | 'ready' | { readonly error: string };
  /** One alert with a Retry button per grid file that failed (curve-models.ts). */
  readonly failures?: unknown;
  /** The replication-budget sweep as curve levels (seven, one seed); empty before it loads. */
  readonly replication: readonly CurveLevel[];
  /** The density hovered or focused on the curve, or null: the stack plot then follows the live slider. */
  readonly selected: number | null;
  /** The live slider's density. */
  readonly liveDensity: number;
  readonly onSelect: (density: number) => void;
  /** How the stack plot colours its segments (the page's choice, the URL's `colour`); default superposition. */
  readonly colouring?: StackColouring;
}

/**
 * "batch 128, 10,000 steps, lr 1e-2 (…)": the recipe of the kept models at `density`, or of
 * `seed`'s alone; where seeds kept different recipes, each with its seeds.
 */
function recipeAt(curve: CurveData, density: number, seed?: number): string {
  const groups = (curve.recipes.get(density) ?? []).filter((g) => seed === undefined || g.seeds.includes(seed));
  if (groups.length === 0) return 'recipe not recorded';
  if (groups.length === 1) return groups[0]!.recipe;
  return groups.map((g) => `${g.recipe} (${g.seeds.length === 1 ? 'seed' : 'seeds'} ${g.seeds.join(', ')})`).join('; ');
}

const spread = (min: number, max: number, seeds: number): string =>
  seeds === 1
    ? 'one seed'
    : min === max
      ? `the same for all ${seeds} seeds`
      : `range ${formatNumber(min, 0)}–${formatNumber(max, 0)} over ${seeds} seeds`;

/** One transition in words: where, the median seed's numbers with the seeds' range, the denser neighbour, the budget. */
function crossingSentence(
  crossing: Crossing | null,
  what: string,
  pick: (l: CurveLevel) => { min: number; median: number; max: number },
  noun: string,
): TemplateResult {
  if (!crossing) return html`<li>${what}: not on this grid.</li>`;
  const { level, before, lasting } = crossing;
  const b = pick(level);
  return html`<li>
    ${what}: at <strong>1 − S = ${formatDensity(level.density)}</strong>, ${formatNumber(b.median, 0)} ${noun} at the median
    (${spread(b.min, b.max, level.seeds.length)})${
      before
        ? html`, against ${formatNumber(pick(before).median, 0)} at ${formatDensity(before.density)} (${spread(pick(before).min, pick(before).max, before.seeds.length)})`
        : nothing
    }${
      lasting === level
        ? ', and at every sparser density'
        : lasting
          ? html`. Between there and <strong>1 − S = ${formatDensity(lasting.density)}</strong> some densities drop back below
              the mark; from ${formatDensity(lasting.density)} on, every sparser density stays past it
              (${formatNumber(pick(lasting).median, 0)} at ${formatDensity(lasting.density)}, ${spread(pick(lasting).min, pick(lasting).max, lasting.seeds.length)})`
          : '; the sparsest densities fall back below'
    }.
  </li>`;
}

/** The recipes behind the transitions' densities, for the note under the figure. */
function recipesNote(curve: CurveData, crossings: readonly (Crossing | null)[]): TemplateResult {
  const densities = [...new Set(crossings.flatMap((c) => (c ? [c.level.density, ...(c.lasting ? [c.lasting.density] : [])] : [])))];
  return html`<details class="curve-recipes">
    <summary>How the grid was trained</summary>
    <p>
      The grid runs from 1 to 0.001, spaced evenly in log density with the paper’s seven levels among them. Every density
      is trained with one recipe, the same for all its seeds: batch, steps and learning rate are smooth, monotone
      functions of density at a fixed compute budget per density (src/model/recipe-family.ts; docs/training.md). At the
      densities named above:
    </p>
    <ul>
      ${densities.map((d) => html`<li>1 − S = ${formatDensity(d)}: ${recipeAt(curve, d)}.</li>`)}
    </ul>
  </details>`;
}

/** The replication budget's transitions, where its seven levels show them. */
function replicationSentence(replication: readonly CurveLevel[]): TemplateResult | typeof nothing {
  if (replication.length === 0) return nothing;
  const t = curveThresholds(replication);
  const named: [string, Crossing | null][] = [
    ['the first polysemantic neurons appear', t.firstPolysemantic],
    ['half the neurons are polysemantic', t.halfPolysemantic],
    ['more features are computed than there are ± pairs', t.morePairsThanNeurons],
  ];
  // one clause per density, so that two transitions at the same level are named together
  const byDensity = new Map<string, string[]>();
  for (const [what, crossing] of named) {
    const where = crossing ? `at 1 − S = ${formatDensity(crossing.level.density)}` : 'at none of its seven levels';
    byDensity.set(where, [...(byDensity.get(where) ?? []), what]);
  }
  const clauses = [...byDensity].map(([where, whats]) => `${whats.join(' and ')} ${where}`);
  return html`<p>
    With the replication budget (the dotted line; one seed, trained far less), ${clauses.join('; ')}. Those models are
    not trained to the end at either side of the sweep, so where they cross is partly a matter of budget.
  </p>`;
}

/** The stack plot of the chosen density (or the grid density nearest the live slider), for its median-loss seed. */
function chosenPlot(props: CurveSectionProps, curve: CurveData): TemplateResult | typeof nothing {
  const shown = chosenGridModel(curve, props.selected, props.liveDensity);
  if (!shown) return nothing;
  const { level, seed, analysis, plot, why } = shown;
  const loss = level.lossOverClean;
  return html`<figure class="curve-plot">
    <neuron-stack-plot
      id="curve-plot"
      compact
      colouring=${props.colouring ?? 'superposition'}
      data-density=${level.density}
      data-seed=${seed}
      .data=${plot}
      label=${`Neuron weights at 1 − S = ${formatDensity(level.density)}, seed ${seed}`}
    ></neuron-stack-plot>
    <figcaption id="curve-readout" aria-live="polite">
      1 − S = ${formatDensity(level.density)}, ${why}: seed ${seed}, the seed with the median eval loss of the
      ${plural(level.seeds.length, 'seed')}. ${monosemanticPhrase(analysis.counts)};
      ${plural(analysis.counts.representedFeatures, 'feature')} computed${
        loss
          ? `; eval loss ${formatNumber(loss.median)}× the clean 20×2 solution’s (seeds ${formatNumber(loss.min)}–${formatNumber(loss.max)})`
          : ''
      }. Trained with ${recipeAt(curve, level.density, seed)}.
    </figcaption>
  </figure>`;
}

/**
 * The whole transition: the curve of Figure 1's counts over a 25-density grid with three seeds,
 * the three transitions the text reads off it, and the stack plot of any density on it.
 */
export function curveSection(props: CurveSectionProps): TemplateResult {
  const { curve } = props;
  const t = curve ? curveThresholds(curve.levels) : null;
  return html`
    <section id="curve" data-section="curve">
      <div class="prose">
        <h2>${SECTION_TITLES.curve}</h2>
        <p>
          Between the paper’s seven levels the change is gradual. The curve follows it through
          ${curve ? plural(curve.levels.length, 'density', 'densities') : 'a grid of densities'}, each with
          ${curve ? plural(curve.seeds.length, 'seed') : 'three seeds'} and one training recipe that changes smoothly with
          density, so a step in the curve comes from the density, not from a change of recipe. The line is the median seed,
          the band spans the seeds. In the middle of the range this budget leaves models above the clean 20 × 2 solution’s
          loss (the loss panel shows where): counts there describe models still learning. Point at the curve, or focus it and use the arrow keys, to see that density’s neurons below it.
        </p>
      </div>
      <figure class="curve-figure">
        ${
          curve
            ? html`<density-curve
                id="density-curve"
                .levels=${curve.levels}
                .replication=${props.replication}
                .paperDensities=${PAPER_DENSITIES}
                .selected=${props.selected}
                .marker=${props.liveDensity}
                label="Monosemantic neurons, features computed, mean polysemanticity and eval loss against feature density"
                @curve-select=${(e: CustomEvent<{ density: number }>) => props.onSelect(e.detail.density)}
              ></density-curve>`
            : html`<p class="notice" role="status" id="curve-status">${
                typeof props.loading === 'object' ? props.loading.error : 'Loading the density curve (three files, 2.4 MB each)…'
              }</p>`
        }
        <figcaption>
          Counts against feature density 1 − S (log axis; the paper’s levels are ticked). Blue: the converged grid, median
          and min–max over its seeds; orange dotted: the replication budget’s seven models. The dashed pink rule marks the
          live slider’s density. Monosemantic and “computed” follow the rules in the method section; the loss is the exact
          eval loss over that of the clean solution giving the 20 most important features a ± pair of neurons each.
          ${
            props.replication.length && props.replication.every((l) => l.lossOverClean === null)
              ? 'The replication models’ file stores no exact evaluation, so the loss panel shows the converged grid only.'
              : ''
          }
        </figcaption>
      </figure>
      ${props.failures ?? nothing}
      ${curve ? chosenPlot(props, curve) : nothing}
      <div class="prose">
        <p>Three marks stand out along the curve:</p>
        ${
          curve && t
            ? html`<ul class="curve-transitions">
              ${crossingSentence(t.firstPolysemantic, 'The first polysemantic neurons', (l) => l.polysemantic, 'polysemantic neurons')}
              ${crossingSentence(t.halfPolysemantic, 'Half the neurons polysemantic', (l) => l.polysemantic, 'polysemantic neurons')}
              ${crossingSentence(t.morePairsThanNeurons, `More features computed than the ${Math.floor((curve.levels[0]?.neurons ?? 40) / 2)} ± pairs the neurons can give one each`, (l) => l.featuresComputed, 'features')}
            </ul>
            ${replicationSentence(props.replication)}
            ${recipesNote(curve, [t.firstPolysemantic, t.halfPolysemantic, t.morePairsThanNeurons])}`
            : nothing
        }
      </div>
    </section>
  `;
}
