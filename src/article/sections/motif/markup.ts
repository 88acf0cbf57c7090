import { html, nothing, type TemplateResult } from 'lit';
import type { ModelAnalysis } from '../../../model/analysis';
import { densityOf } from '../../state/live-settings';
import { formatCount, formatDensity, plural } from '../../../viz/core/format';
import { FIGURE_NUMBER } from '../../page/article-meta';
import { noted } from '../../page/margin-note';
import { stepOfTotal, timeLeftPhrase } from '../../training/progress';
import { isRunning, type TrainingStatus } from '../../training/training-controller';
import { motifExport } from '../../figures/figure-exports';
import type { MotifView } from './view';
import { fnRef } from '../appendix/markup';
import { SECTION_TITLES } from '../contents/markup';
import { download } from '../../figures/download';
import { motifSentence } from './text';
import { inhibitionSentence } from '../../../viz/motif/motif-layout';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';
import { colouringControl } from '../../figures/colouring-control';

export interface MotifSectionProps {
  /** The motif model drawn (shipped, or retrained in this browser); null when its file did not load. */
  readonly view: MotifView | null;
  readonly status: TrainingStatus;
  readonly onRetrain: () => void;
  readonly onCancel: () => void;
  /** Puts the shipped motif model back after a retrained one stopped or finished. */
  readonly onRestore: () => void;
  /** In place of the figure's text while there is no view: the file loading, or its failure with a Retry. */
  readonly unavailable?: unknown;
  /** How the small model was chosen, from the search's record (search.ts); '' without one. */
  readonly search: string;
  /** The big models' totals in words (catalogue.ts catalogueSentence), and what is not counted yet. */
  readonly bigModels: string;
  /** Which sources the totals leave out and why ("Not counted yet: …"), or ''. */
  readonly notCounted: string;
  /** The catalogue's disclosure (catalogue-markup.ts). */
  readonly catalogue: TemplateResult;
  /** Opens the catalogue (the link in the text). */
  readonly onShowCatalogue: () => void;
  /** How the stack plot colours its segments (default 'feature': the motif is about which feature is which), and the reader's choice of it. */
  readonly colouring?: StackColouring;
  readonly onColouringChange?: (colouring: StackColouring) => void;
}

/** Retraining the motif model: the button, the run's progress, or the way back to the shipped model. */
function retrainControls(props: MotifSectionProps): TemplateResult {
  const { status } = props;
  if (isRunning(status, 'motif')) {
    return html`<button type="button" @click=${props.onCancel}>Stop retraining</button>
      <span class="status-line" id="motif-status"
        >Retraining the motif model: ${[stepOfTotal(status), timeLeftPhrase(status)].filter(Boolean).join(' · ')}</span
      >`;
  }
  const retrain = html`<button type="button" @click=${props.onRetrain}>Retrain the motif model here</button>
    <span class="small">Same seed and settings: it should find the same model.</span>`;
  const ended = props.status.target === 'motif' ? props.status : null;
  return ended?.snapshot ? html`<button type="button" @click=${props.onRestore}>Restore the shipped model</button> ${retrain}` : retrain;
}

/** "6 are", "1 is", "none is": a count of neurons as a subject with its verb. */
const are = (count: number): string => (count === 0 ? 'none is' : `${count} ${count === 1 ? 'is' : 'are'}`);

/** What every neuron of the motif model does: plain |x| neurons, motif neurons, and the rest. */
function decomposition(analysis: ModelAnalysis): TemplateResult {
  const motifNeurons = new Set(analysis.motifs.flatMap((m) => [m.asymmetricNeuron, m.inhibitionNeuron]));
  const plain = analysis.neurons.filter((n) => n.kind === 'monosemantic' && !motifNeurons.has(n.neuron)).length;
  const rest = analysis.neurons.length - plain - motifNeurons.size;
  const instances = analysis.motifs.length === 1 ? 'the motif' : `the ${analysis.motifs.length} motif instances`;
  const motif = motifNeurons.size === 0 ? '' : `, ${motifNeurons.size} make up ${instances}`;
  const others =
    rest === 0
      ? 'none is left over'
      : `${rest === 1 ? 'the one left over carries' : `the other ${rest} carry`} mostly small weights that act as conditional biases`;
  return html`Of its ${analysis.neurons.length} neurons, ${are(plain)} plain |x| neurons (each reads one feature, on one
    side)${motif}, and ${others}.`;
}

/** How to read the short labels a narrow plot uses, with the first motif's own neurons: “8 · A1” is neuron 8, … */
function shortLabelKey(analysis: ModelAnalysis): string {
  const first = analysis.motifs[0];
  if (!first) return '';
  return ` On a narrow screen the labels are short: “${first.asymmetricNeuron} · A1” is neuron ${first.asymmetricNeuron}, the asymmetric neuron of motif 1, and “${first.inhibitionNeuron} · I1” its inhibition neuron.`;
}

