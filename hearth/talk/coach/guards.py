"""Context checks that veto or soften a rule match.

Each guard reads the words around a match and returns a multiplier: 1 keeps the match, 0 vetoes
it, values between soften it. They encode the difference between a habit being named as a flaw
("you always leave a mess") and as a gift ("you always make me laugh").
"""

from __future__ import annotations

import re

from .rules import Guard
from .text import clause_after, clause_before, words
from .tone import is_warm_message, vader_lexicon, vader_scores

_OBJECT_VERBS = frozenset(
    [
        "love",
        "thank",
        "thanks",
        "miss",
        "with",
        "for",
        "to",
        "like",
        "need",
        "want",
        "believe",
        "trust",
        "support",
        "adore",
        "tell",
        "told",
        "ask",
        "asked",
        "call",
        "text",
        "see",
        "meet",
        "hug",
        "kiss",
        "of",
        "at",
        "about",
        "than",
        "without",
        "choose",
        "chose",
        "help",
        "watch",
        "make",
        "let",
        "hear",
        "bet",
        "on",
        "onto",
        "into",
        "upon",
        "around",
        "behind",
        "before",
        "after",
        "from",
        "by",
        "over",
        "against",
        "give",
        "gave",
        "show",
        "if",
        "when",
        "unless",
        "whenever",
        "until",
        "once",
        "whether",
    ]
)
_QUESTION_LEAD = re.compile(
    r"(?:^|\W)(?:do|does|did|have|are|were|will|would|can|could|should|don't|didn't)\s*$",
    re.IGNORECASE,
)
_WHY = re.compile(r"\bwhy\b|\bhow\s+come\b", re.IGNORECASE)
_ALWAYS_PRAISE = re.compile(
    r"^\W*(?:\w+\s+)?(?:have\s+my\s+back|got\s+my\s+back|know\s+(?:just\s+)?(?:what|how|when|"
    r"where|the\s+right)|find\s+a\s+way|(?:are|were|'re)\s+there|there\s+for|come\s+through|"
    r"put\s+(?:me|us)\s+first|show\s+up\s+for|remember|look\s+out\s+for|manage\s+to|brighten|"
    r"(?:cheer|light|lift)\s+(?:me|us)|have\s+time\s+for\s+me|ha(?:ve|s)\s+the\s+best|"
    r"on\s+my\s+mind|in\s+my\s+(?:heart|thoughts)|so\s+\w+\s+to\s+me)",
    re.IGNORECASE,
)
_NEVER_PRAISE = re.compile(
    r"^\W*(?:(?:ever|even|once|really|just|seem\s+to|have\s+to|had\s+to)\s+)?(?:know|can\s+tell|"
    r"let\s+(?:me|us|anyone)\s+down|give\s+up|cease|fail|complain|judge|doubt|hesitate|"
    r"hold\s+(?:it\s+)?back|quit|disappoint|waver|leave\s+my\s+side|need\s+to|have\s+to|"
    r"stop\s+(?:making|surprising|amazing|being\s+(?:kind|sweet|wonderful)|impressing|"
    r"trying|caring|loving|supporting)|look(?:ed)?\s+better|been\s+(?:happier|better|more)|"
    r"(?:seen|had|met|felt)\s+(?:anyone|anything|someone|something|a|so)|been\s+to\b)",
    re.IGNORECASE,
)
_PLAYFUL = re.compile(
    r"\b(?:lol+|lmao|lmfao|haha\w*|hehe\w*|jk|j/k|kidding|joking|xo+|xx+|babe|love\s+you|"
    r"ily)\b|[😂🤣😜😝😘😉😊🥰😍❤♥💕💖💗😆😅😄😁☺🙈😋😛]|:\)|;\)|:p\b|:d\b|<3",
    re.IGNORECASE,
)
_THIRD_PARTY = re.compile(
    r"^[\s,;:-]*(?:that\s+)?(?:the|my|our|his|her|their|a|an|this|that|some|these|those)\s+\w+|"
    r"^[\s,;:-]*(?:the|my|our)?\s*(?:cat|dog|kid|kids|baby|bus|train|traffic|weather|rain|boss|printer|"
    r"wifi|internet|phone|app|store|shop|car|mail)\b",
    re.IGNORECASE,
)
_LOGISTICS = re.compile(
    r"\b(?:home|heading|leaving|omw|on\s+my\s+way|coming|ready|meet|pick\s+(?:you\s+)?up|walk|"
    r"dinner|lunch|(?:want\s+to|wanna)\s+(?:go|walk|grab|get|meet|come|eat|hang|watch)|let'?s|early|soon|finished|tonight|tomorrow|today|later|"
    r"before|after|until|till|at\s+\d|in\s+\d|minutes|min|free|yay|woo+|hooray|celebrate|"
    r"shower|gym|work|office|meeting|errands|the\s+store)\b|[🎉🥳🙌✅💪]",
    re.IGNORECASE,
)


