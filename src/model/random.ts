/**
 * A small, fast, seeded PRNG (sfc32, 128-bit state, seeded through splitmix32) and the draws the
 * model needs. Each independent use (an instance's initialisation, an instance's data) gets its own
 * stream, derived from the seed and a stream id, so that one instance's numbers never depend on how
 * many siblings it is trained beside.
 */

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Fills `out` with the next `out.length` uniform draws: the same numbers as that many next() calls. */
  fill(out: Float64Array): void;
  /** Standard normal. */
  normal(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * sfc32. The state lives in an Int32Array: held in closure variables or object fields, 32-bit
 * values outside V8's small-integer range are boxed, and every draw allocated (5–10× slower).
 */
class Sfc32 implements Rng {
  private readonly state = new Int32Array(4);
  /** next() is fill() of one draw, so the generator's step is written once. */
  private readonly single = new Float64Array(1);
  private spareNormal: number | null = null;

  constructor(seed: number, stream: number) {
    const mix = splitmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x632be5ab));
    this.state.set([mix(), mix(), mix(), mix() | 1]);
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    this.fill(this.single);
    return this.single[0]!;
  }

  fill(out: Float64Array): void {
    const s = this.state;
    let a = s[0]!;
    let b = s[1]!;
    let c = s[2]!;
    let d = s[3]!;
    for (let i = 0; i < out.length; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[i] = (t >>> 0) * TWO_TO_MINUS_32;
    }
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
  }

  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

/** A generator for stream `stream` of `seed`. Same arguments, same sequence. */
export function createRng(seed: number, stream = 0): Rng {
  return new Sfc32(seed, stream);
}

/**
 * A 32-bit id of a feature density, from its float64 bits. Streams are keyed by density rather than
 * by position, so a model trained alone at density d under seed s is the same model as the
 * instance at d in a sweep under s: the live slider reproduces the shipped sweep exactly.
 */
function densityId(density: number): number {
  const words = new Uint32Array(new Float64Array([density]).buffer);
  return Math.imul(words[0]! ^ 0x7f4a7c15, 0x9e3779b1) ^ words[1]!;
}

/** Stream ids, so that initialisation and data of different densities never share numbers. */
export const STREAM = {
  init: (density: number) => (densityId(density) & ~1) >>> 0,
  data: (density: number) => (densityId(density) | 1) >>> 0,
} as const;
