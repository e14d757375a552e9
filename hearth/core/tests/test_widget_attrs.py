"""Widgets write their attributes with Hearth's one-call filter, and the HTML is the same
as with Django's own attrs.html: forms look and behave exactly as before, only faster."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from hearth.talk.forms import AnswerForm


class EveryKindOfAttribute(forms.Form):
    name = forms.CharField(
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "placeholder": 'Say "hi" <b>& wave</b>',
                "dir": "auto",
                "aria-label": "مرحبا 👋",
                "autofocus": True,
                "disabled": False,
                "data-safe": mark_safe("<already>"),
                "title": gettext_lazy("Your answer"),
            }
        ),
    )
    agree = forms.BooleanField(required=False)
    colour = forms.ChoiceField(choices=[("red", "Red & warm"), ("blue", "Blue")])
    kinds = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )


@pytest.mark.parametrize(
    "make_form",
    [
        lambda **kw: EveryKindOfAttribute(**kw),
        lambda **kw: EveryKindOfAttribute(
            data={"name": "x", "agree": "on", "colour": "red", "kinds": ["b"]}, **kw
        ),
        lambda **kw: AnswerForm(initial={"text": "A draft with <tags> & “quotes”"}, **kw),
    ],
)
def test_widgets_write_the_same_html_as_djangos_own_template(make_form):
    ours, djangos = make_form(), make_form(renderer=DjangoTemplates())
    for field in ours:
        assert field.as_widget() == djangos[field.name].as_widget()


def test_true_is_a_bare_name_false_is_left_out_and_values_are_escaped():
    html = EveryKindOfAttribute()["name"].as_widget()
    assert " autofocus" in html and "autofocus=" not in html
    assert "disabled" not in html
    assert 'placeholder="Say &quot;hi&quot; &lt;b&gt;&amp; wave&lt;/b&gt;"' in html
    assert 'aria-label="مرحبا 👋"' in html
    assert 'data-safe="<already>"' in html
    assert 'title="Your answer"' in html
