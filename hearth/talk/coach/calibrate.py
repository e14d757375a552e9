"""Fits the tone layer on GoEmotions *train* and writes ``tone_weights.json``.

Run by a developer, never by the app:
    python -m hearth.talk.coach.calibrate --goemotions /work/shared/data/goemotions/train.tsv

Pure-Python AdaGrad logistic regression with L2, fixed seed, so the result is reproducible without
numpy. Word indicators are limited to our own cue list plus VADER lexicon words rated above -2
(strong slurs and swear words are scored through VADER's valence bins instead), so the weights file
holds no corpus text and no strong profanity.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from pathlib import Path

from .goemotions import load_two_class, roc_auc
from .text import shadow
from .tone import CUE_WORDS, WEIGHTS_FILE, features, vader_lexicon

MIN_COUNT = 3
MIN_PAIR_COUNT = 3
MIN_VALENCE = -2.0


def vocabulary(rows: list[tuple[str, int]]) -> frozenset[str]:
    """Cue words, plus mild VADER words seen at least MIN_COUNT times in training.

    Word pairs are built afterwards from this vocabulary and kept when seen MIN_PAIR_COUNT times.
    """
    lexicon = vader_lexicon()
    counts: Counter[str] = Counter()
    for text, _ in rows:
        counts.update({k[2:] for k in features(text) if k.startswith("w:")})
    mild = {w for w, n in counts.items() if n >= MIN_COUNT and lexicon.get(w, -9.0) > MIN_VALENCE}
    return frozenset(CUE_WORDS | mild)


def fit(
    xs: list[dict[str, float]], ys: list[int], epochs: int = 8, rate: float = 0.1, l2: float = 1e-4
) -> tuple[float, dict[str, float]]:
    """Sparse AdaGrad logistic regression; returns (bias, weights)."""
    weights: dict[str, float] = {}
    grad_sq: dict[str, float] = {}
    bias, bias_sq = 0.0, 1e-8
    order = list(range(len(xs)))
    rng = random.Random(0)  # noqa: S311 - a reproducible shuffle, not security
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            x = xs[i]
            z = bias + sum(weights.get(k, 0.0) * v for k, v in x.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - ys[i]
            for k, v in x.items():
                gk = g * v + l2 * weights.get(k, 0.0)
                grad_sq[k] = grad_sq.get(k, 1e-8) + gk * gk
                weights[k] = weights.get(k, 0.0) - rate * gk / math.sqrt(grad_sq[k])
            bias_sq += g * g
            bias -= rate * g / math.sqrt(bias_sq)
    return bias, weights


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goemotions", required=True, help="path to GoEmotions train.tsv")
    parser.add_argument("--dev", help="optional dev.tsv to report AUC on")
    parser.add_argument("--out", default=str(WEIGHTS_FILE))
    args = parser.parse_args(argv)

    rows = [(shadow(text), label) for text, label in load_two_class(args.goemotions)]
    vocab = vocabulary(rows)
    xs = [features(text, vocab) for text, _ in rows]
    pair_counts = Counter(k for x in xs for k in x if k.startswith("b:"))
    xs = [
        {k: v for k, v in x.items() if pair_counts.get(k, MIN_PAIR_COUNT) >= MIN_PAIR_COUNT}
        for x in xs
    ]
    bias, weights = fit(xs, [y for _, y in rows])
    kept = {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 0.02}
    payload = {"source": "GoEmotions train, two-class cut", "bias": round(bias, 4), "weights": kept}
    Path(args.out).write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {len(kept)} weights to {args.out}")
    if args.dev:
        dev = [(shadow(text), label) for text, label in load_two_class(args.dev)]
        scores = []
        for text, _ in dev:
            logit = bias + sum(kept.get(k, 0.0) * v for k, v in features(text, vocab).items())
            scores.append(logit)
        print(f"tone-only dev ROC AUC: {roc_auc(scores, [y for _, y in dev]):.4f}")


if __name__ == "__main__":
    main()
