"""Demo activity for Together: dates and the memories they made, rituals, phones-away time,
the bucket list and a few moments worth keeping.

The past is written straight into the tables (the services rightly refuse times that have
passed), keeping what the services keep: the couple on every row, who asked and who waits,
a memory per rated date linked through its plan, one reflection each, stars for dates
only, present sessions ended with their minutes. Dates still to come go through the services.
"""

import random
import tomllib
import zoneinfo
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

from hearth.core.demo_helpers import Deck, insert_rows, other_person, seats_of
from hearth.couples.models import Couple
from hearth.together.models import (
    BucketItem,
    DateIdea,
    DatePlan,
    Frequency,
    Memory,
    PresentSession,
    Reflection,
    Ritual,
    RitualIdea,
    RitualKind,
    RitualSkip,
)
from hearth.together.recurrence import aware
from hearth.together.services import (
    DURATION_RANGE,
    TITLE_MAX,
    date_accept,
    date_propose,
    date_suggest_time,
    ritual_rule,
)

DEMO_TEXT = tomllib.loads((Path(__file__).parent / "demo_reflections.toml").read_text())
# The library rituals the demo couple keeps (looked up by key; fine if missing).
DATE_NIGHT_IDEA = "ritual-004"
CHECK_IN_IDEA = "ritual-018"
FRIDAY, SATURDAY, SUNDAY = 4, 5, 6
STARTS = {
    "morning": (time(8, 30), time(9), time(9, 30)),
    "day": (time(11), time(13), time(14)),
    "evening": (time(19), time(19, 30), time(20)),
}
DAYS = {"morning": (SATURDAY, SUNDAY), "day": (SATURDAY, SUNDAY), "evening": (FRIDAY, SATURDAY)}
MORNING_WORDS = ("breakfast", "dawn", "sunrise", "morning", "before-work")
NIGHT_WORDS = ("night", "moon", "meteor", "star", "sunset", "lantern", "dark")


def seed_demo_couple(*, couple: Couple, first, second, weeks: int, rng: random.Random) -> None:
    people = (first, second)
    memories: list[Memory] = []
    reflections: list[Reflection] = []
    if not DatePlan.objects.filter(couple=couple).exists():
        _seed_past_dates(couple, people, weeks, rng, memories, reflections)
    if not BucketItem.objects.filter(couple=couple).exists():
        _seed_bucket_list(couple, people, weeks, rng, memories, reflections)
    if not Memory.objects.filter(couple=couple, kind=Memory.Kind.MOMENT).exists():
        _seed_moments(couple, people, weeks, rng, memories, reflections)
    Memory.objects.bulk_create(memories)
    Reflection.objects.bulk_create(reflections)
    if not Ritual.objects.filter(couple=couple).exists():
        _seed_rituals(couple, people, weeks, rng)
    if not PresentSession.objects.filter(couple=couple).exists():
        _seed_present(couple, people, weeks, rng)
    if not DatePlan.objects.filter(couple=couple, starts_at__gt=timezone.now()).exists():
        _seed_upcoming_dates(couple, first, second, rng)


