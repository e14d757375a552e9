"""Demo activity for Talk: months of answered questions, reactions and replies."""

import tomllib
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

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
BATCH = 5_000


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
    from hearth.couples.models import Membership

    members: dict[int, list[int]] = {}
    for couple_id, user_id in Membership.objects.filter(couple__in=couples).values_list(
        "couple_id", "user_id"
    ):
        members.setdefault(couple_id, []).append(user_id)
    today = timezone.localdate()
    days = min(weeks * 7, len(question_ids))
    questions = []
    for couple in couples:
        for offset, question_id in enumerate(rng.sample(question_ids, days)):
            day = today - timedelta(days=offset + 1)
            questions.append(
                DailyQuestion(
                    couple=couple, day=day, question_id=question_id, revealed_at=timezone.now()
                )
            )
    DailyQuestion.objects.bulk_create(questions, batch_size=BATCH)
    text = DEMO_TEXT["alex"][0]
    Answer.objects.bulk_create(
        (
            Answer(
                couple_id=question.couple_id, daily_question=question, author_id=user_id, text=text
            )
            for question in questions
            for user_id in members[question.couple_id]
        ),
        batch_size=BATCH,
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
