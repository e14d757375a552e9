"""Fit the learned layer (``learned_weights.json``) on the training corpus, reproducibly.

    python -m hearth.talk.coach.train --corpus hearth/talk/coach/training/*.tsv \
        --kind-comments ../shared/data/goemotions/train.tsv --kind-limit 5000

Prints a 5-fold cross-validated estimate first, so the figure is about unseen wording.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

from .detect import find_hits
from .learned import CLASSES, WEIGHTS, features, scores_for, softmax
from .text import shadow
from .tone import tone_score

EPOCHS = 25
RATE = 0.3
L2 = 1e-4
MIN_COUNT = 2


def load(path: Path) -> list[tuple[dict[str, float], int]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for label, patterns, text in reader:
            view = shadow(text)
            target = 0 if label == "ok" else CLASSES.index(patterns.split(",")[0])
            rows.append((features(view, find_hits(view), tone_score(view)), target))
    return rows


def load_kind_comments(path: Path, limit: int) -> list[tuple[dict[str, float], int]]:
    """Appreciative GoEmotions train comments as extra "ok" examples.

    Couple messages alone teach the layer that warm superlatives and teasing are harsh on
    other people's text; kind comments from elsewhere keep it honest. Only the fitted weights
    are kept, never the comments.
    """
    from .goemotions import load_two_class

    kind = [text for text, hostile in load_two_class(str(path)) if not hostile]
    random.Random(2).shuffle(kind)  # noqa: S311
    rows = []
    for text in kind[:limit]:
        view = shadow(text)
        rows.append((features(view, find_hits(view), tone_score(view)), 0))
    return rows


def fit(rows: list[tuple[dict[str, float], int]], seed: int = 0) -> dict[str, list[float]]:
    """Multinomial logistic regression by AdaGrad, with L2; rare features are dropped."""
    counts: dict[str, int] = {}
    for found, _ in rows:
        for name in found:
            counts[name] = counts.get(name, 0) + 1
    keep = {name for name, count in counts.items() if count >= MIN_COUNT}
    weights = {name: [0.0] * len(CLASSES) for name in keep}
    squares = {name: [1e-8] * len(CLASSES) for name in keep}
    order = list(range(len(rows)))
    rng = random.Random(seed)  # noqa: S311 (reproducible shuffling, not secrets)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            found, target = rows[index]
            probs = softmax(scores_for(found, weights))
            for name, value in found.items():
                if name not in weights:
                    continue
                row, square = weights[name], squares[name]
                for k in range(len(CLASSES)):
                    gradient = (probs[k] - (1.0 if k == target else 0.0)) * value + L2 * row[k]
                    square[k] += gradient * gradient
                    row[k] -= RATE * gradient / square[k] ** 0.5
    return {
        name: [round(w, 4) for w in row]
        for name, row in weights.items()
        if any(abs(w) > 1e-3 for w in row)
    }


def predict(found: dict[str, float], weights: dict[str, list[float]]) -> int:
    scores = scores_for(found, weights)
    return scores.index(max(scores))


def cross_validate(rows: list[tuple[dict[str, float], int]], folds: int = 5) -> dict[str, float]:
    rng = random.Random(1)  # noqa: S311
    order = list(range(len(rows)))
    rng.shuffle(order)
    caught = harsh = alarms = kind = right = 0
    for fold in range(folds):
        test = {order[i] for i in range(fold, len(order), folds)}
        weights = fit([rows[i] for i in order if i not in test])
        for i in test:
            found, target = rows[i]
            guess = predict(found, weights)
            if target:
                harsh += 1
                caught += guess != 0
                right += guess == target
            else:
                kind += 1
                alarms += guess != 0
    return {"recall": caught / harsh, "false_alarms": alarms / kind, "pattern": right / harsh}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, nargs="+", required=True)
    parser.add_argument("--kind-comments", type=Path, help="GoEmotions train.tsv (optional)")
    parser.add_argument("--kind-limit", type=int, default=3000)
    parser.add_argument("--no-cv", action="store_true")
    args = parser.parse_args()
    rows = [row for path in args.corpus for row in load(path)]
    if not args.no_cv:
        print("5-fold cross-validation:", cross_validate(rows))
    if args.kind_comments:
        rows += load_kind_comments(args.kind_comments, args.kind_limit)
    weights = fit(rows)
    sources = [path.name for path in args.corpus]
    WEIGHTS.write_text(
        json.dumps({"sources": sources, "classes": CLASSES, "weights": weights}, sort_keys=True)
    )
    print(f"{len(weights)} features written to {WEIGHTS.name}")


if __name__ == "__main__":
    main()
