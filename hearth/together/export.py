"""What Together exports: the dates a person proposed, their rituals, skips, bucket-list
items, memories, reflections and photos (listed here; the files come in the zip export),
phones-away times and whether they have a calendar address (never the address)."""

from collections.abc import Iterator
from typing import Any

from django.db.models import F

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
        title="Dates you proposed",
        covers=(DatePlan,),
        labels={
            "title": "Date",
            "details": "Details",
            "starts_at": "When",
            "time_zone": "Time zone",
            "duration_minutes": "Minutes",
            "status": "Status",
            "created_at": "Proposed",
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
        title="Rituals you set up",
        covers=(Ritual,),
        labels={
            "ritual": "Ritual",
            "kind": "Kind",
            "title": "Title",
            "notes": "Notes",
            "frequency": "How often",
            "interval": "Every",
            "weekdays": "Weekdays (Monday is 0)",
            "starts_on": "From",
            "at": "At",
            "time_zone": "Time zone",
            "duration_minutes": "Minutes",
            "until": "Until",
            "ended_at": "Ended",
            "created_at": "Set up",
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
        title="Days you skipped a ritual",
        covers=(RitualSkip,),
        labels={"ritual": "Ritual", "day": "Day"},
        rows=lambda user: (
            RitualSkip.objects.filter(skipped_by=user).order_by("day").values("day", "ritual")
        ),
    ),
    Section(
        key="together.calendar",
        title="Your calendar address",
        about="Only when you made it: the address is a secret and is never stored.",
        covers=(CalendarFeed,),
        labels={"created_at": "Made"},
        rows=lambda user: CalendarFeed.objects.filter(user=user).values("created_at"),
    ),
    Section(
        key="together.present",
        title="Phones away, started by you",
        covers=(PresentSession,),
        labels={
            "started_at": "Started",
            "joined_at": "Both in",
            "ended_at": "Ended",
            "minutes": "Minutes together",
        },
        rows=lambda user: (
            PresentSession.objects.filter(started_by=user)
            .order_by("started_at")
            .values("started_at", "joined_at", "ended_at", "minutes")
        ),
    ),
    Section(
        key="together.bucket",
        title="Your bucket-list ideas",
        covers=(BucketItem,),
        labels={"title": "Idea", "notes": "Notes", "created_at": "Added", "done_on": "Done"},
        rows=lambda user: (
            BucketItem.objects.filter(added_by=user)
            .order_by("created_at")
            .values("title", "notes", "created_at", "done_on")
        ),
    ),
    Section(
        key="together.memories",
        title="Memories you added",
        covers=(Memory,),
        labels={
            "memory": "Memory",
            "kind": "Kind",
            "title": "Title",
            "happened_on": "Day",
            "created_at": "Added",
        },
        rows=lambda user: (
            Memory.objects.filter(created_by=user)
            .order_by("happened_on", "pk")
            .values("kind", "title", "happened_on", "created_at", memory=F("pk"))
        ),
    ),
    Section(
        key="together.reflections",
        title="Your reflections on memories",
        covers=(Reflection,),
        labels={
            "memory": "Memory",
            "happened_on": "Day",
            "text": "What you loved",
            "rating": "Stars",
            "created_at": "Written",
            "updated_at": "Last changed",
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
        title="Photos you added",
        about="The files are in the zip export, under photos/. Photos your partner added "
        "are theirs to export.",
        covers=(Photo,),
        labels={
            "memory": "Memory",
            "happened_on": "Day",
            "width": "Width",
            "height": "Height",
            "created_at": "Added",
            "file": "File in the zip",
        },
        rows=_photos,
    ),
]
