/** Styles of <neuron-response>: the shared figure styles, the floor rule and the top-inputs list. */
import { css } from 'lit';
import { vizStyles } from '../core/viz-styles';

export const responseStyles = [
  vizStyles,
  css`
    .below-floor {
      fill: #f1f1f1;
    }
    .bar.below rect {
      opacity: 0.55;
    }
    .floor {
      stroke: #333;
      stroke-dasharray: 4 3;
    }
    .floor-label {
      font-size: 11px;
    }
    .axis .domain {
      stroke: #999;
    }
    .axis-title {
      fill: #555;
    }
    .list-title {
      margin: 0.5em 0 0.25em;
      font-size: 0.85rem;
    }
    .top-inputs {
      margin: 0;
      padding-left: 1.6em;
      font-size: 0.85rem;
      line-height: 1.5;
      font-variant-numeric: tabular-nums;
    }
    .swatch {
      display: inline-block;
      width: 0.7em;
      height: 0.7em;
      margin-right: 0.2em;
      border: 1px solid #0003;
    }
  `,
];
