/**
 * <sweep-figure>: the sparsity sweep as small multiples, one compact <neuron-stack-plot> per
 * density, titled "1 − S = …" and captioned, above one colour legend shared by all panels.
 * Panels are keyed by density, so live updates reach the existing plots instead of new ones.
 */
import { select } from 'd3';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import '../stack-plot/neuron-stack-plot';
import { drawSuperpositionLegend, LEGEND_HEIGHT } from '../stack-plot/superposition-scale';
import {
  clearFeatureLegend,
  drawFeatureLegend,
  featureLegendEntries,
  featureLegendHeight,
  featuresPresent,
  type StackColouring,
} from '../stack-plot/stack-colouring';
import type { FigureParts, PanelChoice } from '../export/svg-export';
import { densityTitle, panelLabel, panelNotes } from './sweep-layout';
import type { StackPlotData } from '../core/types';
import { vizStyles } from '../core/viz-styles';

/** One small multiple: a model trained at one feature density. */
export interface SweepPanel {
  /** Feature density 1 − S, in (0, 1]; also the panel's key. */
  readonly density: number;
  /** Shown under the panel and in its accessible name, e.g. "38 of 40 neurons monosemantic". */
  readonly caption: string;
  readonly data: StackPlotData;
}

const LEGEND_WIDTH = 240;
/** The feature legend lists up to eleven entries: it gets a wider row than the ramp. */
const FEATURE_LEGEND_WIDTH = 300;

/** Set `panels` (SweepPanel[], in display order) and `label`. */
@customElement('sweep-figure')
export class SweepFigure extends LitElement {
  static override styles = [
    vizStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 230px), 1fr));
        gap: 18px 16px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .title {
        font-size: 13px;
        font-weight: 600;
        margin: 0 0 4px;
        font-variant-numeric: tabular-nums;
      }
      .caption {
        font-size: 12px;
        color: #444;
        margin: 4px 0 0;
      }
      .note {
        font-size: 11px;
        color: #555;
        margin-top: 1px;
      }
      .legend {
        margin-top: 14px;
      }
    `,
  ];

  @property({ attribute: false }) panels: SweepPanel[] = [];

  /** How every panel colours its segments (stack-colouring.ts); the shared legend follows. */
  @property({ reflect: true }) colouring: StackColouring = 'superposition';

  /** Accessible name of the whole figure. */
  @property() label = 'Neuron weights across the sparsity sweep';
  /** The budget and seed of the models drawn, stated on each panel's plot with its density (core/neuron-select.ts); '' and NaN: unstated. */
  @property() budget = '';
  @property({ type: Number }) seed = Number.NaN;

  /** The feature legend's entries: the features any panel draws. */
  private featureEntries() {
    return featureLegendEntries(featuresPresent(this.panels.map((p) => p.data)));
  }

  protected override render() {
    const byFeature = this.colouring === 'feature';
    const legendW = byFeature ? FEATURE_LEGEND_WIDTH : LEGEND_WIDTH;
    const legendH = byFeature ? Math.max(LEGEND_HEIGHT, featureLegendHeight(this.featureEntries(), legendW)) : LEGEND_HEIGHT;
    return html`<div role="group" aria-label=${this.label}>
      <ul class="grid">
        ${repeat(
          this.panels,
          (p) => p.density,
          (p) =>
            html`<li class="panel">
              <p class="title">${densityTitle(p.density)}</p>
              <neuron-stack-plot
                compact
                colouring=${this.colouring}
                data-budget=${this.budget}
                data-seed=${this.seed}
                data-density=${p.density}
                .data=${p.data}
                label=${panelLabel(p.density, p.caption)}
              ></neuron-stack-plot>
              <p class="caption">${p.caption}</p>
              ${panelNotes(p.data).map((note) => html`<p class="caption note">${note}</p>`)}
            </li>`,
        )}
      </ul>
      <svg
        class="legend"
        role="img"
        aria-label=${
          byFeature
            ? 'Colour legend: each feature has one colour in every panel; features 10 and up repeat the hues, muted'
            : 'Colour legend: feature superposition from 0 (orthogonal, dark) to at least 1 (bright)'
        }
        width=${legendW + 8}
        height=${legendH}
      ><g class="legend-body" transform="translate(4,0)"></g></svg>
    </div>`;
  }

  protected override updated(): void {
    const el = this.renderRoot.querySelector<SVGGElement>('g.legend-body');
    if (!el) return;
    const g = select(el);
    if (this.colouring === 'feature') drawFeatureLegend(g, this.featureEntries(), FEATURE_LEGEND_WIDTH);
    else {
      clearFeatureLegend(g);
      drawSuperpositionLegend(g, LEGEND_WIDTH);
    }
  }

  /** The panels' stack plots in panel order, e.g. to wait for their updates. */
  stackPlots(): HTMLElementTagNameMap['neuron-stack-plot'][] {
    return Array.from(this.renderRoot.querySelectorAll('neuron-stack-plot'));
  }

  /** The <svg> of panel `panel` (index into `panels`). */
  svgElement(panel = 0): SVGSVGElement | null {
    return this.stackPlots()[panel]?.svgElement() ?? null;
  }

  /**
   * What <figure-download for=… panel=…> saves: one panel (by index) or all of them ('all', four to
   * a row as on a wide page), each titled "1 − S = …" and captioned, with the shared colour legend.
   */
  exportParts(panel: PanelChoice): FigureParts | null {
    const plots = this.stackPlots();
    const chosen = panel === 'all' ? this.panels.map((_, k) => k) : [panel];
    const panels = chosen.flatMap((k) => {
      const svg = plots[k]?.svgElement();
      const data = this.panels[k];
      return svg && data ? [{ svg, title: densityTitle(data.density), caption: [data.caption, ...panelNotes(data.data)].join('; ') }] : [];
    });
    if (panels.length === 0) return null;
    return { panels, legend: this.renderRoot.querySelector<SVGSVGElement>('svg.legend'), columns: panel === 'all' ? 4 : 1 };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sweep-figure': SweepFigure;
  }
}
