/** The stack plot's tooltip text for one segment. */
import { formatNumber } from '../core/format';
import type { StackRect } from './stack-layout';

/**
 * Tooltip text of one rect. A merged rect names how many features it stands for; a feature without
 * a superposition score (NaN: the model does not represent it, superposition.ts) reads "not
 * represented", never "NaN".
 */
export function featureTooltip(r: Pick<StackRect, 'feature' | 'inWeight' | 'outWeight' | 'superposition' | 'merged'>): string {
  const s = r.superposition === undefined ? 'n/a' : Number.isFinite(r.superposition) ? formatNumber(r.superposition) : 'not represented';
  const what = r.merged === undefined ? `feature ${r.feature}` : `${r.merged} smaller features together`;
  return `${what} · in ${formatNumber(r.inWeight)} · out ${formatNumber(r.outWeight)} · superposition ${s}`;
}
