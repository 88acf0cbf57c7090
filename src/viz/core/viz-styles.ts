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
`;
