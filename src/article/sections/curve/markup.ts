import { html, nothing, type TemplateResult } from 'lit';
import { marginNote, noted } from '../../page/margin-note';
import { repoRef } from '../../page/source-links';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';
import { PAPER_DENSITIES } from '../../../model/config';
import { type Crossing, type CurveLevel, curveThresholds } from '../../../model/curve';
import { formatDensity, formatNumber, plural } from '../../../viz/core/format';
import type { CurveData } from '../../shipped/curve-models';
import { monosemanticPhrase } from '../../figures/view-parts';
import { chosenGridModel, failedRuns, failedRunsSentence } from './view';
import { levelOutlierText } from '../../../viz/density-curve/curve-outliers';
import { SECTION_TITLES } from '../contents/markup';
import type { RecipeComparisonData } from '../../shipped/recipe-comparison-models';
import { recipeComparison } from './recipe-markup';
import { baselineLead, baselineSentence, gridBaselineSentence } from './text';
import type { BaselineLevel } from '../../../model/baseline-summary';
import { beatingStretches } from '../../../model/baseline-summary';

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
  /** The recipe comparison (recipes A and B at the same densities), once its files loaded; null before. */
  readonly recipeComparison: RecipeComparisonData | null;
  /** One alert with a Retry button per comparison file that failed. */
  readonly recipeFailures?: unknown;
  /** The converged sweep's runs against the no-superposition baseline, per paper level; empty before it loads. */
  readonly baseline: readonly BaselineLevel[];
  /** Neurons per model (m), for the baseline's ⌊m/2⌋ pairs. */
  readonly neurons: number;
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

/**
 * One transition in words, with the median over seeds of the count that crosses the mark: where it
 * first crosses, and whether every sparser density stays past it (the band shows the seeds' range).
 */
function crossingSentence(crossing: Crossing | null, what: string, value: (l: CurveLevel) => string, reaches?: string): TemplateResult {
  if (!crossing) return html`<li>${what}: not on this grid.</li>`;
  const { level, lasting, before } = crossing;
  // where the median jumps past the mark, the value there is not the mark: say so
  const step =
    reaches && before
      ? `, up from ${value(before)} at 1 − S = ${formatDensity(before.density)}: the first grid density whose median reaches ${reaches}`
      : '';
  const at = html`<strong>1 − S = ${formatDensity(level.density)}</strong> (median ${value(level)}${step})`;
  if (lasting === level) return html`<li>${what}: at ${at} and at every sparser density.</li>`;
  if (!lasting) return html`<li>${what}: at ${at}; the sparsest densities fall back below the mark.</li>`;
  return html`<li>
    ${what}: first at ${at}. Some sparser densities fall back below the mark; from
    <strong>1 − S = ${formatDensity(lasting.density)}</strong> (median ${value(lasting)}) on, every density stays past it.
  </li>`;
}

