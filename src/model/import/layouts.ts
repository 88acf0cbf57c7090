/**
 * From named arrays (an .npz archive, .npy files, a JSON object of arrays) to this page's layout.
 * The names and layouts the public replications use:
 *
 * | names                      | per instance                          | used by                                 |
 * | -------------------------- | ------------------------------------- | --------------------------------------- |
 * | W1, W2, b (or b_final)     | W1 [m, n], W2 [n, m]                  | this page; ARENA's NeuronComputationModel |
 * | W_in, W_out, b_out         | W_in [n, m], W_out [m, n]             | TransformerLens-style naming            |
 * | W, b_final                 | W [n, m] (tied: W1 = Wᵀ, W2 = W)      | Anthropic's notebook                    |
 * | fc1.weight, fc2.weight, fc2.bias | fc1.weight [m, n], fc2.weight [n, m] | a state_dict of nn.Linear layers  |
 *
 * each with or without a leading instances axis, and each matrix in either orientation: the
 * orientation is inferred from n (the output bias's length) and the other matrix, and the name's
 * convention above decides only when n = m leaves both readings possible. Every choice is written
 * into `reading` for the reader to check.
 */
import type { NetworkWeights } from '../network';
import { IMPORT_CAPS } from './caps';
import { count, fail, quoted, shapeText } from './errors';
import type { ImportedModel } from './imported-model';
import { checkFinite, checkOutputsFinite, checkVector, importanceDecayOf, perInstance } from './array-checks';
import { matrixOf, type NdArray, storedDecimal, vectorOf } from './nd-array';
import { CONVENTION, KNOWN_NAMES_SENTENCE, PARTNER, ROLES, type Role, type Rows } from './names';

/** `name`'s array, its per-instance matrix shape and the instance count it implies. */
interface Matrix {
  readonly name: string;
  readonly array: NdArray;
  readonly rows: number;
  readonly cols: number;
}

function asMatrix(name: string, array: NdArray): Matrix {
  const { shape } = array;
  if (shape.length !== 2 && shape.length !== 3) {
    fail(`${name} has shape ${shapeText(shape)}; a weight matrix is [rows, columns], or [instances, rows, columns].`);
  }
  if (shape.some((d) => d === 0)) fail(`${name} has an empty axis (shape ${shapeText(shape)}).`);
  return { name, array, rows: shape.at(-2)!, cols: shape.at(-1)! };
}

/** Instances of a weight array: its leading axis when it has three, else one. */
const instancesOf = (array: NdArray): number => (array.shape.length === 3 ? array.shape[0]! : 1);

const layoutText = (rows: Rows): string => (rows === 'neurons' ? '[m, n] (a row per neuron)' : '[n, m] (a row per feature)');

/**
 * The orientation of matrix `x` given n (and m, when known). Returns null when neither reading fits;
 * `ambiguous` when both do (n = m), in which case the name's convention is taken.
 */
function orient(x: Matrix, n: number, m: number | null): { rows: Rows; ambiguous: boolean } | null {
  const asNeurons = x.cols === n && (m === null || x.rows === m);
  const asFeatures = x.rows === n && (m === null || x.cols === m);
  if (asNeurons && asFeatures) return { rows: CONVENTION.get(x.name) ?? 'features', ambiguous: true };
  if (asNeurons) return { rows: 'neurons', ambiguous: false };
  if (asFeatures) return { rows: 'features', ambiguous: false };
  return null;
}

/**
 * Reads named arrays as a model in this page's layout. `source` opens the reading ("An .npz archive
 * of 5 arrays"). Throws an ImportError naming the first problem: an unknown or duplicated name,
 * missing weights, shapes that do not fit together, sizes over IMPORT_CAPS, NaN or Infinity, or
 * weights so large that the model's outputs and loss could overflow float64.
 */
