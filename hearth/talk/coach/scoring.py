"""Turns hits and tone into one harshness number and a salience order.

harshness = 1 - (1 - P) * (1 - TONE_SHARE * tone), where P is a noisy-or of the hit weights.
TONE_SHARE is below THRESHOLD on purpose: tone alone can never make a message "harsh"; it only
tips a borderline pattern over (or keeps it under), so every harsh verdict has words to show.
"""

from __future__ import annotations

from .detect import Hit
from .models import PATTERNS

THRESHOLD = 0.5
TONE_SHARE = 0.45
GENTLE_TONE_FACTOR = 0.5


def pattern_scores(hits: list[Hit]) -> dict[str, float]:
    """Per-pattern strength: the best hit plus a little for each repeat."""
    scores: dict[str, float] = {}
    for p in PATTERNS:
        weights = sorted((h.weight for h in hits if h.pattern == p), reverse=True)
        if weights:
            scores[p] = min(1.0, weights[0] + 0.1 * sum(weights[1:]))
    return scores


def salience_order(hits: list[Hit]) -> tuple[str, ...]:
    """Patterns, strongest first; ties go to the one that appears first."""
    scores = pattern_scores(hits)
    first_at = {p: min(h.start for h in hits if h.pattern == p) for p in scores}
    return tuple(sorted(scores, key=lambda p: (-round(scores[p], 6), first_at[p])))


def harshness(hits: list[Hit], tone: float, softened: bool) -> float:
    """Combine the words found with the overall tone into 0..1.

    ``softened`` (a gentle start-up, or a teasing frame with laughter or hearts) halves the tone's
    say, since negative words there describe feelings rather than attack.
    """
    calm = 1.0
    for h in hits:
        calm *= 1.0 - min(0.99, h.weight)
    tone_part = TONE_SHARE * tone * (GENTLE_TONE_FACTOR if softened else 1.0)
    value = 1.0 - calm * (1.0 - tone_part)
    return min(1.0, max(0.0, value))
