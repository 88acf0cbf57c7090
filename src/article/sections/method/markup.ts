import { repoRef } from '../../page/source-links';
import { html, type TemplateResult } from 'lit';
import { CARRIER_SHARE, MOTIF_THRESHOLDS, PARTICIPATION_THRESHOLD, REPRESENTED_GAIN, SECONDARY_WEIGHT } from '../../../model/analysis';
import { CONVERGED_RECIPE, describeLevelRecipe, LIVE_RECIPE_LEVELS } from '../../../model/recipe';
import type { WeightsFile } from '../../../model/weights-file';
import { formatCount, formatDensity } from '../../../viz/core/format';
import { tex } from '../../math';
import { SECTION_TITLES } from '../contents/markup';

/** A recipe's description that wraps only between its comma-separated parts, never inside "lr 3e-3". */
const unbroken = (text: string): TemplateResult[] =>
  text.split(', ').map((part, k, parts) => html`<span class="nowrap">${part}${k < parts.length - 1 ? ',' : ''}</span> `);

/** Each paper level's converged and live recipes, side by side. */
function recipeTable(): TemplateResult {
  return html`<p class="table-caption" id="recipes-caption">
      The recipe of each level: the shipped converged sweep’s, and the live model’s (the slider trains the live recipe of
      the nearest level).
    </p>
    <div class="scroll-x table-scroll" role="region" aria-labelledby="recipes-caption">
    <table class="recipes" aria-labelledby="recipes-caption">
      <thead>
        <tr><th scope="col">1 − S</th><th scope="col">converged (shipped)</th><th scope="col">live (trained here)</th></tr>
      </thead>
      <tbody>
        ${CONVERGED_RECIPE.levels.map((level, k) => {
          const live = LIVE_RECIPE_LEVELS.levels[k];
          return html`<tr>
            <td>${formatDensity(level.density)}</td>
            <td>${unbroken(describeLevelRecipe(level))}</td>
            <td>${live ? unbroken(describeLevelRecipe(live)) : ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

/**
 * The method: the two training budgets with their recipes, the evaluation, the monosemanticity
 * rules and the motif detector, with the shipped sweeps' provenance and the live backend.
 */
export function methodSection(
  converged: readonly WeightsFile[],
  replication: WeightsFile | null,
  liveBackend: string | null,
): TemplateResult {
  const timed = converged.filter((file) => file.provenance);
  const command = timed[0]?.provenance?.command;
  const c = replication?.config;
  return html`
    <section id="method" class="prose" data-section="method">
      <h2>${SECTION_TITLES.method}</h2>
      <h3>Training</h3>
      <p>
        Figure 1 offers two budgets. <strong>Trained to convergence</strong>, the default, gives each level its own
        recipe, found by measuring which batch, number of steps and learning-rate schedule reach the lowest loss: small
        batches and a large learning rate break the dense levels’ symmetry between neurons; big batches feed the
        sparse levels, whose examples rarely hold an active feature, and cost little because examples with no active
        feature are computed once; and a small positive starting value for the output bias keeps the sparse levels’
        outputs from dying. Every recipe uses Adam (β = 0.9, 0.999, ε = 10⁻⁸) and a normal initialisation with
        standard deviation 0.02; the learning rate rises linearly over a warmup, then either stays flat and decays
        along a half cosine over the last quarter of the steps, or decays along a half cosine from the warmup on.
        ${
          command
            ? html`The converged sweep was produced by <code>${command}</code> on the ${timed[0]!.provenance!.backend} backend:
                ${timed.map((f) => `${f.provenance!.wallSeconds} s for seed ${f.config.seed}`).join(', ')}.`
            : ''
        }
      </p>
      ${recipeTable()}
      <p>
        ${
          c
            ? html`<strong>The replication budget</strong> trains every level with Adam (β = 0.9, 0.999, ε = ${c.adamEpsilon}) for
              ${formatCount(c.steps)} steps of ${formatCount(c.batch)} examples at a constant learning rate of ${c.learningRate},
              from a normal initialisation with standard deviation ${c.initStd} and zero biases. The small scale matters:
              it is what PyTorch’s Xavier rule gives for the batched tensor the public replications use, and a larger
              one leaves the 1 − S = 0.1 model stuck computing one side of |x| for several features.
              ${
                replication?.provenance
                  ? html`The sweep was produced by <code>${replication.provenance.command}</code> on the
                    ${replication.provenance.backend} backend in ${replication.provenance.wallSeconds} s.`
                  : ''
              }`
            : ''
        }
        Its seven models train side by side as independent instances. Every random number comes from a seeded
        generator keyed by the seed and the feature density, so a model retrained here with the same settings is the
        same model, up to rounding differences between backends.
        ${liveBackend ? html`Your live models are trained on the <strong>${liveBackend}</strong> backend.` : ''}
        The training runs on TensorFlow.js kernels, but its backward pass is written by hand rather than taken from
        TensorFlow.js’s automatic differentiation, so that every matrix product is a plain two-dimensional one (the
        fast path of the wasm backend), and examples
        with no active feature, which all produce the same output, are computed once and weighted by their count.
      </p>
      <h3>Evaluating</h3>
      <p>
        The eval loss in Figure 1’s table is the expected importance-weighted loss on fresh data, not one training
        batch’s: the example with no active feature, which has probability ${tex('S^{100}')} (90% of all examples at
        1 − S = 0.001), enters with exactly that weight, and ${formatCount(1_000_000)} examples with an active
        feature estimate the rest, in double precision. Two references put it in scale: the zero model, which outputs 0
        (loss ${tex('\\tfrac{1-S}{3}\\sum_i I_i')}), and the clean solution that gives each of the 20 most important features
        a ± pair of neurons and outputs a constant for the others. At the sparse levels a few examples with several
        active features carry much of the loss, so differences under about 5% there are noise.
      </p>
      <h3>Measuring monosemanticity</h3>
      <p>
        Neurons are first rescaled so that their largest input weight is 1. A feature is <em>secondary</em> in a neuron
        when its weight is at least ${SECONDARY_WEIGHT} of the largest; a neuron with no secondary feature is
        <em>monosemantic</em>. The shading of a column is its polysemanticity score
        ${tex('p = 1 - w_{\\max}^2 / \\sum_i w_i^2')}, the share of its squared input weight outside its primary
        feature. A second rule counts neurons whose <em>participation ratio</em>
        ${tex('(\\sum_i w_i^2)^2 / \\sum_i w_i^4')}, the effective number of features a neuron reads, is under
        ${PARTICIPATION_THRESHOLD}. The two rules disagree when a neuron reads one feature plus many small stray weights:
        the first counts it as polysemantic, the second barely notices them. The table shows both. A feature is <em>computed</em> when, with only that feature active, the model’s output for it rises by
        at least ${REPRESENTED_GAIN} from rest to full strength on both the positive and the negative side, after the output
        ReLU, so an output held at zero by its bias computes nothing. A neuron <em>carries</em> a side of a
        feature when it contributes at least ${CARRIER_SHARE * 100}% of that side’s gain. The superposition colour of feature
        ${tex('i')} is ${tex('s_i = \\sum_{j \\ne i} (\\hat W_i \\cdot W_j)^2')} with ${tex('W_i')} its column of ${tex('W_1')}.
      </p>
      <h3>Detecting the motif</h3>
      <p>
        A neuron is an asymmetric neuron for features a (its largest) and b (its second largest) when b’s input weight is
        between ${MOTIF_THRESHOLDS.minInputRatio} and ${MOTIF_THRESHOLDS.maxInputRatio} of a’s, both output weights are
        positive with b’s at least ${MOTIF_THRESHOLDS.minOutputRatio} times a’s, and it computes at least
        ${MOTIF_THRESHOLDS.minGain} of each feature. Its partner is the neuron that pushes b’s output down the most when a
        alone is active; it must take back at least ${MOTIF_THRESHOLDS.minCancelFraction * 100}% of the interference, and
        b’s output may rise by at most ${MOTIF_THRESHOLDS.maxResidualFraction * 100}% of it. These thresholds are ours; the
        paper describes the motif by example only.
        ${repoRef('docs/analysis.md', (link) => html`The full definitions are in the repository’s ${link}.`)}
      </p>
    </section>
  `;
}
