"""The weekly "State of us" (PRODUCT I4), for one person of a couple: the week's highlights,
what went well, one focus for the week ahead, and what is coming up.

Only counts and shared things ever appear: the highlights come from the Connection Index's
signals (numbers, never words), and the week ahead lists scheduled dates, rituals and open
promises, which both partners see anyway. Journals, check-ins and answers are never read.

The number of queries is fixed whatever the couple's history: the signals take a fixed
number, and each list here is one query (two for rituals) with a limit.
"""

import random
import zoneinfo
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hearth.appreciate.models import Favourite, Style
from hearth.core.guides import read_guides
from hearth.couples.models import Couple, Membership
from hearth.insights.index import WINDOW_DAYS, ConnectionIndex, Signals, connection_index
from hearth.insights.signals import signals_for
from hearth.together.models import DatePlan, Ritual, RitualSkip
from hearth.together.services import ritual_rule
from hearth.trust.models import Promise

FOCUS = Path(__file__).parent / "content" / "focus.toml"
WEEK_DAYS = 7
# The week ahead: today and the six days after it.
AHEAD_DAYS = 7
ACTIONS_PER_WEEK = 3
# Pillars whose actions follow the partner's appreciation styles.
STYLED = ("appreciate", "support")
PILLAR_ORDER = ("talk", "together", "appreciate", "trust", "support")
# Lists of the week ahead answer with at most this many.
LIST_LIMIT = 10
# A component moved by at least this much (of full marks) counts as a change.
NOTABLE = 0.05

# What went well, by component of the index, in warm words.
WENT_WELL = {
    "reveals": gettext_lazy("Answering the daily question on the same days"),
    "replies": gettext_lazy("Replying to each other's answers"),
    "presence": gettext_lazy("Time together with the phones away"),
    "dates": gettext_lazy("Making time for dates"),
    "notes": gettext_lazy("Specific thank-yous between you"),
    "noticed": gettext_lazy("Noticing each other's gestures"),
    "ratio": gettext_lazy("Plenty of kind moments"),
    "reliability": gettext_lazy("Keeping your word to each other"),
    "rounds": gettext_lazy("Sharing tender things in turn"),
    "turn_toward": gettext_lazy("Turning toward each other when one of you reached out"),
    "check_ins": gettext_lazy("Answering each other's check-ins"),
}


@dataclass(frozen=True)
class Focus:
    """One pillar to lean into next week, and two or three things to do for it."""

    pillar: str
    name: str
    lead: str
    actions: tuple[str, ...]
    # The partner's appreciation styles the actions follow (labels); empty when they do not.
    styles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coming:
    """Something in the week ahead: a scheduled date, a ritual's next time, or a promise due."""

    kind: str  # "date", "ritual" or "promise"
    pk: int
    title: str
    path: str
    starts_at: datetime | None = None
    due_on: date | None = None
    # A ritual's rule in words; for a promise, whose it is ("Yours", "Sam's").
    detail: str = ""
    mine: bool = False


@dataclass(frozen=True)
class WeeklyReport:
    week: str  # the ISO week, "2025-W23"
    starts_on: date  # the seven days looked back on
    ends_on: date
    partner_name: str
    overall: int  # the 28-day Connection Index
    highlights: tuple[str, ...]
    went_well: tuple[str, ...]
    focus: Focus
    dates: tuple[Coming, ...]
    rituals: tuple[Coming, ...]
    promises: tuple[Coming, ...]


# The focus content ------------------------------------------------------------------------


def focus_content() -> dict[str, Any]:
    """focus.toml: {"pillar": {key: {...}}, "action": [{key, pillar, style?, text}, ...]}."""
    return read_guides(FOCUS)


def _partner_words(text: str, partner_name: str) -> str:
    return text.replace("{partner}", partner_name)


