/**
 * The stack-plot embed's markup (`?embed=stack`): one stack plot of a shipped model, its download
 * buttons and a caption naming the model. Drawn only in embed mode, so it has no heading or prose.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDensity } from '../../../viz/core/format';
import { download } from '../../figures/download';
import { sweepExport } from '../../figures/figure-exports';
import type { StackView } from './view';

export interface StackSectionProps {
  /** Null while the sweep loads, or when it did not. */
  readonly view: StackView | null;
  /** In place of the figure while there is no view: the file loading, or why it is missing. */
  readonly unavailable: string;
}

/** The section: the figure, or a line saying why there is none. */
export function stackSection({ view, unavailable }: StackSectionProps): TemplateResult {
  if (!view) {
    return html`<section id="stack" data-section="stack"><p class="notice" role="status">${unavailable}</p></section>`;
  }
  const level = formatDensity(view.density);
  return html`<section id="stack" data-section="stack">
    <figure>
      <neuron-stack-plot
        id="stack-plot"
        data-figure="stack"
        data-budget=${view.budget}
        data-seed=${view.seed}
        data-density=${view.density}
        .data=${view.plot}
        label=${`Neuron weights at 1 − S = ${level}, ${view.source}`}
      ></neuron-stack-plot>
      ${download('stack-plot', sweepExport(view.exportSource, view.density), 'the stack plot')}
      <figcaption>
        The model at 1 − S = ${level} from ${view.source}: ${view.counts}. One column per hidden neuron, one segment per
        feature of height |W1[j,i]|, positive weights above the axis and negative below, after rescaling each neuron so that its
        largest weight is 1; segments are coloured by how much their feature is in superposition, columns sorted by the most
        important feature each neuron reads. ${view.notes.length > 0 ? html`<span class="embed-note">${view.notes.join(' ')}</span>` : nothing}
      </figcaption>
    </figure>
  </section>`;
}
