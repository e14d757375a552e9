"""Forms that send people back where they came from never send them to another site; links
reversed once and remembered still follow the site's prefix."""

import pytest
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse, set_script_prefix

from hearth.core.http import next_url, reverse_kept


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/talk/archive/?q=sea", "/talk/archive/?q=sea"),
        ("https://evil.example/steal", "/talk/"),
        ("//evil.example/steal", "/talk/"),
        ("javascript:alert(1)", "/talk/"),
        ("", "/talk/"),
    ],
)
def test_it_only_goes_back_to_pages_of_this_site(target, expected):
    request = RequestFactory().post("/talk/answers/1/react/", {"next": target})
    assert next_url(request, "talk:home") == expected


def test_a_remembered_link_follows_its_arguments_and_the_script_prefix():
    try:
        for pk in (7, 8, 7):
            assert reverse_kept("talk:reply", pk) == reverse("talk:reply", args=[pk])
        set_script_prefix("/hearth/")
        assert reverse_kept("talk:reply", 7) == "/hearth/talk/answers/7/reply/"
    finally:
        set_script_prefix("/")
    assert reverse_kept("talk:reply", 7) == "/talk/answers/7/reply/"
    with pytest.raises(NoReverseMatch):
        reverse_kept("talk:nowhere", 7)
