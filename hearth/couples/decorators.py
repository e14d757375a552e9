from functools import wraps

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django_htmx.middleware import HtmxDetails

from hearth.accounts.models import User
from hearth.couples.models import Couple
from hearth.couples.selectors import membership_and_partner


class CoupleRequest(HttpRequest):
    """The request of a page behind couple_required."""

    user: User  # type: ignore[assignment]
    couple: Couple
    partner: User | None
    htmx: HtmxDetails


def couple_required(view):
    """Pages for a couple: sets request.couple and request.partner, else back to pairing.

    Checked on every request, so an unlinked partner loses access at once (PRODUCT A3).
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        membership, partner = membership_and_partner(request.user)
        if membership is None:
            messages.info(request, _("This is for the two of you: pair with your partner first."))
            return redirect("today")
        request.couple = membership.couple
        request.partner = partner
        return view(request, *args, **kwargs)

    return wrapper
