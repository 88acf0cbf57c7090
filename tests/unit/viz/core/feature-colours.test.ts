import { describe, expect, it } from 'vitest';
import {
  DISTINCT_FEATURE_COLOURS,
  featureColour,
  isDistinctFeature,
  UNKNOWN_FEATURE_COLOUR,
} from '../../../../src/viz/core/feature-colours';

const channels = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
const linear = (c: number): number => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string): number => {
  const [r, g, b] = channels(hex).map(linear);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrastOnWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05);
const saturation = (hex: string): number => Math.max(...channels(hex)) - Math.min(...channels(hex));

describe('feature colours', () => {
  it('gives the ten most important features ten different colours', () => {
    const vivid = Array.from({ length: DISTINCT_FEATURE_COLOURS }, (_, i) => featureColour(i));
    expect(new Set(vivid).size).toBe(DISTINCT_FEATURE_COLOURS);
    expect(vivid.every((_, i) => isDistinctFeature(i))).toBe(true);
    expect(isDistinctFeature(DISTINCT_FEATURE_COLOURS)).toBe(false);
  });

  it('repeats the hues muted after them: never one of the ten vivid colours, and less saturated', () => {
    const vivid = new Set(Array.from({ length: DISTINCT_FEATURE_COLOURS }, (_, i) => featureColour(i)));
    for (let i = DISTINCT_FEATURE_COLOURS; i < 100; i++) {
      expect(vivid.has(featureColour(i))).toBe(false);
      expect(featureColour(i)).toBe(featureColour(DISTINCT_FEATURE_COLOURS + (i % DISTINCT_FEATURE_COLOURS)));
      expect(saturation(featureColour(i))).toBeLessThan(saturation(featureColour(i % DISTINCT_FEATURE_COLOURS)) + 1e-9);
    }
  });

  it('keeps every colour visible on the figures’ white ground', () => {
    for (let i = 0; i < 20; i++) expect(contrastOnWhite(featureColour(i)), `feature ${i}`).toBeGreaterThan(1.5);
  });

  it('greys out an index that is not a feature', () => {
    expect(featureColour(-1)).toBe(UNKNOWN_FEATURE_COLOUR);
    expect(featureColour(1.5)).toBe(UNKNOWN_FEATURE_COLOUR);
  });
});
