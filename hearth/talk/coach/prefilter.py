"""Cheap pre-check that lets most rules skip most messages.

For each rule regex we derive, from its parse tree, a set of literal strings at least one of
which must occur in any text the regex can match (e.g. {"must be nice"} or {"always", "never"}).
A substring test on the case-folded message is far cheaper than running ~250 case-insensitive
regexes, and keeps ``analyze`` inside its 2 ms budget. If a pattern cannot be reduced this way
(or the private parser API is missing), the rule simply always runs: the filter can only skip
work, never change a result.
"""

from __future__ import annotations

from typing import Any

try:  # CPython's regex parser; private, so every use is guarded.
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other interpreters
    _c = _p = None

Needs = frozenset[str] | None


def _best(options: list[frozenset[str]]) -> Needs:
    """Prefer the requirement whose shortest string is longest (rarest in text)."""
    if not options:
        return None
    return max(options, key=lambda s: (min(len(x) for x in s), -len(s)))


def _sequence(items: Any) -> Needs:
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset({"".join(run).casefold()}))
            run.clear()

    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        if op is _c.AT:
            continue
        flush()
        need: Needs = None
        if op is _c.SUBPATTERN:
            need = _sequence(arg[-1])
        elif op is _c.ATOMIC_GROUP:
            need = _sequence(arg)
        elif op is _c.BRANCH:
            branches = [_sequence(b) for b in arg[1]]
            if all(b is not None for b in branches):
                need = frozenset().union(*(b for b in branches if b is not None))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            need = _sequence(arg[2])
        if need:
            options.append(need)
    flush()
    return _best(options)


def required_literals(pattern: str, flags: int) -> Needs:
    """Strings one of which every match must contain (case-folded), or None if unknown."""
    if _p is None or _c is None:
        return None
    try:
        return _sequence(_p.parse(pattern, flags))
    except Exception:
        return None


def may_match(needs: Needs, folded_text: str) -> bool:
    """False only when the regex certainly cannot match ``folded_text``."""
    return needs is None or any(s in folded_text for s in needs)
