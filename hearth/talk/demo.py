"""Demo activity for Talk: months of answered questions, reactions and replies."""

import tomllib
from datetime import timedelta
from pathlib import Path

from django.db import models
from django.db.models import Value
from django.utils import timezone

from hearth.core.demo_helpers import insert_rows, insert_selected
from hearth.talk.models import (
    REACTIONS,
    Answer,
    DailyQuestion,
    Debrief,
    ListeningSession,
    ListeningStep,
    Question,
    Reaction,
    Reply,
    Timeout,
)
from hearth.talk.services import daily_question_for

DEMO_TEXT = tomllib.loads((Path(__file__).parent / "demo_answers.toml").read_text())


def seed_demo_couple(*, couple, first, second, weeks, rng) -> None:
    today = couple.local_today()
    seeded = set(Answer.objects.filter(couple=couple).values_list("daily_question_id", flat=True))
    answers, reactions, replies = [], [], []
    for days_ago in range(weeks * 7, 0, -1):
        daily_question = daily_question_for(couple=couple, day=today - timedelta(days=days_ago))
        if daily_question.pk in seeded:  # seeded before: leave that day as it is
            continue
        at = timezone.now() - timedelta(days=days_ago, hours=rng.randint(1, 10))
        mine = rng.random() < 0.85
        theirs = rng.random() < 0.8
        for person, texts, answered in ((first, "alex", mine), (second, "sam", theirs)):
            if answered:
                answers.append(
                    Answer(
                        couple=couple,
                        daily_question=daily_question,
                        author=person,
                        text=rng.choice(DEMO_TEXT[texts]),
                        created_at=at,
                        updated_at=at,
                    )
                )
        if mine and theirs:
            DailyQuestion.objects.filter(pk=daily_question.pk).update(revealed_at=at)
    Answer.objects.bulk_create(answers)
    by_question: dict[int, list[Answer]] = {}
    for answer in answers:
        by_question.setdefault(answer.daily_question_id, []).append(answer)
    for pair in by_question.values():
        if len(pair) != 2:
            continue
        for answer, reader in ((pair[0], pair[1].author), (pair[1], pair[0].author)):
            if rng.random() < 0.6:
                reactions.append(
                    Reaction(
                        couple=couple,
                        answer=answer,
                        author=reader,
                        kind=rng.choice(list(REACTIONS)),
                        created_at=answer.created_at + timedelta(minutes=rng.randint(5, 50)),
                    )
                )
            if rng.random() < 0.25:
                replies.append(
                    Reply(
                        couple=couple,
                        answer=answer,
                        author=reader,
                        text=rng.choice(DEMO_TEXT["replies"]),
                        created_at=answer.created_at + timedelta(minutes=rng.randint(10, 55)),
                    )
                )
    Reaction.objects.bulk_create(reactions)
    Reply.objects.bulk_create(replies)
    _seed_timeouts(couple=couple, people=(first, second), weeks=weeks, rng=rng)
    _seed_listening(couple=couple, people=(first, second), weeks=weeks, rng=rng)
    # Today: Sam has answered, Alex has not, so Alex sees the invitation to share.
    today_question = daily_question_for(couple=couple)
    Answer.objects.get_or_create(
        daily_question=today_question,
        author=second,
        defaults={"couple": couple, "text": rng.choice(DEMO_TEXT["sam"])},
    )


def seed_bulk(*, couples, weeks, rng) -> None:
    """Benchmark volumes: one question a day for each couple, answered by both."""
    question_ids = list(Question.objects.filter(active=True).values_list("id", flat=True))
    if not question_ids or not weeks:
        return
    today = timezone.localdate()
    days = [
        today - timedelta(days=offset + 1) for offset in range(min(weeks * 7, len(question_ids)))
    ]
    now = timezone.now()
    insert_rows(
        DailyQuestion,
        ["couple_id", "day", "question_id", "revealed_at"],
        (
            (couple.pk, day, question_id, now)
            for couple in couples
            for day, question_id in zip(days, rng.sample(question_ids, len(days)), strict=True)
        ),
    )
    # Both answer every one: rows the database can make itself, from each question and seat.
    at = Value(now, output_field=models.DateTimeField())
    insert_selected(
        Answer,
        ["couple_id", "daily_question_id", "author_id", "text", "created_at", "updated_at"],
        DailyQuestion.objects.filter(
            couple__in=couples, couple__memberships__isnull=False
        ).values_list(
            "couple_id", "pk", "couple__memberships__user_id", Value(DEMO_TEXT["alex"][0]), at, at
        ),
    )


def _seed_timeouts(*, couple, people, weeks, rng) -> None:
    """A hard evening every few weeks: a break, and sometimes a debrief afterwards."""
    if Timeout.objects.filter(couple=couple).exists():
        return
    for week in range(weeks, 0, -3):
        who = rng.choice(people)
        started = timezone.now() - timedelta(weeks=week, hours=rng.randint(0, 48))
        timeout = Timeout.objects.create(
            couple=couple,
            started_by=who,
            started_at=started,
            minutes=20,
            ends_at=started + timedelta(minutes=20),
        )
        if rng.random() < 0.6:
            entry = rng.choice(DEMO_TEXT["debriefs"])
            Debrief.objects.create(
                couple=couple,
                author=who,
                timeout=timeout,
                created_at=started + timedelta(hours=3),
                shared=rng.random() < 0.7,
                **entry,
            )


def _seed_listening(*, couple, people, weeks, rng) -> None:
    """A listening session every month or so, each with a round for both."""
    if ListeningSession.objects.filter(couple=couple).exists():
        return
    for week in range(weeks, 0, -4):
        at = timezone.now() - timedelta(weeks=week)
        speaker, listener = people if rng.random() < 0.5 else people[::-1]
        session = ListeningSession.objects.create(
            couple=couple,
            started_by=speaker,
            speaker=speaker,
            listener=listener,
            status=ListeningSession.Status.ENDED,
            turns_completed=2,
            created_at=at,
            ended_at=at,
        )
        for turn, (talker, hearer) in enumerate(((speaker, listener), (listener, speaker)), 1):
            said, heard = rng.choice(DEMO_TEXT["listening"])
            for kind, author, text in (
                ("statement", talker, said),
                ("paraphrase", hearer, heard),
                ("confirm", talker, ""),
            ):
                ListeningStep.objects.create(
                    couple=couple,
                    session=session,
                    turn=turn,
                    kind=kind,
                    author=author,
                    text=text,
                    created_at=at,
                )
