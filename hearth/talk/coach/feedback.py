"""One warm line per pattern: why these words hurt, said without scolding the writer.

Keyed by the kind of the most salient hit so the reason matches what was highlighted.
"""

from __future__ import annotations

REASONS: dict[str, dict[str, str]] = {
    "criticism": {
        "generalising": (
            "Words like 'always' and 'never' turn one moment into a verdict on who they are, "
            "so they'll likely defend themselves instead of hearing how you feel."
        ),
        "character": (
            "Naming a flaw in who they are stings far more than naming what happened, "
            "and it hides the real need behind your frustration."
        ),
        "blame": (
            "Leading with blame puts them on trial; describing what happened and how it felt "
            "invites them to help instead."
        ),
    },
    "contempt": {
        "insult": (
            "Name-calling says 'you're beneath me', and that lands deeper than any complaint; "
            "your hurt deserves kinder words."
        ),
        "sarcasm": (
            "Sarcasm wraps a real hurt in mockery, so your partner feels the sting and misses "
            "what you actually need."
        ),
        "mockery": (
            "Mocking their feelings makes them feel small and alone, right when you both need "
            "to feel on the same side."
        ),
        "superiority": (
            "Putting yourself above them leaves them feeling looked down on; saying what you "
            "need brings them back to your side."
        ),
        "disgust": (
            "Expressions of disgust are among the hardest words to recover from; underneath them "
            "is a hurt that deserves to be heard gently."
        ),
        "eye-roll": (
            "An eye-roll in text reads as 'you're not worth taking seriously', which hurts more "
            "than the words around it."
        ),
    },
    "defensiveness": {
        "denial": (
            "Pushing the blame away is a natural shield, but it tells them their concern doesn't "
            "count; owning even a small part softens everything."
        ),
        "counter-blame": (
            "Turning it back on them feels fair in the moment, but it starts a second argument "
            "before the first one has been heard."
        ),
        "excuse": (
            "An excuse can sound like 'your feelings are the problem'; acknowledging how they "
            "feel first makes your side much easier to hear."
        ),
        "minimising": (
            "Telling them it's no big deal makes them feel unheard; their feelings are real even "
            "when you see things differently."
        ),
    },
    "stonewalling": {
        "curt": (
            "A clipped reply can feel like a closed door; if you need a pause, saying so kindly "
            "keeps you connected."
        ),
        "dismissal": (
            "Brushing it off leaves your partner alone with the problem; it's okay to need a "
            "break, just say so and promise to come back."
        ),
        "shutdown": (
            "Shutting down leaves your partner on the other side of a wall; taking a break is "
            "healthy when you say when you'll come back to talk."
        ),
    },
}

_DEFAULT_KIND = {
    "criticism": "generalising",
    "contempt": "insult",
    "defensiveness": "denial",
    "stonewalling": "shutdown",
}


def reason_for(pattern: str, kind: str) -> str:
    """The warm one-liner for a pattern, tuned to what kind of words were found."""
    table = REASONS[pattern]
    return table.get(kind) or table[_DEFAULT_KIND[pattern]]
