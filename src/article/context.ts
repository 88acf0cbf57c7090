/**
 * The one context every section reads (`@lit/context`): the reader's state, the runs, the shipped
 * models and the actions a section may take. The article provides a new value at each of its
 * updates, so a section redraws whenever the article would have redrawn it; each section takes
 * what it needs from here and owns its handlers.
 */
import { createContext } from '@lit/context';
import type { BackendName } from '../training/backend';
import type { LiveModelController } from './live/live-model-controller';
import type { SectionId, ArticleState } from './state/url-state';
import type { LiveInput } from './state/live-input';
import type { CurveLoader } from './shipped/curve-models';
import type { RecipeComparisonLoader } from './shipped/recipe-comparison-models';
import type { ShippedLoader } from './shipped/shipped-loader';
import type { ShippedFile, ShippedModels } from './shipped/shipped-models';
import type { ShownSweep } from './shipped/shown-sweep';
import type { TrainingController, TrainingTarget } from './training/training-controller';
import type { YourModelController } from './sections/your-model/controller';

export interface ArticleContext {
  /** The URL state: the reader's choices and the section they read. */
  readonly state: ArticleState;
  /** Commits a change of state: one history entry. */
  readonly setState: (patch: Partial<ArticleState>) => void;
  /** The runs: status, each target's latest run, start, cancel, dismiss. */
  readonly training: TrainingController;
  /** When the live model trains (live-run.ts), and the live weights drawn. */
  readonly liveModel: LiveModelController;
  /** The slider and the advanced form. */
  readonly liveInput: LiveInput;
  /** The density curve's grid files. */
  readonly curve: CurveLoader;
  /** The recipe comparison's files (recipes A and B at the same densities), loaded with the curve's. */
  readonly recipeComparison: RecipeComparisonLoader;
  /** The shipped weights files and their loading state. */
  readonly shipped: ShippedLoader;
  /** The shipped converged seeds and motif model; undefined until they load. */
  readonly models: ShippedModels | undefined;
  /** The replication-budget sweep; null until it loads (or if it failed). */
  readonly replication: ShippedFile | null;
  /** The shipped sweep of the reader's budget and seed, and the converged one at their seed (shown-sweep.ts). */
  readonly shown: ShownSweep | null;
  readonly converged: ShownSweep | null;
  /** What could not be used of the link the page opened with, one sentence each; and dismissing them. */
  readonly linkNotices: readonly string[];
  readonly dismissLinkNotices: () => void;
  /** A model the reader loaded from a file. */
  readonly yourModel: YourModelController;
  /** The backend the reader chose ('auto': the automatic order), and the option a run is started with. */
  readonly backendChoice: BackendName | 'auto';
  readonly setBackendChoice: (backend: BackendName | 'auto') => void;
  readonly backendOption: () => { backend?: BackendName };
  /** The step a run's figures show, chosen on its timeline (null: the newest weights), and choosing one. */
  readonly chosenStep: (target: TrainingTarget) => number | null;
  readonly seek: (target: TrainingTarget, step: number | null) => void;
  /** Takes the reader to a section's heading (the table of contents). */
  readonly goTo: (section: SectionId) => void;
  /** Records in the URL that a model loaded from a file is shown, and brings its section into view. */
  readonly showLocalModel: () => void;
}

export const articleContext = createContext<ArticleContext>(Symbol('article-context'));
