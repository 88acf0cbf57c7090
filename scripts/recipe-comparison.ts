/**
 * npx tsx scripts/recipe-comparison.ts --take 'path-with-{seed}@density,…' [--seeds 0,1,2]
 *                                      [--out 'public/weights/recipe-comparison-seed{seed}.json'] [--note text]
 *
 * Gathers the recipe comparison's runs (src/model/recipe-comparison.ts: recipes A and B at the same
 * densities) into one weights file per seed: from each `--take` source, the instance at that density,
 * kept with its recipe and eval loss; recipe A's runs first, then B's, densest first. A source missing
 * for a seed is skipped, so a seed may hold some runs only. Any instance of neither recipe is refused.
 * A cosine schedule's decay fraction (which it ignores; the sweep's flag overrides carry the base
 * level's) is dropped, so the recorded recipe is the converged recipe's 0.01 level exactly.
 *
 * A model's random streams depend only on its seed and density (sweep.ts), so a run taken from an
 * older grid file is the model a new run of its recipe trains. docs/training.md, "Recipe
 * dependence", lists the sources of the shipped files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { comparedRecipeOf } from '../src/model/recipe-comparison';
import { recipeConfig, type LevelRecipe } from '../src/model/recipe';
import { parseWeightsFile, toWeightsFile, type TrainedInstance, type WeightsFile } from '../src/model/weights-file';
import { parseFlags } from './cli';

const flags = parseFlags(process.argv.slice(2));
const seeds = (flags['seeds'] ?? '0,1,2').split(',').map(Number);
const out = flags['out'] ?? 'public/weights/recipe-comparison-seed{seed}.json';
const sources = (flags['take'] ?? '')
  .split(',')
  .filter(Boolean)
  .map((source) => {
    const at = source.lastIndexOf('@');
    if (at < 0) throw new Error(`--take ${source}: expected path@density`);
    return { template: source.slice(0, at), density: Number(source.slice(at + 1)) };
  });
if (sources.length === 0) throw new Error('give --take path-with-{seed}@density,…');

const read = (path: string): WeightsFile => parseWeightsFile(JSON.parse(readFileSync(path, 'utf8')) as unknown);

/** The recipe as recorded: a cosine schedule carries no decay fraction. */
function cleaned(recipe: LevelRecipe): LevelRecipe {
  if (recipe.schedule.kind !== 'cosine') return recipe;
  const { decayFraction: _, ...schedule } = recipe.schedule;
  return { ...recipe, schedule };
}

for (const seed of seeds) {
  const taken: { instance: TrainedInstance; file: WeightsFile; path: string }[] = [];
  for (const { template, density } of sources) {
    const path = template.replaceAll('{seed}', String(seed));
    if (!existsSync(path)) continue;
    const file = read(path);
    if (file.config.seed !== seed) throw new Error(`${path} is seed ${file.config.seed}, not ${seed}`);
    const instance = file.instances.find((i) => i.density === density);
    if (!instance?.recipe || !instance.evaluation) throw new Error(`${path} has no evaluated run at ${density}`);
    const { alternatives: _, ...kept } = instance;
    taken.push({ instance: { ...kept, recipe: cleaned(instance.recipe) }, file, path });
  }
  if (taken.length === 0) continue;
  const recipeOf = (i: TrainedInstance): string => {
    const name = comparedRecipeOf(i.recipe);
    if (!name) throw new Error(`seed ${seed}: the run at ${i.density} is neither recipe A nor B`);
    return name;
  };
  taken.sort((x, y) => recipeOf(x.instance).localeCompare(recipeOf(y.instance)) || y.instance.density - x.instance.density);
  const instances = taken.map((t) => t.instance);
  const first = taken[0]!.file.config;
  const config = recipeConfig(
    instances[0]!.recipe!,
    { n: first.n, m: first.m, importanceDecay: first.importanceDecay, hiddenBias: first.hiddenBias, seed },
    instances.map((i) => i.density),
  );
  const file = toWeightsFile(
    config,
    instances,
    instances.map((i) => i.loss),
    {
      command: taken
        .map(
          (t) => `${recipeOf(t.instance)}@${t.instance.density} from ${flags['note'] ?? ''}${t.path}: ${t.file.provenance?.command ?? ''}`,
        )
        .join(' | '),
      backend: taken[0]!.file.provenance?.backend ?? 'wasm',
      wallSeconds: Math.round(taken.reduce((sum, t) => sum + (t.instance.trainingSeconds ?? 0), 0)),
      date: new Date().toISOString(),
      ...(taken[0]!.file.provenance?.machine ? { machine: taken[0]!.file.provenance.machine } : {}),
    },
    { instances },
  );
  const path = out.replaceAll('{seed}', String(seed));
  writeFileSync(path, JSON.stringify(file));
  process.stderr.write(`wrote ${path}: ${instances.map((i) => `${recipeOf(i)}@${i.density}`).join(', ')}\n`);
}
