"""Result types of the coach.

Frozen dataclasses so an analysis can be cached, shared between threads and compared in tests
without anyone mutating it behind the view's back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

PATTERNS: tuple[str, ...] = ("criticism", "contempt", "defensiveness", "stonewalling")


@dataclass(frozen=True, slots=True)
class Span:
    """Exact words that carry a harsh pattern.

    ``start`` and ``end`` are code-point offsets into the text given to ``analyze`` (Python string
    indices), so ``text[start:end] == span.text`` always holds.
    """

    start: int
    end: int
    pattern: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "pattern": self.pattern, "text": self.text}


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the coach says about one draft message."""

    harshness: float
    patterns: tuple[str, ...]
    spans: tuple[Span, ...]
    # Why each pattern hurts, marked for translation (lazy): str() gives the person's language.
    reasons: Mapping[str, str | StrPromise] = field(default_factory=dict)
    suggestion: str | None = None
    is_harsh: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data for the API layer (no dataclasses, tuples or floats like NaN)."""
        return {
            "harshness": round(float(self.harshness), 4),
            "patterns": list(self.patterns),
            "spans": [span.to_dict() for span in self.spans],
            "reasons": {pattern: str(reason) for pattern, reason in self.reasons.items()},
            "suggestion": self.suggestion,
            "is_harsh": bool(self.is_harsh),
        }
