/**
 * The notice of an older link: a link without `v` that trains the constant schedule (docs/links.md,
 * "Links without `v`"). It says what the link trains and offers the current recipe in one click. The
 * page shows it at its top, above the title, and again under the live section's heading, where a
 * link naming `section=live` lands: either way a reader opening such a link sees it in the first screen.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ArticleContext } from '../context';
import { olderLinkSentence } from '../sections/live/text';
import type { ArticleState } from '../state/url-state';

/** Whether `state` is an older link's: it trains the constant schedule, not the live recipe. */
export const isOlderLink = (state: ArticleState): boolean => state.recipe !== 'live';

/**
 * The notice, or nothing for a current link. `id` tells the two places apart ("older-link-notice"
 * at the top, "live-older-link-notice" in the live section); `onUse` is `useCurrentRecipe`.
 */
export function olderLinkNotice(state: ArticleState, id: string, onUse: () => void): TemplateResult | typeof nothing {
  if (!isOlderLink(state)) return nothing;
  return html`<p class="notice older-link-notice" id=${id}>
    ${olderLinkSentence(state, state.budget)}
    <button type="button" class="use-live-recipe" @click=${onUse}>Use the current recipe</button>
  </p>`;
}

/**
 * The one click: the live model moves to the live recipe at the link's density (the link's steps
 * and learning rate dropped) and Figure 1 to the converged budget, written as ONE history entry,
 * so that Back returns to the older link in one step. The live model retrains.
 */
export function useCurrentRecipe(context: ArticleContext): void {
  context.liveInput.commitSettings({
    recipe: 'live',
    steps: undefined,
    learningRate: undefined,
    ...(context.state.budget === 'replication' ? { budget: 'converged' as const } : {}),
  });
}
