/**
 * The motif catalogue's markup: a disclosure under the motif section listing, per model of the
 * 100-feature, 40-neuron files, the motif instances the detector finds, each a button that draws
 * its close-up below the table. Draws what it is given (catalogue.ts computes it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDensity } from '../../../viz/core/format';
import type { MotifCloseupData } from '../../../viz/core/types';
import { inhibitionSentence } from '../../../viz/motif/motif-layout';
import { type CatalogueChoice, type CatalogueRow, choiceName, type PageCatalogue } from './catalogue';

export interface CatalogueProps {
  readonly catalogue: PageCatalogue;
  /** The instance drawn, and its close-up; null before any instance is found. */
  readonly choice: CatalogueChoice | null;
  readonly closeup: MotifCloseupData | null;
  /** Why a source is missing, e.g. "the curve grid loads with the density curve…"; null when none is. */
  readonly pending: string | null;
  readonly onChoose: (choice: CatalogueChoice) => void;
  /** The disclosure opened: load what it lists (the curve's grid files). */
  readonly onOpen: () => void;
}

const same = (a: CatalogueChoice | null, b: CatalogueChoice): boolean =>
  !!a && a.source === b.source && a.seed === b.seed && a.density === b.density && a.index === b.index;

function row(r: CatalogueRow, props: CatalogueProps): TemplateResult {
  return html`<tr>
    <td>${r.source}</td>
    <td>${r.seed}</td>
    <td>${formatDensity(r.density)}</td>
    <td class="catalogue-instances">
      ${r.instances.map((m, index) => {
        const choice = { source: r.source, seed: r.seed, density: r.density, index };
        // The accessible name starts with the visible text (WCAG 2.5.3, label in name), then says what it means.
        const shown = `${m.asymmetricNeuron}/${m.inhibitionNeuron} (${m.featureA}, ${m.featureB})`;
        return html`<button
          type="button"
          class="catalogue-instance"
          aria-pressed=${same(props.choice, choice) ? 'true' : 'false'}
          aria-label=${`${shown}: ${choiceName(choice)}, neuron ${m.asymmetricNeuron} asymmetric, neuron ${m.inhibitionNeuron} inhibits; features a = ${m.featureA}, b = ${m.featureB}`}
          @click=${() => props.onChoose(choice)}
        >${shown}</button>`;
      })}
    </td>
  </tr>`;
}

/** The catalogue's disclosure: the table of models with a motif and the chosen instance's close-up. */
export function catalogueMarkup(props: CatalogueProps): TemplateResult {
  const { catalogue, closeup, choice } = props;
  const found = catalogue.rows.filter((r) => r.instances.length > 0);
  const searched = catalogue.rows.length;
  return html`<details id="motif-catalogue" class="motif-catalogue" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && props.onOpen()}>
    <summary>Motif catalogue: every instance in the big models</summary>
    <p class="small">
      Each row is one model of the 100-feature, 40-neuron files with at least one instance
      (${found.length} of the ${searched} models searched). Each button is one instance, written asymmetric neuron /
      inhibition neuron (feature a, feature b); choose one to draw its close-up below the table.
      ${props.pending ?? ''}
    </p>
    <div class="scroll-x table-scroll" role="region" aria-label="Motif catalogue table">
      <table class="catalogue">
        <thead><tr><th scope="col">models</th><th scope="col">seed</th><th scope="col">1 − S</th><th scope="col">instances</th></tr></thead>
        <tbody>${found.map((r) => row(r, props))}</tbody>
      </table>
    </div>
    ${
      closeup && choice
        ? html`<figure>
          <motif-closeup id="motif-catalogue-closeup" .data=${closeup} label=${`Motif close-up: ${choiceName(choice)}`}></motif-closeup>
          <figcaption>
            ${choiceName(choice)}. As the close-ups above: left, the two neurons’ input and output weights on a and b (this model’s
            normalised weights); right, outputs a and b when only a is active, dashed without the inhibition neuron.
            ${inhibitionSentence(closeup)}
          </figcaption>
        </figure>`
        : nothing
    }
  </details>`;
}
