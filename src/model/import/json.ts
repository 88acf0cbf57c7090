/**
 * JSON model files: this page's weights files (public/weights/*.json, `{ config, instances }`,
 * read by weights-file.ts), or an object of named nested arrays (`json.dump({k: v.tolist()})` of
 * a replication's parameters), which layouts.ts reads like an .npz archive.
 */
import { parseWeightsFile, type WeightsFile } from '../weights-file';
import { checkOutputsFinite } from './array-checks';
import { IMPORT_CAPS } from './caps';
import { count, fail, quoted, shapeText } from './errors';
import type { ImportedModel } from './imported-model';
import { modelFromArrays } from './layouts';
import { type NdArray, sizeOf } from './nd-array';

/** True when the text's first non-blank character opens a JSON object. */
export const looksLikeJsonObject = (bytes: Uint8Array): boolean => {
  for (let k = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; k < bytes.length; k++) {
    const c = bytes[k]!;
    if (c === 0x7b) return true; // {
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return false;
};

/** A JSON number or nested array of numbers as an NdArray; `name` names it in messages. */
function ndArrayFromJson(name: string, value: unknown): NdArray {
  if (typeof value === 'number') return { shape: [], data: Float64Array.of(value) };
  if (!Array.isArray(value)) fail(`${name} is not a number or an array of numbers.`);
  const shape: number[] = [];
  for (let level: unknown = value; Array.isArray(level); level = level[0]) {
    shape.push(level.length);
    if (shape.length > 3) fail(`${name} is nested more than 3 deep; the page reads arrays of up to 3 axes (instances, rows, columns).`);
    if (level.length === 0) break;
  }
  const size = sizeOf(shape);
  if (size > IMPORT_CAPS.elementsPerArray)
    fail(`${name} holds ${count(size)} numbers, more than the ${count(IMPORT_CAPS.elementsPerArray)} the page reads in one array.`);
  const data = new Float64Array(size);
  let next = 0;
  // `index` is the position being read, kept for messages; one array for the whole walk.
  const index: number[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number') {
        fail(
          `${name} holds ${node === null ? 'null (a NaN written by JavaScript?)' : `a ${Array.isArray(node) ? 'list' : typeof node}`} at [${index.join(', ')}]; every entry must be a number.`,
        );
      }
      data[next++] = node;
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      fail(`${name} is ragged: its rows differ in length (at [${index.join(', ')}]), so it has no shape ${shapeText(shape)}.`);
    }
    for (let k = 0; k < node.length; k++) {
      index.push(k);
      walk(node[k], depth + 1);
      index.pop();
    }
  };
  walk(value, 0);
  return { shape, data };
}

/** This page's weights file as an imported model. */
function fromWeightsFile(file: WeightsFile): ImportedModel {
  const { config } = file;
  return {
    n: config.n,
    m: config.m,
    instances: file.instances.map(({ W1, W2, b, b1 }) => ({ W1, W2, b, ...(b1 ? { b1 } : {}) })),
    densities: file.instances.map((i) => i.density),
    importanceDecay: config.importanceDecay,
    recordedLosses: file.instances.map((i) => (Number.isFinite(i.loss) ? i.loss : null)),
    reading: [
      `This page’s own weights file (JSON): ${file.instances.length === 1 ? 'one instance' : `${file.instances.length} instances`} of n = ${config.n} features and m = ${config.m} neurons, trained with seed ${config.seed} for ${count(config.steps)} steps at learning rate ${config.learningRate}, batch ${count(config.batch)}${config.hiddenBias ? ', with a hidden bias' : ''}.`,
    ],
  };
}

/** Reads a JSON model file's text. Throws an ImportError naming the problem. */
export function readJsonModel(text: string): ImportedModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (/\b(NaN|-?Infinity)\b/.test(text.slice(0, 1_000_000))) {
      fail(
        'The file is not valid JSON: it holds NaN or Infinity (as Python’s json module writes them), which is neither JSON nor a usable weight.',
      );
    }
    fail(`The file is not valid JSON (${error instanceof Error ? error.message.slice(0, 120) : 'parse error'}).`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('The JSON file does not hold an object of named arrays.');
  if ('config' in json || 'instances' in json) {
    let file: WeightsFile;
    try {
      file = parseWeightsFile(json);
    } catch (error) {
      fail(
        `The file looks like this page’s weights JSON but is not one: ${error instanceof Error ? error.message.replace(/^weights file: /, '') : String(error)}.`,
      );
    }
    if (file.instances.length > IMPORT_CAPS.instances)
      fail(`The file holds ${file.instances.length} instances, over the page’s cap of ${IMPORT_CAPS.instances}.`);
    file.instances.forEach((instance, k) => {
      checkOutputsFinite(instance, file.instances.length === 1 ? 'The model' : `Instance ${k}`);
    });
    return fromWeightsFile(file);
  }
  const entries = Object.entries(json);
  if (entries.length > IMPORT_CAPS.arrays) fail(`The JSON object has ${entries.length} keys; a toy model needs a handful of arrays.`);
  const arrays = new Map(entries.map(([name, value]) => [name, ndArrayFromJson(quoted(name), value)] as const));
  return modelFromArrays(arrays, `A JSON object of ${arrays.size} named ${arrays.size === 1 ? 'array' : 'arrays'}.`);
}
