"""The numpy yardstick for the engine's single-instance step (npm run bench; docs/engine-speed.md).

The same model and step as the per-instance engine: x [rows, n] compacted (the examples with an
active feature plus one zero row weighted by the all-zero examples' count), W1T [n, m] and W2T
[m, n] stored transposed, output bias b [n], ReLU on both layers, importance-weighted squared
error of |x|, Adam (beta1 0.9, beta2 0.999, explicit epsilon) in float32. Data are drawn per step
with numpy's generator, so the figure includes data generation as the engine's does.

Run on one thread: the caller sets OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS to 1
before python starts (BLAS reads them at import).

    python3 bench/numpy_reference.py --density 0.03 --batch 256 --steps 1000 --repeats 3

prints one JSON object: {"density", "batch", "steps", "stepsPerSecond": [one per repeat], "rows"}.
"""

import argparse
import json
import time

import numpy as np

N, M = 100, 40
BETA1, BETA2 = 0.9, 0.999
# Below this density the engine draws only the non-zeros (src/model/data.ts); so does this script.
SKIP_BELOW_DENSITY = 0.2


def batch_dense(rng, density, batch):
    """Every example drawn cell by cell: x [batch, n], row weights 1."""
    u = rng.random((batch, N), dtype=np.float32)
    x = np.where(u < density, 2 * u / density - 1, 0).astype(np.float32)
    return x, np.ones((batch, 1), dtype=np.float32)


def batch_sparse(rng, density, batch):
    """Only the non-zeros drawn; the examples with one compacted, plus one zero row standing for the rest."""
    count = rng.binomial(batch * N, density)
    cells = np.unique(rng.integers(0, batch * N, count))
    examples, row_of = np.unique(cells // N, return_inverse=True)
    rows = len(examples)
    x = np.zeros((rows + 1, N), dtype=np.float32)
    x[row_of, cells % N] = rng.uniform(-1, 1, len(cells)).astype(np.float32)
    weights = np.ones((rows + 1, 1), dtype=np.float32)
    weights[rows] = batch - rows
    return x, weights


class Trainer:
    def __init__(self, density, batch, lr, eps, seed):
        rng = np.random.default_rng(seed)
        self.rng = rng
        self.density, self.batch, self.lr, self.eps = density, batch, lr, eps
        self.params = [
            (0.02 * rng.standard_normal((N, M))).astype(np.float32),  # W1T
            (0.02 * rng.standard_normal((M, N))).astype(np.float32),  # W2T
            np.full(N, 0.02, dtype=np.float32),  # b
        ]
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]
        self.importance = (0.8 ** np.arange(N)).astype(np.float32)
        self.t = 0
        self.rows = 0

    def step(self):
        draw = batch_dense if self.density >= SKIP_BELOW_DENSITY else batch_sparse
        x, weights = draw(self.rng, self.density, self.batch)
        self.rows += x.shape[0]
        W1T, W2T, b = self.params
        hidden = np.maximum(x @ W1T, 0)
        output = np.maximum(hidden @ W2T + b, 0)
        residual = output - np.abs(x)
        d_output = (2 / self.batch) * weights * self.importance * residual * (output > 0)
        d_hidden = (d_output @ W2T.T) * (hidden > 0)
        grads = [x.T @ d_hidden, hidden.T @ d_output, d_output.sum(axis=0)]
        self.t += 1
        step_size = self.lr / (1 - BETA1**self.t)
        correction2_sqrt = np.sqrt(1 - BETA2**self.t)
        for p, m, v, g in zip(self.params, self.m, self.v, grads):
            m *= BETA1
            m += (1 - BETA1) * g
            v *= BETA2
            v += (1 - BETA2) * g * g
            p -= step_size * m / (np.sqrt(v) / correction2_sqrt + self.eps)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--density", type=float, required=True)
    parser.add_argument("--batch", type=int, required=True)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--eps", type=float, default=1e-8)
    args = parser.parse_args()
    trainer = Trainer(args.density, args.batch, args.lr, args.eps, seed=0)
    for _ in range(20):
        trainer.step()
    trainer.rows = 0
    rates = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(args.steps):
            trainer.step()
        rates.append(args.steps / (time.perf_counter() - start))
    print(
        json.dumps(
            {
                "density": args.density,
                "batch": args.batch,
                "steps": args.steps,
                "stepsPerSecond": rates,
                "rows": trainer.rows / (args.steps * args.repeats),
            }
        )
    )


if __name__ == "__main__":
    main()
