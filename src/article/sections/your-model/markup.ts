/**
 * "Bring your own model": the "Load weights" control, the shipped models as downloads, and a
 * loaded model drawn and analysed like the shipped ones. Everything shown from a file (its name,
 * how it was read, the error) is bound as text, never as markup.
 */
import { motifSentence } from '../motif/text';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';
import { html, nothing, type TemplateResult } from 'lit';
import { IMPORT_CAPS } from '../../../model/import/caps';
import { formatCount, formatDensity, formatLoss, plural } from '../../../viz/core/format';
import { monosemanticPhrase } from '../../figures/view-parts';
import { drawsEveryInstance, type LoadedModel, SHIPPED_FORMATS, type YourModelSectionProps } from './loaded';
import { SECTION_TITLES } from '../contents/markup';
import type { YourInstanceView } from './view';
import { mergedNote } from './bounded-plot';
import { pairsTable } from './pairs-table';
import { loadedDownloads, readingQuestion } from './take-away';
import './your-model.css';

/** The Python snippet of docs/your-model.md: a PyTorch replication's parameters into a loadable .npz. */
export const PYTORCH_SNIPPET = `import numpy as np

# model: a trained replication with parameters named as in ARENA or Anthropic's
# notebook: W1 [instances, m, n] and W2 [instances, n, m], or the tied
# W [instances, n, m]; and the output bias b_final [instances, n].
arrays = {name: p.detach().cpu().numpy() for name, p in model.named_parameters()}
np.savez(
    "my-model.npz",
    **arrays,
    density=model.feature_probability.cpu().numpy(),  # 1 - S per instance
    importance=model.importance.cpu().numpy(),  # [instances, n]: c * decay**i
)`;

export const dropOverlay = (dragging: boolean): TemplateResult | typeof nothing =>
  dragging ? html`<div class="drop-overlay" aria-hidden="true"><span>Drop the file to load its weights</span></div>` : nothing;

function motifFindings(view: YourInstanceView): TemplateResult {
  if (view.motifs.length === 0)
    return html`<p class="small">The motif detector finds no asymmetric superposition motif in this instance.</p>`;
  return html`<p>
      The motif detector finds ${plural(view.motifs.length, 'asymmetric superposition motif')}.
      ${view.motifs.map((m, k) => `${motifSentence(m, `motif ${k + 1}`)} `)}
    </p>
    ${view.closeups.map(
      (closeup, k) => html`<figure>
        <motif-closeup id=${`your-motif-${view.index}-${k}`} .data=${closeup}></motif-closeup>
        <figcaption>Motif ${k + 1} of instance ${view.index}: the two neurons’ weights on a and b, and outputs a and b when only a is active (dashed: without the inhibition neuron).</figcaption>
      </figure>`,
    )}`;
}

const lossText = (view: YourInstanceView): string =>
  view.loss ? `${formatLoss(view.loss.loss)} ± ${formatLoss(view.loss.standardError)}` : 'give the density';

