"""Tone score: how hostile a message sounds, from 0 (warm) to 1 (hostile).

VADER (MIT, a well-kept lexicon of ~7,500 rated words with rules for negation and emphasis) gives
the backbone. A tiny logistic layer, fitted once on GoEmotions *train* by ``calibrate.py``, reweighs
VADER's output and a few hundred everyday words, which is what lifts disapproval without swear
words ("that's not how it works") above appreciation. Only numbers and dictionary words are
stored in ``tone_weights.json``; no corpus text ships with the package.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .text import TONE_CHARS

WEIGHTS_FILE = Path(__file__).with_name("tone_weights.json")

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[!?]|[^\s\w.,;:'\"()\[\]<>/\\*&%$#@+=~|^-]")

# Everyday words whose hostility VADER does not rate (negations, second person, hedges, thanks).
# Their weights are learned; the list itself is ours.
CUE_WORDS: frozenset[str] = frozenset(
    [
        "not",
        "no",
        "nope",
        "don't",
        "dont",
        "doesn't",
        "doesnt",
        "didn't",
        "didnt",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "wasn't",
        "wasnt",
        "weren't",
        "can't",
        "cant",
        "cannot",
        "won't",
        "wont",
        "wouldn't",
        "wouldnt",
        "shouldn't",
        "shouldnt",
        "never",
        "nothing",
        "nobody",
        "none",
        "neither",
        "nor",
        "why",
        "how",
        "what",
        "who",
        "you",
        "your",
        "you're",
        "youre",
        "yourself",
        "u",
        "ur",
        "should",
        "must",
        "stop",
        "quit",
        "actually",
        "literally",
        "seriously",
        "even",
        "just",
        "only",
        "really",
        "clearly",
        "obviously",
        "apparently",
        "supposed",
        "wrong",
        "people",
        "they",
        "them",
        "their",
        "he",
        "she",
        "his",
        "this",
        "that",
        "those",
        "again",
        "ever",
        "always",
        "every",
        "anyone",
        "anything",
        "instead",
        "rather",
        "but",
        "though",
        "yet",
        "still",
        "already",
        "anymore",
        "point",
        "care",
        "whatever",
        "sure",
        "right",
        "fault",
        "blame",
        "excuse",
        "lie",
        "lies",
        "lying",
        "thank",
        "thanks",
        "thx",
        "love",
        "great",
        "good",
        "beautiful",
        "awesome",
        "amazing",
        "wonderful",
        "cute",
        "sweet",
        "congrats",
        "congratulations",
        "proud",
        "agree",
        "yes",
        "yeah",
        "exactly",
        "true",
        "hope",
        "hug",
        "happy",
        "glad",
        "welcome",
        "nice",
        "best",
        "well",
        "luck",
        "kind",
        "lovely",
        "adorable",
        "deserve",
        "please",
        "appreciate",
        "helpful",
        "brilliant",
        "respect",
        "support",
        "safe",
        "heart",
        "i",
        "i'm",
        "me",
        "my",
        "we",
        "us",
        "our",
        "lol",
        "haha",
        "lmao",
        "dude",
        "man",
        "bro",
        "guys",
        "?",
        "!",
    ]
)


def _bin(valence: float) -> str:
    return f"b{max(-4, min(3, math.floor(valence)))}"


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """One shared VADER instance (loads ~11k lexicon lines once, then is read-only)."""
    return SentimentIntensityAnalyzer()


def vader_lexicon() -> dict[str, float]:
    """VADER's word -> valence table (-4..4), shared with the pattern guards."""
    return analyzer().lexicon


@lru_cache(maxsize=256)
def vader_scores(text: str) -> dict[str, float]:
    """VADER polarity of the first TONE_CHARS characters (cached: guards re-ask about one text)."""
    return analyzer().polarity_scores(text[:TONE_CHARS])


_WARM_SIGNAL = re.compile(
    r"!|\b(?:thank|thanks|thx|love|loved|appreciate|proud|congrat\w*|lol|haha\w*|xo+)\b|"
    r"[❤♥💕💖💗😊🥰😍😘☺🙂😄😁😂🤣]|<3|:\)",
    re.IGNORECASE,
)


def is_warm_message(text: str) -> bool:
    """Clearly warm as a whole: positive VADER *and* an explicit warm signal (a flat 'Truly.' after
    praise is often sarcasm, so positive words alone are not enough)."""
    scores = vader_scores(text)
    if scores["compound"] < 0.3 or scores["pos"] < 2 * scores["neg"]:
        return False
    signal = _WARM_SIGNAL.search(text)
    if signal is None:
        return False
    if signal.group() != "!":
        return True
    lexicon = vader_lexicon()
    return any(lexicon.get(w, 0.0) >= 1.5 for w in _TOKEN.findall(text.lower()) if w not in _FILLER)


_FILLER = frozenset({"like", "well", "sure", "please", "pretty", "yes", "ok", "okay"})


def features(text: str, vocabulary: frozenset[str] | set[str] | None = None) -> dict[str, float]:
    """Sparse features of ``text``; ``vocabulary`` limits the word indicators (None = all).

    Word pairs ("b:not_sure", "b:thank_you") are kept only when both words are in the vocabulary:
    short phrases carry much of the difference between disagreement and appreciation.
    """
    head = text[:TONE_CHARS]
    scores = vader_scores(head)
    compound = scores["compound"]
    feats: dict[str, float] = {
        "compound": compound,
        "neg": scores["neg"],
        "pos": scores["pos"],
        "compound_sq": compound * compound * (1.0 if compound < 0 else -1.0),
    }
    lexicon = vader_lexicon()
    previous = ""
    for tok in _TOKEN.findall(head.lower()):
        valence = lexicon.get(tok)
        if valence is not None:
            key = _bin(valence)
            feats[key] = feats.get(key, 0.0) + 1.0
        if vocabulary is None or tok in vocabulary:
            feats["w:" + tok] = 1.0
            if previous:
                feats[f"b:{previous}_{tok}"] = 1.0
            previous = tok
        else:
            previous = ""
    return feats


@cache
def _weights() -> tuple[float, dict[str, float]]:
    data: dict[str, Any] = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return float(data["bias"]), weights


def tone_logit(text: str) -> float:
    """Log-odds that the text reads hostile rather than appreciative."""
    bias, weights = _weights()
    z = bias
    for key, value in features(text, None).items():
        w = weights.get(key)
        if w is not None:
            z += w * value
    return z


def tone_score(text: str) -> float:
    """Probability-like hostility of the text's tone, 0..1."""
    z = max(-30.0, min(30.0, tone_logit(text)))
    return 1.0 / (1.0 + math.exp(-z))
