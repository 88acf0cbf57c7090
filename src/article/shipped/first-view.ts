/**
 * The first view's file: the computation figure's default model (DEFAULT_COMPUTATION_MODEL, a
 * converged model) cut from its seed's converged file into a file of its own by
 * scripts/first-view-model.ts (npm run first-view-model). The page draws the article's first
 * figure from it and fetches the converged sweep only after that figure is drawn
 * (shipped-loader.ts), so the first screen costs one small file instead of the whole sweep.
 */
import { type ComputationModel, DEFAULT_COMPUTATION_MODEL } from '../state/computation-fields';
import { shippedWeightsPath } from '../../model/weights-file';

/** The default computation model as a converged level and seed. */
export const FIRST_VIEW_MODEL = DEFAULT_COMPUTATION_MODEL;

/** The first view's file, relative to the site root (`public/` in the repository). */
export const FIRST_VIEW_PATH = 'weights/computation-default.json';

/** The shipped converged file it is cut from. */
export const FIRST_VIEW_SOURCE = shippedWeightsPath('converged', FIRST_VIEW_MODEL.seed);

/** Whether `model` is exactly the model the first view's file holds. */
export const isFirstViewModel = (model: ComputationModel): boolean =>
  model.kind === 'converged' && model.density === FIRST_VIEW_MODEL.density && model.seed === FIRST_VIEW_MODEL.seed;
