"""Offline check of the coach: ROC AUC on GoEmotions and time per message.

    python -m hearth.talk.coach.evaluate --goemotions /work/shared/data/goemotions/dev.tsv

Pure Python (no numpy). AUC treats the hostile side of the two-class cut as positive and ranks by
``harshness``. Timing calls ``analyze`` once per message after a warm-up and reports percentiles,
so the first call's one-off lexicon load is not counted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from .analyzer import analyze
from .goemotions import load_two_class, roc_auc


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


_MEMORY_PROBE = """
import tracemalloc
tracemalloc.start()
from hearth.talk.coach import analyze
analyze("warming up: you never listen, whatever.")
print(tracemalloc.get_traced_memory()[1])
"""


def measure_memory() -> float:
    """Peak MiB Python allocates to import and first use the coach, measured in a fresh process."""
    probe = subprocess.run(  # noqa: S603 - runs this interpreter on a fixed snippet
        [sys.executable, "-c", _MEMORY_PROBE], capture_output=True, text=True, check=True
    )
    return int(probe.stdout.strip().splitlines()[-1]) / 2**20


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Evaluate the message coach.")
    parser.add_argument("--goemotions", required=True, help="path to a GoEmotions TSV (dev)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N rows (0 = all)")
    parser.add_argument("--json", help="also merge the figures into this JSON file (make bench)")
    args = parser.parse_args(argv)

    rows = load_two_class(args.goemotions)
    if args.limit:
        rows = rows[: args.limit]
    analyze("warm up")
    scores: list[float] = []
    timings: list[float] = []
    flagged = 0
    for text, _ in rows:
        start = time.perf_counter()
        result = analyze(text)
        timings.append((time.perf_counter() - start) * 1000.0)
        scores.append(result.harshness)
        flagged += result.is_harsh
    labels = [label for _, label in rows]
    hostile = sum(labels)
    print(f"messages: {len(rows)} ({hostile} hostile, {len(rows) - hostile} appreciative)")
    print(f"ROC AUC (harshness, hostile positive): {roc_auc(scores, labels):.4f}")
    print(f"flagged harsh: {flagged}")
    print(
        "ms per message: "
        f"p50 {percentile(timings, 50):.3f}  p95 {percentile(timings, 95):.3f}  "
        f"max {max(timings):.3f}"
    )
    memory = measure_memory()
    print(f"memory (fresh import + first call, traced peak): {memory:.1f} MiB")
    if args.json:
        path = Path(args.json)
        figures = json.loads(path.read_text()) if path.exists() else {}
        figures.update(
            coach_p95_ms=round(percentile(timings, 95), 3),
            coach_auc_goemotions=round(roc_auc(scores, labels), 4),
            coach_memory_mb=round(memory, 1),
        )
        path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
        print(f"written to {path}")


if __name__ == "__main__":
    main()
