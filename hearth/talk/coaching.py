"""The message coach inside Hearth's pages: highlights and a gentler wording, never a block."""

from dataclasses import dataclass

from django import forms
from django.urls import reverse_lazy
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hearth.talk.coach import Analysis, analyze

# Pages send drafts here as people type (htmx); the coach runs on this server, offline.
COACH_ATTRS = {
    "hx-post": reverse_lazy("talk:coach"),
    "hx-trigger": "input changed delay:700ms",
    "hx-target": "next .coach-feedback",
    "hx-swap": "innerHTML",
    "hx-sync": "this:replace",
}
COACH_MAX = 5000
# The names of the coach's patterns, as a person reads them beside a reason.
PATTERN_LABELS = {
    "criticism": _("Criticism"),
    "contempt": _("Contempt"),
    "defensiveness": _("Defensiveness"),
    "stonewalling": _("Stonewalling"),
}


@dataclass(frozen=True)
class Piece:
    text: str
    pattern: str | None = None
    reason: str | Promise = ""


def highlighted(text: str, analysis: Analysis) -> list[Piece]:
    """The draft cut into plain and flagged pieces, for <mark> in the template."""
    pieces: list[Piece] = []
    position = 0
    for span in sorted(analysis.spans, key=lambda span: (span.start, -span.end)):
        if span.start < position:  # overlaps one already marked
            continue
        if span.start > position:
            pieces.append(Piece(text[position : span.start]))
        pieces.append(
            Piece(text[span.start : span.end], span.pattern, analysis.reasons.get(span.pattern, ""))
        )
        position = span.end
    if position < len(text):
        pieces.append(Piece(text[position:]))
    return pieces


def coach_context(text: str) -> dict:
    text = text[:COACH_MAX]
    analysis = analyze(text)
    return {
        "analysis": analysis,
        "pieces": highlighted(text, analysis) if analysis.is_harsh else [],
        "reasons": [
            (PATTERN_LABELS.get(pattern, pattern), analysis.reasons.get(pattern, ""))
            for pattern in analysis.patterns
        ],
    }


class CoachedTextarea(forms.Textarea):
    """A textarea the coach reads over the writer's shoulder, gently."""

    template_name = "talk/widgets/coached_textarea.html"

    def __init__(self, attrs=None):
        super().__init__({**COACH_ATTRS, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["hx-params"] = name  # only this draft goes to the coach
        return context