def pick_actions(
    pillar: str,
    *,
    ratings: dict[str, int] | None,
    rng: random.Random,
    count: int = ACTIONS_PER_WEEK,
) -> tuple[list[dict], list[str]]:
    """This week's actions for a pillar (focus.toml rows) and the styles they follow.

    For Appreciate and Support the actions follow the partner's top-rated styles (all the
    styles rated highest, taken in turn); when the partner has not rated them, the actions
    come from different styles and the pillar's `invite` asks them to. Pure: the same
    ratings and the same random state give the same actions."""
    actions = [item for item in focus_content()["action"] if item["pillar"] == pillar]
    if pillar not in STYLED:
        return rng.sample(actions, min(count, len(actions))), []
    styles = list(Style.values)
    rng.shuffle(styles)
    if ratings:
        top = max(ratings.get(style, 0) for style in styles)
        followed = [style for style in styles if ratings.get(style, 0) == top]
    else:
        followed = styles
        count -= 1  # room for the invitation to rate them
    by_style = {style: [a for a in actions if a["style"] == style] for style in followed}
    for pool in by_style.values():
        rng.shuffle(pool)
    chosen: list[dict] = []
    turn = 0
    while len(chosen) < count and any(by_style.values()):
        pool = by_style[followed[turn % len(followed)]]
        if pool:
            chosen.append(pool.pop())
        turn += 1
    if not ratings or len(followed) == len(styles):  # no style stands out for them
        return chosen, []
    return chosen, [style for style in Style.values if style in followed]


# The report -------------------------------------------------------------------------------


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    minutes_words = ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest}
    if not hours:
        return minutes_words
    hours_words = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    if not rest:
        return hours_words
    # Translators: a duration, such as "2 hours 5 minutes".
    return _("%(hours)s %(minutes)s") % {"hours": hours_words, "minutes": minutes_words}


def highlights_of(week: Signals) -> list[str]:
    """The good things of the week in warm words; what did not happen is not mentioned.
    In the active language (the page's, or the e-mail's recipient's)."""
    lines = []
    if week.both_answered:
        lines.append(
            ngettext(
                "You both answered %(count)d daily question",
                "You both answered %(count)d daily questions",
                week.both_answered,
            )
            % {"count": week.both_answered}
        )
    if replies := sum(week.replies):
        lines.append(
            ngettext(
                "%(count)d reply or reaction to each other's answers",
                "%(count)d replies and reactions to each other's answers",
                replies,
            )
            % {"count": replies}
        )
    if week.present_minutes:
        lines.append(
            _("%(duration)s together with the phones away")
            % {"duration": _duration(week.present_minutes)}
        )
    if week.dates_kept:
        lines.append(
            ngettext("%(count)d date together", "%(count)d dates together", week.dates_kept)
            % {"count": week.dates_kept}
        )
    if notes := sum(week.notes_sent):
        lines.append(
            ngettext(
                "%(count)d thank-you note between you",
                "%(count)d thank-you notes between you",
                notes,
            )
            % {"count": notes}
        )
    if noticed := sum(week.gestures_noticed):
        lines.append(
            ngettext("%(count)d kind gesture noticed", "%(count)d kind gestures noticed", noticed)
            % {"count": noticed}
        )
    if kept := sum(week.promises_kept):
        lines.append(
            ngettext(
                "%(count)d promise kept or changed in good time",
                "%(count)d promises kept or changed in good time",
                kept,
            )
            % {"count": kept}
        )
    if week.rounds_completed:
        lines.append(
            ngettext(
                "%(count)d sharing round completed together",
                "%(count)d sharing rounds completed together",
                week.rounds_completed,
            )
            % {"count": week.rounds_completed}
        )
    if toward := sum(week.bids_turned_toward):
        if toward == 1:
            lines.append(_("You turned toward each other once when one of you reached out"))
        elif toward == 2:
            lines.append(_("You turned toward each other twice when one of you reached out"))
        else:
            lines.append(
                ngettext(
                    "You turned toward each other %(count)d time when one of you reached out",
                    "You turned toward each other %(count)d times when one of you reached out",
                    toward,
                )
                % {"count": toward}
            )
    if answered := sum(week.check_ins_answered):
        lines.append(
            ngettext(
                "%(count)d shared check-in answered with care",
                "%(count)d shared check-ins answered with care",
                answered,
            )
            % {"count": answered}
        )
    return lines


def at_monthly_pace(week: Signals, days: int = WEEK_DAYS) -> Signals:
    """The week's signals as if the whole 28 days had gone like it, so that its index can be
    set beside the 28-day one."""
    factor = WINDOW_DAYS // days
    values: dict[str, Any] = {}
    for item in fields(week):
        value = getattr(week, item.name)
        if isinstance(value, tuple):
            values[item.name] = (value[0] * factor, value[1] * factor)
        else:
            values[item.name] = value * factor
    return replace(week, **values)


