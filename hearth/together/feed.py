"""The calendar feed (PRODUCT Q4): a person's secret iCalendar address (RFC 5545).

It holds the couple's scheduled dates and rituals and only their titles: a calendar
service that fetches it learns when, not what the two wrote. Rituals keep their wall-clock
time through daylight saving (DTSTART with TZID, a VTIMEZONE, RRULE, EXDATE).
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from hearth.couples.selectors import couple_for_user
from hearth.together.models import CalendarFeed, DatePlan, Ritual, RitualSkip, hash_feed_token
from hearth.together.recurrence import aware
from hearth.together.services import ritual_rule, zone_named

# Past dates stay in the feed for a while, so a calendar does not lose last month.
KEEP_PAST = timedelta(days=365)


def feed_url(token: str) -> str:
    return settings.SITE_URL + reverse("together:feed", args=[token])


@transaction.atomic
def feed_issue(*, user) -> str:
    """A new secret address; any earlier one stops working at once."""
    _feed, token = CalendarFeed.issue(user=user)
    return token


def feed_revoke(*, user) -> None:
    CalendarFeed.objects.filter(user=user).delete()


def feed_owner(token: str):
    """Whose feed this address is, or None (unknown or revoked)."""
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=hash_feed_token(token), user__is_active=True)
        .first()
    )
    return feed.user if feed else None


def feed_calendar(user) -> bytes:
    """The person's calendar, as text/calendar bytes."""
    calendar = Calendar()
    calendar.add("prodid", "-//Hearth//Together//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # Fetched by a calendar service, not the person: the name is in the owner's language.
    with translation.override(user.language):
        calendar.add("x-wr-calname", _("Hearth: the two of us"))
    couple = couple_for_user(user)
    if couple is not None:
        host = urlsplit(settings.SITE_URL).hostname or "hearth"
        now = timezone.now()
        plans = DatePlan.objects.filter(
            couple=couple, status=DatePlan.Status.SCHEDULED, starts_at__gte=now - KEEP_PAST
        ).order_by("starts_at")
        for plan in plans:
            calendar.add_component(_date_event(plan, host, now))
        rituals = list(Ritual.objects.filter(couple=couple).order_by("pk"))
        skips: dict[int, list] = {}
        for skip in RitualSkip.objects.filter(couple=couple).order_by("day"):
            skips.setdefault(skip.ritual_id, []).append(skip.day)
        for ritual in rituals:
            first_day = ritual_rule(ritual).first_day()
            if first_day is None:
                continue  # ended before it ever happened
            calendar.add_component(
                _ritual_event(ritual, first_day, skips.get(ritual.pk, []), host, now)
            )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _base_event(uid: str, title: str, path: str, now) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("summary", title)
    event.add("url", settings.SITE_URL + path)
    return event


def _date_event(plan: DatePlan, host: str, now) -> Event:
    event = _base_event(
        f"date-{plan.pk}@{host}", plan.title, reverse("together:date", args=[plan.pk]), now
    )
    zone = zone_named(plan.time_zone)
    event.add("dtstart", plan.starts_at.astimezone(zone))
    event.add("dtend", plan.ends_at.astimezone(zone))
    event.add("sequence", int(plan.updated_at.timestamp()) % 2**31)
    return event


def _ritual_event(ritual: Ritual, first_day, skipped: list, host: str, now) -> Event:
    rule = ritual_rule(ritual)
    event = _base_event(
        f"ritual-{ritual.pk}@{host}",
        ritual.title,
        reverse("together:ritual", args=[ritual.pk]),
        now,
    )
    start = aware(first_day, ritual.at, rule.tz)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=ritual.duration_minutes))
    event.add("rrule", rule.ical_rule())
    if skipped:
        event.add("exdate", [aware(day, ritual.at, rule.tz) for day in skipped])
    return event
