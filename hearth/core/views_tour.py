"""The welcome tour's pages: one step per pillar, then back to Today."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from hearth.core.tour import tour_finish, tour_steps


@require_GET
@login_required
def tour(request, step: str) -> HttpResponse:
    steps = tour_steps()
    keys = [item.key for item in steps]
    if step not in keys:
        raise Http404("No such step in the tour.")
    number = keys.index(step)
    context = {
        "step": steps[number],
        "number": number + 1,
        "total": len(steps),
        "previous": steps[number - 1] if number else None,
        "next": steps[number + 1] if number + 1 < len(steps) else None,
    }
    return render(request, "core/tour.html", context)


@require_POST
@login_required
def tour_done(request) -> HttpResponse:
    tour_finish(user=request.user)
    return redirect("today")
