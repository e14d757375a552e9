"""Hearth message coach: flags Gottman's four harsh patterns in a draft before it is sent.

Plain Python (Django only marks its feedback for translation). ``analyze(text)`` returns an
``Analysis``; see ``analyzer.py``.
"""

from .analyzer import THRESHOLD, analyze
from .models import PATTERNS, Analysis, Span

__all__ = ["PATTERNS", "THRESHOLD", "Analysis", "Span", "analyze"]
