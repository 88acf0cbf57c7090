/** Placement of the figures' tooltips, pure so that the edge cases are testable. */

/** A tooltip's top-left corner relative to its container, px. */
export interface TooltipPlacement {
  readonly left: number;
  readonly top: number;
}

/**
 * Puts a `tipWidth`×`tipHeight` tooltip above the anchor point (x, y), both relative to the
 * container, shifted horizontally to stay inside `containerWidth` and flipped below the anchor
 * when there is no room above. `offset` keeps the pointer from covering the text.
 */
export function placeTooltip(
  x: number,
  y: number,
  tipWidth: number,
  tipHeight: number,
  containerWidth: number,
  offset = 10,
): TooltipPlacement {
  const maxLeft = Math.max(0, containerWidth - tipWidth);
  const left = Math.min(maxLeft, Math.max(0, x - tipWidth / 2));
  const above = y - offset - tipHeight;
  const top = above >= 0 ? above : y + offset;
  return { left, top };
}
