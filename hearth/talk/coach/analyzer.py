"""The coach's entry point: ``analyze(text) -> Analysis``.

Pure function of its input (no I/O after the first call loads VADER and the weights), so it is
deterministic, thread-safe and cheap to call on every keystroke pause.

Two voices decide: the hand-written rules (exact phrases, with guards for kind uses) and a small
learned layer (``learned.py``) that knows how couples write around those phrases. The rules
mark the words; when only the learned layer hears harshness, the words that weighed most in its
judgement are marked instead, so every harsh verdict still shows its reasons.
"""

from __future__ import annotations

from . import learned
from .detect import find_hits, is_gentle_startup
from .feedback import reason_for
from .guards import is_playful
from .models import PATTERNS, Analysis, Span
from .rewrite import suggest
from .scoring import THRESHOLD, harshness, pattern_scores
from .text import shadow
from .tone import tone_score

__all__ = ["THRESHOLD", "analyze"]

# How much the learned layer's "harsh" probability adds to the rules' harshness.
LEARNED_SHARE = 0.7
# How much its pattern probabilities weigh when ordering the patterns found.
LEARNED_PATTERN_SHARE = 0.6
# Within harsh and within calm messages, how much the tone orders them.
TONE_RANK_SHARE = 0.5

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
    tone = tone_score(view)
    probs = learned.probabilities(view, hits, tone)
    rules = harshness(hits, tone, softened)
    score = round(_rank(1.0 - (1.0 - rules) * (1.0 - LEARNED_SHARE * (1.0 - probs["ok"])), tone), 4)
    if score < THRESHOLD:
        return Analysis(score, (), (), {}, None, False)
    by_rules = pattern_scores(hits)
    strength = {p: by_rules.get(p, 0.0) + LEARNED_PATTERN_SHARE * probs[p] for p in PATTERNS}
    found = set(by_rules)
    if not found:
        found = {max(PATTERNS, key=lambda p: probs[p])}
    order = tuple(sorted(found, key=lambda p: -strength[p]))
    spans = [Span(h.start, h.end, h.pattern, text[h.start : h.end]) for h in hits]
    reasons = {}
    for pattern in order:
        pattern_hits = [h for h in hits if h.pattern == pattern]
        if pattern_hits:
            best = max(pattern_hits, key=lambda h: h.weight)
            reasons[pattern] = reason_for(pattern, best.kind)
        else:
            reasons[pattern] = reason_for(pattern, "")
            words = learned.telling_words(view, pattern) or _whole(view)
            spans += [Span(w.start, w.end, pattern, text[w.start : w.end]) for w in words]
    spans.sort(key=lambda span: span.start)
    return Analysis(score, order, tuple(spans), reasons, suggest(view, order[0]), True)


def _rank(decision: float, tone: float) -> float:
    """The harshness shown: which side of THRESHOLD comes from the decision alone; within each
    side, the overall tone helps order messages (a fierce "k." above a mild one)."""
    within = (1.0 - TONE_RANK_SHARE) * decision + TONE_RANK_SHARE * tone
    if decision >= THRESHOLD:
        return THRESHOLD + (1.0 - THRESHOLD) * within
    return THRESHOLD * min(within, 0.999)


def _whole(view: str) -> list[learned.Token]:
    """A short message with no single telling word ("k.", "fine") is marked as a whole."""
    start = len(view) - len(view.lstrip())
    end = len(view.rstrip())
    return [learned.Token(view[start:end], start, end)]
