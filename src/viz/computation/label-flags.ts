/**
 * Where the computation figure's miss labels go (pure, tested in Node): each label is a flag, its
 * text in one of a few rows above the output band and a thin pole from under the text straight
 * down to its own output, so that a reader can tell which output each number belongs to even
 * where outputs are a few px apart (100 outputs at 1280 px are 11 px apart; a label is ~33 px).
 *
 * Rows count upward from the band (row 0 is nearest). A flag's text starts just right of its pole
 * (moved left as far as it must to end inside the plot); its pole runs down through every row
 * below its own. Two flags conflict when their texts share a row and come within FLAG_GAP px, or
 * when one's text lies across the other's pole (a row below the other's, covering its x). Flags are
 * placed right to left, each in the lowest row where it conflicts with none placed before: a
 * cluster of neighbouring outputs becomes a staircase rising to the left. Where no row is free of
 * conflicts (possible only for a text moved in from the right edge, lying across a pole), the flag
 * takes a new row on top, where its text meets no other text: texts never overlap.
 */

/** A label to place: its key (the output's feature), the x of its output's centre and its text's width, px. */
export interface FlagRequest {
  readonly key: number;
  readonly anchor: number;
  readonly width: number;
}

/** A placed label: its text spans [x, x + width] in row `row`; its pole stands at `anchor`. */
export interface Flag extends FlagRequest {
  readonly x: number;
  readonly row: number;
}

/** Least distance between two texts in a row, and between a text and a pole it passes, px. */
export const FLAG_GAP = 4;
/** Gap between a pole and the start of its own text, px. */
const POLE_OFFSET = 2;

/** Whether [lo, hi] comes within `gap` of [lo2, hi2]. */
const near = (lo: number, hi: number, lo2: number, hi2: number, gap: number): boolean => lo < hi2 + gap && lo2 < hi + gap;

/** Whether two flags conflict (see the module comment). */
export function flagsConflict(p: Flag, q: Flag): boolean {
  if (p.row === q.row) return near(p.x, p.x + p.width, q.x, q.x + q.width, FLAG_GAP);
  const [low, high] = p.row < q.row ? [p, q] : [q, p];
  // The higher flag's pole passes the lower one's row; the lower one's text must keep clear of it.
  return near(low.x, low.x + low.width, high.anchor, high.anchor, FLAG_GAP / 2);
}

/**
 * Places `requests` as flags inside a plot `plotWidth` px wide (see the module comment). Returns
 * the flags in the requests' order. A text wider than the plot starts at 0.
 */
export function placeFlags(requests: readonly FlagRequest[], plotWidth: number): Flag[] {
  const order = requests.map((_, k) => k).sort((p, q) => requests[q]!.anchor - requests[p]!.anchor || q - p);
  const placed: Flag[] = [];
  const result: Flag[] = new Array(requests.length);
  for (const k of order) {
    const r = requests[k] as FlagRequest;
    const x = Math.max(0, Math.min(plotWidth - r.width, r.anchor + POLE_OFFSET));
    // Row `top` is empty: a new row on top, the fallback when every row below conflicts.
    const top = placed.reduce((rows, f) => Math.max(rows, f.row + 1), 0);
    let flag: Flag = { ...r, x, row: top };
    for (let row = 0; row < top; row++) {
      const candidate = { ...r, x, row };
      if (!placed.some((f) => flagsConflict(f, candidate))) {
        flag = candidate;
        break;
      }
    }
    placed.push(flag);
    result[k] = flag;
  }
  return result;
}