/** The motif section: the motif explained, the small model's figure, one close-up per motif instance, and its retrain controls. */
export function motifSection(props: MotifSectionProps): TemplateResult {
  const { view, status } = props;
  const analysis = view?.analysis;
  const config = view?.config;
  return html`
    <section id="motif" data-section="motif">
      <div class="prose">
        <h2>${SECTION_TITLES.motif}</h2>
        <p>
          How can one neuron compute with two features without mixing them up? In a smaller model the paper found a
          recurring answer, the <em>asymmetric superposition motif</em> (Elhage et al. 2022)<sup
            ><a href="#ref-toy" aria-label="Reference 1">[1]</a></sup
          >. It takes two neurons.
        </p>
        <p>
          An <em>asymmetric neuron</em> reads feature a strongly and feature b weakly, and writes the other way round:
          weakly onto a’s output and strongly onto b’s. When b alone is active, the weak input and strong output cancel and
          the neuron computes |x<sub>b</sub>|, with only a little spilling onto a. When a alone is active, the same neuron
          pushes a large value onto b’s output. An <em>inhibition neuron</em> fixes that: it also reads a, and writes a
          large negative weight onto b’s output, so a’s push onto b ends up below zero, where b’s output ReLU clips it.
        </p>
        ${
          analysis && config
            ? html`${noted(
                html`<aside class="margin-note" id="motif-config-note">
                The small model: n = ${config.n} features, m = ${config.m} neurons, 1 − S = ${formatDensity(densityOf(config))},
                seed ${config.seed}, ${formatCount(config.steps)} steps.
              </aside>`,
                html`<p>
                Figure ${FIGURE_NUMBER.motifModel} shows the small model we trained${fnRef('motifSize')}, searched with the
                detector described in the method section. The detector finds
                ${analysis.motifs.length === 0 ? 'no instance' : plural(analysis.motifs.length, 'instance')} of the motif.
                ${decomposition(analysis)}
              </p>`,
              )}
              ${analysis.motifs.length > 0 ? html`<p id="motif-instances">${analysis.motifs.map((m, k) => `${motifSentence(m, `instance ${k + 1}`)} `)}</p>` : nothing}
            <p id="motif-frequency">
              ${props.search} The big models show the motif too: in the 100-feature, 40-neuron files the same detector finds
              ${props.bigModels} (<a href="#motif-catalogue" @click=${props.onShowCatalogue}>the catalogue</a> lists them and
              draws any one). ${props.notCounted}
            </p>`
            : (props.unavailable ?? html`<p class="small">The motif model’s weights are not available.</p>`)
        }
      </div>
      ${
        view
          ? html`<figure>
            <neuron-stack-plot id="motif-plot" data-budget="motif" colouring=${props.colouring ?? 'feature'} .data=${view.plot} label="Neuron weights of the small motif model, motif neurons outlined"></neuron-stack-plot>
            ${props.onColouringChange ? colouringControl('motif', props.colouring ?? 'feature', props.onColouringChange) : nothing}
            ${download('motif-plot', motifExport(view.exportSource), 'the motif model’s stack plot')}
            <figcaption>
              <span class="figure-number">Figure ${FIGURE_NUMBER.motifModel}.</span> The small model’s neurons, ${view.source}; motif neurons are outlined and labelled with their numbers, as
              in the text. ${(props.colouring ?? 'feature') === 'feature' ? 'Each feature keeps one colour in every neuron, as in the close-ups.' : `Segments are coloured by their feature’s superposition, as in Figure ${FIGURE_NUMBER.sweep}.`}${shortLabelKey(view.analysis)}
            </figcaption>
          </figure>`
          : nothing
      }
      ${(view?.closeups ?? []).map(
        (closeup, k) => html`<figure>
          <motif-closeup id=${`motif-closeup-${k}`} .data=${closeup}></motif-closeup>
          ${view ? download(`motif-closeup-${k}`, motifExport(view.exportSource, { index: k, title: closeup.title }), `motif ${k + 1}’s close-up`) : nothing}
          <figcaption>
            <span class="figure-number">Figure ${FIGURE_NUMBER.firstMotifCloseup + k}.</span> Motif instance ${k + 1}. Left: the two neurons’ input weights (in) and output weights (out, the
            neuron’s column of W2 onto a’s and b’s outputs) on a and b, rescaled as in Figure ${FIGURE_NUMBER.motifModel}.
            Right: outputs a and b when only a is active; dashed, the same model with the inhibition neuron removed.
            Without it, b’s output rises with a; with it, b stays at zero. ${inhibitionSentence(closeup)}
          </figcaption>
        </figure>`,
      )}
      <div class="controls">${retrainControls(props)}</div>
      <div class="prose">${props.catalogue}</div>
      ${status.target === 'motif' && status.message ? html`<p class="notice" role="alert">${status.message}</p>` : nothing}
    </section>
  `;
}
