/** The your-model section's table of ± pairs (analysis pairs), folded under a summary line. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Carrier, FeaturePair } from '../../../model/analysis';
import { formatNumber, plural } from '../../../viz/core/format';
import { PAIR_ROWS, type YourInstanceView } from './view';

const carriers = (side: readonly Carrier[]): string =>
  side.length === 0 ? '—' : side.map((c) => `neuron ${c.neuron} (${formatNumber(c.gain)})`).join(', ');

/** The ± pairs of one instance: for each feature with a computed side, the neurons carrying each side and their gains. */
export function pairsTable(pairs: readonly FeaturePair[], counts: YourInstanceView['pairCounts']): TemplateResult {
  return html`<details class="your-pairs">
    <summary>± pairs: ${plural(counts.both, 'feature')} computed on both sides, ${counts.all - counts.both} on one</summary>
    <p class="small">
      For each feature with a computed side: the neurons computing ReLU(x_i) and ReLU(−x_i) onto its output, each with its
      gain W2·|W1| (1 is the whole side).
    </p>
    <div class="scroll-x table-scroll" role="region" aria-label="± pairs table">
      <table class="counts">
        <thead><tr><th scope="col">feature</th><th scope="col">ReLU(x) side</th><th scope="col">ReLU(−x) side</th></tr></thead>
        <tbody>
          ${pairs
            .slice(0, PAIR_ROWS)
            .map(
              (p) =>
                html`<tr><td>${p.feature}</td><td class="carriers">${carriers(p.positive)}</td><td class="carriers">${carriers(p.negative)}</td></tr>`,
            )}
        </tbody>
      </table>
    </div>
    ${counts.all > PAIR_ROWS ? html`<p class="small">and ${plural(counts.all - PAIR_ROWS, 'more feature')}.</p>` : nothing}
  </details>`;
}
