"""Trust's pages (PRODUCT R1–R3)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, F, IntegerField, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.trust.forms import (
    AnswerForm,
    ApologyForm,
    PromiseForm,
    RenegotiateForm,
    ResponseForm,
    ShareForm,
)
from hearth.trust.guides import guide
from hearth.trust.models import Apology, Promise, ValidatingResponse, VulnerabilityPrompt
from hearth.trust.promises import (
    TrustError,
    get_promise_for_user,
    promise_confirm,
    promise_keep,
    promise_make,
    promise_renegotiate,
    promises_for,
    reliability_for,
    reliability_words,
)
from hearth.trust.repair import apologies_for, apology_answer, apology_make, get_apology_for_user
from hearth.trust.sharing import (
    completed_rounds,
    get_own_share,
    get_round_for_user,
    next_prompt,
    open_round,
    response_add,
    round_pass,
    round_start,
    round_view,
    share_add,
    share_withdraw,
    unlocked_sets,
)

POLL_SECONDS = 10


def my_reliability_in_words(request: CoupleRequest) -> str:
    words = guide("reliability")
    return reliability_words(
        reliability_for(request.user, request.couple), words["words"], words["empty"]
    )


def open_first(promises):
    """Open promises first, soonest due first; then the ended ones, newest first."""
    return promises.annotate(
        ended=Case(
            When(status=Promise.Status.OPEN, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by(
        "ended", F("due_on").asc(nulls_last=True), F("ended_at").desc(nulls_last=True), "-pk"
    )


@require_GET
@login_required
@couple_required
def home(request: CoupleRequest) -> HttpResponse:
    today = request.couple.local_today()
    round_ = open_round(request.couple)
    context = {
        "promises": list(
            open_first(promises_for(request.couple)).filter(status=Promise.Status.OPEN)[:6]
        ),
        "today": today,
        "reliability": my_reliability_in_words(request),
        "round": round_,
        "round_view": round_view(round_, request.user) if round_ else None,
        "to_answer": apologies_for(request.couple)
        .exclude(author=request.user)
        .filter(answer__in=["", Apology.Answer.NEED_TIME])
        .order_by("-created_at")[:3],
    }
    return render(request, "trust/home.html", context)


# Promises -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def promises(request: CoupleRequest) -> HttpResponse:
    form = PromiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            promise_make(user=request.user, couple=request.couple, **form.cleaned_data)
        except TrustError as refused:
            field = "due_on" if refused.code in ("in_the_past", "too_far_ahead") else "text"
            form.add_error(field, refused.message)
        else:
            messages.success(request, _("Promised. Small promises kept are how trust grows."))
            return redirect("trust:promises")
    context = {
        "form": form,
        "promises": open_first(promises_for(request.couple))[:50],
        "today": request.couple.local_today(),
        "reliability": my_reliability_in_words(request),
        "guide": guide("promises"),
    }
    return render(request, "trust/promises.html", context, status=400 if form.errors else 200)


@require_GET
@login_required
@couple_required
def promise_detail(request: CoupleRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk)
    return _render_promise(request, promise)


def _render_promise(request, promise, *, form=None, status=200) -> HttpResponse:
    context = {
        "promise": promise,
        "today": request.couple.local_today(),
        "form": form or RenegotiateForm(initial={"text": promise.text, "due_on": promise.due_on}),
        "replaced_by": getattr(promise, "replaced_by", None),
    }
    return render(request, "trust/promise.html", context, status=status)


@require_POST
@login_required
@couple_required
def promise_act(request: CoupleRequest, pk: int, action: str) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk)
    actions = {
        "kept": (promise_keep, _("Kept. That's trust, built one promise at a time.")),
        "confirm": (promise_confirm, _("Confirmed. Thank you for noticing.")),
    }
    if action not in actions:
        raise Http404("No such action.")
    act, done = actions[action]
    try:
        act(user=request.user, promise=promise)
    except TrustError as refused:
        messages.info(request, refused.message)
    else:
        messages.success(request, done)
    return redirect("trust:promise", promise.pk)


@require_POST
@login_required
@couple_required
def promise_change(request: CoupleRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk)
    form = RenegotiateForm(request.POST)
    if form.is_valid():
        try:
            new = promise_renegotiate(user=request.user, promise=promise, **form.cleaned_data)
        except TrustError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Renegotiated in good time: that keeps faith."))
            return redirect("trust:promise", new.pk)
    return _render_promise(request, promise, form=form, status=400)


# Sharing --------------------------------------------------------------------------------


@require_GET
@login_required
@couple_required
def sharing(request: CoupleRequest) -> HttpResponse:
    sets = unlocked_sets(request.couple)
    offers = []
    for value, label in VulnerabilityPrompt.Set.choices:
        prompt = next_prompt(request.couple, value) if value in sets else None
        offers.append({"set": value, "label": label, "open": value in sets, "prompt": prompt})
    context = {
        "round": open_round(request.couple),
        "offers": offers,
        "past": completed_rounds(request.couple)[:20],
        "guide": guide("sharer"),
    }
    return render(request, "trust/sharing.html", context)


@require_POST
@login_required
@couple_required
def sharing_start(request: CoupleRequest) -> HttpResponse:
    prompt = VulnerabilityPrompt.objects.filter(
        pk=_int(request.POST.get("prompt")), active=True
    ).first()
    if prompt is None:
        messages.info(request, _("Choose a question to begin with."))
        return redirect("trust:sharing")
    try:
        round_ = round_start(user=request.user, couple=request.couple, prompt=prompt)
    except TrustError as refused:
        messages.info(request, refused.message)
        return redirect("trust:sharing")
    return redirect("trust:round", round_.pk)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@require_GET
@login_required
@couple_required
def round_page(request: CoupleRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request.user, pk)
    if request.htmx and request.GET.get("v") == str(round_.version):
        return HttpResponse(status=204)  # nothing new: the page stays as it is
    return _render_round(request, round_)


def _render_round(request, round_, *, share_form=None, response_form=None, status=200):
    view = round_view(round_, request.user)
    context = {
        "view": view,
        "round": round_,
        "share_form": share_form or ShareForm(),
        "response_form": response_form or ResponseForm(),
        "starters": ValidatingResponse.objects.filter(active=True).order_by("kind", "key"),
        "listener": guide("listener"),
        "sharer": guide("sharer"),
        "poll_seconds": POLL_SECONDS,
    }
    return render(request, "trust/round.html", context, status=status)


@require_POST
@login_required
@couple_required
def round_share(request: CoupleRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request.user, pk)
    form = ShareForm(request.POST)
    if form.is_valid():
        try:
            share_add(user=request.user, round_=round_, text=form.cleaned_data["text"])
        except TrustError as refused:
            form.add_error("text", refused.message)
        else:
            return redirect("trust:round", round_.pk)
    return _render_round(request, round_, share_form=form, status=400)


@require_POST
@login_required
@couple_required
def round_respond(request: CoupleRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request.user, pk)
    form = ResponseForm(request.POST)
    if form.is_valid():
        starter = ValidatingResponse.objects.filter(pk=form.cleaned_data["starter"] or 0).first()
        try:
            response_add(
                user=request.user, round_=round_, text=form.cleaned_data["text"], starter=starter
            )
        except TrustError as refused:
            form.add_error("text", refused.message)
        else:
            return redirect("trust:round", round_.pk)
    return _render_round(request, round_, response_form=form, status=400)


@require_POST
@login_required
@couple_required
def round_skip(request: CoupleRequest, pk: int) -> HttpResponse:
    round_pass(user=request.user, round_=get_round_for_user(request.user, pk))
    messages.info(request, _("Passed. There's no need to say why."))
    return redirect("trust:sharing")


@require_POST
@login_required
@couple_required
def share_take_back(request: CoupleRequest, pk: int) -> HttpResponse:
    share = share_withdraw(user=request.user, share=get_own_share(request.user, pk))
    messages.success(request, _("Taken back. Your words are gone from Hearth."))
    return redirect("trust:round", share.round_id)


# Repair ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def repair(request: CoupleRequest) -> HttpResponse:
    form = ApologyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            apology_make(user=request.user, couple=request.couple, **form.cleaned_data)
        except TrustError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Sent. Saying sorry well takes courage."))
            return redirect("trust:repair")
    return _render_repair(request, form=form)


def _render_repair(request: CoupleRequest, *, form=None, error: str = "") -> HttpResponse:
    form = form or ApologyForm()
    context = {
        "form": form,
        "apologies": apologies_for(request.couple).order_by("-created_at")[:30],
        "guide": guide("repair"),
        "error": error,
    }
    status = 400 if form.errors or error else 200
    return render(request, "trust/repair.html", context, status=status)


@require_POST
@login_required
@couple_required
def apology_reply(request: CoupleRequest, pk: int) -> HttpResponse:
    apology = get_apology_for_user(request.user, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        problems = [str(e) for errors in form.errors.values() for e in errors]
        return _render_repair(request, error=" ".join(problems))
    try:
        apology_answer(user=request.user, apology=apology, **form.cleaned_data)
    except TrustError as refused:
        return _render_repair(request, error=refused.message)
    return redirect("trust:repair")
