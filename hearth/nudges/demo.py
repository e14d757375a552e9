"""Demo data for nudges: the demo couple's own notifications from the last few days (the
pillars' demo rows are written in bulk, past the services that record events). None is
e-mailed: the demo's addresses are not real."""

import random
from datetime import timedelta

from django.utils import timezone

from hearth.appreciate.models import Note
from hearth.core.models import Event
from hearth.couples.models import Couple
from hearth.nudges.models import Notification
from hearth.support.models import Bid

RECENT = timedelta(days=4)


def seed_demo_couple(*, couple: Couple, first, second, weeks: int, rng: random.Random) -> None:
    if Notification.objects.filter(couple=couple).exists():
        return
    now = timezone.now()
    made = []
    for model, kind in ((Note, Event.Kind.NOTE_RECEIVED), (Bid, Event.Kind.BID_RECEIVED)):
        recent = model.objects.filter(couple=couple, created_at__gte=now - RECENT)
        for row in recent.order_by("-created_at")[:3]:
            recipient = second if row.author_id == first.pk else first
            made.append(
                Notification(
                    couple=couple,
                    recipient=recipient,
                    kind=kind,
                    occasion=f"demo:{model._meta.label_lower}:{row.pk}",
                    subject=f"{model._meta.label_lower}:{row.pk}",
                    created_at=row.created_at,
                    # The older ones were seen already (only by their recipient).
                    seen_at=row.created_at + timedelta(hours=2) if rng.random() < 0.5 else None,
                )
            )
    last_sunday = couple.local_today() - timedelta(days=couple.local_today().isoweekday() % 7)
    year, week, _ = last_sunday.isocalendar()
    for person in (first, second):
        made.append(
            Notification(
                couple=couple,
                recipient=person,
                kind=Event.Kind.WEEKLY_REPORT,
                occasion=f"weekly:{year}-W{week:02d}",
                created_at=now - timedelta(days=(couple.local_today() - last_sunday).days),
            )
        )
    Notification.objects.bulk_create(made, ignore_conflicts=True)


def seed_bulk(*, couples, weeks: int, rng: random.Random) -> None:
    """Benchmark couples get no notifications: `bench_nudges` measures making them."""
