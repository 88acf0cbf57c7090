"""Writes the safetensors fixtures of the model import's tests with Hugging Face's own writer.

    pip install safetensors numpy && python3 scripts/safetensors-fixtures.py

The same model family as scripts/import-fixtures.py (k = 2 instances, n = 6, m = 4), saved the way
researchers save it with safetensors.numpy.save_file (the writer safetensors.torch uses too):
ARENA's names in float32 with a float32 density and metadata, a state_dict of nn.Linear layers
(one instance, fc1.weight [m, n], fc2.weight [n, m], fc2.bias, fc1.bias) in float16, and
TransformerLens-style W_in/W_out in float64. (numpy has no bfloat16; the BF16 reading is tested
with files made in tests/unit/model/import/make-files.ts.)
"""

import os

import numpy as np
from safetensors.numpy import save_file

K, N, M = 2, 6, 4
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "unit", "model", "import", "fixtures")

k = np.arange(K)[:, None, None]
W1 = (k + 1) * 0.5 - 0.1 * np.arange(M)[None, :, None] + 0.01 * np.arange(N)[None, None, :]  # [K, M, N]
W2 = 0.2 * k + 0.03 * np.arange(N)[None, :, None] - 0.05 * np.arange(M)[None, None, :]  # [K, N, M]
b = 0.01 * (np.arange(N)[None, :] - np.arange(K)[:, None])  # [K, N]

f32 = np.float32
save_file(
    {
        "W1": W1.astype(f32),
        "W2": W2.astype(f32),
        "b_final": b.astype(f32),
        "feature_probability": np.asarray([0.3, 0.03], dtype=f32),
        "importance": (0.9 ** np.arange(N)).astype(f32),
    },
    os.path.join(OUT, "arena-float32.safetensors"),
    metadata={"format": "pt"},
)
f16 = np.float16
save_file(
    {
        "fc1.weight": W1[0].astype(f16),
        "fc2.weight": W2[0].astype(f16),
        "fc2.bias": b[0].astype(f16),
        "fc1.bias": np.asarray([0.5, 0.0, -0.25, 0.125], dtype=f16),
    },
    os.path.join(OUT, "state-dict-float16.safetensors"),
)
save_file(
    {"W_in": W1.transpose(0, 2, 1).copy(), "W_out": W2.transpose(0, 2, 1).copy(), "b_out": b},
    os.path.join(OUT, "w-in-out-float64.safetensors"),
)
