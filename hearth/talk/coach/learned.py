"""A small learned layer over the rules: which pattern, if any, a whole message carries.

The rules know exact phrases; this knows how couples write around them. It is a multinomial
logistic regression over words, word pairs, a few shape cues and the rules' own hits, fitted by
``train.py`` on ``training/couple_messages.tsv`` (messages written for training only, apart
from any evaluation set) and shipped as ``learned_weights.json``. Pure Python: a dot product.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .detect import Hit

CLASSES = ("ok", "criticism", "contempt", "defensiveness", "stonewalling")
WEIGHTS = Path(__file__).with_name("learned_weights.json")
_LATIN_WORD = re.compile(r"[A-Za-z]")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[!?]{2,}|\.{2,}|[^\w\s]", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokens(view: str) -> list[Token]:
    return [Token(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN.finditer(view)]


def features(view: str, hits: Iterable[Hit], tone: float) -> dict[str, float]:
    """Sparse features of one message (the view from ``text.shadow``)."""
    toks = tokens(view)
    words = [t.text for t in toks]
    found: dict[str, float] = {"bias": 1.0, "tone": tone}
    for word in words:
        found[f"w:{word}"] = 1.0
    for first, second in itertools.pairwise(words):
        found[f"b:{first}_{second}"] = 1.0
    if words:
        found[f"s:{words[0]}"] = 1.0
        found[f"e:{words[-1]}"] = 1.0
    letters = [w for w in view.split() if len(w) > 1 and w.isalpha()]
    if any(w.isupper() for w in letters):
        found["shape:caps"] = 1.0
    if len(words) <= 3 and len(view.strip()) <= 25:
        found["shape:short"] = 1.0
    if view.rstrip().endswith("."):
        found["shape:full_stop"] = 1.0
    for hit in hits:
        found[f"rule:{hit.pattern}"] = max(found.get(f"rule:{hit.pattern}", 0.0), hit.weight)
    return found


@cache
def _weights() -> dict[str, list[float]]:
    with WEIGHTS.open(encoding="utf-8") as handle:
        return json.load(handle)["weights"]


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def scores_for(found: dict[str, float], weights: dict[str, list[float]]) -> list[float]:
    scores = [0.0] * len(CLASSES)
    for name, value in found.items():
        row = weights.get(name)
        if row is not None:
            for index, weight in enumerate(row):
                scores[index] += weight * value
    return scores


def probabilities(view: str, hits: Iterable[Hit], tone: float) -> dict[str, float]:
    """Class probabilities. The layer abstains (all "ok") on text with no word it learned,
    such as other scripts or keyboard mashing: it cannot judge what it was never taught."""
    abstain = {name: (1.0 if name == "ok" else 0.0) for name in CLASSES}
    if not _LATIN_WORD.search(view):
        return abstain
    weights = _weights()
    found = features(view, list(hits), tone)
    if not any(name.startswith("w:") and name in weights for name in found):
        return abstain
    return dict(zip(CLASSES, softmax(scores_for(found, weights)), strict=True))


def telling_words(view: str, pattern: str, limit: int = 2) -> list[Token]:
    """The words that pushed the message toward ``pattern`` most, to highlight them."""
    index = CLASSES.index(pattern)
    weights = _weights()
    scored = []
    for token in tokens(view):
        if not token.text[0].isalpha():
            continue
        row = weights.get(f"w:{token.text}")
        if row and row[index] - row[0] > 0.5:
            scored.append((row[index] - row[0], token))
    scored.sort(key=lambda item: -item[0])
    return sorted((token for _, token in scored[:limit]), key=lambda token: token.start)
