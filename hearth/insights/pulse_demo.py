"""Demo monthly pulses (PRODUCT I2) for the demo couple: six months that tell a story.

Months 1–2 are good; in months 3–4 life gets busy and stressful (Sam's extra shifts, Alex's
deadline) and both feel it, most in time together and talk, least in trust; from month 5
they find their way back, and month 6 (this one) is a little better than where they began.
Alex takes the pulse every month; Sam skipped one in the busy stretch and hasn't taken
this month's yet, because the pulse is an invitation, never a duty.

Rows are written straight into the table (the service only records the month that is
open), keeping what it keeps: one per person per month, the first day of the couple's
local month, every value a whole number from 1 to 7, and never before the couple began.
"""

import random
import zoneinfo
from datetime import date, time, timedelta

from django.utils import timezone

from hearth.core.demo_helpers import local_instant
from hearth.couples.models import Couple
from hearth.insights.models import PULSE_HIGHEST, PULSE_ITEMS, PULSE_LOWEST, Pulse
from hearth.insights.pulse import month_last_day, month_shift, pulse_month
from hearth.insights.pulse_content import pulse_content

STORY_MONTHS = 6
# How each month felt, against their usual (month 1 is the oldest of the six).
MOOD = {1: 0.2, 2: 0.0, 3: -1.4, 4: -2.0, 5: -0.7, 6: 0.5}
# How much each pillar moves with the mood: less time together and less talk first, trust
# holds best.
SWAY = {"talk": 1.0, "together": 1.3, "appreciate": 0.9, "trust": 0.4, "support": 1.1}
# Each one's usual rating for each pillar, and usual closeness.
USUAL = {
    "alex": {"talk": 5.5, "together": 5.0, "appreciate": 5.0, "trust": 6.0, "support": 5.5},
    "sam": {"talk": 5.0, "together": 5.5, "appreciate": 5.5, "trust": 6.0, "support": 5.0},
}
USUAL_CLOSENESS = {"alex": 5.0, "sam": 5.5}
# Months each one let pass: Sam in the thick of it, and this month not yet.
SKIPPED = {"alex": frozenset(), "sam": frozenset({4, 6})}
WOBBLE = (-0.5, 0.0, 0.0, 0.0, 0.5)


def _clamped(value: float) -> int:
    return max(PULSE_LOWEST, min(PULSE_HIGHEST, round(value)))


def _when(couple: Couple, month: date, rng: random.Random):
    """An evening late in the month (or earlier today, for the month still going), never
    before the couple began nor after now."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    today = couple.local_today()
    last = min(month_last_day(month), today)
    day = last.replace(day=rng.randint(max(1, last.day - 8), last.day))
    at = local_instant(day, time(rng.randint(19, 22), rng.randint(0, 59)), zone)
    return min(max(at, couple.created_at), timezone.now())


def seed_pulses(*, couple: Couple, first, second, weeks: int, rng: random.Random) -> list[Pulse]:
    """Both partners' pulses for the demo couple's last six months (those since the couple
    began, within `weeks`); leaves any month someone already took as it was."""
    current = pulse_month(couple)
    began = timezone.localtime(couple.created_at, zoneinfo.ZoneInfo(couple.time_zone)).date()
    oldest = max(began.replace(day=1), month_shift(current, -(STORY_MONTHS - 1)))
    since = couple.local_today() - timedelta(weeks=weeks)
    story = [
        (STORY_MONTHS - back, month)
        for back, month in ((back, month_shift(current, -back)) for back in range(STORY_MONTHS))
        if month >= oldest and month_last_day(month) >= since
    ]
    pillar_of = {item.key: item.pillar for item in pulse_content().items}
    taken = set(
        Pulse.objects.filter(author__in=[first, second], month__gte=oldest).values_list(
            "author_id", "month"
        )
    )
    pulses = []
    for voice, person in (("alex", first), ("sam", second)):
        for chapter, month in story:
            if chapter in SKIPPED[voice] or (person.pk, month) in taken:
                continue
            mood = MOOD[chapter]
            ratings = {
                key: _clamped(
                    USUAL[voice][pillar_of[key]] + mood * SWAY[pillar_of[key]] + rng.choice(WOBBLE)
                )
                for key in PULSE_ITEMS
            }
            at = _when(couple, month, rng)
            pulses.append(
                Pulse(
                    couple=couple,
                    author=person,
                    month=month,
                    closeness=_clamped(USUAL_CLOSENESS[voice] + mood * 1.2 + rng.choice(WOBBLE)),
                    created_at=at,
                    updated_at=at,
                    **ratings,
                )
            )
    return Pulse.objects.bulk_create(pulses)
