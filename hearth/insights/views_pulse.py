"""The monthly pulse page (PRODUCT I2): this month's statements and closeness picture, and
the person's own trend beside what the two of them did. Only ever the person's own."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.insights.pulse import (
    PulseError,
    month_last_day,
    pulse_month,
    pulse_of,
    pulse_record,
    pulse_trend,
)
from hearth.insights.pulse_content import PILLARS, SCALE, pulse_content
from hearth.insights.views import PILLAR_NAMES

RATE_IT = gettext_lazy("Choose a number from 1 to 7.")
PICK_ONE = gettext_lazy("Choose the picture that fits best.")
# The closeness picture: two circles of this radius in a 120 × 52 box, their centres
# 52 apart at level 1 (a gap between them), touching at 2, and 8 closer at each level
# after, until at 7 they almost cover each other.
RADIUS = 22


class PulseForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(number, str(number)) for number in SCALE]
        errors = {"required": RATE_IT, "invalid_choice": RATE_IT}
        for item in pulse_content().items:
            self.fields[item.key] = forms.TypedChoiceField(
                choices=choices, coerce=int, error_messages=errors
            )
        self.fields["closeness"] = forms.TypedChoiceField(
            choices=choices,
            coerce=int,
            error_messages={"required": PICK_ONE, "invalid_choice": PICK_ONE},
        )


def closeness_pictures() -> list[dict]:
    """The seven pictures: each level's label and its two circles' centres."""
    pictures = []
    for level in pulse_content().closeness:
        apart = 60 - 8 * level.level
        pictures.append(
            {
                "level": level.level,
                "label": level.label,
                "left": 60 - apart // 2,
                "right": 60 + apart // 2,
            }
        )
    return pictures


def _chosen(form: PulseForm, name: str) -> str:
    value = form[name].value()
    return "" if value is None else str(value)


def _page(request: CoupleRequest, form: PulseForm, *, status: int = 200) -> HttpResponse:
    content = pulse_content()
    month = pulse_month(request.couple)
    scale_words = {SCALE[0]: "low", SCALE[len(SCALE) // 2]: "middle", SCALE[-1]: "high"}
    scale = [
        {
            "value": number,
            "words": content.scale[scale_words[number]] if number in scale_words else "",
        }
        for number in SCALE
    ]
    pillars = [
        {
            "name": PILLAR_NAMES[pillar],
            "items": [
                {
                    "key": item.key,
                    "text": item.text,
                    "chosen": _chosen(form, item.key),
                    "errors": form.errors.get(item.key, []),
                }
                for item in content.items_of(pillar)
            ],
        }
        for pillar in PILLARS
    ]
    trend = pulse_trend(couple=request.couple, user=request.user)
    context = {
        "content": content,
        "month": month,
        "open_until": month_last_day(month),
        "taken": pulse_of(couple=request.couple, user=request.user, month=month) is not None,
        "form": form,
        "scale": scale,
        "pillars": pillars,
        "pictures": closeness_pictures(),
        "radius": RADIUS,
        "closeness_chosen": _chosen(form, "closeness"),
        "trend": trend,
        "trend_pillars": [
            {
                "name": PILLAR_NAMES[pillar],
                "rows": [(row.month, row.pulse[pillar], row.index[pillar]) for row in trend],
            }
            for pillar in PILLARS
        ],
        "ever_taken": any(row.taken for row in trend),
    }
    return render(request, "insights/pulse.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def pulse(request: CoupleRequest) -> HttpResponse:
    """Take (or change) this month's pulse; below it, the person's own trend."""
    if request.method == "GET":
        mine = pulse_of(couple=request.couple, user=request.user, month=pulse_month(request.couple))
        initial = {**mine.ratings(), "closeness": mine.closeness} if mine else None
        return _page(request, PulseForm(initial=initial))
    form = PulseForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            pulse_record(
                couple=request.couple,
                user=request.user,
                month=pulse_month(request.couple),
                ratings={key: value for key, value in data.items() if key != "closeness"},
                closeness=data["closeness"],
            )
        except PulseError as refused:
            form.add_error(None, refused.message)
            return _page(request, form, status=refused.status)
        messages.success(request, _("Saved, just for you. You can change it until the month ends."))
        return redirect("insights:pulse")
    return _page(request, form, status=400)
