from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from hearth.core.http import next_url, reverse_kept
from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.talk.coaching import coach_context
from hearth.talk.forms import AnswerForm, ArchiveSearchForm, ReplyForm
from hearth.talk.guides import guide
from hearth.talk.models import (
    REACTION_LABELS,
    REACTIONS,
    Answer,
    DailyQuestion,
    RepairPhrase,
    Reply,
)
from hearth.talk.selectors import (
    QuestionView,
    answers_loaded,
    archive,
    get_answer_for_user,
    get_daily_question_for_user,
    question_view,
    with_answer_words,
    with_answers,
)
from hearth.talk.services import (
    TalkError,
    answer_save,
    daily_question_for,
    daily_question_swap,
    reaction_set,
    reply_add,
    swaps_left,
)
from hearth.talk.timeouts import current_timeout

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# A phone screenful or two of questions with both answers (the API pages by 20).
ARCHIVE_PAGE_SIZE = 10


def reaction_buttons(answer) -> list[tuple[str, str, str, "StrOrPromise"]]:
    """The buttons under the partner's answer, as (value sent, aria-pressed, emoji, label):
    the reaction already chosen is pressed and sends an empty kind, which takes it back."""
    chosen = next((reaction.kind for reaction in answer.reactions.all()), None)
    return [
        ("", "true", emoji, REACTION_LABELS[kind])
        if kind == chosen
        else (kind, "false", emoji, REACTION_LABELS[kind])
        for kind, emoji in REACTIONS.items()
    ]


def interpolated(message: str, **values) -> SafeString:
    """A translated message with its values escaped into it, as {% blocktranslate %} does."""
    return mark_safe(message % {key: conditional_escape(value) for key, value in values.items()})  # noqa: S308


@dataclass(frozen=True)
class AnswerSection:
    """One revealed answer on the question card, with what its part of the card says, made
    here rather than in the template: the card is on every Today."""

    answer: Answer
    mine: bool
    who: "StrOrPromise"
    label: str  # what a screen reader calls the section
    reaction: str  # under my answer: my partner's reaction, if any
    react_prompt: str
    reply_label: str
    react_url: str
    reply_url: str
    reply_id: str
    buttons: list[tuple[str, str, str, "StrOrPromise"]]


def answer_sections(view: QuestionView, partner) -> list[AnswerSection]:
    """Once revealed: my answer, then my partner's."""
    if not view.revealed:
        return []
    name = partner.display_name
    sections = []
    if mine := view.mine:
        reaction = next(iter(mine.reactions.all()), None)
        sections.append(
            AnswerSection(
                answer=mine,
                mine=True,
                who=_("You"),
                label=_("Your answer"),
                reaction=interpolated(
                    _("%(name)s reacted %(emoji)s"), name=name, emoji=reaction.emoji
                )
                if reaction
                else "",
                react_prompt="",
                reply_label=_("Reply to your answer"),
                react_url="",
                reply_url=reverse_kept("talk:reply", mine.pk),
                reply_id=f"reply-{mine.pk}",
                buttons=[],
            )
        )
    if theirs := view.theirs:
        sections.append(
            AnswerSection(
                answer=theirs,
                mine=False,
                who=name,
                label=interpolated(_("%(who)s's answer"), who=name),
                reaction="",
                react_prompt=interpolated(_("React to %(who)s's answer:"), who=name),
                reply_label=interpolated(_("Reply to %(who)s"), who=name),
                react_url=reverse_kept("talk:react", theirs.pk),
                reply_url=reverse_kept("talk:reply", theirs.pk),
                reply_id=f"reply-{theirs.pk}",
                buttons=reaction_buttons(theirs),
            )
        )
    return sections


def question_card_context(request: CoupleRequest, daily_question: DailyQuestion, **extra) -> dict:
    if not answers_loaded(daily_question):
        daily_question = with_answers(DailyQuestion.objects.filter(pk=daily_question.pk)).get()
    view = question_view(daily_question, request.user)
    answer_form = extra.pop("answer_form", None)
    if answer_form is None and not view.revealed:  # the form shows until both have answered
        answer_form = AnswerForm(initial={"text": view.mine.text if view.mine else ""})
    question = daily_question.question
    return {
        "view": view,
        "dq": daily_question,
        # Ids as text: a number in a template is localized, at a cost, before it is written.
        "card_id": f"question-{daily_question.pk}",
        "eyebrow": " · ".join(
            (
                date_format(daily_question.day, _("l j F")),
                question.get_category_display(),
                question.get_depth_display(),
            )
        ),
        "partner": request.partner,
        "error": None,
        "answer_form": answer_form,
        "answers": answer_sections(view, request.partner),
        "answer_url": "" if view.revealed else reverse_kept("talk:answer", daily_question.pk),
        "swaps_left": swaps_left(daily_question)
        if not view.mine and not view.partner_has_answered
        else 0,
        "guide": guide("daily_question"),
        **extra,
    }


