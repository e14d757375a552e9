"""Builds the gentle start-up suggestion: "I feel … about …; I need …".

Gottman's gentle start-up names a feeling, a specific situation and a positive need, instead of a
verdict. We take the situation from the message itself (a known topic, else the first plain noun
phrase), the feeling from any emotion the writer already named (else one typical of the pattern),
and a need that fits the topic or pattern.
"""

from __future__ import annotations

import re

from .tone import vader_lexicon

# (regex, what it is about, a typical feeling, a need phrased as a request for something positive)
TOPICS: tuple[tuple[str, str, str, str], ...] = (
    (r"dish(?:es)?|dishwasher", "the dishes", "overwhelmed", "us to share the housework"),
    (r"laundry|washing", "the laundry", "overwhelmed", "us to share the housework"),
    (r"trash|garbage|bins?|recycling", "the trash", "overwhelmed", "us to share the chores"),
    (
        r"clean(?:ing|ed)?|mess|messy|chores|housework|tidy|vacuum(?:ing)?|socks",
        "the housework",
        "overwhelmed",
        "us to make a plan for the housework together",
    ),
    (
        r"listen(?:ing|ed)?|hear(?:d|ing)?|ignor(?:e|ed|ing)",
        "not feeling heard",
        "lonely",
        "a few minutes of your full attention when we talk",
    ),
    (
        r"late|on\s+time|waiting|waited|wait",
        "being kept waiting",
        "frustrated",
        "a quick heads-up when you're running late",
    ),
    (
        r"plans?|cancel(?:l?ed)?|weekend|date\s+night",
        "our plans",
        "disappointed",
        "us to make plans together and to hear early when they change",
    ),
    (
        r"money|spend(?:ing)?|spent|bills?|rent|budget|credit\s+card|paid|pay",
        "money",
        "anxious",
        "us to sit down and go through our budget together",
    ),
    (
        r"phone|texting|texts?|replies|reply|screens?|instagram|tiktok|video\s+games?|gaming|tv",
        "our time together",
        "lonely",
        "some time together without screens",
    ),
    (
        r"kids?|baby|children|bedtime|school\s+run",
        "the kids",
        "stretched thin",
        "us to feel like a team with the kids",
    ),
    (
        r"mom|mother|mum|dad|father|parents|family|in-laws|sister|brother",
        "family",
        "hurt",
        "us to be on the same side when it comes to family",
    ),
    (r"work|job|office|boss", "work", "lonely", "some time to reconnect when work gets busy"),
    (
        r"birthday|anniversary|gift|present",
        "a day that mattered to me",
        "hurt",
        "to feel remembered on the days that matter to me",
    ),
    (
        r"friends?|party|drinks|going\s+out",
        "time with friends",
        "left out",
        "us to talk about how we balance time with friends",
    ),
    (
        r"help(?:ing)?",
        "getting help",
        "overwhelmed",
        "a hand with it, and for us to split things up",
    ),
    (
        r"affection|touch|cuddl\w*|hug|kiss|intimacy|sex",
        "closeness",
        "lonely",
        "to feel close to you, and some time that's just for us",
    ),
)
_GENERIC_TOPICS = frozenset({"getting help", "not feeling heard"})
_TOPICS: list[tuple[re.Pattern[str], str, str, str]] = [
    (re.compile(rf"\b(?:{rx})\b", re.IGNORECASE), topic, feeling, need)
    for rx, topic, feeling, need in TOPICS
]

DEFAULTS: dict[str, tuple[str, str, str]] = {
    "criticism": ("frustrated", "what happened", "us to talk it through together"),
    "contempt": (
        "hurt",
        "how things went between us",
        "us to be kind to each other, even when we're upset",
    ),
    "defensiveness": (
        "blamed",
        "what happened",
        "to understand what upset you, and to share my side too",
    ),
    "stonewalling": (
        "overwhelmed",
        "this conversation",
        "a short break, and then to come back and talk it through",
    ),
}

_FEELING = re.compile(
    r"\b(?:I'?m|I\s+am|I\s+feel|I\s+felt|feeling|makes\s+me|made\s+me|I'?ve\s+been)\s+"
    r"(?:so\s+|really\s+|very\s+|just\s+|completely\s+|totally\s+|pretty\s+)?"
    r"(hurt|sad|frustrated|lonely|tired|exhausted|overwhelmed|stressed|worried|anxious|"
    r"disappointed|angry|mad|upset|annoyed|embarrassed|scared|ignored|unappreciated|invisible|"
    r"fed\s+up|sick\s+and\s+tired|sick\s+of|tired\s+of|worn\s+out|alone|unheard)\b",
    re.IGNORECASE,
)
_FEELING_MAP = {
    "angry": "frustrated",
    "mad": "frustrated",
    "annoyed": "frustrated",
    "sick and tired": "worn out",
    "sick of": "worn out",
    "tired of": "worn out",
    "fed up": "worn out",
    "alone": "lonely",
}
_PHRASE = re.compile(r"\b(the|our|my|your)\s+([a-z][a-z-]{2,20})\b", re.IGNORECASE)
_NOT_TOPICS = frozenset(
    [
        "one",
        "only",
        "problem",
        "way",
        "time",
        "same",
        "thing",
        "things",
        "point",
        "fault",
        "worst",
        "best",
        "whole",
        "adult",
        "other",
        "end",
        "first",
        "last",
        "most",
        "least",
        "kind",
        "type",
        "sort",
        "rest",
        "fact",
        "idea",
        "least",
        "lot",
        "reason",
        "issue",
    ]
)


def _feeling(text: str) -> str | None:
    m = _FEELING.search(text)
    if not m:
        return None
    word = " ".join(m.group(1).lower().split())
    return _FEELING_MAP.get(word, word)


def _topic(text: str) -> tuple[str, str, str] | None:
    """The earliest specific topic in the text; 'help' only when nothing more specific shows."""
    best: tuple[int, tuple[str, str, str]] | None = None
    for regex, topic, feeling, need in _TOPICS:
        m = regex.search(text)
        if not m:
            continue
        position = m.start() + (len(text) if topic in _GENERIC_TOPICS else 0)
        if best is None or position < best[0]:
            best = (position, (topic, feeling, need))
    return best[1] if best else None


def _noun_phrase(text: str) -> str | None:
    lexicon = vader_lexicon()
    for m in _PHRASE.finditer(text):
        det, noun = m.group(1).lower(), m.group(2).lower()
        if noun in _NOT_TOPICS or lexicon.get(noun, 0.0) < -0.5 or noun.endswith("ly"):
            continue
        return f"{'the' if det in {'your', 'my'} else det} {noun}"
    return None


def suggest(text: str, primary: str) -> str:
    """A gentle start-up built from ``text`` for a message whose main pattern is ``primary``."""
    feeling, about, need = DEFAULTS[primary]
    topic = _topic(text)
    if topic:
        about, topic_feeling, topic_need = topic
        feeling = topic_feeling if primary in {"criticism", "contempt"} else feeling
        if primary != "stonewalling":
            need = topic_need
    else:
        about = _noun_phrase(text) or about
    feeling = _feeling(text) or feeling
    if primary == "stonewalling":
        feeling = "overwhelmed" if feeling in {"frustrated", "worn out", "hurt"} else feeling
    return f"I feel {feeling} about {about}; I need {need}."
