from django import forms

from hearth.core.forms import CleanTextMixin
from hearth.talk.coaching import CoachedTextarea
from hearth.trust.models import Apology
from hearth.trust.promises import PROMISE_MAX
from hearth.trust.repair import ANSWER_NOTE_MAX, APOLOGY_PART_MAX
from hearth.trust.sharing import RESPONSE_MAX, SHARE_MAX

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class PromiseForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label="I promise to",
        max_length=PROMISE_MAX,
        help_text="Small and concrete is best: “book the weekend away”.",
    )
    due_on = forms.DateField(label="By (optional)", required=False, widget=DATE_INPUT)


class RenegotiateForm(CleanTextMixin, forms.Form):
    text = forms.CharField(label="New terms", max_length=PROMISE_MAX)
    due_on = forms.DateField(label="By (optional)", required=False, widget=DATE_INPUT)


class ShareForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label="What I'd like to share",
        max_length=SHARE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Only as much as feels right. You can take it back later.",
    )


class ResponseForm(CleanTextMixin, forms.Form):
    starter = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label="My response",
        max_length=RESPONSE_MAX,
        widget=CoachedTextarea(attrs={"rows": 4}),
    )


class ApologyForm(CleanTextMixin, forms.Form):
    what_happened = forms.CharField(
        label="What I did",
        max_length=APOLOGY_PART_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
        help_text="Name it plainly, without “but”.",
    )
    effect = forms.CharField(
        label="How it may have felt for you (optional)",
        max_length=APOLOGY_PART_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )
    do_differently = forms.CharField(
        label="What I'll do differently",
        max_length=APOLOGY_PART_MAX,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )
    as_promise = forms.BooleanField(
        label="Make that a promise we can both see kept", required=False
    )
    promise_due_on = forms.DateField(label="By (optional)", required=False, widget=DATE_INPUT)


class AnswerForm(CleanTextMixin, forms.Form):
    answer = forms.ChoiceField(choices=Apology.Answer.choices)
    note = forms.CharField(
        label="A few words (optional)",
        max_length=ANSWER_NOTE_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )
