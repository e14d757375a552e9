"""The 28 days of signals the Connection Index reads, gathered with one aggregate query
per kind of thing (a fixed number, whatever the couple's history; every query is limited
to the window by indexed dates)."""

from datetime import timedelta

from django.db.models import Count, F, Sum
from django.utils import timezone

from hearth.appreciate.models import Gesture, Note
from hearth.couples.models import Couple, Membership
from hearth.insights.index import WINDOW_DAYS, Signals
from hearth.support.models import Bid, CheckIn, Cheer
from hearth.talk.models import Answer, DailyQuestion, Reaction, Reply
from hearth.together.models import DatePlan, PresentSession
from hearth.trust.models import Promise, Round


def _per_person(queryset, people: list[int], field: str = "author_id") -> tuple[int, int]:
    counts = dict(queryset.values_list(field).annotate(n=Count("pk")).values_list(field, "n"))
    return counts.get(people[0], 0), counts.get(people[1], 0)


def signals_for(couple: Couple) -> Signals:
    now = timezone.now()
    start = now - timedelta(days=WINDOW_DAYS)
    today = couple.local_today()
    first_day = today - timedelta(days=WINDOW_DAYS)
    seats = list(
        Membership.objects.filter(couple=couple).order_by("seat").values_list("user_id", flat=True)
    )
    people = [*seats, 0, 0][:2]
    swap = [people[1], people[0]]  # "received" counts are the other one's
    answered = _per_person(Answer.objects.filter(couple=couple, created_at__gte=start), people)
    replies = _per_person(Reply.objects.filter(couple=couple, created_at__gte=start), people)
    reactions = _per_person(Reaction.objects.filter(couple=couple, created_at__gte=start), people)
    notes = _per_person(Note.objects.filter(couple=couple, created_at__gte=start), people)
    noticed = _per_person(Gesture.objects.filter(couple=couple, noticed_at__gte=start), people)
    note_reactions = Note.objects.filter(couple=couple, created_at__gte=start).exclude(reaction="")
    cheers = Cheer.objects.filter(couple=couple, created_at__gte=start)
    promises = Promise.objects.filter(couple=couple)
    # Kept or renegotiated in the window; a promise kept after its day counts as due but
    # not as kept on time.
    ended = _per_person(
        promises.filter(
            status__in=[Promise.Status.KEPT, Promise.Status.RENEGOTIATED], ended_at__gte=start
        ),
        people,
    )
    kept_late = _per_person(
        promises.filter(status=Promise.Status.KEPT, ended_at__gte=start, kept_on__gt=F("due_on")),
        people,
    )
    missed = _per_person(
        promises.filter(status=Promise.Status.OPEN, due_on__gte=first_day, due_on__lt=today),
        people,
    )
    bids = Bid.objects.filter(couple=couple, created_at__gte=start)
    check_ins = CheckIn.objects.filter(couple=couple, shared=True, created_at__gte=start)
    return Signals(
        answered=answered,
        both_answered=DailyQuestion.objects.filter(couple=couple, revealed_at__gte=start).count(),
        replies=(replies[0] + reactions[0], replies[1] + reactions[1]),
        present_minutes=PresentSession.objects.filter(couple=couple, ended_at__gte=start).aggregate(
            total=Sum("minutes")
        )["total"]
        or 0,
        dates_kept=DatePlan.objects.filter(
            couple=couple,
            status=DatePlan.Status.SCHEDULED,
            starts_at__gte=start,
            starts_at__lte=now,
        ).count(),
        notes_sent=notes,
        gestures_noticed=noticed,
        positive_moments=sum(notes) + sum(noticed) + note_reactions.count() + cheers.count(),
        harsh_moments=0,
        promises_kept=(ended[0] - kept_late[0], ended[1] - kept_late[1]),
        promises_due=(ended[0] + missed[0], ended[1] + missed[1]),
        rounds_completed=Round.objects.filter(couple=couple, completed_at__gte=start).count(),
        bids_received=_per_person(bids, swap),
        bids_turned_toward=_per_person(bids.filter(answered_at__isnull=False), swap),
        check_ins_received=_per_person(check_ins, swap),
        check_ins_answered=_per_person(check_ins.filter(replied_at__isnull=False), swap),
    )
