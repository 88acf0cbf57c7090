import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatCount, formatDensity } from '../../../viz/core/format';
import type { NeuronResponseData } from '../../../viz/neuron-response/response-layout';
import '../../../viz/neuron-response/neuron-response';
import { SECTION_TITLES } from '../contents/markup';
import { CLAIM_LEVELS } from './claim';
import type { ClaimRow } from './view';

export interface NeuronResponseProps {
  readonly level: number;
  readonly seed: number;
  readonly seeds: readonly number[];
  /** Why the model shown is not the one the neuron was clicked in (view.ts sourceNote), or null. */
  readonly sourceNote: string | null;
  readonly neuron: number;
  /** Neurons of the chosen model (m). */
  readonly neurons: number;
  /** The chosen neuron's data, or null while it is measured. */
  readonly data: NeuronResponseData | null;
  /** Why there is no figure (loading, measuring, or an error); null once it is drawn. */
  readonly figureStatus: string | null;
  /** Inputs drawn per model in the browser, and their seed. */
  readonly browserSamples: number;
  readonly browserSeed: number;
  /** The claim's sentences and table, or the reason they are missing. */
  readonly claim: readonly string[];
  readonly rows: readonly ClaimRow[];
  readonly claimStatus: string | null;
  readonly onLevel: (level: number) => void;
  readonly onSeed: (seed: number) => void;
  readonly onNeuron: (neuron: number) => void;
}

const selectValue = (e: Event): number => Number((e.target as HTMLSelectElement).value);

function controls(props: NeuronResponseProps): TemplateResult {
  return html`<div class="controls">
    <label
      >1 − S
      <select id="neuron-response-level" @change=${(e: Event) => props.onLevel(selectValue(e))}>
        ${CLAIM_LEVELS.map((d) => html`<option value=${d} ?selected=${d === props.level}>${formatDensity(d)}</option>`)}
      </select></label
    >
    <label
      >Seed
      <select id="neuron-response-seed" @change=${(e: Event) => props.onSeed(selectValue(e))}>
        ${props.seeds.map((s) => html`<option value=${s} ?selected=${s === props.seed}>${s}</option>`)}
      </select></label
    >
    <label
      >Neuron
      <select id="neuron-response-neuron" @change=${(e: Event) => props.onNeuron(selectValue(e))}>
        ${Array.from({ length: props.neurons }, (_, j) => html`<option value=${j} .selected=${live(j === props.neuron)}>${j}</option>`)}
      </select></label
    >
  </div>`;
}

function claimTable(rows: readonly ClaimRow[]): TemplateResult | typeof nothing {
  if (rows.length === 0) return nothing;
  return html`<p class="table-caption" id="neuron-claim-caption">
      Medians over each model’s polysemantic neurons of the share of activations whose largest contribution is the
      neuron’s primary feature: in the top 1% and in the rest, with the floor and without it.
    </p>
    <div class="scroll-x table-scroll" role="region" aria-labelledby="neuron-claim-caption">
      <table class="counts" id="neuron-claim-table" aria-labelledby="neuron-claim-caption">
        <thead>
          <tr>
            <th scope="col">1 − S</th>
            <th scope="col">seed</th>
            <th scope="col">polysemantic neurons</th>
            <th scope="col">top 1%, floor</th>
            <th scope="col">rest, floor</th>
            <th scope="col">features sharing the rest</th>
            <th scope="col">top 1%, no floor</th>
            <th scope="col">rest, no floor</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              <td>${r.density}</td>
              <td>${r.seed}</td>
              <td>${r.polysemantic}</td>
              <td>${r.top}</td>
              <td>${r.rest}</td>
              <td>${r.effective}</td>
              <td>${r.topWithoutFloor}</td>
              <td>${r.restWithoutFloor}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** The section: the claim in numbers, the model and neuron controls, the figure, and the table. */
export function neuronResponseSection(props: NeuronResponseProps): TemplateResult {
  return html`<section id="neuron-response" data-section="neuron-response">
    <div class="prose">
      <h2>${SECTION_TITLES['neuron-response']}</h2>
      <p>
        The paper says that a polysemantic neuron’s largest activations come from its primary feature, while its weaker
        ones mix many features. Each input below is drawn at the model’s density; an activation is attributed to the
        feature whose term W1[j,i]·x<sub>i</sub> contributes most to it (its dominant feature).
      </p>
      ${props.claimStatus ? html`<p class="notice" role="status">${props.claimStatus}</p>` : html`<p id="neuron-claim">${props.claim.join(' ')}</p>`}
    </div>
    ${controls(props)}
    ${props.sourceNote ? html`<p class="notice" role="status" id="neuron-response-source">${props.sourceNote}</p>` : nothing}
    <figure>
      ${props.figureStatus ? html`<p class="notice" role="status" id="neuron-response-status">${props.figureStatus}</p>` : nothing}
      <neuron-response id="neuron-response-figure" .data=${props.data}></neuron-response>
      <figcaption>
        Activations of neuron ${props.neuron} of the converged model at 1 − S = ${formatDensity(props.level)}, seed
        ${props.seed}, over ${formatCount(props.browserSamples)} inputs drawn here from input seed ${props.browserSeed}
        (the numbers in the text and table use more). Bars count inputs on a log scale; each bar is split by the dominant
        feature, in proportion to its count. The dashed rule is the floor, 0.1 × the neuron’s largest weight; activations
        left of it are not counted in the shares.
      </figcaption>
    </figure>
    ${claimTable(props.rows)}
  </section>`;
}