def seed_bulk(*, couples, weeks: int, rng: random.Random) -> None:
    """Benchmark volumes: for each couple a few past dates, the last one a memory with a
    reflection, a weekly check-in, a session or two with the phones away, a bucket item."""
    if not couples:
        return
    members = seats_of(couples)
    ideas = list(
        DateIdea.objects.filter(active=True).values_list("id", "title", "duration_minutes")
    )
    check_in = RitualIdea.objects.filter(key=CHECK_IN_IDEA).values_list("id", flat=True).first()
    now = timezone.now()
    lines = DEMO_TEXT["date_any"] + DEMO_TEXT["date_home"]
    bucket_titles = [item["title"] for item in DEMO_TEXT["bucket"]]
    zones: dict[str, tuple[zoneinfo.ZoneInfo, date]] = {}
    earlier_plans: list[tuple] = []
    latest_plans: list[tuple] = []  # one a couple: its memory links to it
    memories: dict[int, tuple] = {}  # by couple: of its latest date
    reflections: dict[int, tuple] = {}  # by couple: on that memory
    rituals: list[tuple] = []
    sessions: list[tuple] = []
    items: list[tuple] = []
    for couple in couples:
        pair = members.get(couple.pk, [])
        if len(pair) != 2:
            continue
        if couple.time_zone not in zones:
            zone = zoneinfo.ZoneInfo(couple.time_zone)
            zones[couple.time_zone] = (zone, timezone.localdate(now, zone))
        zone, today = zones[couple.time_zone]
        since = couple.created_at
        if weeks and ideas:
            days = sorted(rng.sample(range(2, weeks * 7), rng.randint(1, 3)), reverse=True)
            for days_ago in days:  # the latest last
                idea_id, title, minutes = rng.choice(ideas)
                starts = aware(
                    today - timedelta(days=days_ago), rng.choice(STARTS["evening"]), zone
                )
                proposer = pair[rng.randrange(2)]
                asked = max(since, starts - timedelta(days=rng.randint(2, 7)))
                plan = (
                    couple.pk,
                    idea_id,
                    title,
                    proposer,
                    proposer,
                    starts,
                    couple.time_zone,
                    _duration(minutes),
                    DatePlan.Status.SCHEDULED,
                    asked,
                    asked + (starts - asked) / 4,
                )
                if days_ago != days[-1]:
                    earlier_plans.append(plan)
                    continue
                # The latest: a memory of it, and a reflection on that.
                latest_plans.append(plan)
                author = pair[rng.randrange(2)]
                ends = starts + timedelta(minutes=_duration(minutes))
                written = min(now, ends + timedelta(hours=rng.randint(1, 20)))
                memories[couple.pk] = (title, timezone.localdate(starts, zone), author, written)
                reflections[couple.pk] = (
                    author,
                    rng.choice(lines),
                    rng.choice((3, 4, 4, 5, 5, 5)),
                    written,
                    written,
                )
        if weeks:
            for days_ago in rng.sample(range(1, weeks * 7 + 1), rng.randint(1, 2)):
                started = aware(
                    today - timedelta(days=days_ago), time(20, rng.randint(0, 59)), zone
                )
                joined = started + timedelta(minutes=rng.randint(1, 5), seconds=rng.randint(0, 59))
                minutes = rng.randint(20, 120)
                sessions.append(
                    (
                        couple.pk,
                        pair[rng.randrange(2)],
                        started,
                        joined,
                        joined + timedelta(minutes=minutes, seconds=rng.randint(0, 59)),
                        minutes,
                    )
                )
        rituals.append(
            (
                couple.pk,
                check_in,
                pair[0],
                _on_or_after(today - timedelta(weeks=weeks), SUNDAY),
                couple.time_zone,
                since,
            )
        )
        items.append((couple.pk, rng.choice(bucket_titles), pair[rng.randrange(2)], since))
    plan_columns = [
        "couple_id",
        "idea_id",
        "title",
        "proposed_by_id",
        "asked_by_id",
        "starts_at",
        "time_zone",
        "duration_minutes",
        "status",
        "created_at",
        "updated_at",
    ]
    insert_rows(DatePlan, plan_columns, earlier_plans)
    latest = insert_rows(DatePlan, plan_columns, latest_plans, returning=["couple_id", "id"])
    made = insert_rows(
        Memory,
        ["couple_id", "kind", "title", "happened_on", "created_by_id", "created_at", "plan_id"],
        (
            (couple_id, Memory.Kind.DATE, *memories[couple_id], plan_id)
            for couple_id, plan_id in latest
        ),
        returning=["couple_id", "id"],
    )
    insert_rows(
        Reflection,
        ["couple_id", "memory_id", "author_id", "text", "rating", "created_at", "updated_at"],
        ((couple_id, memory_id, *reflections[couple_id]) for couple_id, memory_id in made),
    )
    # Every benchmark couple keeps the same ritual: a Sunday check-in.
    insert_rows(
        Ritual,
        ["couple_id", "idea_id", "created_by_id", "starts_on", "time_zone", "created_at"],
        rituals,
        also={
            "kind": RitualKind.CHECK_IN,
            "title": "Sunday check-in",
            "frequency": Frequency.WEEKLY,
            "interval": 1,
            "weekdays": [SUNDAY],
            "at": time(18, 30),
            "duration_minutes": 30,
        },
    )
    insert_rows(
        PresentSession,
        ["couple_id", "started_by_id", "started_at", "joined_at", "ended_at", "minutes"],
        sessions,
    )
    insert_rows(BucketItem, ["couple_id", "title", "added_by_id", "created_at"], items)


