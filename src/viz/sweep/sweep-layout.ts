/** Pure wording of <sweep-figure>'s panels. */
import { formatDensity } from '../core/format';

/** "1 − S = 0.03": the density as the paper writes it, with a true minus sign and no float noise. */
export function densityTitle(density: number): string {
  return `1 − S = ${formatDensity(density)}`;
}

/** Accessible name of one panel's stack plot. */
export function panelLabel(density: number, caption: string): string {
  const title = `Neuron weights at feature density ${densityTitle(density)}`;
  return caption ? `${title}: ${caption}` : title;
}