_NEGATED = re.compile(r"\b(?:not|no|never|nothing|without)\b|n't\b", re.IGNORECASE)
_NOT_SENTIMENT = frozenset({"like", "likes", "liked", "please", "pretty", "well", "sure", "yes"})


def valences(text: str) -> list[float]:
    """VADER valences of the rated words in ``text``, skipping function-word uses ('like')."""
    lexicon = vader_lexicon()
    return [lexicon[w] for w in words(text) if w in lexicon and w not in _NOT_SENTIMENT]


def is_positive(text: str) -> bool:
    """True when the words lean clearly warm, none is hurtful, and nothing negates them."""
    if _NEGATED.search(text):
        return False
    vals = valences(text)
    return bool(vals) and sum(vals) > 0.5 and min(vals) > -1.0


def is_playful(text: str) -> bool:
    """Laughter, kisses or hearts: a teasing frame that softens most patterns."""
    return _PLAYFUL.search(text) is not None


def you_is_object(text: str, m: re.Match[str]) -> bool:
    """'thank you always', 'I miss you terribly': the partner is the object, not the culprit."""
    before = words(clause_before(text, m.start(), 20))
    return bool(before) and before[-1] in _OBJECT_VERBS


def polite_question(text: str, m: re.Match[str]) -> bool:
    """'Do you always take this train?' asks; 'why do you always…' accuses."""
    before = clause_before(text, m.start(), 40)
    return _QUESTION_LEAD.search(before) is not None and not _WHY.search(before)


def always_guard(text: str, m: re.Match[str]) -> float:
    """'You always …' is a verdict unless it praises, asks, or 'you' is someone's object."""
    if you_is_object(text, m):
        return 0.0
    after = clause_after(text, m.end())
    if _ALWAYS_PRAISE.search(after) or is_positive(after) or is_warm_message(text):
        return 0.0
    return 0.3 if polite_question(text, m) else 1.0


def never_guard(text: str, m: re.Match[str]) -> float:
    """'You never …' is praise when what follows is something bad ('never fail to surprise')."""
    if you_is_object(text, m):
        return 0.0
    after = clause_after(text, m.end())
    if _NEVER_PRAISE.search(after) or not warm_elsewhere(text, m):
        return 0.0
    first = words(after)[:2]
    lexicon = vader_lexicon()
    if first and lexicon.get(first[0], 0.0) <= -0.5:
        return 0.0
    return 0.3 if polite_question(text, m) else 1.0


_SENTENCE_END = re.compile(r"[.!?\n]+")


def warm_elsewhere(text: str, m: re.Match[str]) -> float:
    """Veto when the *other* sentences are clearly warm ('You never told me! That was amazing')."""
    start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
    nxt = _SENTENCE_END.search(text, m.end())
    end = nxt.end() if nxt else len(text)
    rest = (text[:start] + " " + text[end:]).strip()
    if not rest:
        return 1.0
    warm = is_warm_message(rest) or (vader_scores(rest)["compound"] >= 0.45 and "!" in text)
    return 0.0 if warm else 1.0


def all_of(*guards: Guard) -> Guard:
    """Combine guards: the match survives with the product of their multipliers."""

    def combined(text: str, m: re.Match[str]) -> float:
        factor = 1.0
        for guard in guards:
            factor *= guard(text, m)
            if factor <= 0.0:
                break
        return factor

    return combined


_CONDITIONAL = frozenset(["if", "when", "unless", "whenever", "until", "once", "whether"])


def generic_you(text: str, m: re.Match[str]) -> float:
    """'If you don't think…' speaks of anyone; it is advice or debate, not an accusation."""
    before = words(clause_before(text, m.start(), 20))
    return 0.3 if before and before[-1] in _CONDITIONAL else 1.0


