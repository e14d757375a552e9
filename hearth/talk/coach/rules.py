"""The rule type and the shared regex fragments used by the four pattern modules.

A rule is a regex that finds candidate words, a weight (how sure we are that those words carry the
pattern, 0..1) and an optional guard that looks at the surrounding text and returns a multiplier
(0 vetoes). Guards are what keep "you always make me laugh" and "I'm done with work early" calm.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .prefilter import Needs, required_literals

Guard = Callable[[str, re.Match[str]], float]

# Second person and common texting spellings.
YOU = r"(?:you|u|ya)"
YOURE = r"(?:you'?re|you\s+are|youre|u\s+r|u'?re|ur)"
IM = r"(?:i'?m|i\s+am)"
DONT = r"(?:don'?t|do\s+not)"
ITS = r"(?:it'?s|it\s+is|that'?s|that\s+is|this\s+is|its)"
# Words that may sit between "you're" and a trait without changing who is being judged.
INTENSIFIER = (
    r"(?:so|such|really|very|just|being|totally|completely|incredibly|unbelievably|truly|always|"
    r"too|way|a|an|the|most|acting|getting|becoming|become|gotten|been|kind\s+of|kinda|pretty|"
    r"super|extremely|ridiculously|honestly|literally|seriously|genuinely|absolutely|utterly|"
    r"simply|frankly|damn|freaking|bloody|sooo+|like|one|selfish|lazy|stupid|little|big|fat|"
    r"complete|total|utter|giant|huge|sad|grown)"
)
BETWEEN = rf"(?:\s+{INTENSIFIER}){{0,3}}"
END = r"(?=\s*(?:$|[.!?,;:…)\]]|\n))"
"""Lookahead: the phrase closes its clause (nothing but punctuation follows)."""

# Character flaws: a judgement of who the partner *is* (criticism, not yet contempt).
TRAITS = (
    r"(?:selfish|lazy|inconsiderate|thoughtless|careless|irresponsible|unreliable|rude|"
    r"controlling|insensitive|self[- ]?cent(?:e|)red|self[- ]?absorbed|ungrateful|forgetful|"
    r"messy|sloppy|immature|childish|dramatic|cold|distant|mean|cruel|heartless|cheap|stingy|"
    r"stubborn|negative|clingy|needy|jealous|possessive|paranoid|unreasonable|irrational|"
    r"impossible|difficult|exhausting|annoying|disrespectful|dismissive|arrogant|entitled|"
    r"spoiled|spoilt|manipulative|boring|judgmental|judgemental|flaky|unbearable|toxic|"
    r"condescending|passive[- ]aggressive|two[- ]faced|fake|dishonest|untrustworthy|petty|vain|"
    r"bossy|nosy|moody|grumpy|cranky|whiny|lying|a\s+liar|a\s+slob|a\s+nag|a\s+hypocrite|"
    r"a\s+mess|hopeless|useless|a\s+control\s+freak|unfair|impatient|"
    r"a\s+pushover|spineless|a\s+coward|cowardly|clueless|oblivious|self[- ]?ish|unromantic|"
    r"uncaring|unsupportive|unhelpful|a\s+workaholic|obsessed|so\s+full\s+of\s+yourself|"
    r"a\s+flake|flaky|incapable|unbelievably\s+\w+|a\s+pig|lazy\s+\w+|a\s+couch\s+potato)"
)
# Degrading labels: name-calling puts the partner beneath you (contempt).
INSULTS = (
    r"(?:idiot|idiotic|stupid|dumb|moron|moronic|pathetic|worthless|a\s+loser|loser|a\s+joke|"
    r"disgusting|gross|a\s+clown|clown|embarrassing|an\s+embarrassment|a\s+disappointment|"
    r"a\s+child|a\s+baby|a\s+toddler|a\s+brat|psycho|crazy|insane|nuts|deranged|brainless|"
    r"incompetent|weak|a\s+failure|trash|garbage|a\s+waste\s+of\s+space|a\s+piece\s+of\s+work|"
    r"a\s+pig|a\s+freak|freak|dense|thick|ignorant|a\s+nightmare|ridiculous|laughable|"
    r"unbelievable|beneath\s+me|a\s+jerk|jerk|an\s+idiot|a\s+moron|an\s+airhead|airhead|"
    r"a\s+dumbass|dumbass|a\s+fool|fool|a\s+parasite|parasite|a\s+leech|repulsive|revolting|"
    r"a\s+know[- ]it[- ]all|the\s+worst|a\s+waste|not\s+that\s+smart|so\s+predictable|"
    r"vile|a\s+lost\s+cause|delusional|a\s+psycho|unhinged|a\s+creep|creep|a\s+bum|"
    r"thick\s+as\s+a\s+brick|an\s+animal)"
)
INSULT_NOUNS = (
    r"(?:idiot|moron|loser|clown|baby|child|brat|jerk|fool|dumbass|airhead|pig|freak|"
    r"psycho|creep|bum|parasite|leech|hypocrite|liar|coward|drama\s+queen|princess|genius|"
    r"child|toddler|teenager|brat|"
    r"einstein|sherlock|cheapskate|failure|waste\s+of\s+space)"
)
# Emotional states are things to comfort, not insults ("you're so sad today").
STATES = frozenset(
    [
        "sad",
        "sick",
        "tired",
        "hurt",
        "upset",
        "worried",
        "scared",
        "lonely",
        "exhausted",
        "depressed",
        "anxious",
        "sorry",
        "ill",
        "afraid",
        "nervous",
        "stressed",
        "overwhelmed",
        "angry",
        "mad",
        "frustrated",
        "disappointed",
        "miserable",
        "heartbroken",
        "crying",
        "grieving",
        "injured",
        "wrong",
        "cold",
        "late",
        "poor",
    ]
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One way a harsh pattern shows up in text."""

    pattern: str
    kind: str
    weight: float
    regex: re.Pattern[str]
    guard: Guard | None = None
    needs: Needs = None


def rule(pattern: str, kind: str, weight: float, regex: str, guard: Guard | None = None) -> Rule:
    """Compile a case-insensitive rule; a ``(?P<hit>…)`` group narrows the highlighted words."""
    compiled = re.compile(regex, re.IGNORECASE)
    return Rule(pattern, kind, weight, compiled, guard, required_literals(regex, re.IGNORECASE))
