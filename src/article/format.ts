/** Number formatting shared by the article's text and captions. */

/** A feature density as the paper writes it: 1, 0.3, 0.03, 0.001. */
export const formatDensity = (density: number): string => String(Number(density.toPrecision(2)));

export const formatLoss = (loss: number): string => (Number.isFinite(loss) ? loss.toExponential(2) : String(loss));

export const formatNumber = (value: number, digits = 2): string => value.toFixed(digits).replace(/^-/, '−');

/** "3 neurons", "1 neuron". */
export const plural = (count: number, noun: string, nouns = `${noun}s`): string => `${count} ${count === 1 ? noun : nouns}`;
