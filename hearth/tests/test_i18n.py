"""A second language (PRODUCT O6): every word is marked for translation, the Spanish
catalogue is complete and compiled, and each person sees Hearth in their own language."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.base import Lexer, TokenType
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.formats import date_format

from hearth.conftest_helpers import login_client
from hearth.tests.factories import make_questions

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"
CATALOGUE = ROOT / "locale" / "es" / "LC_MESSAGES" / "django"
# Words a person may read untranslated: the product's name.
UNTRANSLATED = {"Hearth"}
SPANISH_MONTHS = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto"}
SPANISH_MONTHS |= {"septiembre", "octubre", "noviembre", "diciembre"}
# Attributes a person reads or hears; a literal value there must be marked.
READ_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|placeholder|alt)="([^"{]*)"')
OPENS_BLOCK = {"blocktranslate", "blocktrans", "comment", "verbatim"}
CLOSES_BLOCK = {"endblocktranslate", "endblocktrans", "endcomment", "endverbatim"}


def unmarked_text(source: str) -> list[str]:
    """Words outside translate tags, HTML tags, comments, scripts and styles."""
    found: list[str] = []
    in_block = 0
    in_tag = in_script = False
    # CSS classes a page passes to its layout: `{% block main_class %}narrow{% endblock %}`.
    source = re.sub(r"{% block \w*class %}.*?{% endblock %}", "", source)
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            in_block += (name in OPENS_BLOCK) - (name in CLOSES_BLOCK)
            continue
        if token.token_type != TokenType.TEXT or in_block:
            continue
        text = re.sub(r"<!--.*?-->", " ", token.contents, flags=re.S)
        found += [value for value in READ_ATTRIBUTES.findall(text) if re.search("[A-Za-z]", value)]
        words, i = [], 0
        while i < len(text):
            char = text[i]
            if in_script:
                end = re.search(r"</(script|style)>", text[i:])
                if end is None:
                    break
                in_script, i = False, i + end.end()
                continue
            if in_tag:
                if char == ">":
                    in_tag = False
                i += 1
                continue
            # A tag, or one whose name a template tag writes (`<{% if x %}a{% else %}…`).
            if char == "<" and (
                re.match(r"</?[A-Za-z!]", text[i : i + 3]) or re.fullmatch(r"</?", text[i:])
            ):
                in_script = bool(re.match(r"<(script|style)\b", text[i:]))
                in_tag = not in_script
                if in_script:
                    i = text.index(">", i) + 1 if ">" in text[i:] else len(text)
                    continue
            else:
                words.append(char)
            i += 1
        plain = re.sub(r"&#?\w+;", " ", "".join(words))
        found += [w for w in re.findall(r"[A-Za-z][A-Za-z']+", plain) if w not in UNTRANSLATED]
    return found


def templates() -> list[Path]:
    return sorted(
        path for path in TEMPLATES.rglob("*") if path.suffix in {".html", ".txt"} and path.is_file()
    )


def test_the_checker_finds_bare_words_and_passes_marked_ones():
    assert unmarked_text('<p class="x">Hello {{ name }}</p>') == ["Hello"]
    assert unmarked_text('<a title="Leave now" href="{% url "a" %}">{% translate "Go" %}</a>') == [
        "Leave now"
    ]
    assert (
        unmarked_text(
            "{% blocktranslate trimmed %}Hi {{ n }}{% endblocktranslate %}"
            "<script>let a = 'b';</script><!-- note --> Hearth &middot; 3"
            '{% block main_class %}narrow{% endblock %}<{% if a %}a{% endif %} class="b">'
        )
        == []
    )


@pytest.mark.parametrize("path", templates(), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_every_word_in_templates_is_marked_for_translation(path):
    assert unmarked_text(path.read_text()) == []


def messages_in(po: Path) -> dict[str, str]:
    """msgid → msgstr of a compiled copy of `po` (plural forms joined), via GNU msgfmt."""
    mo = po.with_suffix(".check.mo")
    subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(po)], check=True)
    with mo.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]


def test_the_spanish_catalogue_holds_every_marked_text_translated(tmp_path, monkeypatch):
    # Gather the texts afresh from a copy of the code, as `make messages` would.
    for name in ("hearth", "templates"):
        shutil.copytree(
            ROOT / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns("tests", "__pycache__", "*.toml", "*.tsv", "*.md"),
        )
    (tmp_path / "locale").mkdir()
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["es"], verbosity=0)
    fresh = tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgcmp", str(CATALOGUE.with_suffix(".po")), str(fresh)],
        capture_output=True,
        text=True,
    )
    # msgcmp names each text marked in the code that the catalogue lacks or leaves untranslated.
    assert result.returncode == 0, result.stderr[-3000:]


def test_the_compiled_catalogue_matches_its_source(tmp_path):
    source = tmp_path / "django.po"
    shutil.copy(CATALOGUE.with_suffix(".po"), source)
    with CATALOGUE.with_suffix(".mo").open("rb") as handle:
        compiled = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    assert compiled == messages_in(source), "run `make messages` to compile locale/"


@pytest.mark.django_db
def test_a_person_chooses_spanish_in_settings_and_hearth_speaks_it(owner, partner):
    make_questions(5)
    client = login_client(owner)
    assert "Salida rápida" not in client.get("/").content.decode()
    choice = {"display_name": "Olive", "pronouns": "", "time_zone": "UTC", "language": "es"}
    assert client.post("/settings/", choice).status_code == 302
    today = client.get("/")
    body = today.content.decode()
    assert today["Content-Language"] == "es" and '<html lang="es">' in body
    for words in ("Salida rápida", ">Hoy<", ">Hablar<", ">Juntos<", "Ajustes"):
        assert words in body, words
    # Dates in Spanish, in the Spanish order: "jueves 26 de noviembre".
    day = timezone.localdate()
    with translation.override("es"):
        month = date_format(day, "F")
    assert month in SPANISH_MONTHS and f"{day.day} de {month}" in body
    # The question comes from the English library, and says so to browsers and readers.
    assert re.search(r'lang="en"[^>]*>[^<]*\?', body)
    # Their partner still reads English: the choice is each person's own.
    assert "Salida rápida" not in login_client(partner).get("/").content.decode()
    back = {**choice, "language": "en"}
    client.post("/settings/", back)
    assert "Quick exit" in client.get("/").content.decode()


@pytest.mark.django_db
def test_before_signing_in_the_browser_language_is_used(client):
    page = client.get("/", headers={"accept-language": "es-ES,es;q=0.9,en;q=0.5"})
    assert '<html lang="es">' in page.content.decode()
    assert "Salida rápida" in page.content.decode()
    english = client.get("/", headers={"accept-language": "en-GB"})
    assert "Quick exit" in english.content.decode()


@pytest.mark.django_db
def test_errors_speak_the_person_s_language_too(owner, partner):
    owner.language = "es"
    owner.save()
    client = login_client(owner)
    refused = client.post("/appreciate/", {"kind": "thanks", "did": "", "felt": ""})
    assert refused.status_code == 400
    assert "Este campo es obligatorio" in refused.content.decode()


def test_the_language_choice_offers_english_and_spanish_in_their_own_names():
    assert dict(settings.LANGUAGES) == {"en": "English", "es": "Español"}
