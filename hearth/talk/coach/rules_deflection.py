"""Defensiveness, part two: deflections found while testing on fresh practice messages.

Blame pushed back ("stop accusing me"), excuses that shrink the partner's point ("I was tired,
ok?"), and counter-attacks ("it's not like you ever…"). Split from ``rules_defensiveness`` only to
keep each module short.
"""

from __future__ import annotations

from .guards import not_affectionate, warm_after
from .rules import YOU, YOURE, Rule, rule

P = "defensiveness"

RULES: tuple[Rule, ...] = (
    rule(
        P,
        "denial",
        0.8,
        rf"\b(?P<hit>{YOU}\s+(?:always\s+|just\s+|constantly\s+)?(?:blame|accuse|attack)\s+me|"
        rf"(?:why\s+are\s+{YOU}|{YOURE})\s+(?:always\s+|constantly\s+)(?:blaming|attacking|accusing)\s+me)\b",
    ),
    rule(
        P,
        "denial",
        0.8,
        r"\b(?P<hit>(?:so|oh\s+so|and\s+now|now)\s*,?\s*I'?m\s+the\s+(?:bad\s+guy|villain|problem|"
        r"one\s+to\s+blame|monster|bad\s+one)|(?:so\s+)?I'?m\s+the\s+bad\s+guy)\b",
    ),
    rule(
        P,
        "minimising",
        0.75,
        r"\b(?P<hit>blow(?:ing)?\s+(?:this|it|things|everything)\s+(?:way\s+)?out\s+of\s+proportion|"
        r"mountain\s+out\s+of\s+a\s+molehill|(?:it'?s|this\s+is)\s+not\s+that\s+serious|"
        r"(?:stop|quit)\s+being\s+(?:so\s+)?dramatic)\b",
    ),
    rule(
        P,
        "minimising",
        0.55,
        r"(?:^|[,.!?]\s*)(?P<hit>relax|chill(?:\s+out)?|geez|jeez|calm\s+down)(?=\s*(?:$|[.!?]))",
    ),
    rule(
        P,
        "excuse",
        0.6,
        r"\b(?P<hit>I\s+have\s+a\s+(?:job|life|lot\s+going\s+on)\s+too|I'?m\s+(?:tired|busy|"
        r"stressed|exhausted)\s+too|I\s+work\s+too|I\s+work\s+(?:all\s+day|full[- ]time|hard))\b",
    ),
    rule(P, "excuse", 0.45, r"\b(?P<hit>I\s+was\s+(?:just\s+|really\s+)?busy)\b"),
    rule(
        P,
        "excuse",
        0.6,
        r"\b(?P<hit>I\s+(?:said|told\s+you)\s+I'?(?:d|ll|would|will)\s+(?:do|get\s+to|handle|deal\s+with|"
        r"take\s+care\s+of|fix|clean)\s+(?:it|that|them))\b",
    ),
    rule(P, "minimising", 0.6, r"\b(?P<hit>(?:stop|quit)\s+nagging(?:\s+me)?)\b"),
    rule(
        P,
        "excuse",
        0.65,
        rf"\b(?P<hit>what\s+do\s+{YOU}\s+want\s+me\s+to\s+(?:say|do)|I\s+can'?t\s+win\s+with\s+you|"
        r"nothing\s+I\s+do\s+is\s+(?:ever\s+)?(?:good|right)\s+enough|"
        r"(?:you'?re|stop)\s+twisting\s+my\s+words|that'?s\s+not\s+what\s+I\s+meant|"
        r"it'?s\s+not\s+like\s+I\s+(?:did|meant|wanted|tried)|I'?m\s+doing\s+my\s+best)\b",
    ),
    rule(P, "counter-blame", 0.5, r"^\W*(?P<hit>so\s+what)(?=\s*(?:[?!.,]|$|if\b))"),
    rule(P, "excuse", 0.55, r"(?:^|[.!?]\s*)(?P<hit>I\s+didn'?t\s+know)\b", warm_after),
    rule(
        P,
        "counter-blame",
        0.65,
        rf"\b(?P<hit>{YOU}\s+(?:should|could)(?:'?ve|\s+have)\s+(?:just\s+)?(?:said|told|asked|"
        r"mentioned|reminded|warned|checked)|you\s+didn'?t\s+(?:give|let)\s+me)\b",
        warm_after,
    ),
    rule(P, "denial", 0.7, r"\b(?P<hit>don'?t\s+look\s+at\s+me)\b", not_affectionate),
    rule(
        P,
        "excuse",
        0.75,
        r"\b(?P<hit>(?:well\s+)?excuse\s+me\s+for\s+\w+|sorry\s+for\s+(?:having|being|wanting|"
        r"needing))\b",
    ),
    rule(P, "excuse", 0.5, r"\b(?P<hit>it\s+was\s+an\s+accident)\b"),
    rule(
        P,
        "minimising",
        0.7,
        r"\b(?P<hit>(?:stop\s+)?making\s+(?:it|this)\s+(?:into\s+)?(?:a|such\s+a)\s+"
        r"(?:thing|big\s+deal|whole\s+thing|drama))\b",
    ),
    rule(
        P,
        "denial",
        0.7,
        r"\b(?P<hit>(?:it'?s|this\s+is|that'?s|everything'?s)\s+(?:all\s+)?on\s+me(?:\s+now)?|"
        r"(?:the\s+rest\s+is|that'?s|this\s+is)\s+on\s+you)\b",
    ),
    rule(P, "denial", 0.75, r"\b(?P<hit>I'?m\s+not\s+(?:gonna|going\s+to)\s+apologi[sz]e)\b"),
    rule(
        P,
        "excuse",
        0.55,
        r"\b(?P<hit>I\s+was\s+(?:going\s+to|gonna)\s+(?:do|get\s+to|handle|fix|clean)\s+(?:it|that))\b",
    ),
    rule(P, "excuse", 0.65, rf"\b(?P<hit>what\s+(?:do|did)\s+{YOU}\s+expect)\b"),
    rule(P, "counter-blame", 0.7, rf"\b(?P<hit>maybe\s+if\s+{YOU})\b"),
    rule(
        P,
        "counter-blame",
        0.65,
        rf"^\W*(?P<hit>(?:and|but)\s+{YOU}\s+(?:never|always|don'?t|didn'?t|do|did))\b",
    ),
    rule(
        P,
        "excuse",
        0.5,
        r"\b(?P<hit>I(?:'?ve\s+been|\s+am|'?m)?\s+work(?:ing)?\s+\d+\s*(?:hours|hrs))\b",
    ),
    rule(
        P,
        "counter-blame",
        0.7,
        r"\b(?P<hit>(?:that'?s\s+rich\s+)?coming\s+from\s+(?:you|someone\s+who|the\s+person\s+who))\b",
    ),
    rule(P, "excuse", 0.75, r"\b(?P<hit>(?:read|reading)\s+your\s+mind|a\s+mind\s*reader)\b"),
    rule(
        P,
        "counter-blame",
        0.8,
        r"\b(?P<hit>(?:like|as\s+if)\s+you(?:'ve|\s+have|'re|\s+are)?\s+never)\b",
    ),
    rule(
        P,
        "denial",
        0.55,
        r"\b(?P<hit>I\s+don'?t\s+(?:know|see)\s+what\s+(?:the|your)\s+problem\s+is)\b",
    ),
    rule(
        P,
        "excuse",
        0.5,
        rf"\b(?P<hit>I\s+did\s+(?:exactly\s+)?what\s+{YOU}\s+(?:asked|said|wanted))\b",
    ),
    rule(
        P,
        "denial",
        0.7,
        r"\b(?P<hit>(?:it'?s|that'?s|that\s+is|it\s+is)\s+not\s+my\s+(?:job|responsibility|problem))\b",
    ),
    rule(
        P, "excuse", 0.6, r"\b(?P<hit>not\s+everyone\s+(?:can\s+be|is)\s+(?:perfect|like\s+you))\b"
    ),
    rule(
        P,
        "excuse",
        0.6,
        r"\b(?P<hit>I\s+was\s+(?:tired|busy|exhausted|stressed)\s*,?\s*(?:ok|okay)\s*\?)",
    ),
    rule(P, "denial", 0.65, r"\b(?P<hit>I\s+never\s+said\s+(?:that|I\s+would|I'?d|I\s+was))\b"),
    rule(
        P,
        "excuse",
        0.6,
        rf"\b(?P<hit>(?:only\s+)?(?:did\s+it\s+)?because\s+{YOU}\s+(?:asked|told|said|wanted))\b",
    ),
    rule(
        P,
        "counter-blame",
        0.7,
        rf"\b(?P<hit>it'?s\s+not\s+like\s+{YOU}|{YOU}\s+(?:don'?t|didn'?t|never)\s+\w+\s+either)\b",
    ),
    rule(
        P,
        "denial",
        0.75,
        r"\b(?P<hit>(?:stop|quit)\s+(?:accusing|blaming|attacking)\s+me)\b",
    ),
    rule(P, "denial", 0.75, r"\b(?P<hit>how\s+is\s+(?:this|that|it)\s+on\s+me)\b"),
)
