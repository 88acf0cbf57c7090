import { html, type TemplateResult } from 'lit';
import { ARTICLE_META } from '../../page/article-meta';
import { type ArticleState, formatState, type SectionId } from '../../state/url-state';

/** Each section's heading, declared once: the sections and the table of contents both read it. */
export const SECTION_TITLES: Readonly<Record<SectionId, string>> = Object.freeze({
  intro: ARTICLE_META.title,
  computation: 'One input, through the network',
  model: 'The model',
  sweep: 'From dedicated neurons to shared ones',
  curve: 'The whole transition, density by density',
  live: 'Drag the sparsity',
  intermediate: 'In between: primaries, secondaries and pairs',
  'neuron-response': 'What a neuron responds to',
  motif: 'A motif for computing in superposition',
  'your-model': 'Bring your own model',
  method: 'Method',
});

/** The back matter after the sections, reached by fragment links. */
export const APPENDIX_TITLES = Object.freeze({
  glossary: 'Glossary',
  footnotes: 'Footnotes',
  references: 'References',
  cite: 'Cite this article',
});

/**
 * The table of contents. Section links are permalinks to the reader's configuration at that
 * section (a copied link opens there); `onGo` is called on a click, so that the page can scroll
 * there instead of reloading.
 */
export function tableOfContents(state: ArticleState, onGo: (section: SectionId, event: MouseEvent) => void): TemplateResult {
  const sections = (Object.keys(SECTION_TITLES) as SectionId[]).filter((id) => id !== 'intro');
  return html`<nav class="toc" aria-labelledby="toc-title">
    <h2 id="toc-title" class="toc-title">Contents</h2>
    <ol>
      ${sections.map(
        (id) =>
          html`<li><a href=${formatState({ ...state, section: id }) || '?'} @click=${(event: MouseEvent) => onGo(id, event)}>${SECTION_TITLES[id]}</a></li>`,
      )}
    </ol>
    <p class="toc-appendix">
      After the method:
      ${Object.entries(APPENDIX_TITLES).map(([id, title], k) => html`${k ? ' · ' : ''}<a href=${`#${id}`}>${title}</a>`)}
    </p>
  </nav>`;
}
