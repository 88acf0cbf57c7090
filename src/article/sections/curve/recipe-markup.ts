/**
 * The curve section's recipe comparison: at densities where the old grid switched recipes, models
 * of the two recipes side by side with their counts, every run in a table, and what that means
 * for reading a count of monosemantic neurons. Draws what recipe-view.ts gives it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ComparedRun } from '../../../model/recipe-comparison';
import { formatDensity, formatLoss } from '../../../viz/core/format';
import type { RecipeComparisonData } from '../../shipped/recipe-comparison-models';
import { type ComparedPanel, panelTitle, recipeComparisonView } from './recipe-view';
import { recipeDescription } from './text';

function panel(p: ComparedPanel): TemplateResult {
  const { run } = p;
  const title = panelTitle(run.recipe, run.seed);
  return html`<figure class="recipe-panel" data-recipe=${run.recipe} data-seed=${run.seed} data-monosemantic=${run.monosemantic}>
    <neuron-stack-plot compact .data=${p.plot} label=${`Neuron weights at 1 − S = ${formatDensity(run.density)}, ${title}`}></neuron-stack-plot>
    <figcaption>
      <strong>${title}</strong>: ${run.monosemantic} of ${run.neurons} neurons monosemantic, ${run.featuresComputed} features computed, eval loss ${formatLoss(run.evalLoss)}.
    </figcaption>
  </figure>`;
}

function runsTable(runs: readonly ComparedRun[]): TemplateResult {
  return html`<p class="table-caption" id="recipe-runs-caption">Every run of the comparison (public/weights/recipe-comparison-seed*.json).</p>
    <div class="scroll-x table-scroll" role="region" aria-labelledby="recipe-runs-caption">
      <table class="counts recipe-runs" aria-labelledby="recipe-runs-caption">
        <thead>
          <tr>
            <th scope="col">1 − S</th><th scope="col">recipe</th><th scope="col">seed</th><th scope="col">eval loss</th>
            <th scope="col">monosemantic</th><th scope="col">features computed</th>
          </tr>
        </thead>
        <tbody>
          ${runs.map(
            (r) => html`<tr>
              <td>${formatDensity(r.density)}</td><td>${r.recipe}</td><td>${r.seed}</td><td>${formatLoss(r.evalLoss)}</td>
              <td>${r.monosemantic}</td><td>${r.featuresComputed}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** The comparison, or while it loads a line saying so; its files' failures with Retry. */
export function recipeComparison(data: RecipeComparisonData | null, failures: unknown): TemplateResult {
  const view = data ? recipeComparisonView(data) : null;
  return html`<div class="prose" id="recipe-comparison">
      <h3>The count depends on the training recipe</h3>
      ${view?.lead ? html`<p id="recipe-lead">${view.lead}</p>` : nothing}
      <p>
        An earlier grid for this curve switched recipes between 1 − S = 0.03 and 0.0228, and its count of monosemantic
        neurons jumped there. To see how much of that jump is the recipe, both densities were trained with both recipes,
        and every model’s exact eval loss is recorded in the table below.
      </p>
      <details class="recipe-details">
        <summary>The two recipes</summary>
        <p class="small">
          Recipe ${recipeDescription('A').slice('recipe '.length)}; ${recipeDescription('B')}. A model depends only on its seed, density and recipe, so
          recipe A’s runs and recipe B’s at 0.0228 are the earlier grids’ own models; recipe B’s at 0.03 were trained for
          this comparison.
        </p>
      </details>
    </div>
    ${failures ?? nothing}
    ${
      view
        ? html`${view.pairs.map(
            (pair) => html`<figure class="recipe-pair" data-density=${pair.density}>
              <div class="recipe-panels">${panel(pair.a)}${panel(pair.b)}</div>
              <figcaption>
                1 − S = ${formatDensity(pair.density)}: the recipe A and recipe B models closest in eval loss, on one y scale.
              </figcaption>
            </figure>`,
          )}
          <div class="prose">
            ${runsTable(view.runs)}
            <p id="recipe-finding">${view.finding}</p>
          </div>`
        : html`<p class="notice" role="status">Loading the recipe comparison…</p>`
    }`;
}
