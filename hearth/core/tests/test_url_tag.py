"""Hearth's {% url %} (hearth.core.templatetags.hearth_urls) keeps the URLs written out in
full on the template node: what it renders must stay what Django's own tag renders."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse, set_script_prefix


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    set_script_prefix("/")


def test_a_written_out_url_follows_the_script_prefix(script_prefix):
    template = Template("{% url 'talk:coach' %} {% url 'tour' 'talk' %}")
    assert template.render(Context()) == f"{reverse('talk:coach')} {reverse('tour', args=['talk'])}"
    script_prefix("/hearth/")
    assert template.render(Context()) == "/hearth/talk/coach/ /hearth/welcome/tour/talk/"
    script_prefix("/")
    assert template.render(Context()) == "/talk/coach/ /welcome/tour/talk/"


def test_a_url_with_a_variable_is_reversed_for_each_render():
    template = Template("{% url 'talk:reply' pk %}|{% url 'talk:reply' pk as reply %}{{ reply }}")
    for pk in (7, 8):
        url = reverse("talk:reply", args=[pk])
        assert template.render(Context({"pk": pk})) == f"{url}|{url}"


def test_as_sets_the_variable_each_time_and_an_unknown_name_still_fails():
    template = Template(
        "{% url 'talk:swap' as swap %}<{{ swap }}>{% url 'nowhere' as gone %}[{{ gone }}]"
    )
    for _ in range(2):
        assert template.render(Context()) == f"<{reverse('talk:swap')}>[]"
    with pytest.raises(NoReverseMatch):
        Template("{% url 'nowhere' %}").render(Context())
