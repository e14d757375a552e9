"""Hearth's {% load hearth_i18n %} keeps the translation of a message written out in the
template: each reader must still get their own language, and every template gets it."""

import re
from pathlib import Path

from django.template import Context, Template
from django.utils import translation

LOAD = re.compile(r"\{% load ([^%]*) %\}")


def test_a_written_out_message_follows_the_readers_language(settings):
    settings.DEBUG = False
    template = Template('{% load hearth_i18n %}{% translate "Today" %} · {% trans "Quick exit" %}')
    for language, expected in [("es", "Hoy · Salida rápida"), ("en", "Today · Quick exit")] * 2:
        with translation.override(language):
            assert template.render(Context()) == expected


def test_a_message_with_a_variable_context_or_as_is_looked_up_each_time(settings):
    settings.DEBUG = False
    template = Template(
        '{% load hearth_i18n %}{% translate word %}|{% translate "Today" as today %}{{ today }}'
        '|{% translate "Today"|upper %}|{% translate "Today" noop %}'
    )
    for language, word, expected in [
        ("es", "Today", "Hoy|Hoy|HOY|Today"),
        ("es", "Quick exit", "Salida rápida|Hoy|HOY|Today"),
        ("en", "Quick exit", "Quick exit|Today|TODAY|Today"),
    ]:
        with translation.override(language):
            assert template.render(Context({"word": word})) == expected


def test_the_rest_of_djangos_library_is_there():
    template = Template(
        "{% load hearth_i18n %}{% get_current_language as lang %}{{ lang }} "
        "{% blocktranslate with who='Sam' %}Reply to {{ who }}{% endblocktranslate %} "
        "{{ 'es'|language_name_local }}"
    )
    with translation.override("es"):
        assert template.render(Context()) == "es Responder a Sam español"


def test_hearths_pages_load_hearth_i18n_rather_than_djangos(settings):
    root = Path(settings.BASE_DIR)
    pages = [*root.glob("templates/**/*.html"), *root.glob("hearth/*/templates/**/*.html")]
    assert len(pages) > 50
    loading_django_i18n = [
        str(page.relative_to(root))
        for page in pages
        if any("i18n" in load.split() for load in LOAD.findall(page.read_text()))
    ]
    assert not loading_django_i18n
