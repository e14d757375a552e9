"""What Appreciate exports: the notes a person wrote, how they answered notes they received
(not the notes: those are the partner's words), their gestures, appreciation styles,
favourites, suggestions and gratitude journal."""

from django.db.models import F, Q

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
        title="Notes you wrote",
        covers=(Note,),
        labels={
            "kind": "Kind",
            "did": "What they did",
            "felt": "How it made you feel",
            "mattered": "Why it mattered",
            "created_at": "Sent",
        },
        rows=lambda user: (
            Note.objects.filter(author=user)
            .order_by("created_at")
            .values("kind", "did", "felt", "mattered", "created_at")
        ),
    ),
    Section(
        key="appreciate.notes_received",
        title="How you answered notes you received",
        about="Your reaction, and whether you kept it on your wall; the note itself is your "
        "partner's to export.",
        covers=(Note,),
        labels={"created_at": "Received", "reaction": "Your reaction", "kept": "Kept"},
        rows=lambda user: (
            Note.objects.filter(recipient=user)
            .filter(~Q(reaction="") | Q(kept=True))
            .order_by("created_at")
            .values("created_at", "reaction", "kept")
        ),
    ),
    Section(
        key="appreciate.gestures",
        title="Gestures you logged",
        covers=(Gesture,),
        labels={
            "style": "Way",
            "text": "What you did",
            "happened_on": "Day",
            "created_at": "Logged",
            "noticed_at": "Your partner noticed",
        },
        rows=lambda user: (
            Gesture.objects.filter(author=user)
            .order_by("happened_on", "pk")
            .values("style", "text", "happened_on", "created_at", "noticed_at")
        ),
    ),
    Section(
        key="appreciate.gestures_noticed",
        title="Your partner's gestures you noticed",
        covers=(Gesture,),
        labels={"happened_on": "Day", "noticed_at": "You noticed"},
        rows=lambda user: (
            Gesture.objects.filter(couple_id__in=couples_of(user), noticed_at__isnull=False)
            .exclude(author=user)
            .order_by("happened_on", "pk")
            .values("happened_on", "noticed_at")
        ),
    ),
    Section(
        key="appreciate.styles",
        title="Your appreciation styles",
        about="How much each way means to you, from 1 to 7.",
        covers=(StyleRatings,),
        labels={
            "touch": "Affectionate touch",
            "service": "Help and acts of service",
            "gifts": "Gifts and surprises",
            "time": "Time together",
            "words": "Words",
            "updated_at": "Last changed",
        },
        rows=lambda user: StyleRatings.objects.filter(user=user).values(
            "touch", "service", "gifts", "time", "words", "updated_at"
        ),
    ),
    Section(
        key="appreciate.favourites",
        title="Things that make you feel loved",
        covers=(Favourite,),
        labels={"style": "Way", "text": "What", "created_at": "Added"},
        rows=lambda user: (
            Favourite.objects.filter(user=user)
            .order_by("created_at")
            .values("style", "text", "created_at")
        ),
    ),
    Section(
        key="appreciate.suggestions",
        title="Gesture ideas Hearth suggested to you",
        covers=(Suggestion,),
        labels={"day": "Day", "idea_text": "Idea", "status": "What you did with it"},
        rows=lambda user: (
            Suggestion.objects.filter(user=user)
            .order_by("day", "pk")
            .values("day", "status", idea_text=F("idea__text"))
        ),
    ),
    Section(
        key="appreciate.journal",
        title="Your gratitude journal",
        covers=(JournalEntry,),
        labels={
            "day": "Day",
            "text": "Entry",
            "shared": "Shared with your partner",
            "created_at": "Written",
        },
        rows=lambda user: (
            JournalEntry.objects.filter(author=user)
            .order_by("day", "pk")
            .values("day", "text", "shared", "created_at")
        ),
    ),
]
