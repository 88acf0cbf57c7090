/** Flow layout of legend entries into rows, for legends drawn inside SVGs (which do not wrap). */

/** Where one legend entry goes: its index in the input, its left edge (px) and its row (0 first). */
export interface LegendSlot {
  readonly index: number;
  readonly x: number;
  readonly row: number;
}

/**
 * Places entries of the given widths left to right, starting a new row when the next entry would
 * pass `maxWidth`. An entry wider than `maxWidth` gets a row of its own.
 */
export function flowLegend(widths: readonly number[], maxWidth: number, gap = 14): LegendSlot[] {
  const slots: LegendSlot[] = [];
  let x = 0;
  let row = 0;
  widths.forEach((w, index) => {
    if (x > 0 && x + w > maxWidth) {
      row += 1;
      x = 0;
    }
    slots.push({ index, x, row });
    x += w + gap;
  });
  return slots;
}

/** Rough text width for the 11 px system-ui labels: good enough to avoid overlaps, no DOM needed. */
export function estimateTextWidth(text: string, fontSize = 11): number {
  return text.length * fontSize * 0.58;
}
