"""Pages for rituals and the calendar feed (PRODUCT Q3, Q4)."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.together.feed import feed_calendar, feed_issue, feed_owner, feed_revoke, feed_url
from hearth.together.forms import DayForm, RitualForm
from hearth.together.guides import guide
from hearth.together.models import CalendarFeed, RitualIdea
from hearth.together.selectors import rituals_with_next
from hearth.together.services import (
    TogetherError,
    get_ritual_for_user,
    ritual_create,
    ritual_end,
    ritual_rule,
    ritual_skip,
    ritual_unskip,
    ritual_upcoming,
)


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def rituals(request: CoupleRequest) -> HttpResponse:
    idea = RitualIdea.objects.filter(pk=_int(request.GET.get("idea")) or 0, active=True).first()
    initial = {"starts_on": request.couple.local_today(), "at": "19:00"}
    if idea:
        initial |= {
            "idea": idea.pk,
            "kind": idea.kind,
            "title": idea.title,
            "frequency": idea.frequency,
            "interval": idea.interval,
            "duration_minutes": idea.duration_minutes,
        }
    form = RitualForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        chosen = RitualIdea.objects.filter(pk=data.pop("idea"), active=True).first()
        try:
            ritual = ritual_create(
                user=request.user,
                couple=request.couple,
                time_zone=request.user.time_zone,
                idea=chosen,
                **data,
            )
        except TogetherError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request,
                _("%(title)s: %(rule)s.")
                % {"title": ritual.title, "rule": ritual_rule(ritual).describe()},
            )
            return redirect("together:ritual", ritual.pk)
    context = {
        "form": form,
        "idea": idea,
        "rituals": rituals_with_next(request.couple),
        "ideas": RitualIdea.objects.filter(active=True).order_by("kind", "key"),
        "check_in": guide("check_in"),
    }
    return render(request, "together/rituals.html", context, status=400 if form.errors else 200)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_GET
@login_required
@couple_required
def ritual_detail(request: CoupleRequest, pk: int) -> HttpResponse:
    ritual = get_ritual_for_user(request.user, pk)
    context = {
        "ritual": ritual,
        "description": ritual_rule(ritual).describe(),
        "upcoming": ritual_upcoming(ritual),
        "check_in": guide("check_in") if ritual.kind == "check_in" else None,
    }
    return render(request, "together/ritual.html", context)


@require_POST
@login_required
@couple_required
def ritual_change(request: CoupleRequest, pk: int, action: str) -> HttpResponse:
    """skip or unskip one day, or end the ritual."""
    ritual = get_ritual_for_user(request.user, pk)
    if action not in ("skip", "unskip", "end"):
        raise Http404("No such action.")
    try:
        if action == "end":
            ritual_end(user=request.user, ritual=ritual)
            messages.success(request, _("Ended. What you shared stays with you."))
            return redirect("together:rituals")
        form = DayForm(request.POST)
        if not form.is_valid():
            raise TogetherError(_("Choose a day."), code="invalid_day")
        day = form.cleaned_data["day"]
        named = dateformat.format(day, _("l j F"))
        if action == "skip":
            ritual_skip(user=request.user, ritual=ritual, day=day)
            messages.success(
                request, _("Skipping %(day)s. See you the time after.") % {"day": named}
            )
        else:
            ritual_unskip(user=request.user, ritual=ritual, day=day)
            messages.success(request, _("%(day)s is back on.") % {"day": named})
    except TogetherError as refused:
        messages.info(request, refused.message)
    return redirect("together:ritual", ritual.pk)


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def calendar(request: CoupleRequest) -> HttpResponse:
    """My secret calendar address: make one (shown once), make a new one, or turn it off."""
    new_url = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            feed_revoke(user=request.user)
            messages.success(request, _("Turned off. Calendars using the old address get nothing."))
            return redirect("together:calendar")
        new_url = feed_url(feed_issue(user=request.user))
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(request, "together/calendar.html", {"feed": feed, "new_url": new_url})


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The iCalendar feed itself: the address is the credential, so no login; unknown or
    revoked addresses are 404 at once."""
    user = feed_owner(token)
    if user is None:
        raise Http404("No calendar here.")
    response = HttpResponse(feed_calendar(user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hearth.ics"'
    response["Cache-Control"] = f"private, max-age={int(timedelta(minutes=15).total_seconds())}"
    return response
