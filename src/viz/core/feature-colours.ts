/**
 * Colour by feature: each feature keeps one colour in every figure and every neuron, so a reader can
 * follow it (issue 23, item 3). The superposition colouring (superposition-scale.ts) answers another
 * question, how shared a feature is, and stays available beside it.
 *
 * The scheme, for n up to a few hundred features indexed by decreasing importance (I_i = 0.8^i):
 * - Features 0–9 get ten distinct hues (Tableau 10, d3's schemeTableau10): about as many hues as a
 *   reader tells apart at a glance, and designed to stay apart for the common colour-vision
 *   deficiencies better than a rainbow. With I_i = 0.8^i, features 0–9 carry 89% of the total
 *   importance, and the trained models represent fewer than 30 features at all (SPEC §6), so the
 *   features whose identity a story turns on (the motif's a and b, a neuron's primary) are nearly
 *   always among them.
 * - Features 10 and up repeat the same ten hues, muted (mixed halfway to grey and lightened), in
 *   the same order: feature 10 is a muted feature 0, feature 23 a muted feature 3. A muted colour
 *   never passes for a distinct one, so "a vivid colour is one of the ten most important features"
 *   always holds; two muted features can share a colour, so figures name a muted feature's index
 *   (tooltip, label) wherever its identity matters. A larger palette of distinct hues was rejected:
 *   beyond ~12 categorical hues neighbours become indistinguishable, which breaks following a
 *   feature worse than an honest repeat does.
 * Tableau 10's tenth colour is a warm grey, which would read as "no feature" or "the rest"; it is
 * replaced by a dark indigo. The figures are light islands on dark pages (article.css), so only
 * white ground matters; the palest colour (feature 5's yellow) has 1.6:1 contrast on it, enough for
 * a filled bar but not for a hairline or text: figures write feature numbers in the text colour.
 */
import { hsl, schemeTableau10 } from 'd3';

/** Features with a hue of their own: 0 … DISTINCT_FEATURE_COLOURS − 1. */
export const DISTINCT_FEATURE_COLOURS = 10;

/** The colour of a feature index that is not a non-negative integer. */
export const UNKNOWN_FEATURE_COLOUR = '#9a9a9a';

/** Share of grey mixed into a repeated hue, and how far its lightness moves toward 0.62. */
const MUTE = 0.5;

function muted(colour: string): string {
  const c = hsl(colour);
  c.s *= 1 - MUTE;
  c.l = c.l + (0.62 - c.l) * MUTE;
  return c.formatHex();
}

/** Replaces Tableau 10's grey (see the module comment). */
const TENTH = '#4b3f8f';
const VIVID: readonly string[] = [...schemeTableau10.slice(0, DISTINCT_FEATURE_COLOURS - 1), TENTH];
const MUTED: readonly string[] = VIVID.map(muted);

/** True when feature i has a hue of its own (0 ≤ i < DISTINCT_FEATURE_COLOURS). */
export function isDistinctFeature(feature: number): boolean {
  return Number.isInteger(feature) && feature >= 0 && feature < DISTINCT_FEATURE_COLOURS;
}

/** The colour of feature i (a CSS hex colour): vivid for the ten most important, muted repeats after. */
export function featureColour(feature: number): string {
  if (!Number.isInteger(feature) || feature < 0) return UNKNOWN_FEATURE_COLOUR;
  const hue = feature % DISTINCT_FEATURE_COLOURS;
  return feature < DISTINCT_FEATURE_COLOURS ? VIVID[hue]! : MUTED[hue]!;
}
