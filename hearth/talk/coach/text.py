"""Text clean-up that never moves a character.

Every rule and span works on a *shadow* of the user's text: same length, same offsets, but with
control and format characters blanked and typographic apostrophes made plain. That way spans
found in the shadow index the original text exactly, whatever the user typed (emoji, RTL marks,
NUL bytes, lone surrogates).
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 5000
"""Only the first MAX_CHARS characters are analysed: bounds time and memory for pasted essays."""

TONE_CHARS = 400
"""VADER's rules are super-linear in length, so tone is read from this many leading characters."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_KEEP = frozenset("\n\t")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def shadow(text: str) -> str:
    """Return a same-length copy of ``text[:MAX_CHARS]`` that regexes can read safely."""
    head = text[:MAX_CHARS].translate(_APOSTROPHES)
    if head.isascii() and head.isprintable():
        return head
    chars = []
    for ch in head:
        if ch in _KEEP:
            chars.append(ch)
        elif unicodedata.category(ch) in _BLANK_CATEGORIES:
            chars.append(" ")
        else:
            chars.append(ch)
    return "".join(chars)


def words(text: str) -> list[str]:
    """Lower-case word tokens (apostrophes kept), used by the tone model and small guards."""
    return _WORD.findall(text.lower())


_CLAUSE_END = re.compile(
    r"[.!?;\n]|\s(?:but|and\s+then|so\s+that)\s|,\s*(?=(?:i|we)\b)", re.IGNORECASE
)


def clause_after(text: str, pos: int, limit: int = 80) -> str:
    """The rest of the clause that starts at ``pos`` (up to the next sentence break)."""
    window = text[pos : pos + limit]
    m = _CLAUSE_END.search(window)
    return window[: m.start()] if m else window


def clause_before(text: str, pos: int, limit: int = 60) -> str:
    """The part of the clause that ends at ``pos``."""
    start = max(0, pos - limit)
    window = text[start:pos]
    cut = max(window.rfind(c) for c in ".!?;\n")
    return window[cut + 1 :] if cut >= 0 else window
