/**
 * The motif catalogue on the page (issue 25): every motif instance the detector finds in the shipped
 * 100-feature, 40-neuron models (the converged sweep, the density curve's grid, the replication
 * sweep), per model, read off the analyses the page has made anyway (each ModelAnalysis carries
 * findMotifs with MOTIF_THRESHOLDS, as src/model/analysis/motif-catalogue.ts does from the files),
 * and the close-up of the instance the reader picks. Pure.
 */
import type { ModelAnalysis } from '../../../model/analysis';
import { type CatalogueEntry, type CatalogueSummary, summariseCatalogue } from '../../../model/analysis/motif-catalogue';
import { formatDensity } from '../../../viz/core/format';
import type { MotifCloseupData } from '../../../viz/core/types';
import { motifCloseupData } from '../../figures/figure-data';
import type { CurveData } from '../../shipped/curve-models';
import type { ShippedFile, ShippedModels } from '../../shipped/shipped-models';

export const CATALOGUE_SOURCES = ['converged sweep', 'curve grid', 'replication sweep'] as const;
export type CatalogueSource = (typeof CATALOGUE_SOURCES)[number];

/** One model of the catalogue, with its analysis (the close-up draws from its normalised weights). */
export interface CatalogueRow extends CatalogueEntry {
  readonly source: CatalogueSource;
  readonly analysis: ModelAnalysis;
}

export interface PageCatalogue {
  /** Every model searched, by source (CATALOGUE_SOURCES order), then seed, then density (densest first). */
  readonly rows: readonly CatalogueRow[];
  readonly summary: readonly CatalogueSummary[];
  /** The sources not loaded (yet, or at all): the totals leave them out. */
  readonly missing: readonly CatalogueSource[];
}

/** Which instance the reader picked: a model by source, seed and density, and the instance's index in it. */
export interface CatalogueChoice {
  readonly source: CatalogueSource;
  readonly seed: number;
  readonly density: number;
  readonly index: number;
}

const rowsOf = (source: CatalogueSource, seed: number, file: ShippedFile): CatalogueRow[] =>
  file.models.map(({ density, analysis }) => ({ source, seed, density, analysis, instances: analysis.motifs }));

/** The catalogue of whatever has loaded; the curve grid only once its files have (curve-models.ts). */
export function pageCatalogue(models: ShippedModels | undefined, replication: ShippedFile | null, curve: CurveData | null): PageCatalogue {
  const converged = (models?.converged ?? []).flatMap(({ seed, sweep }) => rowsOf('converged sweep', seed, sweep));
  const grid: CatalogueRow[] = [];
  for (const seed of curve?.seeds ?? [])
    for (const [density, bySeed] of curve?.models ?? []) {
      const model = bySeed.get(seed);
      if (model) grid.push({ source: 'curve grid', seed, density, analysis: model.analysis, instances: model.analysis.motifs });
    }
  grid.sort((a, b) => a.seed - b.seed || b.density - a.density);
  const repl = replication ? rowsOf('replication sweep', replication.file.config.seed, replication) : [];
  const rows = [...converged, ...grid, ...repl];
  const loaded: Record<CatalogueSource, boolean> = {
    'converged sweep': converged.length > 0,
    'curve grid': grid.length > 0,
    'replication sweep': repl.length > 0,
  };
  return { rows, summary: summariseCatalogue(rows), missing: CATALOGUE_SOURCES.filter((s) => !loaded[s]) };
}

/** The close-up of the chosen instance, titled with its model; null when the choice is not in the catalogue. */
export function catalogueCloseup(catalogue: PageCatalogue, choice: CatalogueChoice): MotifCloseupData | null {
  const row = catalogue.rows.find((r) => r.source === choice.source && r.seed === choice.seed && r.density === choice.density);
  const motif = row?.instances[choice.index];
  if (!row || !motif) return null;
  const data = motifCloseupData(row.analysis.normalised, motif, choice.index);
  return { ...data, title: `${choiceName(choice)}: a = ${motif.featureA}, b = ${motif.featureB}` };
}

/** "Converged sweep, seed 2, 1 − S = 0.01, motif 3". */
export function choiceName(choice: CatalogueChoice): string {
  const source = choice.source[0]!.toUpperCase() + choice.source.slice(1);
  return `${source}, seed ${choice.seed}, 1 − S = ${formatDensity(choice.density)}, motif ${choice.index + 1}`;
}

/**
 * The big models' totals in words: "16 instances in 5 of the converged sweep’s 21 models, 50 in 21 of
 * the curve grid’s 75 and 1 in 1 of the replication sweep’s 7".
 */
export function catalogueSentence(catalogue: PageCatalogue): string {
  const parts = catalogue.summary.map(
    (s, k) =>
      `${s.instances}${k === 0 ? (s.instances === 1 ? ' instance' : ' instances') : ''} in ${s.modelsWithMotif} of the ${s.source}’s ${s.models} models`,
  );
  const last = parts.pop();
  return parts.length ? `${parts.join(', ')} and ${last}` : (last ?? '');
}