def warm_clause(text: str, m: re.Match[str]) -> float:
    """Veto when the clause from the match on is warm ('every time you call I smile')."""
    return 0.0 if is_positive(clause_after(text, m.start())) else 1.0


def not_affectionate(text: str, m: re.Match[str]) -> float:
    """'You're ridiculous 😂' and 'you're unbelievable ❤️' are teasing, not contempt."""
    after = clause_after(text, m.end(), 40)
    if is_positive(after) or is_warm_message(text):
        return 0.0
    return 0.25 if is_playful(text) else 1.0


def teasing(text: str, m: re.Match[str]) -> float:
    """A flaw named inside a clearly warm or laughing message ('so stubborn, love you 😘')."""
    if is_warm_message(text):
        return 0.0
    return 0.25 if is_playful(text) else 1.0


_CONCESSION = re.compile(
    r"^\W*(?:(?:were|are|'re|was)\s+(?:totally\s+|so\s+)?right|(?:have|had)\s+a\s+(?:good\s+)?point|"
    r"make\s+a\s+(?:good\s+)?point|win|won)\b",
    re.IGNORECASE,
)


def warm_after(text: str, m: re.Match[str]) -> float:
    """Veto concessions ('well, you were right') and clearly warm follow-ups."""
    after = clause_after(text, m.end())
    if _CONCESSION.search(after) or is_positive(after) or is_warm_message(text):
        return 0.0
    return 1.0


def fault_guard(text: str, m: re.Match[str]) -> float:
    """'Not my fault the cat knocked it over lol' names a third party: an aside, not a shield."""
    after = text[m.end() : m.end() + 40]
    if re.match(r"\s*(?:that\s+)?(?:you|u|ur|your)\b", after, re.IGNORECASE):
        return 1.0
    if re.search(r"\b(?:you|u)\b(?!r)", text[m.end() :], re.IGNORECASE):
        return 1.0
    if _THIRD_PARTY.search(after) or _LOGISTICS.search(text[m.end() :]):
        return 0.15
    return 1.0


def shutdown_guard(text: str, m: re.Match[str]) -> float:
    """'I'm done!' after a task, followed by plans or celebration, is not a shutdown."""
    rest = text[m.end() : m.end() + 60]
    if _LOGISTICS.search(rest) or is_positive(rest):
        return 0.0
    return 1.0


def not_after_what_or_if(text: str, m: re.Match[str]) -> float:
    """'I don't care where we eat' is easy-going; 'I don't care.' closes the door."""
    rest = text[m.end() : m.end() + 30]
    if re.match(
        r"\s*(?:where|what(?!\s+you\s+(?:think|say|want|feel))|which|who|if|whether|how|when|"
        r"about\s+the|too\s+much|either\s+way)\b",
        rest,
        re.IGNORECASE,
    ):
        return 0.0
    return 1.0


def not_followed_by_logistics(text: str, m: re.Match[str]) -> float:
    """'Don't call me tonight, I'm in a meeting' is scheduling, not stonewalling."""
    rest = clause_after(text, m.end(), 50)
    return 0.0 if _LOGISTICS.search(rest) else 1.0


def whatever_guard(text: str, m: re.Match[str]) -> float:
    """'Whatever you choose is fine' defers; a bare 'whatever' dismisses."""
    before = words(clause_before(text, m.start(), 25))
    if before and before[-1] in {"or", "and", "eat", "get", "pick", "choose", "like", "wear"}:
        return 0.0
    rest = text[m.end() : m.end() + 60]
    if re.match(r"\s*[,;:-]+\s*(?:let'?s|we\s+can|I'?ll|just|maybe|how\s+about)\b", rest, re.I):
        return 0.3
    if re.match(r"\s*(?:$|[.!?,;…\n]|(?:man|dude|bro|lol|then|i\s+guess|idc)\b)", rest, re.I):
        return 1.0
    if re.match(r"\s+(?:you|u)\s+(?:say|want)\s*(?:$|[.!?…\n])", rest, re.IGNORECASE):
        return 0.0 if is_positive(rest) or is_playful(rest) else 0.75
    return 0.0


def done_guard(text: str, m: re.Match[str]) -> float:
    """'I'm done.' ends a conversation; 'I'm done, heading home!' ends a task."""
    return shutdown_guard(text, m)
