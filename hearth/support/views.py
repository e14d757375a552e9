"""Support's pages (PRODUCT S1–S5)."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.support.forms import (
    LATER_CHOICES,
    BidAnswerForm,
    BidForm,
    CheckInForm,
    CheerForm,
    GoodNewsForm,
    GuessForm,
    NeedsMapForm,
    ReplyForm,
)
from hearth.support.guides import guide
from hearth.support.models import Bid, Feeling, Guess, NeedsPrompt
from hearth.support.services import (
    STILL_FRESH,
    SupportError,
    bid_answer,
    bid_send,
    bids_for,
    check_in_make,
    check_in_reply,
    check_ins_visible_to,
    cheer_add,
    get_bid_for_user,
    get_check_in_for_user,
    get_guess_for_user,
    get_news_for_user,
    good_news_for,
    good_news_share,
    guess_make,
    guess_mark,
    guessable_questions,
    love_map_sense,
    needs_map_of,
    needs_map_save,
    wants_space,
)
from hearth.talk.models import Answer, DailyQuestion


def wheel() -> list[dict]:
    """The feelings wheel as the page draws it: each core word with the words below it."""
    feelings = list(Feeling.objects.filter(active=True).order_by("level", "key"))
    children: dict[str, list[Feeling]] = {}
    for feeling in feelings:
        if feeling.parent:
            children.setdefault(feeling.parent, []).append(feeling)
    cores = [f for f in feelings if f.level == 1]
    return [
        {
            "core": core,
            "more": [
                word
                for middle in children.get(core.key, [])
                for word in [middle, *children.get(middle.key, [])]
            ],
        }
        for core in cores
    ]


def _home(request: CoupleRequest, *, form=None, status=200) -> HttpResponse:
    couple, user = request.couple, request.user
    partner_id = request.partner.pk if request.partner else 0
    # What is still worth answering: the last two days, a couple of each at most.
    recent = timezone.now() - STILL_FRESH
    context = {
        "form": form or CheckInForm(initial={"intensity": 3}),
        "wheel": wheel(),
        "check_in_guide": guide("check_in"),
        "bids_guide": guide("bids"),
        "to_answer_check_ins": check_ins_visible_to(user, couple)
        .filter(author_id=partner_id, replied_at__isnull=True, created_at__gte=recent)
        .order_by("-created_at")[:2],
        "to_answer_bids": bids_for(couple)
        .filter(author_id=partner_id, answered_at__isnull=True, created_at__gte=recent)
        .order_by("-created_at")[:2],
        "my_bids": bids_for(couple).filter(author=user).order_by("-created_at")[:3],
        "partner_wants_space": bool(request.partner) and wants_space(request.partner, couple),
        "later_choices": LATER_CHOICES,
    }
    return render(request, "support/home.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def home(request: CoupleRequest) -> HttpResponse:
    """Check in: a feeling, a need, and keep it or share it. Three taps on a phone."""
    if request.method == "GET":
        return _home(request)
    form = CheckInForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        data["intensity"] = data["intensity"] or 3  # the middle, unless they chose
        feeling = Feeling.objects.filter(key=data.pop("feeling"), active=True).first()
        if feeling is None:
            form.add_error(None, _("Choose a feeling from the wheel."))
        else:
            try:
                check_in_make(user=request.user, couple=request.couple, feeling=feeling, **data)
            except SupportError as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(
                    request,
                    _("Shared with %(name)s.") % {"name": request.partner.display_name}
                    if data["shared"] and request.partner
                    else _("Noted, just for you."),
                )
                return redirect("support:home")
    return _home(request, form=form, status=400)


@require_GET
@login_required
@couple_required
def history(request: CoupleRequest) -> HttpResponse:
    check_ins = check_ins_visible_to(request.user, request.couple).order_by("-created_at")[:60]
    return render(request, "support/history.html", {"check_ins": check_ins})


@require_POST
@login_required
@couple_required
def check_in_answer(request: CoupleRequest, pk: int) -> HttpResponse:
    check_in = get_check_in_for_user(request.user, pk)
    form = ReplyForm(request.POST)
    try:
        if not form.is_valid():
            raise SupportError(_("Choose or write a reply."), code="empty")
        check_in_reply(user=request.user, check_in=check_in, reply=form.cleaned_data["reply"])
    except SupportError as refused:
        return _refused(request, refused)
    return redirect("support:home")


def _refused(request: CoupleRequest, refused: SupportError) -> HttpResponse:
    messages.error(request, refused.message)
    return _home(request, status=refused.status)


@require_POST
@login_required
@couple_required
def bid_new(request: CoupleRequest) -> HttpResponse:
    form = BidForm(request.POST)
    try:
        if not form.is_valid():
            raise SupportError(_("Choose a bid, or write your own."), code="invalid_kind")
        bid = bid_send(user=request.user, couple=request.couple, **form.cleaned_data)
    except SupportError as refused:
        return _refused(request, refused)
    if bid.quiet:
        messages.info(
            request, _("Sent quietly: they asked for some space, so no notification went out.")
        )
    else:
        messages.success(request, _("Sent."))
    return redirect("support:home")


@require_POST
@login_required
@couple_required
def bid_reply(request: CoupleRequest, pk: int) -> HttpResponse:
    bid = get_bid_for_user(request.user, pk)
    form = BidAnswerForm(request.POST)
    try:
        if not form.is_valid():
            raise SupportError(_("Answer now or later."), code="invalid_answer")
        data = form.cleaned_data
        later_at = (
            timezone.now() + timedelta(minutes=data["later"])
            if data["answer"] == Bid.Answer.LATER and data["later"]
            else None
        )
        bid_answer(
            user=request.user,
            bid=bid,
            answer=data["answer"],
            reply=data["reply"],
            later_at=later_at,
        )
    except SupportError as refused:
        return _refused(request, refused)
    return redirect("support:home")


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def needs_map(request: CoupleRequest) -> HttpResponse:
    page_guide = guide("needs_map")
    labels = {key: value["label"] for key, value in page_guide["sections"].items()}
    prompts: dict[str, str] = {}
    for prompt in NeedsPrompt.objects.filter(active=True).order_by("key"):
        prompts.setdefault(prompt.section, prompt.text)
    mine = needs_map_of(request.user)
    initial = {s: getattr(mine, s) for s in labels} if mine else None
    form = NeedsMapForm(
        request.POST if request.method == "POST" else None,
        labels=labels,
        prompts=prompts,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            needs_map_save(user=request.user, **form.cleaned_data)
        except SupportError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Saved. Your partner can read it as a guide."))
            return redirect("support:needs_map")
    theirs = needs_map_of(request.partner) if request.partner else None
    context = {
        "form": form,
        "guide": page_guide,
        "labels": labels,
        "theirs": [(labels[s], getattr(theirs, s)) for s in labels] if theirs else [],
        "all_prompts": NeedsPrompt.objects.filter(active=True).order_by("section", "key"),
    }
    return render(request, "support/needs_map.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def good_news(request: CoupleRequest) -> HttpResponse:
    form = GoodNewsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            good_news_share(user=request.user, couple=request.couple, **form.cleaned_data)
        except SupportError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Shared. Enjoy it!"))
            return redirect("support:good_news")
    return _good_news_page(request, form=form)


def _good_news_page(
    request, *, form=None, cheer_form=None, cheer_for=None, status=None
) -> HttpResponse:
    form = form or GoodNewsForm()
    context = {
        "form": form,
        "news": good_news_for(request.couple)
        .prefetch_related("cheers")
        .order_by("-created_at")[:30],
        "guide": guide("good_news"),
        "cheer_form": cheer_form,
        "cheer_for": cheer_for,
        # After a flat "nice" was sent back once, a second press sends it as it is.
        "offer_anyway": cheer_form is not None
        and any(e.code == "passive" for e in cheer_form.errors.as_data().get("text", [])),
    }
    if status is None:
        status = 400 if form.errors or (cheer_form is not None and cheer_form.errors) else 200
    return render(request, "support/good_news.html", context, status=status)


@require_POST
@login_required
@couple_required
def cheer(request: CoupleRequest, pk: int) -> HttpResponse:
    news = get_news_for_user(request.user, pk)
    form = CheerForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            cheer_add(user=request.user, news=news, **form.cleaned_data)
        except SupportError as refused:
            form.add_error("text", ValidationError(refused.message, code=refused.code))
            status = refused.status
        else:
            return redirect("support:good_news")
    return _good_news_page(request, cheer_form=form, cheer_for=news.pk, status=status)


@require_GET
@login_required
@couple_required
def love_map(request: CoupleRequest) -> HttpResponse:
    couple, user = request.couple, request.user
    mine = list(
        Guess.objects.filter(couple=couple, author=user)
        .select_related("daily_question__question")
        .order_by("-created_at")[:20]
    )
    originals = dict(
        Answer.objects.filter(
            daily_question_id__in=[g.daily_question_id for g in mine],
            author_id=request.partner.pk if request.partner else 0,
        ).values_list("daily_question_id", "text")
    )
    close, marked = love_map_sense(couple, user)
    page_guide = guide("love_map")
    encouragement = page_guide["closeness"]["encouragement"]
    level = 0 if marked < 3 else min(3, int(close / marked * 4))
    context = {
        "questions": guessable_questions(user, couple),
        "mine": [(g, originals.get(g.daily_question_id, "")) for g in mine],
        "about_me": Guess.objects.filter(couple=couple, about=user)
        .select_related("daily_question__question", "author")
        .order_by("marked_at", "-created_at")[:20],
        "guide": page_guide,
        "close": close,
        "marked": marked,
        "encouragement": encouragement[level],
        "closeness": Guess.Closeness.choices,
        "form": GuessForm(),
    }
    return render(request, "support/love_map.html", context)


@require_POST
@login_required
@couple_required
def love_map_guess(request: CoupleRequest) -> HttpResponse:
    form = GuessForm(request.POST)
    question = None
    if form.is_valid():
        question = DailyQuestion.objects.filter(
            couple=request.couple, pk=form.cleaned_data["daily_question"]
        ).first()
    try:
        if question is None:
            raise SupportError(_("Choose one of the past questions."), code="not_guessable")
        guess_make(
            user=request.user,
            couple=request.couple,
            daily_question=question,
            text=form.cleaned_data["text"],
        )
    except SupportError as refused:
        messages.error(request, refused.message)
        response = love_map(request)
        response.status_code = refused.status
        return response
    messages.success(request, _("Guessed! Here's what they said back then."))
    return redirect("support:love_map")


@require_POST
@login_required
@couple_required
def love_map_mark(request: CoupleRequest, pk: int) -> HttpResponse:
    guess = get_guess_for_user(request.user, pk)
    try:
        guess_mark(user=request.user, guess=guess, closeness=request.POST.get("closeness", ""))
    except SupportError as refused:
        messages.error(request, refused.message)
        response = love_map(request)
        response.status_code = refused.status
        return response
    return redirect("support:love_map")
