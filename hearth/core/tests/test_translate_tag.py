"""Hearth's {% load i18n %} (hearth.core.templatetags.hearth_i18n_kept) keeps the translation
of a message written out in the template: each reader must still get their own language."""

from django.template import Context, Template
from django.utils import translation


def test_a_written_out_message_follows_the_readers_language(settings):
    settings.DEBUG = False
    template = Template('{% load i18n %}{% translate "Today" %} · {% trans "Quick exit" %}')
    for language, expected in [("es", "Hoy · Salida rápida"), ("en", "Today · Quick exit")] * 2:
        with translation.override(language):
            assert template.render(Context()) == expected


def test_a_message_with_a_variable_context_or_as_is_looked_up_each_time(settings):
    settings.DEBUG = False
    template = Template(
        '{% load i18n %}{% translate word %}|{% translate "Today" as today %}{{ today }}'
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
        "{% load i18n %}{% get_current_language as lang %}{{ lang }} "
        "{% blocktranslate with who='Sam' %}Reply to {{ who }}{% endblocktranslate %} "
        "{{ 'es'|language_name_local }}"
    )
    with translation.override("es"):
        assert template.render(Context()) == "es Responder a Sam español"
