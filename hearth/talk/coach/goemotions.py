"""Reads the GoEmotions TSV into the two-class cut used to calibrate and evaluate the coach.

Kept apart from the product code paths: ``analyze`` never imports this module, and no GoEmotions
text is stored in the package.
"""

from __future__ import annotations

import csv
from pathlib import Path

HOSTILE = frozenset({"anger", "annoyance", "disapproval", "disgust"})
APPRECIATIVE = frozenset({"admiration", "approval", "caring", "gratitude", "love"})


def load_two_class(tsv: str | Path) -> list[tuple[str, int]]:
    """Return ``(text, 1 if hostile else 0)`` for rows that are clearly one side only.

    ``labels.txt`` is looked up beside the TSV, as shipped in the shared data folder.
    """
    path = Path(tsv)
    names = (path.parent / "labels.txt").read_text(encoding="utf-8").split()
    hostile = {i for i, n in enumerate(names) if n in HOSTILE}
    appreciative = {i for i, n in enumerate(names) if n in APPRECIATIVE}
    rows: list[tuple[str, int]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 2 or not row[1].strip():
                continue
            labels = {int(x) for x in row[1].split(",") if x.strip().isdigit()}
            is_hostile, is_warm = bool(labels & hostile), bool(labels & appreciative)
            if is_hostile != is_warm:
                rows.append((row[0], 1 if is_hostile else 0))
    return rows


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """Mann-Whitney ROC AUC with tie handling, in pure Python (no numpy needed)."""
    pairs = sorted(zip(scores, labels, strict=True), key=lambda p: p[0])
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if not n_pos or not n_neg:
        raise ValueError("AUC needs both classes")
    rank_sum = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[i][0]:
            j += 1
        mid_rank = (i + j) / 2 + 1
        rank_sum += mid_rank * sum(1 for k in range(i, j + 1) if pairs[k][1])
        i = j + 1
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
