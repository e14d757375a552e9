"""Finds the exact words that carry each harsh pattern.

Runs the hand-written rules over the shadow text, adds two lexicon-driven rules (name-calling with a
strongly negative word, and "you + hurtful verb" blame) so swear words need not be listed, then
keeps the strongest non-overlapping matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import (
    rules_contempt,
    rules_criticism,
    rules_defensiveness,
    rules_deflection,
    rules_sarcasm,
    rules_stonewalling,
)
from .guards import generic_you, is_playful, not_affectionate, polite_question, you_is_object
from .prefilter import may_match
from .rules import END, INTENSIFIER, STATES, TRAITS, YOURE, Rule
from .tone import vader_lexicon

ALL_RULES: tuple[Rule, ...] = (
    rules_criticism.RULES
    + rules_contempt.RULES
    + rules_sarcasm.RULES
    + rules_defensiveness.RULES
    + rules_deflection.RULES
    + rules_stonewalling.RULES
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A candidate span with its pattern, sub-kind and confidence weight (0..1)."""

    start: int
    end: int
    pattern: str
    kind: str
    weight: float


_NAME_CALL = re.compile(
    rf"\b{YOURE}((?:\s+(?:{INTENSIFIER}|\w+ing))*)\s+([a-z][\w'-]*)\b", re.IGNORECASE
)
_VOCATIVE = re.compile(
    rf"\b(?:you|u)((?:\s+(?:{INTENSIFIER}|\w+ing))*)\s+([a-z][\w'-]*){END}", re.IGNORECASE
)
_TRAIT = re.compile(TRAITS, re.IGNORECASE)
_YOU_THEN = re.compile(r"\b(?:you|u)\b((?:\s+[a-z']+){1,3})", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|don'?t|didn'?t|doesn'?t|won'?t|wouldn'?t|can'?t)\b|n't")
_WORD = re.compile(r"[a-z']+", re.IGNORECASE)
_STATE_VERBS = frozenset(
    [
        "are",
        "were",
        "'re",
        "look",
        "looked",
        "seem",
        "seemed",
        "feel",
        "felt",
        "sound",
        "sounded",
        "must",
        "might",
        "may",
        "get",
        "got",
        "know",
        "see",
        "mean",
        "guys",
        "all",
        "two",
        "both",
    ]
)


def _name_calls(text: str) -> list[Hit]:
    """'you're a <strongly negative word>' / 'you <strongly negative word>!' as contempt."""
    lexicon = vader_lexicon()
    hits: list[Hit] = []
    for regex in (_NAME_CALL, _VOCATIVE):
        for m in regex.finditer(text):
            between, word = m.group(1).lower(), m.group(2).lower()
            valence = lexicon.get(word, 0.0)
            if word in STATES or _NEGATION.search(between) or valence > -1.2:
                continue
            if valence > -2.0:  # a milder flaw ("you're so incapable"): criticism, not an insult
                if regex is _NAME_CALL and not_affectionate(text, m) >= 1.0:
                    hits.append(Hit(m.start(), m.end(), "criticism", "character", 0.6))
                continue
            if _TRAIT.fullmatch(word):
                continue
            if you_is_object(text, m) or not_affectionate(text, m) < 1.0:
                continue
            hits.append(Hit(m.start(), m.end(), "contempt", "insult", 0.85))
    return hits


def _blames(text: str) -> list[Hit]:
    """'you <hurtful verb>' ('you lied', 'you really hurt me') as a blaming criticism."""
    lexicon = vader_lexicon()
    hits: list[Hit] = []
    for m in _YOU_THEN.finditer(text):
        tokens = m.group(1).lower().split()
        if not tokens or tokens[0] in _STATE_VERBS or tokens[0] in STATES:
            continue
        if you_is_object(text, m) or polite_question(text, m) or generic_you(text, m) < 1.0:
            continue
        for word_m in _WORD.finditer(m.group(1)):
            tok = word_m.group().lower()
            if _NEGATION.search(tok):
                break
            if lexicon.get(tok, 0.0) <= -1.5:
                if not_affectionate(text, m) >= 1.0:
                    hits.append(
                        Hit(m.start(), m.start(1) + word_m.end(), "criticism", "blame", 0.45)
                    )
                break
    return hits


def _lexicon_hits(text: str) -> list[Hit]:
    """Name-calling and blame spotted through VADER ratings instead of word lists."""
    return _name_calls(text) + _blames(text)


def _rule_hits(text: str) -> list[Hit]:
    hits: list[Hit] = []
    folded = text.casefold()
    for r in ALL_RULES:
        if not may_match(r.needs, folded):
            continue
        for m in r.regex.finditer(text):
            factor = r.guard(text, m) if r.guard else 1.0
            if factor <= 0.0:
                continue
            start, end = m.span("hit") if "hit" in r.regex.groupindex else m.span()
            start, end = _trim(text, start, end)
            if text[start : start + 1] in "yYuU":
                factor *= generic_you(text, m)
            if end > start:
                hits.append(Hit(start, end, r.pattern, r.kind, r.weight * factor))
    return hits


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop blanks and stray punctuation at the edges so the highlight is just the words."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


_GENTLE = re.compile(
    r"\bI\s+(?:feel|felt|am\s+feeling|'?m\s+feeling|'?ve\s+been\s+feeling)\s+(?!like\b|that\b|"
    r"as\s+if\b|you\b)\w+",
    re.IGNORECASE,
)
_ASK = re.compile(
    r"\b(?:I\s+need|I'?d\s+(?:love|like|appreciate)|can\s+we|could\s+we|would\s+you|could\s+you|"
    r"would\s+it\s+be\s+ok|please|let'?s)\b",
    re.IGNORECASE,
)
_SOFTEN = {"criticism": 0.6, "defensiveness": 0.7, "stonewalling": 0.7, "contempt": 1.0}
_PLAYFUL = {"criticism": 0.5, "defensiveness": 0.55, "stonewalling": 0.6, "contempt": 0.85}


def is_gentle_startup(text: str) -> bool:
    """'I feel <emotion> … can we / I need …': the shape the coach is steering towards."""
    return _GENTLE.search(text) is not None and _ASK.search(text) is not None


def find_hits(text: str) -> list[Hit]:
    """Strongest non-overlapping hits in ``text`` (a shadow string), in reading order."""
    candidates = _rule_hits(text) + _lexicon_hits(text)
    if not candidates:
        return []
    gentle, playful = is_gentle_startup(text), is_playful(text)
    if gentle or playful:
        candidates = [
            Hit(
                h.start,
                h.end,
                h.pattern,
                h.kind,
                h.weight
                * (_SOFTEN[h.pattern] if gentle else 1.0)
                * (_PLAYFUL[h.pattern] if playful else 1.0),
            )
            for h in candidates
        ]
    kept: list[Hit] = []
    for hit in sorted(candidates, key=lambda h: (-h.weight, -(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)
