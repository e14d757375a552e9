"""`{% content_lang %}`: marks text from the content libraries (questions, ideas, guides),
which are written in English only, so that a page in another language says so to browsers
and screen readers: `<p{% content_lang %}>{{ question.text }}</p>`."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from hearth.core.libraries import CONTENT_LANGUAGE

register = template.Library()


@register.simple_tag
def content_lang() -> str:
    language = get_language() or CONTENT_LANGUAGE
    if language.split("-")[0] == CONTENT_LANGUAGE:
        return ""
    return format_html(' lang="{}"', CONTENT_LANGUAGE)
