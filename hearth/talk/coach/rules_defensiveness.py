"""Defensiveness: protecting yourself by denying, excusing or turning the blame around.

It is a natural reaction to feeling attacked, but it tells the partner their concern does not
count. Markers: "not my fault", "well you do it too", "I was only trying to help", "you're
overreacting".
"""

from __future__ import annotations

from .guards import fault_guard, not_affectionate, warm_after, warm_clause
from .rules import END, IM, YOU, YOURE, Rule, rule

P = "defensiveness"

RULES: tuple[Rule, ...] = (
    # denial of responsibility
    rule(
        P,
        "denial",
        0.75,
        r"\b(?P<hit>(?:(?:it|that|this)(?:'?s|\s+is|\s+was|\s+wasn'?t)\s+)?(?:not|wasn'?t|isn'?t)\s+"
        r"my\s+fault)",
        fault_guard,
    ),
    rule(
        P,
        "denial",
        0.85,
        r"\b(?P<hit>how\s+(?:is|was)\s+(?:this|that|it)\s+my\s+fault|"
        r"why\s+is\s+(?:it|this|everything)\s+(?:always\s+)?my\s+fault|"
        r"(?:so|oh\s+so|now|and\s+now)\s*,?\s*(?:it'?s|this\s+is|everything\s+is|it\s+is)\s+"
        r"(?:all\s+)?my\s+fault|it'?s\s+always\s+my\s+fault|everything\s+is\s+always\s+my\s+fault)\b",
    ),
    rule(
        P,
        "denial",
        0.8,
        r"\b(?P<hit>(?:don'?t|stop|quit)\s+(?:blaming|blame)\s+(?:me|this\s+on\s+me|it\s+on\s+me)|"
        r"(?:don'?t|stop)\s+(?:putting|put|turning|turn|making|make|pinning|pin)\s+(?:this|it|that)"
        r"\s+(?:on\s+me|around|about\s+me)|(?:this|that|it)\s+(?:is|'s)\s+not\s+on\s+me)\b",
    ),
    rule(
        P,
        "denial",
        0.65,
        rf"\b(?P<hit>(?:why\s+are\s+{YOU}|{YOURE})\s+(?:always\s+)?(?:blaming|attacking|accusing)"
        r"\s+me)\b",
    ),
    rule(
        P,
        "denial",
        0.75,
        r"\b(?P<hit>I'?m\s+not\s+the\s+(?:one|problem|bad\s+guy)|I\s+wasn'?t\s+the\s+one|"
        r"it\s+wasn'?t\s+me)\b",
    ),
    rule(
        P,
        "denial",
        0.7,
        r"\b(?P<hit>I\s+(?:didn'?t|did\s+not|haven'?t)\s+(?:do|done)\s+anything(?:\s+wrong)?|"
        r"I\s+did\s+nothing\s+wrong|I\s+never\s+(?:said|did)\s+that|that'?s\s+not\s+what\s+I\s+said|"
        r"I\s+didn'?t\s+say\s+that)\b",
    ),
    rule(
        P, "denial", 0.6, r"^\W*(?P<hit>(?:no\s+)?I\s+(?:do|did)\s+(?:not|too)|no\s+I\s+didn'?t)\b"
    ),
    rule(P, "denial", 0.45, r"\b(?P<hit>that'?s\s+not\s+(?:true|fair))\b"),
    # counter-attack
    rule(
        P,
        "counter-blame",
        0.7,
        rf"(?:^|[.!?,]\s*)\W*(?P<hit>well\s*,?\s*(?:{YOU}|what\s+about|neither|at\s+least))\b",
        warm_after,
    ),
    rule(
        P,
        "counter-blame",
        0.8,
        rf"\b(?P<hit>{YOU}\s+(?:do|did|say|said|are|were)\s+(?:it|that|this|the\s+same(?:\s+thing)?|"
        r"so)\s+(?:too|as\s+well|all\s+the\s+time|constantly)|"
        r"(?:so|neither|nor)\s+(?:do|did|are|were)\s+you|you\s+(?:don'?t|didn'?t)\s+either)\b",
        warm_clause,
    ),
    rule(
        P,
        "counter-blame",
        0.85,
        rf"\b(?P<hit>{YOURE}\s+one\s+to\s+talk|look\s+who'?s\s+talking|pot\s+(?:calling|and)\s+"
        r"(?:the\s+)?kettle)\b",
    ),
    rule(
        P,
        "counter-blame",
        0.65,
        r"\b(?P<hit>what\s+about\s+(?:when\s+you|the\s+time\s+you|all\s+the\s+times\s+you|"
        r"you\s+\w+ing|your\s+(?:phone|attitude|mess|drinking|spending|mother|mom|friends)))\b",
    ),
    rule(
        P,
        "counter-blame",
        0.8,
        rf"\b(?P<hit>(?:like|as\s+if)\s+{YOURE}\s+(?:so\s+)?(?:perfect|any\s+better|a\s+saint|"
        rf"innocent|blameless)|{YOURE}\s+not\s+(?:perfect|innocent|a\s+saint)\s+either|"
        rf"{YOURE}\s+no\s+(?:better|saint|angel)|as\s+if\s+{YOU}\s+(?:never|don'?t|didn'?t|"
        r"always))\b",
    ),
    rule(
        P,
        "counter-blame",
        0.7,
        rf"\b(?P<hit>{YOURE}\s+the\s+one\s+who|{YOU}\s+started\s+(?:it|this)|"
        rf"{YOU}\s+made\s+me\s+(?:do|say|act|late|yell|angry|mad|lose|snap|react|forget|this\s+way))\b",
    ),
    rule(
        P,
        "counter-blame",
        0.55,
        rf"\b(?P<hit>if\s+{YOU}\s+(?:had|hadn'?t|would(?:'?ve|\s+have)|didn'?t|weren'?t|wasn'?t|"
        r"had\s+just|would\s+just|actually|didn'?t|did\s+not|stopped|would\s+stop|weren'?t))\b.{0,60}"
        r"\bI(?:'?d|\s+would|\s+wouldn'?t|\s+could|\s+won'?t|\s+might)\b",
    ),
    rule(
        P,
        "counter-blame",
        0.8,
        rf"\b(?P<hit>I\s+wouldn'?t\s+(?:have\s+to|need\s+to)\s+(?:\w+\s+){{0,4}}if\s+{YOU})\b",
    ),
    rule(
        P,
        "counter-blame",
        0.7,
        rf"^\W*(?P<hit>(?:yeah|yes|ok|okay|sure|right)\W{{0,3}}but\s+{YOU})\b",
    ),
    rule(P, "counter-blame", 0.45, rf"\b(?P<hit>because\s+of\s+{YOU})\b"),
    rule(
        P, "counter-blame", 0.55, r"\b(?P<hit>at\s+least\s+I\s+(?:don'?t|didn'?t|do|did|can|try))\b"
    ),
    # excuses
    rule(
        P,
        "excuse",
        0.65,
        r"\b(?P<hit>I\s+was\s+(?:just|only)\s+(?:trying|being|doing|joking|kidding|asking|saying|"
        r"helping)|I'?m\s+(?:just|only)\s+trying\s+to\s+help)\b",
    ),
    rule(
        P,
        "excuse",
        0.6,
        r"\b(?P<hit>I\s+had\s+no\s+(?:choice|option)|I\s+(?:couldn'?t|can'?t)\s+help\s+it)\b",
    ),
    rule(
        P,
        "excuse",
        0.7,
        rf"\b(?P<hit>what\s+(?:was|am)\s+I\s+supposed\s+to\s+do|what\s+(?:do|did)\s+{YOU}\s+"
        r"(?:want|expect)\s+(?:from\s+me|me\s+to\s+do)|what\s+more\s+do\s+you\s+want)\b",
    ),
    rule(
        P,
        "excuse",
        0.7,
        r"\b(?P<hit>I\s+(?:already\s+)?(?:said|told\s+you)\s+I'?m\s+sorry|"
        r"I\s+already\s+(?:said\s+sorry|apologi[sz]ed|said\s+I\s+was\s+sorry))\b",
    ),
    rule(
        P,
        "excuse",
        0.75,
        r"\b(?P<hit>how\s+(?:was|am|should|would|could)\s+I\s+(?:supposed\s+to\s+|have\s+)?"
        r"know(?:n)?)\b",
    ),
    rule(
        P,
        "excuse",
        0.78,
        rf"\b(?P<hit>{YOU}\s+(?:never|didn'?t|did\s+not|never\s+even)\s+(?:told|tell|said|say|"
        r"mentioned|mention)(?:\s+me)?)\b",
        warm_after,
    ),
    rule(
        P,
        "excuse",
        0.75,
        r"\b(?P<hit>I'?m\s+not\s+(?:a\s+mind\s*reader|psychic|perfect|a\s+robot|your\s+"
        r"(?:mom|mother|maid|servant|slave)))\b",
    ),
    rule(
        P,
        "excuse",
        0.6,
        r"\b(?P<hit>I\s+do\s+(?:so\s+much|everything|a\s+lot|plenty)\s+(?:for\s+you|around\s+here|"
        r"for\s+this\s+family)|you\s+think\s+it'?s\s+easy\s+for\s+me)\b",
    ),
    rule(
        P,
        "excuse",
        0.35,
        rf"\b(?P<hit>I\s+(?:was|was\s+just|'?ve\s+been)\s+(?:busy|tired|working))\b{END}",
    ),
    # minimising the partner's feelings
    rule(
        P,
        "minimising",
        0.75,
        rf"\b(?P<hit>{YOURE}\s+(?:totally\s+|completely\s+|so\s+|just\s+)?overreacting|{YOURE}\s+"
        r"(?:being\s+)?(?:too|so|way\s+too|overly)\s+sensitive)\b",
        not_affectionate,
    ),
    rule(
        P,
        "minimising",
        0.55,
        r"\b(?P<hit>(?:it'?s|it\s+was|that'?s)\s+not\s+(?:a|that|such\s+a)\s+big\s+(?:of\s+a\s+)?"
        r"deal)\b",
        not_affectionate,
    ),
    rule(
        P,
        "minimising",
        0.75,
        rf"\b(?P<hit>why\s+are\s+{YOU}\s+making\s+(?:such\s+)?a\s+(?:big\s+)?(?:deal|fuss|scene)|"
        rf"{YOURE}\s+making\s+a\s+big\s+deal)\b",
    ),
    rule(P, "minimising", 0.7, r"\b(?P<hit>can'?t\s+(?:you\s+)?take\s+a\s+joke)\b"),
    rule(
        P,
        "minimising",
        0.45,
        r"\b(?P<hit>(?:it\s+was|I\s+was)\s+(?:just\s+)?(?:a\s+joke|joking))\b",
    ),
    # sarcastic apology
    rule(
        P,
        "excuse",
        0.75,
        r"\b(?P<hit>(?:sorry|excuse\s+me)\s+(?:for\s+(?:existing|breathing|living|trying|caring|"
        r"being\s+alive|having\s+(?:feelings|a\s+life))|I'?m\s+not\s+perfect(?:\s+like\s+you)?|"
        r"I\s+(?:even\s+)?(?:asked|said\s+anything|bothered|tried))|well,?\s+sorry)\b",
    ),
    rule(P, "excuse", 0.5, rf"\b(?P<hit>{IM}\s+sorry\s+I'?m\s+not\s+\w+\s+enough)\b"),
)
