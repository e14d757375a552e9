"""What Together exports: the dates a person proposed, their rituals, skips, bucket-list
items, memories, reflections and photos (listed here; the files come in the zip export),
phones-away times and whether they have a calendar address (never the address)."""

from collections.abc import Iterator
from typing import Any

from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hearth.privacy.exporting import Section, photo_file_name
from hearth.together.models import (
    BucketItem,
    CalendarFeed,
    DateIdea,
    DatePlan,
    Memory,
    Photo,
    PresentSession,
    Reflection,
    Ritual,
    RitualIdea,
    RitualSkip,
)

NOT_EXPORTED = {
    DateIdea: "the date idea library, the same for everyone",
    RitualIdea: "the ritual idea library, the same for everyone",
}


def _photos(user) -> Iterator[dict]:
    rows = (
        Photo.objects.filter(uploaded_by=user)
        .order_by("created_at", "pk")
        .values("pk", "width", "height", "created_at", "image", "memory")
        .annotate(happened_on=F("memory__happened_on"))
    )
    for row in rows:
        item: dict[str, Any] = dict(row)
        item["file"] = photo_file_name(
            pk=item["pk"], happened_on=item["happened_on"], stored=item["image"]
        )
        yield item


SECTIONS = [
    Section(
        key="together.dates",
        title=_("Dates you proposed"),
        covers=(DatePlan,),
        labels={
            "title": pgettext_lazy("a couple's date", "Date"),
            "details": _("Details"),
            "starts_at": _("When"),
            "time_zone": _("Time zone"),
            "duration_minutes": _("Minutes"),
            "status": _("Status"),
            "created_at": _("Proposed"),
        },
        rows=lambda user: (
            DatePlan.objects.filter(proposed_by=user)
            .order_by("starts_at")
            .values(
                "title",
                "details",
                "starts_at",
                "time_zone",
                "duration_minutes",
                "status",
                "created_at",
            )
        ),
    ),
    Section(
        key="together.rituals",
        title=_("Rituals you set up"),
        covers=(Ritual,),
        labels={
            "ritual": _("Ritual"),
            "kind": _("Kind"),
            "title": _("Title"),
            "notes": _("Notes"),
            "frequency": _("How often"),
            "interval": _("Every"),
            "weekdays": _("Weekdays (Monday is 0)"),
            "starts_on": _("From"),
            "at": _("At"),
            "time_zone": _("Time zone"),
            "duration_minutes": _("Minutes"),
            "until": _("Until"),
            "ended_at": _("Ended"),
            "created_at": _("Set up"),
        },
        rows=lambda user: (
            Ritual.objects.filter(created_by=user)
            .order_by("created_at")
            .values(
                "kind",
                "title",
                "notes",
                "frequency",
                "interval",
                "weekdays",
                "starts_on",
                "at",
                "time_zone",
                "duration_minutes",
                "until",
                "ended_at",
                "created_at",
                ritual=F("pk"),
            )
        ),
    ),
    Section(
        key="together.ritual_skips",
        title=_("Days you skipped a ritual"),
        covers=(RitualSkip,),
        labels={"ritual": _("Ritual"), "day": _("Day")},
        rows=lambda user: (
            RitualSkip.objects.filter(skipped_by=user).order_by("day").values("day", "ritual")
        ),
    ),
    Section(
        key="together.calendar",
        title=_("Your calendar address"),
        about=_("Only when you made it: the address is a secret and is never stored."),
        covers=(CalendarFeed,),
        labels={"created_at": _("Made")},
        rows=lambda user: CalendarFeed.objects.filter(user=user).values("created_at"),
    ),
    Section(
        key="together.present",
        title=_("Phones away, started by you"),
        covers=(PresentSession,),
        labels={
            "started_at": _("Started"),
            "joined_at": _("Both in"),
            "ended_at": _("Ended"),
            "minutes": _("Minutes together"),
        },
        rows=lambda user: (
            PresentSession.objects.filter(started_by=user)
            .order_by("started_at")
            .values("started_at", "joined_at", "ended_at", "minutes")
        ),
    ),
    Section(
        key="together.bucket",
        title=_("Your bucket-list ideas"),
        covers=(BucketItem,),
        labels={
            "title": _("Idea"),
            "notes": _("Notes"),
            "created_at": _("Added"),
            "done_on": _("Done"),
        },
        rows=lambda user: (
            BucketItem.objects.filter(added_by=user)
            .order_by("created_at")
            .values("title", "notes", "created_at", "done_on")
        ),
    ),
    Section(
        key="together.memories",
        title=_("Memories you added"),
        covers=(Memory,),
        labels={
            "memory": _("Memory"),
            "kind": _("Kind"),
            "title": _("Title"),
            "happened_on": _("Day"),
            "created_at": _("Added"),
        },
        rows=lambda user: (
            Memory.objects.filter(created_by=user)
            .order_by("happened_on", "pk")
            .values("kind", "title", "happened_on", "created_at", memory=F("pk"))
        ),
    ),
    Section(
        key="together.reflections",
        title=_("Your reflections on memories"),
        covers=(Reflection,),
        labels={
            "memory": _("Memory"),
            "happened_on": _("Day"),
            "text": _("What you loved"),
            "rating": _("Stars"),
            "created_at": _("Written"),
            "updated_at": _("Last changed"),
        },
        rows=lambda user: (
            Reflection.objects.filter(author=user)
            .order_by("memory__happened_on", "pk")
            .values(
                "text",
                "rating",
                "created_at",
                "updated_at",
                "memory",
                happened_on=F("memory__happened_on"),
            )
        ),
    ),
    Section(
        key="together.photos",
        title=_("Photos you added"),
        about=_(
            "The files are in the zip export, under photos/. Photos your partner added "
            "are theirs to export."
        ),
        covers=(Photo,),
        labels={
            "memory": _("Memory"),
            "happened_on": _("Day"),
            "width": _("Width"),
            "height": _("Height"),
            "created_at": _("Added"),
            "file": _("File in the zip"),
        },
        rows=_photos,
    ),
]