def went_well_of(week: ConnectionIndex, month: ConnectionIndex) -> list[str]:
    """The strongest of the week beside the 28 days: its strongest pillar, then up to three
    components, those above the month's pace first, then those holding steady."""
    pillars = focus_content()["pillar"]
    lines = []
    best = max(week.pillars.values(), key=lambda s: (s.score, -PILLAR_ORDER.index(s.pillar)))
    if best.score > 0:
        above = best.score >= month.pillars[best.pillar].score + 100 * NOTABLE
        name = pillars[best.pillar]["name"]
        lines.append(
            _("%(pillar)s shone this week, more than over your last four weeks") % {"pillar": name}
            if above
            else _("%(pillar)s shone this week") % {"pillar": name}
        )
    rows = []
    for pillar, score in week.pillars.items():
        for component, value in score.components.items():
            if value < NOTABLE:
                continue
            before = month.pillars[pillar].components[component]
            if value >= before + NOTABLE:
                rank = 0  # more than in the usual week
            elif value >= before - NOTABLE:
                rank = 1  # as steady as ever
            else:
                rank = 2
            rows.append((rank, -value, component))
    for rank, _value, component in sorted(rows)[:3]:
        what = WENT_WELL[component]
        if rank == 0:
            lines.append(_("%(what)s: more than in your usual week") % {"what": what})
        elif rank == 1:
            lines.append(_("%(what)s: as steady as ever") % {"what": what})
        else:
            lines.append(str(what))
    return lines


def _weakest(month: ConnectionIndex, rng: random.Random) -> str:
    """The pillar with the most room to grow; a tie is settled by the week's draw, so a new
    couple does not always start with the same one."""
    lowest = min(score.score for score in month.pillars.values())
    tied = [pillar for pillar in PILLAR_ORDER if month.pillars[pillar].score == lowest]
    return rng.choice(tied)


def _focus(
    month: ConnectionIndex,
    *,
    seed: str,
    partner_name: str,
    ratings: dict[str, int] | None,
    favourites: list[tuple[str, str]],
) -> Focus:
    pillar = _weakest(month, random.Random(f"{seed}:pillar"))  # noqa: S311 (not secret)
    content = focus_content()["pillar"][pillar]
    chosen, styles = pick_actions(
        pillar,
        ratings=ratings,
        rng=random.Random(f"{seed}:{pillar}"),  # noqa: S311 (not secret)
    )
    actions = [_partner_words(item["text"], partner_name) for item in chosen]
    if pillar in STYLED and not ratings:
        actions.append(_partner_words(content["invite"], partner_name))
    if pillar == "appreciate" and styles:
        # One of the partner's own favourites in a style they love is the most concrete
        # action there is.
        theirs = [text for style, text in favourites if style in styles]
        if theirs:
            favourite = random.Random(f"{seed}:favourite").choice(theirs)  # noqa: S311
            actions[-1] = _("Something %(name)s told Hearth they love: “%(favourite)s”") % {
                "name": partner_name,
                "favourite": favourite,
            }
    labels = dict(Style.choices)
    return Focus(
        pillar=pillar,
        name=content["name"],
        lead=_partner_words(content["lead"], partner_name),
        actions=tuple(actions),
        styles=tuple(str(labels[style]) for style in styles),
    )


def _partner(couple: Couple, user) -> tuple[Any, dict[str, int] | None]:
    """The partner and their appreciation styles, if they rated them (then their partner
    may read them as a guide), in one query."""
    seat = (
        Membership.objects.filter(couple=couple, left_at__isnull=True)
        .exclude(user=user)
        .select_related("user__style_ratings")
        .first()
    )
    if seat is None:
        return None, None
    ratings = getattr(seat.user, "style_ratings", None)
    return seat.user, ratings.as_dict() if ratings is not None else None


