"""Together's pages: the overview, date ideas and planned dates (PRODUCT Q1, Q2)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.together.forms import (
    DateProposeForm,
    DateReflectForm,
    IdeaFilterForm,
    SuggestTimeForm,
)
from hearth.together.guides import guide
from hearth.together.ideas import IdeaFilters, idea_surprise, ideas_matching
from hearth.together.memories import date_reflect
from hearth.together.models import DateIdea, DatePlan
from hearth.together.selectors import together_overview
from hearth.together.services import (
    TogetherError,
    date_accept,
    date_cancel,
    date_decline,
    date_propose,
    date_suggest_time,
    dates_for,
    get_date_for_user,
    local_datetime,
)

IDEAS_PER_PAGE = 12


@require_GET
@login_required
@couple_required
def home(request: CoupleRequest) -> HttpResponse:
    context = together_overview(request.couple, request.user)
    return render(request, "together/home.html", context)


@require_GET
@login_required
@couple_required
def ideas(request: CoupleRequest) -> HttpResponse:
    form = IdeaFilterForm(request.GET or None)
    filters = IdeaFilters(**form.cleaned_data) if form.is_valid() else IdeaFilters()
    surprise = None
    if "surprise" in request.GET:
        surprise = idea_surprise(couple=request.couple, filters=filters)
        if surprise is None:
            messages.info(request, _("Nothing new fits all of that. Try loosening a filter."))
    found = ideas_matching(filters)
    page = Paginator(found, IDEAS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("surprise", None)
    context = {
        "form": form,
        "surprise": surprise,
        "page": page,
        "count": len(found),
        "query": query.urlencode(),
    }
    return render(request, "together/ideas.html", context)


@require_GET
@login_required
@couple_required
def dates(request: CoupleRequest) -> HttpResponse:
    now = timezone.now()
    plans = dates_for(request.couple)
    context = {
        "waiting": plans.filter(status=DatePlan.Status.PROPOSED).order_by("starts_at"),
        "upcoming": plans.filter(status=DatePlan.Status.SCHEDULED, starts_at__gt=now).order_by(
            "starts_at"
        ),
        "past": plans.filter(
            Q(status=DatePlan.Status.SCHEDULED, starts_at__lte=now)
            | Q(status__in=[DatePlan.Status.DECLINED, DatePlan.Status.CANCELLED])
        ).order_by("-starts_at")[:30],
        "guide": guide("planner"),
    }
    return render(request, "together/dates.html", context)


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def date_new(request: CoupleRequest) -> HttpResponse:
    idea = _idea_from(request.POST.get("idea") or request.GET.get("idea"))
    initial = {"idea": idea.pk, "duration_minutes": idea.duration_minutes} if idea else {}
    form = DateProposeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = date_propose(
                user=request.user,
                couple=request.couple,
                starts_at=local_datetime(data["when"], request.user.time_zone),
                time_zone=request.user.time_zone,
                title=data["title"],
                details=data["details"],
                idea=idea,
                duration_minutes=data["duration_minutes"],
            )
        except TogetherError as refused:
            form.add_error("title" if refused.code == "empty" else "when", refused.message)
        else:
            messages.success(
                request, _("Suggested. Your partner can say yes, or pick another time.")
            )
            return redirect("together:date", plan.pk)
    context = {"form": form, "idea": idea, "guide": guide("planner")}
    return render(request, "together/date_new.html", context, status=400 if form.errors else 200)


def _idea_from(value) -> DateIdea | None:
    if not value:
        return None
    try:
        return DateIdea.objects.get(pk=int(value), active=True)
    except (DateIdea.DoesNotExist, ValueError):
        raise Http404("No such idea.") from None


@require_GET
@login_required
@couple_required
def date_detail(request: CoupleRequest, pk: int) -> HttpResponse:
    plan = get_date_for_user(request.user, pk)
    return _render_date(request, plan)


def _render_date(request: CoupleRequest, plan: DatePlan, *, status: int = 200, **forms):
    memory = getattr(plan, "memory", None)
    reflections = list(memory.reflections.select_related("author")) if memory else []
    mine = next((r for r in reflections if r.author_id == request.user.pk), None)
    reflect_initial = {"rating": mine.rating, "text": mine.text} if mine else {}
    context = {
        "plan": plan,
        "memory": memory,
        "reflections": reflections,
        "i_answer": plan.status == DatePlan.Status.PROPOSED and plan.asked_by_id != request.user.pk,
        "suggest_form": forms.get("suggest_form") or SuggestTimeForm(),
        "reflect_form": forms.get("reflect_form") or DateReflectForm(initial=reflect_initial),
    }
    return render(request, "together/date.html", context, status=status)


DATE_ACTIONS = {
    "accept": (date_accept, gettext_lazy("It's a date! It's in both your calendars.")),
    "decline": (date_decline, gettext_lazy("Declined, kindly. Maybe suggest something else?")),
    "cancel": (date_cancel, gettext_lazy("Cancelled.")),
}


@require_POST
@login_required
@couple_required
def date_act(request: CoupleRequest, pk: int, action: str) -> HttpResponse:
    plan = get_date_for_user(request.user, pk)
    if action not in DATE_ACTIONS:
        raise Http404("No such action.")
    act, done = DATE_ACTIONS[action]
    try:
        act(user=request.user, plan=plan)
    except TogetherError as refused:
        messages.info(request, refused.message)
    else:
        messages.success(request, done)
    return redirect("together:date", plan.pk)


@require_POST
@login_required
@couple_required
def date_suggest(request: CoupleRequest, pk: int) -> HttpResponse:
    plan = get_date_for_user(request.user, pk)
    form = SuggestTimeForm(request.POST)
    if form.is_valid():
        try:
            date_suggest_time(
                user=request.user,
                plan=plan,
                starts_at=local_datetime(form.cleaned_data["when"], request.user.time_zone),
                time_zone=request.user.time_zone,
            )
        except TogetherError as refused:
            form.add_error("when", refused.message)
        else:
            messages.success(request, _("New time suggested. It's your partner's turn to answer."))
            return redirect("together:date", plan.pk)
    return _render_date(request, plan, status=400, suggest_form=form)


@require_POST
@login_required
@couple_required
def date_rate(request: CoupleRequest, pk: int) -> HttpResponse:
    plan = get_date_for_user(request.user, pk)
    form = DateReflectForm(request.POST)
    if form.is_valid():
        try:
            date_reflect(
                user=request.user,
                plan=plan,
                rating=form.cleaned_data["rating"],
                text=form.cleaned_data["text"],
            )
        except TogetherError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Kept among your memories."))
            return redirect("together:date", plan.pk)
    return _render_date(request, plan, status=400, reflect_form=form)