def render_card(
    request: CoupleRequest, daily_question: DailyQuestion, *, status: int = 200, **extra
):
    """The question card alone for htmx, else back to where the person was."""
    if request.htmx:
        context = question_card_context(request, daily_question, **extra)
        return render(request, "talk/_question_card.html", context, status=status)
    return None


@require_GET
@login_required
@couple_required
def home(request: CoupleRequest) -> HttpResponse:
    daily_question = daily_question_for(couple=request.couple)
    context = question_card_context(
        request, daily_question, timeout=current_timeout(request.couple)
    )
    return render(request, "talk/home.html", context)


@require_POST
@login_required
@couple_required
@vary_on_headers("HX-Request")
def answer(request: CoupleRequest, pk: int) -> HttpResponse:
    daily_question = get_daily_question_for_user(request.user, pk)
    form = AnswerForm(request.POST)
    error = None
    if form.is_valid():
        try:
            answer_save(
                user=request.user, daily_question=daily_question, text=form.cleaned_data["text"]
            )
        except TalkError as refused:
            error = refused.message
    status = 400 if (form.errors or error) else 200
    extra = {"answer_form": form, "error": error} if status == 400 else {}
    response = render_card(request, daily_question, status=status, **extra)
    if response is not None:
        return response
    if status == 400:
        context = question_card_context(request, daily_question, **extra)
        return render(request, "talk/home.html", context, status=400)
    return redirect(next_url(request, "talk:home"))


@require_POST
@login_required
@couple_required
def swap(request: CoupleRequest) -> HttpResponse:
    try:
        daily_question = daily_question_swap(couple=request.couple)
    except TalkError as refused:
        messages.info(request, refused.message)
        return redirect("talk:home")
    return render_card(request, daily_question) or redirect("talk:home")


@require_POST
@login_required
@couple_required
def react(request: CoupleRequest, pk: int) -> HttpResponse:
    answer = get_answer_for_user(request.user, pk)
    try:
        reaction_set(user=request.user, answer=answer, kind=request.POST.get("kind", ""))
    except TalkError as refused:
        return HttpResponse(refused.message, status=refused.status, content_type="text/plain")
    return render_card(request, answer.daily_question) or redirect(next_url(request, "talk:home"))


@require_POST
@login_required
@couple_required
def reply(request: CoupleRequest, pk: int) -> HttpResponse:
    answer = get_answer_for_user(request.user, pk)
    kind = request.POST.get("kind", Reply.Kind.REPLY)
    form = ReplyForm(request.POST)
    text = form.cleaned_data["text"] if form.is_valid() else request.POST.get("text", "")
    error = None
    if form.errors and kind == Reply.Kind.REPLY:
        error = " ".join(str(message) for problems in form.errors.values() for message in problems)
    else:
        try:
            reply_add(user=request.user, answer=answer, text=text, kind=kind)
        except TalkError as refused:
            error = refused.message
    response = render_card(
        request, answer.daily_question, status=400 if error else 200, error=error
    )
    if response is not None:
        return response
    if error:
        return HttpResponse(error, status=400, content_type="text/plain")
    return redirect(next_url(request, "talk:home"))


@require_GET
@login_required
@couple_required
def archive_page(request: CoupleRequest) -> HttpResponse:
    form = ArchiveSearchForm(request.GET)
    search = form.cleaned_data["q"].strip() if form.is_valid() else ""
    questions = with_answer_words(archive(request.user, search=search))
    page = Paginator(questions, ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    views = [question_view(daily_question, request.user) for daily_question in page]
    context = {
        "form": form,
        "page": page,
        "views": views,
        "search": search,
        "partner": request.partner,
    }
    return render(request, "talk/archive.html", context, status=200 if form.is_valid() else 400)


@require_GET
@login_required
def repair_phrases(request: HttpRequest) -> HttpResponse:
    phrases = RepairPhrase.objects.filter(active=True).order_by("group", "key")
    groups: dict[str, list[RepairPhrase]] = {}
    for phrase in phrases:
        groups.setdefault(phrase.group, []).append(phrase)
    return render(request, "talk/repair.html", {"groups": groups})


@require_POST
@login_required
def coach(request: HttpRequest) -> HttpResponse:
    """The coach's view of a draft, for the compose boxes (htmx). Nothing is stored or logged."""
    text = next((str(v) for k, v in request.POST.items() if k != "csrfmiddlewaretoken"), "")
    return render(request, "talk/_coach_feedback.html", coach_context(text))