# The demo couple ------------------------------------------------------------------------


def _duration(minutes: int) -> int:
    low, high = DURATION_RANGE
    return min(max(minutes, low), high)


def _on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _season(day: date) -> str:
    return ("winter", "spring", "summer", "autumn")[day.month % 12 // 3]


def _when(idea: DateIdea) -> str:
    title = idea.title.lower()
    if any(word in title for word in MORNING_WORDS):
        return "morning"
    if any(word in title for word in NIGHT_WORDS):
        return "evening"
    if idea.duration_minutes >= 240 or (idea.setting == "out" and idea.place == "outdoor"):
        return "day"
    return "evening"


def _pick_plan(
    ideas: list[DateIdea], used: set[int], own: list[dict], day: date, rng, *, mine=False
) -> dict:
    """A date from the library (three times in four) or one of their own plans."""
    fitting = [idea for idea in ideas if idea.pk not in used and idea.fits_season(_season(day))]
    if own and (mine or not fitting or rng.random() < 0.25):
        plan = own.pop()
        return {
            "idea": None,
            "title": plan["title"][:TITLE_MAX],
            "details": plan["details"],
            "setting": plan["setting"],
            "when": plan["when"],
            "duration": plan["duration_minutes"],
            "loved": list(plan["loved"]),
        }
    if not fitting:
        fitting = ideas
    idea = rng.choice(fitting)
    used.add(idea.pk)
    notes = DEMO_TEXT["proposal_notes"]
    return {
        "idea": idea,
        "title": idea.title[:TITLE_MAX],
        "details": rng.choice(notes) if rng.random() < 0.4 else "",
        "setting": idea.setting,
        "when": _when(idea),
        "duration": _duration(idea.duration_minutes),
        "loved": [],
    }


def _seed_past_dates(couple, people, weeks, rng, memories, reflections) -> None:
    """A date every one to three weeks; most said yes to, a few not; most look back on."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    now = timezone.now()
    today = couple.local_today()
    ideas = list(DateIdea.objects.filter(active=True).order_by("key"))
    own = list(DEMO_TEXT["own_plan"])
    rng.shuffle(own)
    used: set[int] = set()
    lines = {key: Deck(DEMO_TEXT[f"date_{key}"], rng) for key in ("out", "home", "any")}
    chosen: list[tuple[dict, datetime]] = []
    day = today - timedelta(weeks=weeks) + timedelta(days=rng.randint(1, 6))
    while ideas or own:
        # The second one is always their own plan; after that, now and then.
        choice = _pick_plan(ideas, used, own, day, rng, mine=len(chosen) == 1)
        day = _on_or_after(day, rng.choice(DAYS[choice["when"]]))
        starts = aware(day, rng.choice(STARTS[choice["when"]]), zone)
        if day > today - timedelta(days=2):
            break
        if starts >= couple.created_at + timedelta(days=1):
            chosen.append((choice, starts))
        day += timedelta(days=rng.randint(5, 16))
    statuses = [DatePlan.Status.SCHEDULED] * len(chosen)
    # And a few that did not happen: turned down, or called off after all.
    first_day, last_day = (
        today - timedelta(weeks=weeks) + timedelta(days=2),
        today - timedelta(days=2),
    )
    if (ideas or own) and (last_day - first_day).days > 14:
        for status in [DatePlan.Status.DECLINED, DatePlan.Status.CANCELLED] * max(1, weeks // 8):
            choice = _pick_plan(ideas, used, own, last_day, rng)
            for _ in range(50):  # a weekend with no other date on it
                day = first_day + timedelta(days=rng.randint(0, (last_day - first_day).days - 6))
                day = _on_or_after(day, rng.choice(DAYS[choice["when"]]))
                starts = aware(day, rng.choice(STARTS[choice["when"]]), zone)
                free = all(abs(starts - other) > timedelta(days=2) for _, other in chosen)
                if free and couple.created_at + timedelta(days=1) <= starts:
                    chosen.append((choice, starts))
                    statuses.append(status)
                    break
    # Sometimes the answer was "yes, but another time", and the proposer said yes to that
    # (or, for one called off, did not get to).
    moved = [status != DatePlan.Status.DECLINED and rng.random() < 0.25 for status in statuses]
    could = [index for index, status in enumerate(statuses) if status != DatePlan.Status.DECLINED]
    if could and not any(moved):
        moved[rng.choice(could)] = True
    plans: list[DatePlan] = []
    for (choice, starts), status, was_moved in zip(chosen, statuses, moved, strict=True):
        proposer = rng.choice(people)
        answerer = other_person(people, proposer)
        created = max(
            couple.created_at + timedelta(hours=1),
            starts - timedelta(days=rng.randint(3, 10), hours=rng.randint(0, 12)),
        )
        answered = created + min(timedelta(hours=rng.randint(1, 36)), (starts - created) / 2)
        if status == DatePlan.Status.CANCELLED:
            answered = max(answered, starts - timedelta(hours=rng.randint(3, 30)))
        plans.append(
            DatePlan(
                couple=couple,
                idea=choice["idea"],
                title=choice["title"],
                details=choice["details"],
                proposed_by=proposer,
                asked_by=answerer if was_moved else proposer,
                starts_at=starts,
                time_zone=couple.time_zone,
                duration_minutes=choice["duration"],
                status=status,
                created_at=created,
                updated_at=answered,
            )
        )
    DatePlan.objects.bulk_create(plans)
    had = [
        (plan, choice)
        for plan, (choice, _) in zip(plans, chosen, strict=True)
        if plan.status == DatePlan.Status.SCHEDULED and plan.ends_at <= now
    ]
    for number, (plan, choice) in enumerate(had, 1):
        latest = number == len(had)
        if latest:
            # Sam has looked back on the last one; Alex is still to.
            authors = [people[1]]
        else:
            chance = 1.0 if number == 1 else rng.random()
            if chance < 0.1:
                continue  # never got round to it
            authors = rng.sample(people, 1 if chance < 0.35 else 2)
        written = plan.ends_at + timedelta(hours=rng.randint(1, 20))
        memory = Memory(
            couple=couple,
            kind=Memory.Kind.DATE,
            title=plan.title,
            happened_on=timezone.localdate(plan.starts_at, zone),
            created_by=authors[0],
            created_at=min(written, now),
            plan=plan,
        )
        memories.append(memory)
        loved = choice["loved"]
        for author in authors:
            at = min(written, now)
            reflections.append(
                Reflection(
                    couple=couple,
                    memory=memory,
                    author=author,
                    text=loved.pop(0)
                    if loved
                    else lines["any" if rng.random() < 0.3 else choice["setting"]].deal(),
                    rating=rng.choices((5, 4, 3), weights=(6, 4, 1))[0],
                    created_at=at,
                    updated_at=at,
                )
            )
            written += timedelta(hours=rng.randint(1, 30))


def _seed_bucket_list(couple, people, weeks, rng, memories, reflections) -> None:
    """About ten things to try together, a few already done and on the timeline."""
    now = timezone.now()
    today = couple.local_today()
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    span = max(weeks * 7 - 3, 0)
    entries = rng.sample(DEMO_TEXT["bucket"], min(10, len(DEMO_TEXT["bucket"])))
    items = [
        BucketItem(
            couple=couple,
            title=entry["title"][:TITLE_MAX],
            notes=entry.get("notes", ""),
            added_by=rng.choice(people),
            created_at=max(
                couple.created_at,
                now - timedelta(days=rng.randint(3, 3 + span), hours=rng.randint(0, 12)),
            ),
        )
        for entry in entries
    ]
    doable = [index for index, entry in enumerate(entries) if entry.get("loved")]
    done = rng.sample(doable, min(len(doable), rng.randint(3, 4))) if weeks else []
    for index in done:
        item = items[index]
        added = timezone.localdate(item.created_at, zone)
        item.done_on = added + timedelta(days=rng.randint(1, max((today - added).days - 1, 1)))
        item.done_on = min(item.done_on, today - timedelta(days=1))
    BucketItem.objects.bulk_create(items)
    for index in done:
        item = items[index]
        loved = list(entries[index]["loved"])
        rng.shuffle(loved)
        marker = rng.choice(people)
        authors = [marker] if rng.random() < 0.4 else [marker, other_person(people, marker)]
        assert item.done_on is not None
        at = min(now, aware(item.done_on, time(21, rng.randint(0, 59)), zone))
        memory = Memory(
            couple=couple,
            kind=Memory.Kind.BUCKET,
            title=item.title,
            happened_on=item.done_on,
            created_by=marker,
            created_at=at,
            bucket_item=item,
        )
        memories.append(memory)
        for author, text in zip(authors, loved, strict=False):
            reflections.append(
                Reflection(
                    couple=couple,
                    memory=memory,
                    author=author,
                    text=text,
                    created_at=at,
                    updated_at=at,
                )
            )
            at = min(now, at + timedelta(hours=rng.randint(1, 20)))


def _seed_moments(couple, people, weeks, rng, memories, reflections) -> None:
    """Three moments one of them wanted to keep, with what each loved about it."""
    if not weeks:
        return
    now = timezone.now()
    today = couple.local_today()
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    for entry in rng.sample(DEMO_TEXT["moment"], min(3, len(DEMO_TEXT["moment"]))):
        day = today - timedelta(days=rng.randint(1, weeks * 7))
        author = rng.choice(people)
        at = min(now, aware(day, time(rng.randint(17, 22), rng.randint(0, 59)), zone))
        memory = Memory(
            couple=couple,
            kind=Memory.Kind.MOMENT,
            title=entry["title"][:TITLE_MAX],
            happened_on=day,
            created_by=author,
            created_at=at,
        )
        memories.append(memory)
        authors = [author] if rng.random() < 0.3 else [author, other_person(people, author)]
        for person, text in zip(authors, entry["loved"], strict=False):
            reflections.append(
                Reflection(
                    couple=couple,
                    memory=memory,
                    author=person,
                    text=text,
                    created_at=at,
                    updated_at=at,
                )
            )
            at = min(now, at + timedelta(hours=rng.randint(1, 20)))


def _seed_rituals(couple, people, weeks, rng) -> None:
    """Date night every other Friday at 19:00 and a check-in every Sunday at 18:30, kept
    since the start, with an evening or two skipped."""
    now = timezone.now()
    today = couple.local_today()
    since = today - timedelta(weeks=weeks)
    ideas = {
        idea.key: idea
        for idea in RitualIdea.objects.filter(key__in=[DATE_NIGHT_IDEA, CHECK_IN_IDEA])
    }
    date_night = Ritual(
        couple=couple,
        kind=RitualKind.DATE_NIGHT,
        title="Friday date night",
        notes="Taking turns: one cooks, one hosts. Phones in the drawer.",
        idea=ideas.get(DATE_NIGHT_IDEA),
        created_by=people[0],
        frequency=Frequency.WEEKLY,
        interval=2,
        weekdays=[FRIDAY],
        starts_on=_on_or_after(since, FRIDAY),
        at=time(19),
        time_zone=couple.time_zone,
        duration_minutes=120,
        created_at=couple.created_at,
    )
    check_in = Ritual(
        couple=couple,
        kind=RitualKind.CHECK_IN,
        title="Sunday check-in",
        notes="Tea, the week that was, the week ahead, one thing each on our minds.",
        idea=ideas.get(CHECK_IN_IDEA),
        created_by=people[1],
        frequency=Frequency.WEEKLY,
        interval=1,
        weekdays=[SUNDAY],
        starts_on=_on_or_after(since, SUNDAY),
        at=time(18, 30),
        time_zone=couple.time_zone,
        duration_minutes=30,
        created_at=couple.created_at,
    )
    Ritual.objects.bulk_create([date_night, check_in])
    skips = []
    for ritual in (date_night, check_in):
        rule = ritual_rule(ritual)
        past = rule.occurrences(start=couple.created_at, end=now)
        if len(past) > 1:
            day = timezone.localdate(rng.choice(past[1:]), rule.tz)
            skips.append(
                RitualSkip(couple=couple, ritual=ritual, day=day, skipped_by=rng.choice(people))
            )
    # Away next month: the check-in after next is already skipped.
    coming = ritual_rule(check_in).occurrences(start=now, end=now + timedelta(days=21))
    if len(coming) > 1:
        day = timezone.localdate(coming[1], zoneinfo.ZoneInfo(check_in.time_zone))
        skips.append(RitualSkip(couple=couple, ritual=check_in, day=day, skipped_by=people[1]))
    RitualSkip.objects.bulk_create(skips)


def _seed_present(couple, people, weeks, rng) -> None:
    """Phones away about twice a week, for twenty minutes to two hours."""
    now = timezone.now()
    today = couple.local_today()
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    sessions = []
    for week in range(weeks):
        days = rng.sample(range(1, 8), rng.choice((1, 2, 2, 2, 3)))
        for offset in days:
            day = today - timedelta(days=week * 7 + offset)
            evening = day.weekday() < SATURDAY or rng.random() < 0.5
            at = (
                time(rng.randint(19, 20), rng.randint(0, 59))
                if evening
                else time(rng.randint(10, 16))
            )
            started = aware(day, at, zone)
            joined = started + timedelta(minutes=rng.randint(0, 6), seconds=rng.randint(0, 59))
            minutes = rng.randint(20, 120)
            ended = joined + timedelta(minutes=minutes, seconds=rng.randint(0, 59))
            if started < couple.created_at or ended > now:
                continue
            sessions.append(
                PresentSession(
                    couple=couple,
                    started_by=rng.choice(people),
                    started_at=started,
                    joined_at=joined,
                    ended_at=ended,
                    minutes=minutes,
                )
            )
    PresentSession.objects.bulk_create(sessions)


def _seed_upcoming_dates(couple, first, second, rng) -> None:
    """What is coming: a date both said yes to, one waiting for the second's answer, and
    one the second moved to another time, now waiting for the first."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    today = couple.local_today()
    planned = DatePlan.objects.filter(couple=couple).values_list("idea_id", "title")
    used = {idea_id for idea_id, _ in planned if idea_id is not None}
    titles = {title for _, title in planned}
    ideas = list(DateIdea.objects.filter(active=True).order_by("key"))
    own = [plan for plan in DEMO_TEXT["own_plan"] if plan["title"] not in titles]
    rng.shuffle(own)
    notes = Deck(DEMO_TEXT["proposal_notes"], rng)

    def propose(user, day: date) -> DatePlan:
        if not ideas and not own:
            own.append(rng.choice(DEMO_TEXT["own_plan"]))
        choice = _pick_plan(ideas, used, own, day, rng)
        day = _on_or_after(day, rng.choice(DAYS[choice["when"]]))
        return date_propose(
            user=user,
            couple=couple,
            starts_at=aware(day, rng.choice(STARTS[choice["when"]]), zone),
            time_zone=couple.time_zone,
            title=choice["title"],
            details=choice["details"] or notes.deal(),
            idea=choice["idea"],
            duration_minutes=choice["duration"],
        )

    def ago(**delta) -> datetime:  # not before the couple was
        return max(couple.created_at, timezone.now() - timedelta(**delta))

    soon = propose(second, today + timedelta(days=2))
    date_accept(user=first, plan=soon)
    DatePlan.objects.filter(pk=soon.pk).update(
        created_at=ago(days=2, hours=3), updated_at=ago(days=1, hours=20)
    )
    waiting = propose(first, today + timedelta(days=12))
    DatePlan.objects.filter(pk=waiting.pk).update(created_at=ago(hours=5), updated_at=ago(hours=5))
    moved = propose(first, today + timedelta(days=20))
    later = _on_or_after(timezone.localdate(moved.starts_at, zone) + timedelta(days=1), SATURDAY)
    date_suggest_time(
        user=second,
        plan=moved,
        starts_at=aware(later, moved.starts_at.astimezone(zone).time(), zone),
        time_zone=couple.time_zone,
    )
