/**
 * One instance of a shipped weights file as a file of its own: the same weights, loss, recipe and
 * evaluation, under the configuration that trains that instance alone (instanceConfig). The page
 * draws its first figure from such a file (a converged model of about 100 KB instead of the seven
 * of its sweep), so the first screen does not wait for the whole sweep.
 */
import { instanceConfig, type WeightsFile } from './weights-file';

/** Where a one-instance file was cut from: the full file's path and the SHA-256 of its bytes. */
export interface InstanceSource {
  readonly file: string;
  readonly sha256: string;
}

/** A one-instance weights file that names the file it was cut from. */
export interface InstanceFile extends WeightsFile {
  readonly source: InstanceSource;
}

/**
 * The instance of `file` at `density` alone: config = instanceConfig(file, k) (densities
 * [density], the instance's own batch, steps and schedule), the file's recipe name and provenance
 * (the run that trained it), and `source`. The instance is copied as stored, not re-rounded.
 * Throws an Error when `file` has no instance at `density`.
 */
export function instanceFile(file: WeightsFile, density: number, source: InstanceSource): InstanceFile {
  const k = file.instances.findIndex((instance) => instance.density === density);
  if (k < 0) throw new Error(`no instance at density ${density} in ${source.file}`);
  return {
    config: instanceConfig(file, k),
    ...(file.recipe ? { recipe: file.recipe } : {}),
    instances: [file.instances[k]!],
    ...(file.provenance ? { provenance: file.provenance } : {}),
    source,
  };
}
