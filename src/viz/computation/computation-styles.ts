/** Styles of <computation-figure>: print-like, light (figures are light islands on dark pages, article.css). */
import { css } from 'lit';
import { vizStyles } from '../core/viz-styles';

export const computationStyles = [
  vizStyles,
  css`
    .band-title {
      fill: #333;
      font-weight: 600;
    }
    .axis-label,
    .neuron-tick,
    .output-tick,
    .input-label {
      fill: #666;
      font-size: 9px;
      font-variant-numeric: tabular-nums;
    }
    .input-strip {
      outline: none;
      cursor: ns-resize;
      touch-action: none;
    }
    .strip-bg {
      fill: #f4f4f7;
    }
    .strip-mid,
    .zero {
      stroke: #888;
      stroke-width: 1;
    }
    .focus-mark {
      fill: none;
      stroke: #111;
      stroke-width: 1.5;
      visibility: hidden;
    }
    .focus-mark.shown {
      visibility: visible;
    }
    .input-strip:focus-visible .strip-bg {
      stroke: #111;
      stroke-width: 1;
    }
    .neuron-bg {
      fill: transparent;
    }
    /* A click or Enter/Space chooses the neuron (neuron-select, computation-neurons.ts). */
    .neuron {
      cursor: pointer;
      outline: none;
    }
    .neuron:focus-visible .neuron-bg {
      stroke: #111;
      stroke-width: 1.5;
    }
    /* Neurons at STRONG_ACTIVATION or more (computation-text.ts), as the summary counts them. */
    .neuron.strong .neuron-bg {
      fill: #f1f3fb;
    }
    .neuron.silenced .neuron-bg {
      fill: #fbeaea;
    }
    .neuron.silenced .activation {
      fill: #b3261e;
      opacity: 0.45;
    }
    .contribution {
      stroke: #fff;
      stroke-width: 0.5;
    }
    .activation {
      fill: #222;
    }
    .pre {
      stroke: #222;
      stroke-width: 1.5;
    }
    .out-bar {
      stroke: none;
    }
    .target {
      stroke: #111;
      stroke-width: 2;
    }
    .miss {
      fill: none;
    }
    .miss.spurious,
    .miss.over {
      fill: #d93a32;
      opacity: 0.35;
    }
    .miss.short {
      fill: none;
      stroke: #d93a32;
      stroke-width: 1;
      stroke-dasharray: 2 2;
    }
    .miss-pole {
      stroke: #a3241c;
      stroke-width: 0.75;
      opacity: 0.7;
    }
    .miss-label {
      fill: #a3241c;
      font-size: 10px;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      margin-top: 0.4rem;
    }
    .controls button {
      font: inherit;
      font-size: 0.85rem;
      padding: 0.25rem 0.6rem;
      border: 1px solid #8a8a96;
      border-radius: 4px;
      background: #f6f6f8;
      color: #1d1d1f;
      cursor: pointer;
    }
    .controls button[aria-pressed='true'] {
      background: #fde8e8;
      border-color: #b3261e;
    }
    .summary,
    .note {
      font-size: 0.85rem;
      line-height: 1.45;
      color: #333;
      margin: 0.4rem 0 0;
    }
    .note {
      color: #5b5b66;
    }
  `,
];
