"""One warm line per pattern: why these words hurt, said without scolding the writer.

Keyed by the kind of the most salient hit so the reason matches what was highlighted.
The lines are marked for translation lazily: nothing is translated while the coach scores
a draft, only when a page or the API shows a reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

REASONS: dict[str, dict[str, StrPromise]] = {
    "criticism": {
        "generalising": _(
            "Words like 'always' and 'never' turn one moment into a verdict on who they are, "
            "so they'll likely defend themselves instead of hearing how you feel."
        ),
        "character": _(
            "Naming a flaw in who they are stings far more than naming what happened, "
            "and it hides the real need behind your frustration."
        ),
        "blame": _(
            "Leading with blame puts them on trial; describing what happened and how it felt "
            "invites them to help instead."
        ),
    },
    "contempt": {
        "insult": _(
            "Name-calling says 'you're beneath me', and that lands deeper than any complaint; "
            "your hurt deserves kinder words."
        ),
        "sarcasm": _(
            "Sarcasm wraps a real hurt in mockery, so your partner feels the sting and misses "
            "what you actually need."
        ),
        "mockery": _(
            "Mocking their feelings makes them feel small and alone, right when you both need "
            "to feel on the same side."
        ),
        "superiority": _(
            "Putting yourself above them leaves them feeling looked down on; saying what you "
            "need brings them back to your side."
        ),
        "disgust": _(
            "Expressions of disgust are among the hardest words to recover from; underneath them "
            "is a hurt that deserves to be heard gently."
        ),
        "eye-roll": _(
            "An eye-roll in text reads as 'you're not worth taking seriously', which hurts more "
            "than the words around it."
        ),
    },
    "defensiveness": {
        "denial": _(
            "Pushing the blame away is a natural shield, but it tells them their concern doesn't "
            "count; owning even a small part softens everything."
        ),
        "counter-blame": _(
            "Turning it back on them feels fair in the moment, but it starts a second argument "
            "before the first one has been heard."
        ),
        "excuse": _(
            "An excuse can sound like 'your feelings are the problem'; acknowledging how they "
            "feel first makes your side much easier to hear."
        ),
        "minimising": _(
            "Telling them it's no big deal makes them feel unheard; their feelings are real even "
            "when you see things differently."
        ),
    },
    "stonewalling": {
        "curt": _(
            "A clipped reply can feel like a closed door; if you need a pause, saying so kindly "
            "keeps you connected."
        ),
        "dismissal": _(
            "Brushing it off leaves your partner alone with the problem; it's okay to need a "
            "break, just say so and promise to come back."
        ),
        "shutdown": _(
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


def reason_for(pattern: str, kind: str) -> StrPromise:
    """The warm one-liner for a pattern, tuned to what kind of words were found."""
    table = REASONS[pattern]
    # Membership, not truthiness: testing a lazy text would translate it here, while scoring.
    return table[kind] if kind in table else table[_DEFAULT_KIND[pattern]]
