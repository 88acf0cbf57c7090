import { html, type TemplateResult } from 'lit';
import { CARRIER_SHARE, MOTIF_THRESHOLDS, REPRESENTED_GAIN, SECONDARY_WEIGHT } from '../../model/analysis';
import type { WeightsFile } from '../../model/weights-file';
import { tex } from '../math';
import { SECTION_TITLES } from './contents';

/** "Trained for 10,000 Adam steps of batch 1024 at learning rate 0.001, seed 0, on the wasm backend." */
export function trainingBudget(file: WeightsFile): string {
  const c = file.config;
  return `Trained for ${c.steps.toLocaleString('en')} Adam steps of batch ${c.batch} at learning rate ${c.learningRate}, seed ${c.seed}${file.provenance ? `, on the ${file.provenance.backend} backend` : ''}.`;
}

/** The method: training, the monosemanticity rules and the motif detector, with the shipped sweep's provenance and the live backend. */
export function methodSection(sweep: WeightsFile | null, liveBackend: string | null): TemplateResult {
  const c = sweep?.config;
  return html`
    <section id="method" class="prose" data-section="method">
      <h2>${SECTION_TITLES.method}</h2>
      <h3>Training</h3>
      <p>
        ${
          c
            ? html`Each shipped model of the sweep was trained with Adam (β = 0.9, 0.999, ε = ${c.adamEpsilon}) for
              ${c.steps.toLocaleString('en')} steps of ${c.batch} examples at a constant learning rate of ${c.learningRate},
              from a normal initialisation with standard deviation ${c.initStd} and zero biases. The small scale matters:
              it is what PyTorch’s Xavier rule gives for the batched tensor the public replications use, and a larger
              one leaves the 1 − S = 0.1 model stuck computing one side of |x| for several features.
              ${
                sweep?.provenance
                  ? html`The sweep was produced by <code>${sweep.provenance.command}</code> on the
                    ${sweep.provenance.backend} backend in ${sweep.provenance.wallSeconds} s.`
                  : ''
              }`
            : ''
        }
        The seven models train side by side as independent instances. Every random number comes from a seeded
        generator keyed by the seed and the feature density, so a model retrained here with the same settings is the
        same model, up to rounding differences between backends.
        ${liveBackend ? html`Your live models are trained on the <strong>${liveBackend}</strong> backend.` : ''}
        The backward pass is written by hand so that every matrix product is a plain two-dimensional one, and examples
        with no active feature, which all produce the same output, are computed once and weighted by their count.
      </p>
      <h3>Measuring monosemanticity</h3>
      <p>
        Neurons are first rescaled so that their largest input weight is 1. A feature is <em>secondary</em> in a neuron
        when its weight is at least ${SECONDARY_WEIGHT} of the largest; a neuron with no secondary feature is
        <em>monosemantic</em>. The shading of a column is its polysemanticity score
        ${tex('p = 1 - w_{\\max}^2 / \\sum_i w_i^2')}, the share of its squared input weight outside its primary
        feature. A feature is <em>computed</em> when, with only that feature active, the model’s output for it rises by
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
        paper describes the motif by example only. The full definitions are in the repository’s docs/analysis.md.
      </p>
    </section>
  `;
}
