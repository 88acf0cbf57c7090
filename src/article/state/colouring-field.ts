/**
 * The `colour` field of a permalink: how the stack plots colour their segments, `superposition`
 * (how shared each feature is, the paper's colouring) or `feature` (each feature keeps one colour
 * in every neuron; stack-colouring.ts). Absent, each figure keeps its own default: superposition,
 * except the motif figure, where the features' identities are the point, which colours by feature.
 * Like every field in url-state.ts, parsing never throws: another value is dropped (each figure's
 * default) and named in a notice.
 */
import { STACK_COLOURINGS, type StackColouring } from '../../viz/stack-plot/stack-colouring';

type Parsed<T> = { readonly value: T; readonly notice?: string };

/** A raw value shown in a notice: short, as text only, without control characters. */
function quote(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return `"${clean.length > 24 ? `${clean.slice(0, 24)}…` : clean}"`;
}

/** Parses `colour`: one of STACK_COLOURINGS (case and surrounding spaces ignored), else undefined with a notice. */
export function parseColouring(raw: string): Parsed<StackColouring | undefined> {
  const wanted = raw.trim().toLowerCase();
  const value = STACK_COLOURINGS.find((c) => c === wanted);
  return value !== undefined
    ? { value }
    : {
        value: undefined,
        notice: `Colouring ${quote(raw)} is not one of ${STACK_COLOURINGS.join(', ')}; each figure uses its default.`,
      };
}

/**
 * The colouring a stack plot draws with: the link's (the reader's last choice) when it names one,
 * else the figure's own default ('feature' for the motif figure, 'superposition' elsewhere).
 */
export function colouringOf(chosen: StackColouring | undefined, figureDefault: StackColouring = 'superposition'): StackColouring {
  return chosen ?? figureDefault;
}

/** The URL field, in url-state.ts's FIELDS form (an absent value is not written). */
export const COLOURING_FIELD = {
  key: 'colouring',
  param: 'colour',
  parse: parseColouring,
  format: (value: StackColouring | undefined): string => value ?? '',
} as const;
