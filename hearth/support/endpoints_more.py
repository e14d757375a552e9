"""API for good news and the love map (PRODUCT S4, S5), under /api/v1/support: sharing a
win and answering it actively, and guessing my partner's answers to our past questions.

A guess I made shows my partner's original answer (both of us saw it long ago, when it
was revealed); a guess about me does not repeat my own answer back."""

from datetime import date, datetime

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field, StrictBool, StrictInt

from hearth.api.auth import ApiRequest
from hearth.api.schemas import ErrorOut
from hearth.couples.selectors import couple_required_for
from hearth.support.guides import guide
from hearth.support.models import Cheer, GoodNews, Guess
from hearth.support.services import (
    CHEER_MAX,
    GUESS_MAX,
    NEWS_MAX,
    SupportError,
    cheer_add,
    get_guess_for_user,
    get_news_for_user,
    good_news_for,
    good_news_share,
    guess_make,
    guess_mark,
    guessable_questions,
    love_map_sense,
)
from hearth.talk.models import Answer, DailyQuestion

router = Router(tags=["support"])

# Lists answer with at most this many, newest first.
LIST_LIMIT = 100

WAY_HELP = "ask (about it), celebrate (it) or relive (it together)"
CLOSENESS_HELP = "spot_on, close or not_quite"


# Good news ------------------------------------------------------------------------------


class CheerOut(Schema):
    id: int
    author_id: int
    way: str = Field(description=WAY_HELP)
    text: str
    created_at: datetime


class GoodNewsOut(Schema):
    id: int
    author_id: int
    text: str
    created_at: datetime
    cheers: list[CheerOut] = Field(description="my partner's answers, oldest first")


class GoodNewsIn(Schema):
    text: str = Field(max_length=NEWS_MAX * 2, description="what happened")


class CheerIn(Schema):
    way: str = Field(max_length=20, description=WAY_HELP)
    text: str = Field(max_length=CHEER_MAX * 2, description="my answer, in my own words")
    anyway: StrictBool = Field(
        default=False, description="send a short “nice!” as it is, after the gentle nudge"
    )


def _news_out(news: GoodNews) -> dict:
    return {
        "id": news.pk,
        "author_id": news.author_id,
        "text": news.text,
        "created_at": news.created_at,
        "cheers": list(news.cheers.all()),
    }


@router.get(
    "/good-news",
    response={200: list[GoodNewsOut], 409: ErrorOut},
    summary="Our good news, newest first, and how we met it",
)
def good_news_list(request: ApiRequest):
    cheers = Prefetch("cheers", queryset=Cheer.objects.order_by("created_at", "pk"))
    news = (
        good_news_for(couple_required_for(request.user))
        .prefetch_related(cheers)
        .order_by("-created_at", "-pk")
    )
    return [_news_out(item) for item in news[:LIST_LIMIT]]


@router.post(
    "/good-news",
    response={201: GoodNewsOut, 400: ErrorOut, 409: ErrorOut},
    summary="Share a win with my partner",
)
def good_news_create(request: ApiRequest, payload: GoodNewsIn):
    news = good_news_share(
        user=request.user, couple=couple_required_for(request.user), text=payload.text
    )
    return Status(201, _news_out(news))


