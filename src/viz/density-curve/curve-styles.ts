/** The density curve's styles: the converged grid in blue, the replication budget in orange, the rules. */
import { css, unsafeCSS } from 'lit';
import { vizStyles } from '../core/viz-styles';
import { CURVE_COLOURS } from './curve-layout';

const CONVERGED = unsafeCSS(CURVE_COLOURS.converged);
const REPLICATION = unsafeCSS(CURVE_COLOURS.replication);
const ONE_SIDE = unsafeCSS(CURVE_COLOURS.oneSide);
const OUTLIER = unsafeCSS(CURVE_COLOURS.outlier);

export const curveStyles = [
  vizStyles,
  css`
    .band {
      fill: ${CONVERGED};
      fill-opacity: 0.18;
    }
    .median {
      fill: none;
      stroke: ${CONVERGED};
      stroke-width: 1.8;
    }
    .dot {
      fill: ${CONVERGED};
    }
    .replication {
      fill: none;
      stroke: ${REPLICATION};
      stroke-width: 1.4;
      stroke-dasharray: 2 3;
    }
    .one-side {
      fill: none;
      stroke: ${ONE_SIDE};
      stroke-width: 1;
      stroke-dasharray: 1 2;
    }
    .diamond {
      fill: ${REPLICATION};
    }
    .outlier {
      fill: none;
      stroke: ${OUTLIER};
      stroke-width: 2;
    }
    .paper-rule {
      stroke: #ddd;
    }
    .reference {
      stroke: #888;
      stroke-dasharray: 4 3;
    }
    .panel-title {
      fill: #444;
    }
    .panel-title {
      font-weight: 600;
    }
    .chosen-rule {
      stroke: #111;
      stroke-width: 1.2;
    }
    .slider-rule {
      stroke: #c2255c;
      stroke-width: 1.5;
      stroke-dasharray: 5 3;
    }
    .hit {
      fill: transparent;
      cursor: crosshair;
      outline: none;
    }
    .hit:focus-visible {
      fill: rgba(59, 91, 219, 0.1);
      stroke: #111;
    }
  `,
];
