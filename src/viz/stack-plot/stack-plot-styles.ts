/** The stack plot's styles: dark column shading, the marks on what is being read, the highlights in magenta. */
import { css, unsafeCSS } from 'lit';
import { vizStyles } from '../core/viz-styles';

/** The colour of the highlighted columns' outlines, labels and leader lines. */
const HIGHLIGHT_COLOUR = '#c2255c';

export const stackPlotStyles = [
  vizStyles,
  css`
    .column {
      outline: none;
      /* A click chooses the neuron (neuron-select). */
      cursor: pointer;
    }
    .column .bg {
      fill: #1a1a2e;
    }
    .column:focus-visible .bg {
      stroke: #111;
      stroke-width: 1.5;
    }
    .feature-bin {
      pointer-events: none;
    }
    .unit-guide {
      stroke: #777;
      stroke-width: 0.8;
      stroke-dasharray: 3 3;
    }
    .neuron-tick {
      fill: #666;
      font-size: 9px;
    }
    .feature-mark {
      fill: none;
      stroke: #000;
      stroke-width: 1.2;
      pointer-events: none;
      visibility: hidden;
    }
    .feature-mark.shown,
    .column-mark.shown,
    .column-label.shown {
      visibility: visible;
    }
    .column-mark {
      fill: none;
      stroke: #111;
      stroke-width: 1;
      stroke-dasharray: 2 2;
      pointer-events: none;
      visibility: hidden;
    }
    .column-label {
      font-size: 10px;
      font-weight: 700;
      fill: #111;
      stroke: #fff;
      stroke-width: 3px;
      paint-order: stroke;
      pointer-events: none;
      visibility: hidden;
    }
    .primary-outline {
      fill: none;
      stroke: #111;
      stroke-width: 1;
      pointer-events: none;
    }
    .clip-gap {
      fill: none;
      stroke: #fff;
      stroke-width: 1.5;
      pointer-events: none;
    }
    .clip-arrow {
      fill: none;
      stroke: #111;
      stroke-width: 1.2;
      pointer-events: none;
    }
    .clip-label {
      font-size: 8px;
      font-weight: 700;
      fill: #111;
      stroke: #fff;
      stroke-width: 2.5px;
      paint-order: stroke;
      pointer-events: none;
    }
    .count-bars {
      fill: #767676;
      pointer-events: none;
    }
    .count-title {
      font-size: 8px;
      fill: #555;
    }
    .zero {
      stroke: #444;
      stroke-width: 1;
    }
    .outline {
      fill: none;
      stroke: ${unsafeCSS(HIGHLIGHT_COLOUR)};
      stroke-width: 1.5;
      pointer-events: none;
    }
    .highlight-label {
      fill: ${unsafeCSS(HIGHLIGHT_COLOUR)};
      font-weight: 600;
    }
    .leader {
      stroke: ${unsafeCSS(HIGHLIGHT_COLOUR)};
      stroke-width: 0.8;
    }
    :host([compact]) .axis text {
      font-size: 9px;
    }
    .x-caption,
    .legend-tick {
      fill: #555;
    }
    .legend-title {
      fill: #333;
    }
  `,
];
