/**
 * Where the computation figure's miss labels go (pure, tested in Node): each label is a flag, its
 * text in one of a few rows above the output band and a thin pole from under the text straight
 * down to its own output, so that a reader can tell which output each number belongs to even
 * where outputs are a few px apart (100 outputs at 1280 px are 11 px apart; a label is ~33 px).
 *
 * Rows count upward from the band (row 0 is nearest). A flag's text starts just right of its pole,
 * or, for the run of crowded neighbours that reaches the plot's right edge, ends just left of it
 * (moved inward as far as it must to stay in the plot); its pole runs down through every row below its own. Two flags conflict when their texts share a row and come within FLAG_GAP px, or
 * when one's text lies across the other's pole (a row below the other's, covering its x). Flags are
 * placed right to left (those written leftward: left to right, after), each in the lowest row
 * where it conflicts with none placed before: a cluster of neighbouring outputs becomes a
 * staircase rising to the left (to the right at the right edge). Where no row is free of conflicts (a text moved inward lying across a pole), the
 * flag takes a new row on top, where its text meets no other text: texts never overlap.
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
  const byAnchor = requests.map((_, k) => k).sort((p, q) => at(requests, p).anchor - at(requests, q).anchor || p - q);
  // Texts go right of their poles, except for the run of neighbours that reaches the right edge.
  const leftward = new Set<number>();
  for (let i = byAnchor.length - 1; i >= 0; i--) {
    const r = at(requests, byAnchor[i] as number);
    const next = byAnchor[i + 1];
    const fits = r.anchor + POLE_OFFSET + r.width <= plotWidth;
    const crowded = next !== undefined && leftward.has(next) && at(requests, next).anchor - r.anchor < r.width + POLE_OFFSET + FLAG_GAP;
    if (!fits || crowded) leftward.add(byAnchor[i] as number);
  }
  // Rightward texts right to left (a staircase rising to the left), then leftward ones left to right.
  const order = [...byAnchor.filter((k) => !leftward.has(k)).reverse(), ...byAnchor.filter((k) => leftward.has(k))];
  const placed: Flag[] = [];
  const result: Flag[] = new Array(requests.length);
  for (const k of order) {
    const r = at(requests, k);
    const x = leftward.has(k) ? r.anchor - POLE_OFFSET - r.width : r.anchor + POLE_OFFSET;
    const inside = Math.max(0, Math.min(plotWidth - r.width, x));
    // Row `top` is empty: a new row on top, the fallback when every row below conflicts.
    const top = placed.reduce((rows, f) => Math.max(rows, f.row + 1), 0);
    let row = 0;
    while (row < top && placed.some((f) => flagsConflict(f, { ...r, x: inside, row }))) row++;
    const flag = { ...r, x: inside, row };
    placed.push(flag);
    result[k] = flag;
  }
  return result;
}

const at = (requests: readonly FlagRequest[], k: number): FlagRequest => requests[k] as FlagRequest;