def _ahead(couple: Couple, user, today: date, partner_name: str) -> dict[str, tuple]:
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    now = timezone.now()
    end = datetime.combine(today + timedelta(days=AHEAD_DAYS), time(), tzinfo=zone)
    last_day = today + timedelta(days=AHEAD_DAYS - 1)
    dates = tuple(
        Coming(
            kind="date",
            pk=plan.pk,
            title=plan.title,
            path=reverse("together:date", args=[plan.pk]),
            starts_at=plan.starts_at,
        )
        for plan in DatePlan.objects.filter(
            couple=couple, status=DatePlan.Status.SCHEDULED, starts_at__gte=now, starts_at__lt=end
        ).order_by("starts_at", "pk")[:LIST_LIMIT]
    )
    skips: dict[int, set[date]] = {}
    for ritual_id, day in RitualSkip.objects.filter(
        couple=couple, day__gte=today, day__lte=last_day
    ).values_list("ritual_id", "day"):
        skips.setdefault(ritual_id, set()).add(day)
    rituals = []
    for ritual in Ritual.objects.filter(couple=couple, ended_at__isnull=True).order_by("pk")[
        : 5 * LIST_LIMIT
    ]:
        rule = ritual_rule(ritual)
        times = rule.occurrences(start=now, end=end, skips=skips.get(ritual.pk, ()))
        if times:
            rituals.append(
                Coming(
                    kind="ritual",
                    pk=ritual.pk,
                    title=ritual.title,
                    path=reverse("together:ritual", args=[ritual.pk]),
                    starts_at=times[0],
                    detail=rule.describe(),
                )
            )
    rituals.sort(key=lambda item: (item.starts_at, item.pk))
    promises = tuple(
        Coming(
            kind="promise",
            pk=promise.pk,
            title=promise.text,
            path=reverse("trust:promise", args=[promise.pk]),
            due_on=promise.due_on,
            detail=_("Yours")
            if promise.author_id == user.pk
            else _("%(name)s's") % {"name": partner_name},
            mine=promise.author_id == user.pk,
        )
        for promise in Promise.objects.filter(
            couple=couple, status=Promise.Status.OPEN, due_on__gte=today, due_on__lte=last_day
        ).order_by("due_on", "pk")[:LIST_LIMIT]
    )
    return {"dates": dates, "rituals": tuple(rituals[:LIST_LIMIT]), "promises": promises}


def weekly_report(*, couple: Couple, user, today: date | None = None) -> WeeklyReport:
    """The week that ends today for `user` of `couple`, and the week ahead. Only shared
    things and counts; the actions are drawn once per couple and ISO week."""
    today = today or couple.local_today()
    year, week_number, _weekday = today.isocalendar()
    week = f"{year}-W{week_number:02d}"
    seed = f"{couple.pk}:{week}"
    partner, ratings = _partner(couple, user)
    partner_name = partner.display_name if partner is not None else _("your partner")
    favourites = (
        list(
            Favourite.objects.filter(user=partner).order_by("pk").values_list("style", "text")[:50]
        )
        if partner is not None
        else []
    )
    week_signals = signals_for(couple, days=WEEK_DAYS, end=today)
    month = connection_index(signals_for(couple, end=today))
    week_index = connection_index(at_monthly_pace(week_signals))
    return WeeklyReport(
        week=week,
        starts_on=today - timedelta(days=WEEK_DAYS - 1),
        ends_on=today,
        partner_name=partner_name,
        overall=month.overall,
        highlights=tuple(highlights_of(week_signals)),
        went_well=tuple(went_well_of(week_index, month)),
        focus=_focus(
            month,
            seed=seed,
            partner_name=partner_name,
            ratings=ratings,
            favourites=favourites,
        ),
        **_ahead(couple, user, today, partner_name),
    )


# The e-mail -------------------------------------------------------------------------------


def weekly_email(*, couple: Couple, user) -> tuple[str, str, str]:
    """The weekly e-mail for `user`: (subject, plain text, HTML). In the person's own language
    and time zone (the worker sends it, outside any request of theirs); links are absolute,
    from SITE_URL."""
    with translation.override(user.language):
        report = weekly_report(couple=couple, user=user)
        context = {
            "report": report,
            "name": user.display_name,
            "week_url": settings.SITE_URL + reverse("insights:week"),
            "settings_url": settings.SITE_URL + reverse("nudges:settings"),
            "site_url": settings.SITE_URL,
        }
        with timezone.override(user.zone):
            text = render_to_string("insights/email/weekly.txt", context)
            html = render_to_string("insights/email/weekly.html", context)
        ends_on = dateformat.format(report.ends_on, _("j F"))
        subject = "Hearth · " + _("State of us, the week to %(day)s") % {"day": ends_on}
    return subject, text, html
