/** Styles shared by the figure components: print-like, system fonts only, readable on white. */
import { css } from 'lit';

/** The :host, <svg>, axis, visually hidden (.sr-only) and tooltip styles every figure starts from. */
export const vizStyles = css`
  /* A figure takes the width its container gives it and draws at that width. inline-size
     containment keeps the drawn <svg> from becoming the element's minimum width, which in a grid or
     flex container would hold the container at the width first drawn (the 640 px fallback). */
  :host {
    display: block;
    position: relative;
    contain: inline-size;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    color: #222;
  }
  svg {
    display: block;
    overflow: visible;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    font-size: 11px;
  }
  svg text {
    fill: #333;
  }
  .axis path,
  .axis line {
    stroke: #999;
  }
  .axis text {
    fill: #555;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .tooltip {
    position: absolute;
    z-index: 2;
    max-width: min(340px, 100%);
    box-sizing: border-box;
    padding: 4px 7px;
    border-radius: 3px;
    background: rgba(25, 25, 25, 0.92);
    color: #fff;
    font-size: 12px;
    line-height: 1.35;
    pointer-events: none;
    white-space: normal;
  }
  .tooltip[hidden] {
    display: none;
  }

  /* Forced colours (Windows High Contrast and the like): the browser does not recolour SVG paint,
     so the figures do. Text, axes, rules and outlines take the system colours (CanvasText on Canvas,
     GrayText for faint guides, Highlight for what the reader points at); filled marks keep their
     data colours but gain a CanvasText outline, so each stays visible on any Canvas. Lines of data
     series keep their hue and dash, which the legends name. Figures add their own marks below. */
  @media (forced-colors: active) {
    :host,
    .title,
    .caption,
    .note {
      color: CanvasText !important;
    }
    /* Text a figure tints itself (summaries, labels) follows the system's text colour; its controls the button colours. */
    *:not(button, select, input, option, a) {
      color: inherit !important;
    }
    button,
    select,
    input {
      color: ButtonText !important;
      background-color: ButtonFace !important;
      border-color: ButtonText !important;
    }
    svg text,
    svg tspan {
      fill: CanvasText !important;
    }
    svg text[paint-order],
    svg .column-label,
    svg .clip-label {
      stroke: Canvas !important;
    }
    svg line:not(.entry line),
    svg .domain,
    svg .zero,
    svg .leader,
    svg .outline,
    svg .primary-outline,
    svg .clip-arrow {
      stroke: CanvasText !important;
    }
    svg .unit-guide,
    svg .paper-rule,
    svg .reference {
      stroke: GrayText !important;
    }
    svg .clip-gap {
      stroke: Canvas !important;
    }
    svg .feature-bin,
    svg .bar,
    svg .band,
    svg .dot,
    svg .diamond,
    svg .count-bars,
    svg rect.swatch,
    svg .entry rect {
      stroke: CanvasText !important;
      stroke-width: 0.6px !important;
    }
    svg .count-bars {
      fill: GrayText !important;
    }
    svg .column .bg {
      fill: CanvasText !important;
    }
    svg .chosen-rule,
    svg .column-mark,
    svg .feature-mark,
    svg .marker,
    svg .slider-rule {
      stroke: Highlight !important;
    }
    svg .hit {
      fill: transparent !important;
    }
    svg .hit:focus-visible,
    svg .column:focus-visible .bg {
      stroke: Highlight !important;
      stroke-width: 2px !important;
    }
    .tooltip {
      background: Canvas;
      color: CanvasText;
      border: 1px solid CanvasText;
    }
  }
`;

/**
 * The small bordered buttons figures put under themselves (SVG/PNG downloads, the training
 * timeline's Replay and Latest). What "disabled" looks like stays with each figure: a download
 * in progress and a timeline at its end mean different things.
 */
export const figureButtonStyles = css`
  button {
    font: inherit;
    color: #222;
    background: #fff;
    border: 1px solid #9a9a9a;
    border-radius: 3px;
    padding: 2px 8px;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: #f2f2f2;
  }
  button:focus-visible {
    outline: 2px solid #1a5fb4;
    outline-offset: 1px;
  }
`;
