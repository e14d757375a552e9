"""Pages for conflict time-outs and debriefs (PRODUCT T4)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.core.forms import CleanTextMixin
from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.talk.coaching import CoachedTextarea
from hearth.talk.guides import guide
from hearth.talk.models import RepairPhrase
from hearth.talk.services import TalkError
from hearth.talk.timeouts import (
    DEBRIEF_MAX,
    TIMEOUT_CHOICES,
    current_timeout,
    debrief_set_shared,
    debrief_write,
    debriefs_visible_to,
    get_debrief_for_user,
    get_timeout_for_user,
    timeout_end_early,
    timeout_start,
)


def _minutes_choices() -> list[tuple[int, str]]:
    """Evaluated when the form is shown, so in the person's language."""
    return [
        (m, ngettext("%(count)d minute", "%(count)d minutes", m) % {"count": m})
        for m in TIMEOUT_CHOICES
    ]


class TimeoutForm(forms.Form):
    minutes = forms.TypedChoiceField(
        label=gettext_lazy("How long?"),
        choices=_minutes_choices,
        coerce=int,
        initial=20,
    )


def _debrief_field(label: str, help_text: str, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=DEBRIEF_MAX,
        required=required,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )


class DebriefForm(CleanTextMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prompts = guide("debrief")["prompts"]
        self.fields["felt"] = _debrief_field(_("What I felt"), prompts["felt"], required=True)
        self.fields["needed"] = _debrief_field(_("What I needed"), prompts["needed"])
        self.fields["my_part"] = _debrief_field(_("My part"), prompts["my_part"])
        self.fields["next_time"] = _debrief_field(_("Next time"), prompts["next_time"])
        self.fields["shared"] = forms.BooleanField(
            label=_("Share this with my partner"),
            required=False,
            help_text=_("Private unless you tick this. You can change it later."),
        )


@require_GET
@login_required
@couple_required
def timeout_page(request: CoupleRequest) -> HttpResponse:
    timeout = current_timeout(request.couple)
    context = {
        "timeout": timeout,
        "form": TimeoutForm(),
        "guide": guide("timeout"),
        "phrases": RepairPhrase.objects.filter(active=True, group="calm_down").order_by("key")[:3],
    }
    return render(request, "talk/timeout.html", context)


@require_POST
@login_required
@couple_required
def timeout_begin(request: CoupleRequest) -> HttpResponse:
    form = TimeoutForm(request.POST)
    minutes = form.cleaned_data["minutes"] if form.is_valid() else 20
    timeout_start(user=request.user, couple=request.couple, minutes=minutes)
    return redirect("talk:timeout")


@require_POST
@login_required
@couple_required
def timeout_end(request: CoupleRequest, pk: int) -> HttpResponse:
    timeout = get_timeout_for_user(request.user, pk)
    try:
        timeout_end_early(user=request.user, timeout=timeout)
    except TalkError as refused:
        messages.info(request, refused.message)
    return redirect("talk:timeout")


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def debriefs(request: CoupleRequest) -> HttpResponse:
    form = DebriefForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        debrief_write(user=request.user, couple=request.couple, **form.cleaned_data)
        messages.success(request, _("Saved. Thank you for looking back with care."))
        return redirect("talk:debriefs")
    context = {
        "form": form,
        "debriefs": debriefs_visible_to(request.user)[:30],
        "guide": guide("debrief"),
    }
    return render(request, "talk/debriefs.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
@couple_required
def debrief_share(request: CoupleRequest, pk: int) -> HttpResponse:
    debrief = get_debrief_for_user(request.user, pk)
    try:
        debrief_set_shared(
            user=request.user, debrief=debrief, shared=request.POST.get("shared") == "1"
        )
    except TalkError as refused:
        messages.info(request, refused.message)
    return redirect("talk:debriefs")
