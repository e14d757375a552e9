"""Forms that send people back where they came from never send them to another site."""

import pytest
from django.test import RequestFactory

from hearth.core.http import next_url


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