export function modelFromArrays(arrays: ReadonlyMap<string, NdArray>, source: string): ImportedModel {
  const byRole = new Map<Role, [string, NdArray]>();
  for (const [name, array] of arrays) {
    const role = ROLES.get(name);
    if (!role) fail(`The file holds an array named ${quoted(name)}, which the page does not know. ${KNOWN_NAMES_SENTENCE}`);
    const taken = byRole.get(role);
    if (taken) fail(`The file holds both ${taken[0]} and ${name}, which mean the same thing; keep one.`);
    byRole.set(role, [name, array]);
  }
  const input = byRole.get('input');
  const output = byRole.get('output');
  const tied = byRole.get('tied');
  if (tied && (input || output)) fail(`The file holds the tied W and ${(input ?? output)![0]}; a model has either W or a W1/W2 pair.`);
  if (!tied && !input && !output) fail(`The file holds no weights. ${KNOWN_NAMES_SENTENCE}`);
  if (!tied && (!input || !output)) {
    const have = (input ?? output)![0];
    const want = PARTNER.get(have) ?? (input ? 'W2' : 'W1');
    fail(`The file holds ${have} but no ${want}; the model needs both.`);
  }

  const reading: string[] = [source];
  const notes: string[] = [];
  const weightArrays = tied ? [tied] : [input!, output!];
  const matrices = weightArrays.map(([name, array]) => asMatrix(name, array));
  const instances = instancesOf(matrices[0]!.array);
  for (const x of matrices.slice(1)) {
    if (x.array.shape.length !== matrices[0]!.array.shape.length || instancesOf(x.array) !== instances) {
      fail(
        `${matrices[0]!.name} has shape ${shapeText(matrices[0]!.array.shape)} and ${x.name} ${shapeText(x.array.shape)}: they disagree on the number of instances.`,
      );
    }
  }
  if (instances > IMPORT_CAPS.instances) fail(`The file holds ${instances} instances, over the page’s cap of ${IMPORT_CAPS.instances}.`);

  // n from the output bias when there is one; the orientation of each matrix follows.
  const bias = byRole.get('outputBias');
  const n = bias ? bias[1].shape.at(-1) : undefined;
  if (bias && (bias[1].shape.length === 0 || n === 0))
    fail(`${bias[0]} has shape ${shapeText(bias[1].shape)}; an output bias has one number per feature.`);
  let features: number;
  let neurons: number;
  let orientations: Rows[];
  if (tied) {
    const w = matrices[0]!;
    let rows: Rows;
    if (n !== undefined) {
      const o = orient(w, n, null);
      if (!o)
        fail(
          `${w.name} has shape ${shapeText(w.array.shape)}, but ${bias![0]} gives n = ${n} features: one axis of ${w.name} must have length ${n}.`,
        );
      rows = o.rows;
      if (o.ambiguous)
        reading.push(`n = m = ${n}, so the shapes cannot tell W’s axes apart; read as Anthropic’s notebook stores it, [n, m].`);
    } else {
      rows = w.rows === w.cols ? 'features' : w.rows > w.cols ? 'features' : 'neurons';
      notes.push(
        `No output bias in the file: the longer axis of W is taken as the features (the superposition setting, n ≥ m) and the output bias as 0.`,
      );
    }
    features = rows === 'features' ? w.rows : w.cols;
    neurons = rows === 'features' ? w.cols : w.rows;
    orientations = [rows];
    reading.push(
      `Tied weights: W ${layoutText(rows)} is used as W1 = ${rows === 'features' ? 'Wᵀ' : 'W'} and W2 = ${rows === 'features' ? 'W' : 'Wᵀ'}. The page’s model puts a ReLU on the hidden layer; a model trained without one (the notebook’s first models) is analysed here as if it had one.`,
    );
  } else {
    const [w1, w2] = matrices as [Matrix, Matrix];
    if (n !== undefined) {
      const o1 = orient(w1, n, null);
      if (!o1)
        fail(
          `${w1.name} has shape ${shapeText(w1.array.shape)}, but ${bias![0]} gives n = ${n} features: one axis of ${w1.name} must have length ${n}.`,
        );
      const m = o1.rows === 'neurons' ? w1.rows : w1.cols;
      const o2 = orient(w2, n, m);
      if (!o2) {
        fail(
          `${w2.name} has shape ${shapeText(w2.array.shape)}, but ${w1.name} and ${bias![0]} give n = ${n} features and m = ${m} neurons: expected [${n}, ${m}] or [${m}, ${n}].`,
        );
      }
      features = n;
      neurons = m;
      orientations = [o1.rows, o2.rows];
      if (o1.ambiguous || o2.ambiguous)
        reading.push(`n = m = ${n}, so the shapes cannot tell the axes apart; each matrix is read in its name’s usual orientation.`);
    } else {
      // Without a bias, every reading in which the two matrices agree on n and m is possible; prefer n ≥ m, then the names' conventions.
      const readings: { n: number; m: number; rows: [Rows, Rows]; score: number }[] = [];
      for (const r1 of ['neurons', 'features'] as const) {
        for (const r2 of ['neurons', 'features'] as const) {
          const [nn, mm] = r1 === 'neurons' ? [w1.cols, w1.rows] : [w1.rows, w1.cols];
          const fits = r2 === 'features' ? w2.rows === nn && w2.cols === mm : w2.rows === mm && w2.cols === nn;
          if (fits)
            readings.push({
              n: nn,
              m: mm,
              rows: [r1, r2],
              score: (nn >= mm ? 4 : 0) + (r1 === CONVENTION.get(w1.name) ? 2 : 0) + (r2 === CONVENTION.get(w2.name) ? 1 : 0),
            });
        }
      }
      readings.sort((a, b) => b.score - a.score);
      const best = readings[0];
      if (!best) {
        fail(
          `${w1.name} has shape ${shapeText(w1.array.shape)} and ${w2.name} ${shapeText(w2.array.shape)}: they do not fit together as [m, n] and [n, m] (in either orientation).`,
        );
      }
      features = best.n;
      neurons = best.m;
      orientations = best.rows;
      notes.push(
        features === neurons
          ? 'No output bias in the file, and n = m: each matrix is read in its name’s usual orientation, and the output bias is taken as 0.'
          : `No output bias in the file: the longer axis is taken as the features (n = ${features}, m = ${neurons}, the superposition setting) and the output bias as 0. Include the bias to settle which axis is which.`,
      );
    }
    reading.push(
      `${w1.name} ${shapeText(w1.array.shape)} read as ${instances > 1 || w1.array.shape.length === 3 ? 'instances × ' : ''}${layoutText(orientations[0]!)}${orientations[0] === 'neurons' ? '' : ', transposed into W1'}; ${w2.name} ${shapeText(w2.array.shape)} as ${instances > 1 || w2.array.shape.length === 3 ? 'instances × ' : ''}${layoutText(orientations[1]!)}${orientations[1] === 'features' ? '' : ', transposed into W2'}.`,
    );
  }
  if (features > IMPORT_CAPS.n) fail(`The model has n = ${count(features)} features, over the page’s cap of ${count(IMPORT_CAPS.n)}.`);
  if (neurons > IMPORT_CAPS.m) fail(`The model has m = ${count(neurons)} neurons, over the page’s cap of ${IMPORT_CAPS.m}.`);
  reading.push(
    `${instances === 1 ? 'One instance' : `${instances} instances`} of n = ${count(features)} features and m = ${count(neurons)} neurons${bias ? `; n is the length of ${bias[0]}` : ''}.`,
  );

  if (bias)
    checkVector(
      bias[0],
      bias[1],
      instances,
      features,
      `the weights give ${instances === 1 ? '' : `${instances} instances of `}n = ${features} features`,
    );
  const hidden = byRole.get('hiddenBias');
  if (hidden) {
    checkVector(
      hidden[0],
      hidden[1],
      instances,
      neurons,
      `the weights give ${instances === 1 ? '' : `${instances} instances of `}m = ${neurons} neurons`,
    );
    reading.push(`${hidden[0]} is the hidden layer’s bias.`);
  }
  for (const [name, array] of [...weightArrays, ...(bias ? [bias] : []), ...(hidden ? [hidden] : [])]) checkFinite(name, array);

  let densities: (number | null)[] = Array(instances).fill(null);
  const density = byRole.get('density');
  if (density) {
    checkFinite(density[0], density[1]);
    const values = perInstance(density[0], density[1], instances, features, notes);
    if (values) {
      const bad = values.findIndex((d) => !(d > 0 && d <= 1));
      if (bad >= 0) fail(`${density[0]} of instance ${bad} is ${values[bad]}, not a probability in (0, 1].`);
      // A float32 0.3 reads as 0.30000001192092896; the writer meant 0.3.
      densities = values.map((d) => storedDecimal(d, density[1].stored));
    }
  }
  let importanceDecay: number | null = null;
  const decay = byRole.get('importanceDecay');
  const importance = byRole.get('importance');
  if (decay) {
    const value = decay[1].data[0];
    if (decay[1].data.length !== 1 || value === undefined || !(value > 0 && value <= 1)) {
      fail(
        `importance_decay must be one number in (0, 1]; the file’s has shape ${shapeText(decay[1].shape)}${decay[1].data.length === 1 ? ` and value ${value}` : ''}.`,
      );
    }
    importanceDecay = storedDecimal(value, decay[1].stored);
  } else if (importance) {
    checkFinite(importance[0], importance[1]);
    importanceDecay = importanceDecayOf(importance[1], instances, features, notes);
  }
  let recordedLosses: (number | null)[] = Array(instances).fill(null);
  const loss = byRole.get('loss');
  if (loss)
    recordedLosses = (perInstance('loss', loss[1], instances, features, notes) ?? recordedLosses).map((v) =>
      v !== null && Number.isFinite(v) ? storedDecimal(v, loss[1].stored) : null,
    );

  const instanceWeights: NetworkWeights[] = Array.from({ length: instances }, (_, k) => {
    // Each array's own rows: a tied W serves as both matrices.
    const [rows1, rows2] = [orientations[0]!, orientations[tied ? 0 : 1]!];
    const [a1, a2] = tied ? [matrices[0]!.array, matrices[0]!.array] : [matrices[0]!.array, matrices[1]!.array];
    return {
      W1: matrixOf(a1, k, rows1 !== 'neurons'),
      W2: matrixOf(a2, k, rows2 !== 'features'),
      b: bias ? vectorOf(bias[1], k) : Array(features).fill(0),
      ...(hidden ? { b1: vectorOf(hidden[1], k) } : {}),
    };
  });
  instanceWeights.forEach((weights, k) => {
    checkOutputsFinite(weights, instances === 1 ? 'The model' : `Instance ${k}`);
  });
  return {
    n: features,
    m: neurons,
    instances: instanceWeights,
    densities,
    importanceDecay,
    recordedLosses,
    reading: [...reading, ...notes],
  };
}
