"""The coach's entry point: ``analyze(text) -> Analysis``.

Pure function of its input (no I/O after the first call loads VADER and the weights), so it is
deterministic, thread-safe and cheap to call on every keystroke pause.
"""

from __future__ import annotations

from .detect import find_hits, is_gentle_startup
from .feedback import reason_for
from .guards import is_playful
from .models import Analysis, Span
from .rewrite import suggest
from .scoring import THRESHOLD, harshness, salience_order
from .text import shadow
from .tone import tone_score

__all__ = ["THRESHOLD", "analyze"]

_CALM = Analysis(harshness=0.0, patterns=(), spans=(), reasons={}, suggestion=None, is_harsh=False)


def analyze(text: str) -> Analysis:
    """Flag criticism, contempt, defensiveness and stonewalling in a draft message.

    Only the first ``text.MAX_CHARS`` characters are read; span offsets always index ``text``.
    A message is harsh when its harshness reaches ``THRESHOLD``; calm messages come back with no
    patterns, spans, reasons or suggestion, so the UI has nothing to nag about.
    """
    if not isinstance(text, str):
        raise TypeError(f"analyze() needs a str, not {type(text).__name__}")
    view = shadow(text)
    if not view.strip():
        return _CALM
    hits = find_hits(view)
    softened = is_gentle_startup(view) or is_playful(view)
    score = round(harshness(hits, tone_score(view), softened), 4)
    if score < THRESHOLD or not hits:
        return Analysis(score, (), (), {}, None, False)
    order = salience_order(hits)
    spans = tuple(Span(h.start, h.end, h.pattern, text[h.start : h.end]) for h in hits)
    reasons = {}
    for pattern in order:
        best = max((h for h in hits if h.pattern == pattern), key=lambda h: h.weight)
        reasons[pattern] = reason_for(pattern, best.kind)
    return Analysis(score, order, spans, reasons, suggest(view, order[0]), True)
