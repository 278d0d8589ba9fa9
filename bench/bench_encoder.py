"""Speed of the sentence-embedding model, and what cheaper variants would cost in accuracy.

The encoder is most of the pipeline's floor (docs/bench/throughput.md). This measures, on
sentences of our synthetic corpus (``bench/synthetic.py``), texts per second of the packaged
all-MiniLM-L6-v2 at two batch sizes, and of a dynamically int8-quantised copy, with the
cosine between each text's quantised and float embeddings (1.0 = unchanged):

    .venv/bin/python bench/bench_encoder.py --texts 1500
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _sentences(count: int) -> list[str]:
    from bench.synthetic import generate

    out: list[str] = []
    seen: set[str] = set()
    for article in generate(max(20, count // 20)):
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", article.text):
            sentence = sentence.strip()
            if len(sentence.split()) >= 5 and sentence not in seen:
                seen.add(sentence)
                out.append(sentence)
    return out[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=1500)
    args = parser.parse_args()

    import numpy as np
    import torch

    from collation.nlp.models import load_embedder

    texts = _sentences(args.texts)
    model = load_embedder()
    model.encode(texts[:32])

    def rate(encoder: object, batch_size: int) -> tuple[float, np.ndarray]:
        start = time.perf_counter()
        vectors = encoder.encode(texts, batch_size=batch_size, normalize_embeddings=True)  # type: ignore[attr-defined]
        return len(texts) / (time.perf_counter() - start), np.asarray(vectors)

    print(f"{len(texts)} sentences, torch threads {torch.get_num_threads()}")
    fp32_64, reference = rate(model, 64)
    fp32_16, _ = rate(model, 16)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch's notice that eager quantisation moved to torchao
        quantised = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    quantised.encode(texts[:32])
    int8_64, vectors = rate(quantised, 64)
    cosine = np.sum(reference * vectors, axis=1)
    print(f"float32, batch 64: {fp32_64:7.0f} texts/s")
    print(f"float32, batch 16: {fp32_16:7.0f} texts/s")
    print(f"int8,    batch 64: {int8_64:7.0f} texts/s  cosine to float32: mean {cosine.mean():.3f}, "
          f"min {cosine.min():.3f}")


if __name__ == "__main__":
    main()
