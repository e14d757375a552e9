"""Reads for the Talk pages and API. The reveal rule lives here, in one place."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from hearth.couples.selectors import get_for_user
from hearth.talk.models import Answer, DailyQuestion, Reaction, Reply


@dataclass(frozen=True)
class QuestionView:
    """One daily question as one person may see it."""

    daily_question: DailyQuestion
    mine: Answer | None
    # The partner's answer, only once both have answered; None before, whatever it says.
    theirs: Answer | None
    partner_has_answered: bool

    @property
    def revealed(self) -> bool:
        return self.daily_question.revealed_at is not None


def with_answers(queryset: QuerySet[DailyQuestion]) -> QuerySet[DailyQuestion]:
    """Everything a question card shows, in a fixed number of queries."""
    return queryset.select_related("question").prefetch_related(
        Prefetch(
            "answers",
            queryset=Answer.objects.select_related("author").prefetch_related(
                Prefetch("reactions", queryset=Reaction.objects.all()),
                Prefetch("replies", queryset=Reply.objects.select_related("author")),
            ),
        )
    )


def with_answer_words(queryset: QuerySet[DailyQuestion]) -> QuerySet[DailyQuestion]:
    """Only what the archive page shows of each question: its text and the answers' words
    (the API's archive, with reactions and replies, takes `with_answers`)."""
    answers = Answer.objects.only("daily_question_id", "author_id", "text")
    return queryset.select_related("question").prefetch_related(
        Prefetch("answers", queryset=answers)
    )


def answers_loaded(daily_question: DailyQuestion) -> bool:
    """Whether `daily_question` came from `with_answers` (so its card needs no more reads)."""
    return "answers" in getattr(daily_question, "_prefetched_objects_cache", {})


def question_view(daily_question: DailyQuestion, user) -> QuestionView:
    answers = list(daily_question.answers.all())
    mine = next((a for a in answers if a.author_id == user.pk), None)
    partners = next((a for a in answers if a.author_id != user.pk), None)
    revealed = daily_question.revealed_at is not None
    return QuestionView(
        daily_question=daily_question,
        mine=mine,
        theirs=partners if revealed else None,
        partner_has_answered=partners is not None,
    )


def archive(user, *, search: str = "") -> QuerySet[DailyQuestion]:
    """Past and present questions of the couple, newest first, searchable (with what the
    reader shows of them: `with_answers` or `with_answer_words`).

    The search looks at the question, the person's own answers and answers
    that are already revealed: a partner's unrevealed words are never matched.
    """
    questions = DailyQuestion.objects.for_user(user).filter(swapped_at__isnull=True)
    if search:
        visible_match = Answer.objects.filter(
            daily_question=OuterRef("pk"), text__icontains=search
        ).filter(Q(author=user) | Q(daily_question__revealed_at__isnull=False))
        questions = questions.filter(Q(question__text__icontains=search) | Exists(visible_match))
    return questions.order_by("-day")


def get_daily_question_for_user(user, pk) -> DailyQuestion:
    return get_for_user(DailyQuestion, user, pk)


def get_answer_for_user(user, pk) -> Answer:
    """An answer the person may see: their own, or their partner's once revealed."""
    answer = get_for_user(Answer, user, pk)
    if answer.author_id != user.pk and answer.daily_question.revealed_at is None:
        raise Http404("No answer here.")
    return answer
