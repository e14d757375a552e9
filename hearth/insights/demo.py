"""Demo data for Insights.

The pillars seed steady activity. For the demo couple, Insights then tells a six-month story
on top of it: a busy, stressed stretch in months three and four (fewer answers and thank-yous,
bids left hanging, a few sharp words) and a recovery after, so the charts show a dip and a
climb back; each partner's monthly pulse follows the same curve. The daily roll-ups are
recounted, since seeding writes rows in bulk, past the services that keep them up to date.
"""

import random
import zoneinfo
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet

from hearth.appreciate.models import Gesture, Note
from hearth.core.demo_helpers import insert_rows, moment
from hearth.couples.models import Couple
from hearth.insights.models import COLUMNS, DayTally
from hearth.insights.pulse_demo import seed_pulses
from hearth.insights.tallies import GROUPS, Span, tallies_rebuild
from hearth.support.models import Bid, CheckIn
from hearth.talk.models import Answer, DailyQuestion, HarshMoment
from hearth.together.models import PresentSession

# The busy stretch, in weeks before today, and how much of the usual it keeps at its worst.
DIP_FROM_WEEKS, DIP_TO_WEEKS = 17, 9
DEEPEST_KEEPS = 0.15
STORY_NEEDS_WEEKS = 20


def busy_season(weeks_ago: float) -> float:
    """How much of the usual activity a day keeps: 1 outside the dip, down to DEEPEST_KEEPS
    in its middle, easing in and out."""
    if not DIP_TO_WEEKS < weeks_ago < DIP_FROM_WEEKS:
        return 1.0
    middle = (DIP_FROM_WEEKS + DIP_TO_WEEKS) / 2
    distance = abs(weeks_ago - middle) / ((DIP_FROM_WEEKS - DIP_TO_WEEKS) / 2)
    return DEEPEST_KEEPS + (1 - DEEPEST_KEEPS) * distance


@transaction.atomic
def tell_a_dip_and_a_recovery(couple: Couple, people, rng: random.Random) -> None:
    today = couple.local_today()
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    span = (today - timedelta(weeks=DIP_FROM_WEEKS), today - timedelta(weeks=DIP_TO_WEEKS))

    def dropped(rows: QuerySet, field: str) -> list[int]:
        """Ids of the rows (placed on a day by `field`) a busy day would not have had."""
        found = rows.filter(couple=couple, **{f"{field}__date__range": span})
        return [
            pk
            for pk, when in found.values_list("pk", field)
            if rng.random() > busy_season((today - when.astimezone(zone).date()).days / 7)
        ]

    # On a busy day only one of them answered: the question stays unrevealed.
    quiet = dropped(DailyQuestion.objects.all(), "revealed_at")
    for question_id in quiet:
        Answer.objects.filter(
            pk=Answer.objects.filter(daily_question_id=question_id).latest("created_at").pk
        ).delete()
    DailyQuestion.objects.filter(pk__in=quiet).update(revealed_at=None)
    Note.objects.filter(pk__in=dropped(Note.objects.all(), "created_at")).delete()
    PresentSession.objects.filter(
        pk__in=dropped(PresentSession.objects.all(), "started_at")
    ).delete()
    Gesture.objects.filter(pk__in=dropped(Gesture.objects.all(), "noticed_at")).update(
        noticed_at=None
    )
    Bid.objects.filter(pk__in=dropped(Bid.objects.all(), "created_at")).update(
        answer="", reply="", later_at=None, answered_at=None
    )
    CheckIn.objects.filter(
        pk__in=dropped(CheckIn.objects.filter(shared=True), "created_at")
    ).update(reply="", replied_at=None)
    # A few sharp words at the worst of it.
    sharp = []
    for back in range(DIP_TO_WEEKS * 7, DIP_FROM_WEEKS * 7):
        if rng.random() < (1 - busy_season(back / 7)) * 0.6:
            at = moment(couple, today - timedelta(days=back), (19, 22), rng)
            if at is not None:
                sharp.append(HarshMoment(couple=couple, author=rng.choice(people), created_at=at))
    HarshMoment.objects.bulk_create(sharp)


def seed_demo_couple(*, couple: Couple, first, second, weeks: int, rng: random.Random) -> None:
    if weeks >= STORY_NEEDS_WEEKS:
        tell_a_dip_and_a_recovery(couple, (first, second), rng)
    tallies_rebuild(Couple.objects.filter(pk=couple.pk))
    seed_pulses(couple=couple, first=first, second=second, weeks=weeks, rng=rng)


def seed_bulk(*, couples, weeks: int, rng: random.Random) -> None:
    """The benchmark couples' daily roll-ups, counted as `tallies_rebuild` counts them. They
    are new couples with no roll-ups yet, so the rows go in as one plain insert (through the
    ORM, writing them would take longer than counting them)."""
    by_zone: dict[str, list[int]] = {}
    for couple in couples:
        by_zone.setdefault(couple.time_zone, []).append(couple.pk)
    position = {column: index for index, column in enumerate(COLUMNS)}
    for zone_name, ids in sorted(by_zone.items()):
        span = Span(Q(couple_id__in=ids), zoneinfo.ZoneInfo(zone_name))
        counts: dict[tuple[int, date], list[int]] = {}
        for group in GROUPS.values():
            for couple_id, day, column, n in group.count(span):
                if (couple_id, day) not in counts:
                    counts[couple_id, day] = [0] * len(COLUMNS)
                counts[couple_id, day][position[column]] += n
        insert_rows(
            DayTally,
            ["couple_id", "day", *COLUMNS],
            ((couple_id, day, *values) for (couple_id, day), values in counts.items()),
        )
