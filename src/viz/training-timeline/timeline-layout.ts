/** Pure parts of <training-timeline>, tested in Node. */

/**
 * The frame a replay of `count` frames starts from, given the frame drawn (`from`): that frame,
 * unless it is the last one (or out of range), in which case the first, so Replay at the end of a
 * run plays the whole run. Undefined when there is nothing to replay (fewer than two frames).
 */
export function replayStart(count: number, from: number): number | undefined {
  if (count < 2) return undefined;
  return from >= count - 1 || from < 0 || !Number.isFinite(from) ? 0 : Math.floor(from);
}
