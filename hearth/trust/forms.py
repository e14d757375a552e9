from django import forms
from django.utils.translation import gettext_lazy as _

from hearth.core.forms import CleanTextMixin
from hearth.talk.coaching import CoachedTextarea
from hearth.trust.models import Apology
from hearth.trust.promises import PROMISE_MAX
from hearth.trust.repair import ANSWER_NOTE_MAX, APOLOGY_PART_MAX
from hearth.trust.sharing import RESPONSE_MAX, SHARE_MAX

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class PromiseForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=_("I promise to"),
        max_length=PROMISE_MAX,
        help_text=_("Small and concrete is best: “book the weekend away”."),
    )
    due_on = forms.DateField(label=_("By (optional)"), required=False, widget=DATE_INPUT)


class RenegotiateForm(CleanTextMixin, forms.Form):
    text = forms.CharField(label=_("New terms"), max_length=PROMISE_MAX)
    due_on = forms.DateField(label=_("By (optional)"), required=False, widget=DATE_INPUT)


class ShareForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=_("What I'd like to share"),
        max_length=SHARE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only as much as feels right. You can take it back later."),
    )


class ResponseForm(CleanTextMixin, forms.Form):
    starter = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("My response"),
        max_length=RESPONSE_MAX,
        widget=CoachedTextarea(attrs={"rows": 4}),
    )


class ApologyForm(CleanTextMixin, forms.Form):
    what_happened = forms.CharField(
        label=_("What I did"),
        max_length=APOLOGY_PART_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
        help_text=_("Name it plainly, without “but”."),
    )
    effect = forms.CharField(
        label=_("How it may have felt for you (optional)"),
        max_length=APOLOGY_PART_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )
    do_differently = forms.CharField(
        label=_("What I'll do differently"),
        max_length=APOLOGY_PART_MAX,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )
    as_promise = forms.BooleanField(
        label=_("Make that a promise we can both see kept"), required=False
    )
    promise_due_on = forms.DateField(label=_("By (optional)"), required=False, widget=DATE_INPUT)


class AnswerForm(CleanTextMixin, forms.Form):
    answer = forms.ChoiceField(choices=Apology.Answer.choices)
    note = forms.CharField(
        label=_("A few words (optional)"),
        max_length=ANSWER_NOTE_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )
