"""What Appreciate exports: the notes a person wrote, how they answered notes they received
(not the notes: those are the partner's words), their gestures, appreciation styles,
favourites, suggestions and gratitude journal."""

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hearth.appreciate.models import (
    Favourite,
    Gesture,
    GestureIdea,
    JournalEntry,
    Note,
    Prompt,
    StyleRatings,
    Suggestion,
)
from hearth.privacy.exporting import Section
from hearth.privacy.selectors import couples_of

NOT_EXPORTED = {
    Prompt: "the note prompt library, the same for everyone",
    GestureIdea: "the gesture idea library, the same for everyone",
}

SECTIONS = [
    Section(
        key="appreciate.notes",
        title=_("Notes you wrote"),
        covers=(Note,),
        labels={
            "kind": _("Kind"),
            "did": _("What they did"),
            "felt": _("How it made you feel"),
            "mattered": _("Why it mattered"),
            "created_at": _("Sent"),
        },
        rows=lambda user: (
            Note.objects.filter(author=user)
            .order_by("created_at")
            .values("kind", "did", "felt", "mattered", "created_at")
        ),
    ),
    Section(
        key="appreciate.notes_received",
        title=_("How you answered notes you received"),
        about=_(
            "Your reaction, and whether you kept it on your wall; the note itself is your "
            "partner's to export."
        ),
        covers=(Note,),
        labels={"created_at": _("Received"), "reaction": _("Your reaction"), "kept": _("Kept")},
        rows=lambda user: (
            Note.objects.filter(recipient=user)
            .filter(~Q(reaction="") | Q(kept=True))
            .order_by("created_at")
            .values("created_at", "reaction", "kept")
        ),
    ),
    Section(
        key="appreciate.gestures",
        title=_("Gestures you logged"),
        covers=(Gesture,),
        labels={
            "style": _("Way"),
            "text": _("What you did"),
            "happened_on": _("Day"),
            "created_at": _("Logged"),
            "noticed_at": _("Your partner noticed"),
        },
        rows=lambda user: (
            Gesture.objects.filter(author=user)
            .order_by("happened_on", "pk")
            .values("style", "text", "happened_on", "created_at", "noticed_at")
        ),
    ),
    Section(
        key="appreciate.gestures_noticed",
        title=_("Your partner's gestures you noticed"),
        covers=(Gesture,),
        labels={"happened_on": _("Day"), "noticed_at": _("You noticed")},
        rows=lambda user: (
            Gesture.objects.filter(couple_id__in=couples_of(user), noticed_at__isnull=False)
            .exclude(author=user)
            .order_by("happened_on", "pk")
            .values("happened_on", "noticed_at")
        ),
    ),
    Section(
        key="appreciate.styles",
        title=_("Your appreciation styles"),
        about=_("How much each way means to you, from 1 to 7."),
        covers=(StyleRatings,),
        labels={
            "touch": _("Affectionate touch"),
            "service": _("Help and acts of service"),
            "gifts": _("Gifts and surprises"),
            "time": _("Time together"),
            "words": _("Words"),
            "updated_at": _("Last changed"),
        },
        rows=lambda user: StyleRatings.objects.filter(user=user).values(
            "touch", "service", "gifts", "time", "words", "updated_at"
        ),
    ),
    Section(
        key="appreciate.favourites",
        title=_("Things that make you feel loved"),
        covers=(Favourite,),
        labels={"style": _("Way"), "text": _("What"), "created_at": _("Added")},
        rows=lambda user: (
            Favourite.objects.filter(user=user)
            .order_by("created_at")
            .values("style", "text", "created_at")
        ),
    ),
    Section(
        key="appreciate.suggestions",
        title=_("Gesture ideas Hearth suggested to you"),
        covers=(Suggestion,),
        labels={"day": _("Day"), "idea_text": _("Idea"), "status": _("What you did with it")},
        rows=lambda user: (
            Suggestion.objects.filter(user=user)
            .order_by("day", "pk")
            .values("day", "status", idea_text=F("idea__text"))
        ),
    ),
    Section(
        key="appreciate.journal",
        title=_("Your gratitude journal"),
        covers=(JournalEntry,),
        labels={
            "day": _("Day"),
            "text": _("Entry"),
            "shared": _("Shared with your partner"),
            "created_at": _("Written"),
        },
        rows=lambda user: (
            JournalEntry.objects.filter(author=user)
            .order_by("day", "pk")
            .values("day", "text", "shared", "created_at")
        ),
    ),
]
