/**
 * npm run evaluate -- <weights.json> [more.json …] [--examples N] [--write]
 *
 * Prints, per instance of each weights file, the exact eval loss with its standard error
 * (evaluation.ts), its ratio to the zero model and to the clean 20×2 solution, and the counts the
 * article quotes (monosemantic by the 0.1 rule, features computed), as JSON. With --write, stores
 * the evaluation in each instance of the file (weights and every other field unchanged).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyseModel } from '../src/model/analysis';
import { importances } from '../src/model/config';
import { DEFAULT_EVALUATION_EXAMPLES, evaluateLoss, referenceLosses } from '../src/model/evaluation';
import { parseWeightsFile, roundSignificant, type WeightsFile } from '../src/model/weights-file';
import { numberFlag } from './cli';

const args = process.argv.slice(2);
const paths = args.filter((a, k) => !a.startsWith('--') && args[k - 1] !== '--examples');
const examplesIndex = args.indexOf('--examples');
const examples =
  numberFlag(examplesIndex >= 0 ? { examples: args[examplesIndex + 1]! } : {}, 'examples') ?? 10 * DEFAULT_EVALUATION_EXAMPLES;
const write = args.includes('--write');
if (paths.length === 0) throw new Error('usage: npm run evaluate -- <weights.json> [--examples N] [--write]');

const report: Record<string, unknown>[] = [];
for (const path of paths) {
  const file = parseWeightsFile(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  const importance = importances(file.config);
  const instances = file.instances.map((instance) => {
    const evaluation = evaluateLoss(instance, instance.density, importance, { examples });
    const { zeroModel, clean } = referenceLosses(instance.density, importance, file.config.m);
    const { counts } = analyseModel(instance, importance);
    report.push({
      file: path,
      density: instance.density,
      evalLoss: Number(evaluation.loss.toPrecision(3)),
      standardError: Number(evaluation.standardError.toPrecision(2)),
      overClean: Number((evaluation.loss / clean).toFixed(3)),
      overZeroModel: Number((evaluation.loss / zeroModel).toPrecision(3)),
      batchLoss: instance.loss,
      monosemantic: counts.monosemantic,
      featuresComputed: counts.representedFeatures,
    });
    return {
      ...instance,
      evaluation: {
        loss: roundSignificant(evaluation.loss),
        standardError: roundSignificant(evaluation.standardError, 3),
        examples: evaluation.examples,
      },
    };
  });
  if (write) {
    const updated: WeightsFile = { ...file, instances };
    writeFileSync(path, JSON.stringify(updated));
    process.stderr.write(`wrote the evaluation into ${path}\n`);
  }
}
console.log(JSON.stringify(report, null, 1));
