"""Hearth's `{% load hearth_i18n %}`, which templates load instead of Django's i18n:

- all of Django's i18n tags and filters, except that `{% translate "Quick exit" %}`, a
  message written out in the template with no filter, context or `as`, keeps its
  translation for each language on the template node. Django looks it up on every render,
  a few steps each, and Today shows a few dozen; what it renders depends on nothing but
  the language. With DEBUG on it looks up every time, so that a recompiled catalogue shows
  at once. makemessages reads the templates' text and is not affected.
- `{% content_lang %}`: marks text from the content libraries (questions, ideas, guides),
  which are written in English only, so that a page in another language says so to
  browsers and screen readers: `<p{% content_lang %}>{{ question.text }}</p>`."""

from django import template
from django.conf import settings
from django.template.base import Node, Variable
from django.templatetags import i18n
from django.utils.html import format_html
from django.utils.translation import get_language

from hearth.core.libraries import CONTENT_LANGUAGE

register = template.Library()
register.tags.update(i18n.register.tags)
register.filters.update(i18n.register.filters)


class KeptTranslateNode(Node):
    child_nodelists = ()

    def __init__(self, node: i18n.TranslateNode):
        self.node = node
        self.kept: dict[str | None, str] = {}

    def render(self, context) -> str:
        if settings.DEBUG:
            return self.node.render(context)
        language = get_language()
        translated = self.kept.get(language)
        if translated is None:
            translated = self.kept[language] = self.node.render(context)
        return translated


@register.tag("translate")
@register.tag("trans")
def translate(parser, token) -> Node:
    node = i18n.do_translate(parser, token)
    message = node.filter_expression
    written_out = (
        isinstance(message.var, Variable) and message.var.literal is not None
    ) and not message.filters
    if written_out and not (node.asvar or node.message_context or node.noop):
        return KeptTranslateNode(node)
    return node


@register.simple_tag
def content_lang() -> str:
    language = get_language() or CONTENT_LANGUAGE
    if language.split("-")[0] == CONTENT_LANGUAGE:
        return ""
    return format_html(' lang="{}"', CONTENT_LANGUAGE)