@router.post(
    "/good-news/{int:news_id}/cheers",
    response={201: CheerOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Meet my partner's good news: ask about it, celebrate it, relive it",
)
def cheer_create(request: ApiRequest, news_id: int, payload: CheerIn):
    news = get_news_for_user(request.user, news_id)
    cheer = cheer_add(
        user=request.user, news=news, way=payload.way, text=payload.text, anyway=payload.anyway
    )
    return Status(201, cheer)


# Love map -------------------------------------------------------------------------------


class GuessableOut(Schema):
    daily_question_id: int
    day: date
    text: str = Field(description="the question we both answered")


class GuessOut(Schema):
    id: int
    author_id: int
    about_id: int
    daily_question_id: int
    day: date
    question: str
    text: str = Field(description="the guess")
    answer: str | None = Field(
        description="my partner's original answer, for guesses I made; null for guesses about me"
    )
    closeness: str = Field(description=f"{CLOSENESS_HELP}, or empty until marked")
    marked_at: datetime | None
    created_at: datetime


class GuessIn(Schema):
    daily_question_id: StrictInt = Field(description="one from /support/love-map/questions")
    text: str = Field(max_length=GUESS_MAX * 2, description="what I think my partner answered")


class MarkIn(Schema):
    closeness: str = Field(max_length=20, description=CLOSENESS_HELP)


class SenseOut(Schema):
    close: int = Field(description="my guesses my partner marked close or spot on")
    marked: int = Field(description="my guesses my partner has marked")
    encouragement: str = Field(description="a kind sentence, never a grade")


def encouragement_for(close: int, marked: int, sentences: list[str]) -> str:
    """The sentence for how well my guesses landed, from fewest to most close: by the share
    of close guesses, rising a level only with each close guess, so one lucky guess is
    not "remarkably well"."""
    if not sentences:
        return ""
    if not marked:
        return sentences[0]
    level = min(int(close / marked * len(sentences)), close, len(sentences) - 1)
    return sentences[level]


def _guesses_out(guesses: list[Guess], user) -> list[dict]:
    mine = [guess for guess in guesses if guess.author_id == user.pk]
    answers = {
        (answer.daily_question_id, answer.author_id): answer.text
        for answer in Answer.objects.filter(
            daily_question_id__in={guess.daily_question_id for guess in mine},
            daily_question__revealed_at__isnull=False,
        )
    }
    return [
        {
            "id": guess.pk,
            "author_id": guess.author_id,
            "about_id": guess.about_id,
            "daily_question_id": guess.daily_question_id,
            "day": guess.daily_question.day,
            "question": guess.daily_question.question.text,
            "text": guess.text,
            "answer": (
                answers.get((guess.daily_question_id, guess.about_id))
                if guess.author_id == user.pk
                else None
            ),
            "closeness": guess.closeness,
            "marked_at": guess.marked_at,
            "created_at": guess.created_at,
        }
        for guess in guesses
    ]


def _one_guess(guess: Guess, user) -> dict:
    fresh = Guess.objects.select_related("daily_question__question").get(pk=guess.pk)
    return _guesses_out([fresh], user)[0]


@router.get(
    "/love-map/questions",
    response={200: list[GuessableOut], 409: ErrorOut},
    summary="Past questions we both answered: can I remember what my partner said?",
)
def guessable_list(request: ApiRequest):
    questions = guessable_questions(request.user, couple_required_for(request.user))
    return [
        {"daily_question_id": question.pk, "day": question.day, "text": question.question.text}
        for question in questions
    ]


@router.post(
    "/love-map/guesses",
    response={201: GuessOut, 400: ErrorOut, 409: ErrorOut},
    summary="Guess what my partner answered",
)
def guess_create(request: ApiRequest, payload: GuessIn):
    couple = couple_required_for(request.user)
    daily_question = DailyQuestion.objects.filter(
        couple=couple, pk=payload.daily_question_id
    ).first()
    if daily_question is None:
        raise SupportError(
            _("Choose one of the past questions you both answered."), code="not_guessable"
        )
    guess = guess_make(
        user=request.user, couple=couple, daily_question=daily_question, text=payload.text
    )
    return Status(201, _one_guess(guess, request.user))


@router.get(
    "/love-map/guesses",
    response={200: list[GuessOut], 409: ErrorOut},
    summary="Our guesses: mine, and my partner's about me, newest first",
)
def guess_list(request: ApiRequest):
    couple = couple_required_for(request.user)
    guesses = (
        Guess.objects.filter(couple=couple)
        .filter(Q(author=request.user) | Q(about=request.user))
        .select_related("daily_question__question")
        .order_by("-created_at", "-pk")[:LIST_LIMIT]
    )
    return _guesses_out(list(guesses), request.user)


@router.post(
    "/love-map/guesses/{int:guess_id}/mark",
    response={200: GuessOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Say how close my partner's guess about me came",
)
def guess_mark_closeness(request: ApiRequest, guess_id: int, payload: MarkIn):
    guess = get_guess_for_user(request.user, guess_id)
    marked = guess_mark(user=request.user, guess=guess, closeness=payload.closeness)
    return _one_guess(marked, request.user)


@router.get(
    "/love-map/sense",
    response={200: SenseOut, 409: ErrorOut},
    summary="How well I know my partner's inner world, kindly put",
)
def love_map_sense_mine(request: ApiRequest):
    close, marked = love_map_sense(couple_required_for(request.user), request.user)
    sentences = guide("love_map").get("closeness", {}).get("encouragement", [])
    return {
        "close": close,
        "marked": marked,
        "encouragement": encouragement_for(close, marked, sentences),
    }
