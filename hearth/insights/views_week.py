"""The weekly "State of us" page (PRODUCT I4)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.insights.weekly import weekly_report


@require_GET
@login_required
@couple_required
def week(request: CoupleRequest) -> HttpResponse:
    report = weekly_report(couple=request.couple, user=request.user)
    return render(request, "insights/week.html", {"report": report})
