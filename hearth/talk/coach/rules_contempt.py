"""Contempt: speaking from above. Insults, mockery, sarcasm, eye-rolls, disgust, superiority.

Gottman's strongest predictor of a relationship in trouble, so these rules carry high weights. Swear
words and slurs are not listed here: ``detect.py`` catches them through VADER's valence ratings
("you're a <strongly negative word>"), which keeps this file printable.
"""

from __future__ import annotations

from .guards import not_affectionate, teasing
from .rules import BETWEEN, INSULT_NOUNS, INSULTS, YOU, YOURE, Rule, rule

P = "contempt"

RULES: tuple[Rule, ...] = (
    # name-calling
    rule(P, "insult", 0.9, rf"\b(?P<hit>{YOURE}{BETWEEN}\s+{INSULTS})\b", teasing),
    rule(
        P,
        "insult",
        0.9,
        rf"\b(?P<hit>{YOU}\s+(?:(?:big|stupid|selfish|lazy|little|absolute|complete|total|utter|"
        rf"useless|pathetic|spoiled|ungrateful|dumb|such\s+an?)\s+)*{INSULT_NOUNS})\b(?!\s+(?:is|was|"
        r"are|'s|and\s+I))",
        not_affectionate,
    ),
    rule(
        P,
        "insult",
        0.75,
        rf"\b(?P<hit>(?:stop|quit)\s+(?:being|acting\s+like)\s+(?:such\s+)?an?\s+(?:\w+\s+)?"
        rf"{INSULT_NOUNS})\b",
        not_affectionate,
    ),
    rule(P, "insult", 0.55, rf"^\W*(?P<hit>what\s+an?\s+{INSULT_NOUNS})\b", not_affectionate),
    rule(
        P,
        "insult",
        0.75,
        rf"\b(?P<hit>{INSULT_NOUNS}s?)\W+(?:starting\s+with|including|like)\s+(?:you|u)\b",
    ),
    rule(
        P,
        "insult",
        0.8,
        rf"\b(?P<hit>(?:could|can)\s+{YOU}\s+be\s+any\s+(?:more|dumber|slower|worse)\s*\w*)",
    ),
    rule(
        P,
        "insult",
        0.75,
        rf"\b(?P<hit>(?:do|can)\s+{YOU}\s+(?:even\s+)?hear\s+how\s+(?:stupid|dumb|ridiculous|"
        r"crazy|insane|pathetic)|how\s+(?:stupid|dumb)\s+(?:that|this|you)\s+(?:sounds?|is|are))\b",
    ),
    rule(P, "insult", 0.85, r"^\W*(?P<hit>pathetic|loser|idiot|moron|unbelievable)\W*$"),
    rule(
        P,
        "insult",
        0.65,
        r"\b(?P<hit>(?:that'?s|this\s+is|how)\s+(?:so\s+)?(?:pathetic|laughable))\b",
    ),
    rule(P, "insult", 0.8, rf"\b(?P<hit>{YOU}\s+suck)\b", not_affectionate),
    rule(P, "insult", 0.75, r"\b(?P<hit>use\s+your\s+(?:brain|head))\b"),
    rule(
        P,
        "insult",
        0.7,
        rf"\b(?P<hit>are\s+{YOU}\s+(?:stupid|dumb|deaf|blind|insane|incapable|five|twelve|"
        r"a\s+child|brain\s*dead|(?:\w+\s+)?illiterate|kidding\s+me|serious\s+right\s+now))\b",
    ),
    rule(
        P,
        "insult",
        0.7,
        rf"\b(?P<hit>(?:can|do)\s+{YOU}\s+(?:even|not)\s+(?:read|hear|count|think|understand|"
        r"know\s+how))\b",
    ),
    rule(
        P,
        "superiority",
        0.85,
        r"\b(?P<hit>even\s+an?\s+(?:child|kid|toddler|monkey|dog|five[- ]year[- ]old|idiot)\s+"
        r"(?:could|can|would|knows))\b",
    ),
    rule(
        P,
        "superiority",
        0.7,
        r"\b(?P<hit>(?:it'?s|this\s+is|it\s+is)\s+not\s+(?:rocket\s+science|brain\s+surgery))\b",
    ),
    rule(
        P,
        "superiority",
        0.75,
        r"\b(?P<hit>do\s+I\s+(?:really\s+)?have\s+to\s+(?:explain|spell\s+out|spell|tell\s+you)\s+"
        r"(?:everything|it\s+out|every))\b",
    ),
    rule(
        P,
        "superiority",
        0.65,
        r"\b(?P<hit>learn\s+(?:how\s+)?to\s+(?:read|listen|count|cook|drive))\b",
    ),
    # superiority
    rule(
        P,
        "superiority",
        0.85,
        r"\b(?P<hit>I\s+guess\s+I'?m\s+the\s+only\s+(?:one|adult|grown[- ]?up|person)\b)",
    ),
    rule(
        P,
        "superiority",
        0.7,
        r"\b(?P<hit>I'?m\s+(?:clearly\s+|apparently\s+|obviously\s+)?the\s+only\s+(?:one|adult|"
        r"grown[- ]?up|person)\s+(?:here|who|that|in\s+this))\b",
    ),
    rule(
        P,
        "superiority",
        0.8,
        r"\b(?P<hit>some\s+of\s+us\s+(?:have\s+to|actually|work|have\s+(?:jobs|responsibilities|"
        r"lives)|can|care|bother))\b",
    ),
    rule(P, "superiority", 0.75, r"\b(?P<hit>unlike\s+(?:you|some\s+people))\b"),
    rule(
        P,
        "superiority",
        0.7,
        r"\b(?P<hit>like\s+(?:a\s+(?:normal|grown|functioning|reasonable|decent|sane)\s+"
        r"(?:person|adult|human)|an\s+adult|a\s+grown[- ]up))\b",
    ),
    rule(
        P,
        "superiority",
        0.7,
        rf"\b(?P<hit>{YOU}\s+think\s+{YOURE}\s+(?:so\s+|always\s+)?(?:right|perfect|better|smart|"
        r"clever|special|the\s+only))\b",
    ),
    rule(
        P,
        "superiority",
        0.85,
        r"\b(?P<hit>I\s+can'?t\s+believe\s+I\s+(?:married|(?:ever\s+)?chose|put\s+up\s+with|"
        r"ended\s+up\s+with|am\s+with)|what\s+did\s+I\s+ever\s+see\s+in\s+you)\b",
    ),
    rule(P, "superiority", 0.6, rf"\b(?P<hit>{YOURE}\s+lucky\s+I)\b"),
    # disgust and eye-rolls
    rule(P, "disgust", 0.95, rf"\b(?P<hit>{YOU}\s+disgust\s+me|{YOU}\s+make\s+me\s+sick)\b"),
    rule(
        P,
        "disgust",
        0.9,
        r"\b(?P<hit>I\s+can'?t\s+(?:stand|stomach|bear)\s+(?:you|looking\s+at\s+you|the\s+sight\s+of"
        r"\s+you|being\s+(?:around|near)\s+you)|I\s+can'?t\s+even\s+look\s+at\s+you)\b",
    ),
    rule(
        P,
        "disgust",
        0.9,
        rf"\b(?P<hit>I\s+(?:hate|despise|loathe)\s+{YOU})\b(?!\s+(?:too|so\s+much\s+for))",
    ),
    rule(P, "disgust", 0.85, r"\b(?P<hit>shut\s+(?:up|your\s+mouth|it))\b", not_affectionate),
    rule(P, "disgust", 0.6, rf"\b(?P<hit>(?:ew+|yuck|gross))\W+{YOU}\b", not_affectionate),
    rule(P, "eye-roll", 0.7, r"(?P<hit>🙄|🤡|🖕|😒)"),
    rule(P, "eye-roll", 0.55, r"(?P<hit>👏)\s*\w+\s*👏"),
    rule(P, "eye-roll", 0.5, r"(?P<hit>🤦(?:\u200d?[♂♀]️?)?)"),
    rule(P, "eye-roll", 0.5, r"\b(?P<hit>\*?eye\s*roll\*?|rolls\s+eyes)\b"),
    rule(
        P,
        "insult",
        0.85,
        rf"\b(?P<hit>{YOURE}{BETWEEN}\s+an?\s+(?:\w+\s+)?{INSULT_NOUNS})\b",
        not_affectionate,
    ),
)