function countsTable(loaded: LoadedModel): TemplateResult {
  const views = loaded.views.filter((v): v is YourInstanceView => v !== undefined);
  return html`<div class="scroll-x table-scroll" role="region" aria-label="Counts per instance">
    <table class="counts" id="your-model-counts" aria-label="Counts and losses per instance of your model">
      <thead>
        <tr>
          <th scope="col">instance</th><th scope="col">1 − S</th><th scope="col">monosemantic neurons</th><th scope="col">dead</th>
          <th scope="col">features computed</th><th scope="col">one side only</th><th scope="col">motifs</th>
          <th scope="col">eval loss</th><th scope="col">zero model</th><th scope="col">clean solution</th><th scope="col">loss in file</th>
        </tr>
      </thead>
      <tbody>
        ${views.map(
          (v) => html`<tr data-instance=${v.index} data-monosemantic=${v.counts.monosemantic}>
            <td>${v.index}</td>
            <td>${v.density === null ? '?' : formatDensity(v.density)}</td>
            <td>${v.counts.monosemantic} of ${v.counts.neurons}</td>
            <td>${v.counts.dead}</td>
            <td>${v.counts.representedFeatures}</td>
            <td>${v.counts.halfRepresentedFeatures}</td>
            <td>${v.counts.motifs}</td>
            <td>${lossText(v)}</td>
            <td>${v.references ? formatLoss(v.references.zeroModel) : '—'}</td>
            <td>${v.references ? formatLoss(v.references.clean) : '—'}</td>
            <td>${v.recordedLoss === null ? '—' : formatLoss(v.recordedLoss)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function settingsForm(loaded: LoadedModel, props: YourModelSectionProps): TemplateResult {
  const { settings, summary } = loaded;
  return html`<form
    class="your-settings"
    @submit=${(e: Event) => {
      e.preventDefault();
      const data = new FormData(e.target as HTMLFormElement);
      const densities = Array.from({ length: summary.instances }, (_, k) => String(data.get(`density-${k}`) ?? ''));
      props.onApplySettings(densities, String(data.get('decay') ?? ''));
    }}
  >
    <p class="small">
      How the model was trained: the density per instance (for the loss) and the importance decay, I<sub>i</sub> = decay<sup>i</sup> (for the neuron
      order and the loss). ${loaded.decayFromFile ? 'The decay comes from the file.' : nothing}
      ${summary.densities.some((d) => d !== null) ? 'The densities filled in come from the file.' : 'The file gives no densities.'}
    </p>
    <div class="fields">
      ${Array.from(
        { length: summary.instances },
        (_, k) => html`<label>Instance ${k}: 1 − S
          <input name=${`density-${k}`} inputmode="decimal" placeholder="e.g. 0.03" .value=${settings.densities[k] == null ? '' : String(settings.densities[k])} /></label>`,
      )}
      <label>Importance decay <input name="decay" inputmode="decimal" .value=${String(settings.importanceDecay)} /></label>
    </div>
    <button type="submit">Analyse with these settings</button>
    ${props.settingsError ? html`<p class="notice error" role="alert">${props.settingsError}</p>` : nothing}
  </form>`;
}

function instanceFigure(view: YourInstanceView, loaded: LoadedModel, colouring: StackColouring): TemplateResult {
  const id = `your-plot-${view.index}`;
  const density = view.density === null ? 'density not given' : `1 − S = ${formatDensity(view.density)}`;
  const counts = `${monosemanticPhrase(view.counts)}; ${view.counts.representedFeatures} features computed`;
  const loss = view.loss
    ? ` Eval loss ${formatLoss(view.loss.loss)} ± ${formatLoss(view.loss.standardError)} (a seeded estimate over ${formatCount(view.loss.examples)} examples with an active feature; the all-zero example is exact), against ${formatLoss(view.references!.zeroModel)} for the zero model and ${formatLoss(view.references!.clean)} for the clean solution with ${Math.floor(loaded.summary.m / 2)} neuron pairs.`
    : ' Give this instance’s density to evaluate its loss.';
  return html`<div class="your-instance" id=${`your-instance-${view.index}`}>
    <h4>Instance ${view.index} (${density})</h4>
    <figure>
      ${
        view.plot
          ? html`<neuron-stack-plot id=${id} data-budget="local" colouring=${colouring} .data=${view.plot} label=${`Neuron weights of instance ${view.index} of your model: ${counts}`}></neuron-stack-plot>
              <figure-download for=${id} filename=${`your-model-instance-${view.index}`}></figure-download>`
          : html`<p class="small" role="status">Drawing instance ${view.index}…</p>`
      }
      <figcaption>Instance ${view.index}: ${counts}.${loss}${mergedNote(view.mergedFeatures)}</figcaption>
    </figure>
    ${pairsTable(view.pairs, view.pairCounts)} ${motifFindings(view)}
  </div>`;
}

/** A large model's one drawn instance, and the menu that picks it. */
function oneInstance(loaded: LoadedModel, props: YourModelSectionProps): TemplateResult {
  const view = loaded.views[loaded.shown];
  return html`<p class="instance-choice">
      <label
        >Instance drawn
        <select
          id="your-instance-shown"
          @change=${(e: Event) => props.onShowInstance(Number((e.target as HTMLSelectElement).value))}
        >
          ${Array.from(
            { length: loaded.summary.instances },
            (_, k) => html`<option value=${k} ?selected=${k === loaded.shown}>${k}</option>`,
          )}
        </select></label
      >
      <span class="small">This model is drawn one instance at a time; the table above counts them all.</span>
    </p>
    ${view ? instanceFigure(view, loaded, props.colouring ?? 'superposition') : html`<p class="small">Instance ${loaded.shown} is being analysed…</p>`}`;
}

function loadedModel(loaded: LoadedModel, props: YourModelSectionProps): TemplateResult {
  const done = loaded.views.filter((v) => v !== undefined).length;
  const { summary } = loaded;
  return html`<div id="your-model-result" data-instances=${summary.instances} data-analysed=${done} data-analysing=${String(loaded.analysing)}>
    <h3>Your model: <span class="file-name">${loaded.fileName}</span></h3>
    <p class="small">How the file was read, so you can check it:</p>
    <ul class="reading small">
      ${summary.reading.map((sentence) => html`<li>${sentence}</li>`)}
    </ul>
    <p class="small">
      This model exists only in this tab: it was read here and never sent anywhere, so there is no link to it, and reloading the page
      forgets it.
    </p>
    ${loadedDownloads(props.onDownload)} ${settingsForm(loaded, props)}
    <p class="status-line" role="status">
      ${
        loaded.analysing
          ? `Analysing instance ${Math.min(done + 1, summary.instances)} of ${summary.instances}…`
          : loaded.analysisError
            ? ''
            : `${plural(summary.instances, 'instance')} analysed.`
      }
    </p>
    ${loaded.analysisError ? html`<p class="notice error" role="alert">${loaded.analysisError}</p>` : nothing}
    ${countsTable(loaded)}
    ${
      drawsEveryInstance(summary)
        ? loaded.views.map((view) => (view ? instanceFigure(view, loaded, props.colouring ?? 'superposition') : nothing))
        : oneInstance(loaded, props)
    }
  </div>`;
}

export function yourModelSection(props: YourModelSectionProps): TemplateResult {
  const { loaded, localShown } = props;
  return html`
    <section id="your-model" data-section="your-model">
      <div class="prose">
        <h2>${SECTION_TITLES['your-model']}</h2>
        <p>
          Trained a toy model of your own, in a replication of the paper or with other numbers? Load its weights and the page
          analyses it the way it analyses its own models: a stack plot for every instance, the neuron counts, the ± pairs, the
          motif detector and the loss. The file is read inside this browser tab and goes nowhere else.
        </p>
        <p class="small">
          It reads NumPy archives (.npz, from numpy.savez), safetensors files (F16, F32, F64, BF16), .npy arrays (choose several together and each is named by its file),
          and JSON: this page’s own weights files, or an object of named nested lists. Array names: W1 and W2, or W_in and
          W_out, with an output bias b, b_out or b_final; or the tied W of Anthropic’s notebook with b_final. A leading
          instances axis is optional, and either orientation of a matrix is read: the page decides from the bias’s length and
          says what it chose. Up to n = ${formatCount(IMPORT_CAPS.n)} features, m = ${IMPORT_CAPS.m} neurons and
          ${IMPORT_CAPS.instances} instances.
        </p>
        <details class="snippet">
          <summary>Saving a PyTorch replication’s model</summary>
          <pre tabindex="0" role="region" aria-label="Python snippet"><code>${PYTORCH_SNIPPET}</code></pre>
        </details>
      </div>
      <div class="controls">
        <label class="load-weights"
          >Load weights<input
            type="file"
            id="load-weights"
            accept=".npz,.npy,.safetensors,.json,application/json"
            multiple
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              props.onFiles(Array.from(input.files ?? []));
              // Choosing the same file again must fire `change` again.
              input.value = '';
            }}
        /></label>
        <span class="small">or drop a file anywhere on the page.</span>
        ${props.reading ? html`<span class="status-line" role="status">Reading ${props.reading}…</span>` : nothing}
      </div>
      ${
        props.question
          ? readingQuestion(props.question, props.onAnswer)
          : props.error
            ? html`<p class="notice error" role="alert" id="your-model-error">${props.error}${
                props.onRetry ? html` <button type="button" @click=${props.onRetry}>Retry</button>` : nothing
              }</p>`
            : nothing
      }
      <div class="small shipped-downloads">
        <p>The shipped models, for Python (numpy.load, or safetensors’ load_file) or to try here:</p>
        <ul>
          ${props.shipped.map(
            (s) => html`<li>
              ${s.name} (${s.description}):
              ${SHIPPED_FORMATS.map(
                (format) =>
                  html`<button type="button" @click=${() => props.onDownloadShipped(s.name, format)}>${s.name}.${format}</button> `,
              )}
              <a href=${`weights/${s.name}.json`} download=${`${s.name}.json`}>${s.name}.json</a>
              <button type="button" @click=${() => props.onTryShipped(s.name)}>Load it here</button>
            </li>`,
          )}
        </ul>
      </div>
      ${
        localShown && loaded
          ? loadedModel(loaded, props)
          : localShown
            ? html`<p class="notice" role="status" id="your-model-missing">
              This link was made while a model loaded from a file was shown. Such a model never leaves the computer that loaded
              it, so there is nothing to show here: load the file again to see it.
            </p>`
            : loaded
              ? html`<p class="small">
                Your model from <span class="file-name">${loaded.fileName}</span> is still loaded.
                <button type="button" @click=${props.onShowLoaded}>Show it again</button>
              </p>`
              : nothing
      }
    </section>
  `;
}