/** The recipes behind the transitions' densities, for the note under the figure. */
function recipesNote(curve: CurveData, crossings: readonly (Crossing | null)[], shown: number | null): TemplateResult {
  const named = crossings.flatMap((c) => (c ? [c.level.density, ...(c.lasting ? [c.lasting.density] : [])] : []));
  const densities = [...new Set([...(shown === null ? [] : [shown]), ...named])];
  return marginNote(
    html`<p>
      <strong>How the grid was trained.</strong> The grid runs from 1 to 0.001, spaced evenly in log density with the paper’s seven levels among them. Every density
      is trained with one recipe, the same for all its seeds: batch, steps and learning rate are smooth, monotone
      functions of density at a fixed compute budget per density${repoRef('docs/training.md', (link) => html` (${link})`)}. At the
      densities the plot and the marks name:
    </p>
    <ul>
      ${densities.map((d) => html`<li>1 − S = ${formatDensity(d)}: ${recipeAt(curve, d)}.</li>`)}
    </ul>`,
    'How the density grid was trained',
    'curve-recipes',
  );
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
    With the replication budget (the dotted line: one seed, trained far less), ${clauses.join('; ')}.
    They have not finished training at either end of the sweep, so where they cross is partly a matter of budget.
  </p>`;
}

/** The failed runs, named: the rule, and a table of the runs it flags (none: the rule alone says so). */
function failedRunsNote(curve: CurveData, replication: readonly CurveLevel[]): TemplateResult {
  const rows = failedRuns(curve.levels, replication);
  const runs = [...curve.models.values()].reduce((n, bySeed) => n + bySeed.size, 0);
  return html`<div class="prose" id="curve-failed-runs" data-failed=${rows.length}>
    <p class="small">${failedRunsSentence(rows, runs)}</p>
    ${
      rows.length
        ? html`<div class="scroll-x table-scroll" role="region" aria-label="Failed runs table"><table class="curve-failed">
            <caption>Failed runs</caption>
            <thead><tr><th scope="col">models</th><th scope="col">1 − S</th><th scope="col">seed</th><th scope="col">why</th><th scope="col">monosemantic</th><th scope="col">loss ÷ clean</th></tr></thead>
            <tbody>
              ${rows.map(
                (r) => html`<tr>
                  <td>${r.series}</td><td>${formatDensity(r.density)}</td><td>${r.seed}</td><td>${r.why}</td>
                  <td>${r.monosemantic}</td><td>${r.lossOverClean === null ? '—' : formatNumber(r.lossOverClean)}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : nothing
    }
  </div>`;
}

/** The stack plot of the chosen density (or the grid density nearest the live slider), for its median-loss seed. */
function chosenPlot(props: CurveSectionProps, curve: CurveData): TemplateResult | typeof nothing {
  const shown = chosenGridModel(curve, props.selected, props.liveDensity);
  if (!shown) return nothing;
  const { level, seed, analysis, plot, why } = shown;
  const loss = level.lossOverClean;
  return html`<figure class="curve-plot text-width">
    <neuron-stack-plot
      id="curve-plot"
      compact
      colouring=${props.colouring ?? 'superposition'}
      data-budget="grid"
      data-density=${level.density}
      data-seed=${seed}
      .data=${plot}
      label=${`Neuron weights at 1 − S = ${formatDensity(level.density)}, seed ${seed}`}
    ></neuron-stack-plot>
    <figcaption id="curve-readout" aria-live="polite">
      1 − S = ${formatDensity(level.density)}, ${why}; seed ${seed}, the median by loss of
      ${plural(level.seeds.length, 'seed')}. ${monosemanticPhrase(analysis.counts)};
      ${plural(analysis.counts.representedFeatures, 'feature')} computed${
        loss
          ? `; loss ${formatNumber(loss.median)} times the clean solution’s (seeds ${formatNumber(loss.min)}–${formatNumber(loss.max)})`
          : ''
      }.${levelOutlierText(level)}
    </figcaption>
  </figure>`;
}

/** Where the trained models beat the best model without superposition (model/baseline.ts): the takeaway, the rule, the ratios in a note. */
function baselineParagraph(props: CurveSectionProps, curve: CurveData): TemplateResult {
  const pairs = Math.floor(props.neurons / 2);
  return html`<h3>Against a model without superposition</h3>
    <p id="baseline-statement">
      ${baselineLead(props.baseline, props.neurons)} Without superposition, ${props.neurons} neurons compute at most ${pairs}
      features exactly, one ± pair each, so an eval loss below the clean solution’s takes superposition.
    </p>
    <details class="baseline-ratios">
      <summary>The ratios, level by level</summary>
      <p class="small">
        The baseline is the clean ${pairs} × 2 solution; giving fewer features pairs only does worse. ${baselineSentence(props.baseline, props.neurons)}
        ${gridBaselineSentence(beatingStretches(curve.levels), curve.levels.length)}
      </p>
    </details>`;
}

/**
 * The whole transition: the curve of Figure 1's counts over a 25-density grid with three seeds,
 * the three transitions the text reads off it, and the stack plot of any density on it.
 */
export function curveSection(props: CurveSectionProps): TemplateResult {
  const { curve } = props;
  const t = curve ? curveThresholds(curve.levels) : null;
  const pairs = Math.floor((curve?.levels[0]?.neurons ?? 40) / 2);
  const shownDensity = curve ? (chosenGridModel(curve, props.selected, props.liveDensity)?.level.density ?? null) : null;
  return html`
    <section id="curve" data-section="curve">
      <div class="prose">
        <h2>${SECTION_TITLES.curve}</h2>
        ${noted(
          html`<aside class="margin-note" id="curve-note">
          Every density is trained with one recipe that changes smoothly with density, so a step in the curve comes from
          the density, not from a change of recipe. In the middle of the range the models stop above the clean solution’s
          loss (the loss panel shows where): counts there describe models still learning.
        </aside>`,
          html`<p>
          The seven panels are samples. The curve below follows the same counts through
          ${curve ? plural(curve.levels.length, 'density', 'densities') : 'a grid of densities'} between them, each trained
          with ${curve ? plural(curve.seeds.length, 'seed') : 'several seeds'}: the line is the median seed, the band spans
          the seeds. It shows that the change is gradual: there is no single density at which the model switches from
          pairs to sharing. Point at the curve, or focus it and use the arrow keys, to see that density’s neurons in the plot next to the
          curve, or under it on a narrow screen.
        </p>`,
        )}
      </div>
      ${props.failures ?? nothing}
      <div class="curve-pair">
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
          eval loss over that of the clean solution giving the ${pairs} most important features a ± pair of neurons each.
          ${
            props.replication.length && props.replication.every((l) => l.lossOverClean === null)
              ? 'The replication models’ file stores no exact evaluation, so the loss panel shows the converged grid only.'
              : ''
          }
        </figcaption>
      </figure>
      ${curve ? chosenPlot(props, curve) : nothing}
      </div>
      ${curve ? failedRunsNote(curve, props.replication) : nothing}
      <div class="prose">
        ${noted(
          curve && t ? recipesNote(curve, [t.firstPolysemantic, t.halfPolysemantic, t.morePairsThanNeurons], shownDensity) : nothing,
          html`<p>
              Three marks stand out along the curve. Each is read off the medians over the seeds on this finer grid, so it can
              fall between the seven panels’ levels, and a single seed can pass it at a denser level:
            </p>
            ${
              curve && t
                ? html`<ul class="curve-transitions">
                  ${crossingSentence(t.firstPolysemantic, 'The first polysemantic neurons', (l) => `${l.polysemantic.median} of ${l.neurons} neurons`)}
                  ${crossingSentence(t.halfPolysemantic, 'At least half the neurons polysemantic', (l) => `${l.polysemantic.median} of ${l.neurons}`, 'half')}
                  ${crossingSentence(t.morePairsThanNeurons, `More features computed than the ${pairs} ± pairs the neurons can give one each`, (l) => plural(l.featuresComputed.median, 'feature'))}
                </ul>`
                : nothing
            }`,
        )}
        ${
          curve && t
            ? html`${replicationSentence(props.replication)}
            ${baselineParagraph(props, curve)}`
            : nothing
        }
      </div>
      ${recipeComparison(props.recipeComparison, props.recipeFailures)}
    </section>
  `;
}
