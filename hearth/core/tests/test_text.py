"""Text people type: trimmed of spaces, never of hidden control characters."""

import pytest

from hearth.core.text import TextError, clean_text


def test_a_control_character_at_the_end_is_refused_not_trimmed_away():
    with pytest.raises(TextError, match="control character"):
        clean_text("Ok\x1f", max_length=10)


def test_spaces_and_newlines_around_the_text_are_trimmed():
    assert clean_text("  Ok \n", max_length=10) == "Ok"
    assert clean_text(" line one\nline two\n", max_length=30, multiline=True) == (
        "line one\nline two"
    )
