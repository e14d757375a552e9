from datetime import date, datetime

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hearth.api.schemas import ErrorOut
from hearth.couples.selectors import couple_required_for
from hearth.talk.coach import analyze
from hearth.talk.coaching import COACH_MAX
from hearth.talk.endpoints_listening import router as listening_router
from hearth.talk.endpoints_timeouts import router as timeouts_router
from hearth.talk.models import REACTIONS, Answer, DailyQuestion
from hearth.talk.selectors import (
    QuestionView,
    archive,
    get_answer_for_user,
    get_daily_question_for_user,
    question_view,
    with_answers,
)
from hearth.talk.services import (
    ANSWER_MAX,
    REPLY_MAX,
    answer_save,
    daily_question_for,
    daily_question_swap,
    reaction_set,
    reply_add,
    swaps_left,
)

router = Router(tags=["talk"])
PREFIX = "/talk"


class QuestionOut(Schema):
    id: int
    key: str
    text: str
    category: str
    depth: str


class ReplyOut(Schema):
    id: int
    author_id: int
    kind: str
    text: str
    created_at: datetime


class AnswerOut(Schema):
    id: int
    author_id: int
    text: str
    created_at: datetime
    updated_at: datetime
    reactions: dict[int, str] = Field(description="author id → reaction kind")
    replies: list[ReplyOut]


class DailyQuestionOut(Schema):
    id: int
    day: date
    question: QuestionOut
    revealed: bool
    partner_has_answered: bool
    my_answer: AnswerOut | None
    partner_answer: AnswerOut | None = Field(
        description="null until both partners have answered, whatever the partner wrote"
    )
    swaps_left: int


class ArchiveOut(Schema):
    count: int
    page: int
    pages: int
    results: list[DailyQuestionOut]


class TextIn(Schema):
    text: str = Field(max_length=ANSWER_MAX * 2)


class ReplyIn(Schema):
    text: str = Field(default="", max_length=REPLY_MAX * 2)
    kind: str = Field(default="reply", description="reply, or more for “tell me more”")


class ReactionIn(Schema):
    kind: str = Field(description=f"one of {', '.join(REACTIONS)}, or empty to take it back")


def _answer_out(answer: Answer | None) -> dict | None:
    if answer is None:
        return None
    return {
        "id": answer.pk,
        "author_id": answer.author_id,
        "text": answer.text,
        "created_at": answer.created_at,
        "updated_at": answer.updated_at,
        "reactions": {reaction.author_id: reaction.kind for reaction in answer.reactions.all()},
        "replies": list(answer.replies.all()),
    }


def _out(view: QuestionView, *, with_swaps: bool = False) -> dict:
    daily_question = view.daily_question
    return {
        "id": daily_question.pk,
        "day": daily_question.day,
        "question": daily_question.question,
        "revealed": view.revealed,
        "partner_has_answered": view.partner_has_answered,
        "my_answer": _answer_out(view.mine),
        "partner_answer": _answer_out(view.theirs),
        "swaps_left": swaps_left(daily_question)
        if with_swaps and not view.mine and not view.partner_has_answered
        else 0,
    }


def _fresh_view(request: HttpRequest, daily_question: DailyQuestion) -> QuestionView:
    loaded = with_answers(DailyQuestion.objects.filter(pk=daily_question.pk)).get()
    return question_view(loaded, request.user)


@router.get("/today", response={200: DailyQuestionOut, 409: ErrorOut}, summary="Today's question")
def today(request: HttpRequest):
    daily_question = daily_question_for(couple=couple_required_for(request.user))
    return _out(_fresh_view(request, daily_question), with_swaps=True)


@router.post(
    "/today/swap",
    response={200: DailyQuestionOut, 409: ErrorOut, 429: ErrorOut},
    summary="Swap today's question",
)
def swap(request: HttpRequest):
    daily_question = daily_question_swap(couple=couple_required_for(request.user))
    return _out(_fresh_view(request, daily_question), with_swaps=True)


@router.put(
    "/questions/{int:question_id}/answer",
    response={200: DailyQuestionOut, 400: ErrorOut, 409: ErrorOut},
    summary="Answer (or change my answer before both have answered)",
)
def answer(request: HttpRequest, question_id: int, payload: TextIn):
    daily_question = get_daily_question_for_user(request.user, question_id)
    answer_save(user=request.user, daily_question=daily_question, text=payload.text)
    return _out(_fresh_view(request, daily_question))


@router.get("/questions/{int:question_id}", response=DailyQuestionOut, summary="One question")
def question_detail(request: HttpRequest, question_id: int):
    return _out(_fresh_view(request, get_daily_question_for_user(request.user, question_id)))


@router.get(
    "/questions", response=ArchiveOut, summary="Past questions, newest first; search with q"
)
def question_list(
    request: HttpRequest, q: str = Query("", max_length=100), page: int = Query(1, ge=1)
):
    paginator = Paginator(with_answers(archive(request.user, search=q.strip())), 20)
    current = paginator.get_page(page)
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "results": [_out(question_view(item, request.user)) for item in current],
    }


@router.put(
    "/answers/{int:answer_id}/reaction",
    response={200: DailyQuestionOut, 400: ErrorOut, 409: ErrorOut},
    summary="React to my partner's revealed answer",
)
def react(request: HttpRequest, answer_id: int, payload: ReactionIn):
    answer = get_answer_for_user(request.user, answer_id)
    reaction_set(user=request.user, answer=answer, kind=payload.kind)
    return _out(_fresh_view(request, answer.daily_question))


@router.post(
    "/answers/{int:answer_id}/replies",
    response={201: DailyQuestionOut, 400: ErrorOut, 409: ErrorOut},
    summary="Reply to a revealed answer, or ask to hear more",
)
def reply(request: HttpRequest, answer_id: int, payload: ReplyIn):
    answer = get_answer_for_user(request.user, answer_id)
    reply_add(user=request.user, answer=answer, text=payload.text, kind=payload.kind)
    return Status(201, _out(_fresh_view(request, answer.daily_question)))


router.add_router("", timeouts_router)
router.add_router("", listening_router)


coach_router = Router(tags=["coach"])


class DraftIn(Schema):
    text: str = Field(max_length=COACH_MAX * 2)


class SpanOut(Schema):
    start: int
    end: int
    pattern: str
    text: str


class AnalysisOut(Schema):
    harshness: float
    is_harsh: bool
    patterns: list[str]
    spans: list[SpanOut]
    reasons: dict[str, str]
    suggestion: str | None


@coach_router.post(
    "/analyze",
    response=AnalysisOut,
    summary="The message coach: harsh patterns and a gentler wording",
)
def coach_analyze(request: HttpRequest, payload: DraftIn):
    return analyze(payload.text[:COACH_MAX]).to_dict()


ROUTERS = [(PREFIX, router), ("/coach", coach_router)]
