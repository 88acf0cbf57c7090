"""Writes the NumPy fixtures of the model import's tests (tests/unit/model/import/fixtures/).

    python3 scripts/import-fixtures.py

Every fixture holds the same small model family, so the tests can recompute the expected weights:
instance k of n = 6 features and m = 4 neurons has, in this page's layout,

    W1[k, j, i] = (k + 1) * 0.5 - 0.1 * j + 0.01 * i     (neuron-major, [m, n])
    W2[k, i, j] = 0.2 * k + 0.03 * i - 0.05 * j          ([n, m])
    b[k, i]     = 0.01 * (i - k)

The files are written the way the public replications save their parameters: numpy.savez of the
arrays under each layout's names, in float32 or float64, with or without an instances axis, some
matrices as transposed (Fortran-order) views. The malformed ones are what such a save goes wrong
into: an integer dtype, big-endian data, a NaN, mismatched shapes, a truncated archive, a model
over the page's caps, a pickled object array.
"""

import io
import os

import numpy as np

K, N, M = 2, 6, 4
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "unit", "model", "import", "fixtures")

k = np.arange(K)[:, None, None]
W1 = (k + 1) * 0.5 - 0.1 * np.arange(M)[None, :, None] + 0.01 * np.arange(N)[None, None, :]  # [K, M, N]
W2 = 0.2 * k + 0.03 * np.arange(N)[None, :, None] - 0.05 * np.arange(M)[None, None, :]  # [K, N, M]
b = 0.01 * (np.arange(N)[None, :] - np.arange(K)[:, None])  # [K, N]


def save(name, **arrays):
    np.savez(os.path.join(OUT, name), **arrays)


def save_compressed(name, **arrays):
    np.savez_compressed(os.path.join(OUT, name), **arrays)


os.makedirs(OUT, exist_ok=True)

# Supported layouts.
save("page-layout.npz", W1=W1, W2=W2, b=b, density=np.array([1.0, 0.1]), importance_decay=np.float64(0.8))
save_compressed("arena-float32.npz", W1=W1.astype(np.float32), W2=W2.astype(np.float32), b_final=b.astype(np.float32),
                feature_probability=np.array([[1.0], [0.1]]), importance=(0.75 ** np.arange(1, N + 1))[None, :])
# W_in [n, m] and W_out [m, n], one instance, no instances axis; saved from transposed views (Fortran order).
save("w-in-out-single.npz", W_in=W1[0].T, W_out=W2[0].T, b_out=b[0])
# Anthropic's notebook: W [instances, features, hidden] with b_final, tied (W1 = W^T, W2 = W).
save("anthropic-tied.npz", W=np.ascontiguousarray(np.transpose(W1, (0, 2, 1))), b_final=b)
# A 3-D array in Fortran order, as float32.
np.save(os.path.join(OUT, "W.npy"), np.asfortranarray(np.transpose(W1, (0, 2, 1)).astype(np.float32)))
# Separate .npy files, to be chosen together.
np.save(os.path.join(OUT, "W1.npy"), W1)
np.save(os.path.join(OUT, "W2.npy"), W2)
np.save(os.path.join(OUT, "b.npy"), b)

# Malformed.
save("bad-int-dtype.npz", W1=np.ones((K, M, N), dtype=np.int64), W2=W2, b=b)
save("bad-big-endian.npz", W1=W1.astype(">f4"), W2=W2, b=b)
W1_nan = W1.copy()
W1_nan[1, 2, 3] = np.nan
save("bad-nan.npz", W1=W1_nan, W2=W2, b=b)
save("bad-shapes.npz", W1=W1, W2=W2[:, :, :3], b=b)
save("bad-unknown-name.npz", W1=W1, W2=W2, b=b, optimizer_state=np.zeros(3))
save_compressed("bad-oversized.npz", W1=np.zeros((1, 4, 1001)), W2=np.zeros((1, 1001, 4)), b=np.zeros((1, 1001)))
save("bad-pickled.npz", W1=np.array([W1[0], "text"], dtype=object), W2=W2, b=b)
buffer = io.BytesIO()
np.savez(buffer, W1=W1, W2=W2, b=b)
with open(os.path.join(OUT, "bad-truncated.npz"), "wb") as f:
    f.write(buffer.getvalue()[: len(buffer.getvalue()) * 2 // 3])

print("wrote", sorted(os.listdir(OUT)))
