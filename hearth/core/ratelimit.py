"""Fixed-window counters in the shared cache, for throttling guessable things."""

import time

from django.core.cache import cache


def _key(scope: str, subject: str, window_seconds: int) -> str:
    return f"ratelimit:{scope}:{subject}:{int(time.time() // window_seconds)}"


def count(scope: str, subject: str, *, window_seconds: int) -> int:
    return cache.get(_key(scope, subject, window_seconds)) or 0


def hit(scope: str, subject: str, *, window_seconds: int) -> int:
    """Count one event and return the count in the current window."""
    key = _key(scope, subject, window_seconds)
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the window rolled over between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return 1
