"""Hearth's `{% url %}` (a builtin, settings.TEMPLATES): Django's own tag, except that a URL
whose name and arguments are all written in the template (`{% url 'talk:coach' %}`,
`{% url 'tour' 'talk' %}`) is reversed once per process and kept on the template node.
reverse() walks the URL patterns each time, and Today has a dozen such links; a URL with
a variable in it (`{% url 'talk:reply' answer.pk %}`) is reversed on every render, as
before. What the URL depends on besides the template is the key: the script prefix, the
URLconf, the current app and autoescaping."""

from django import template
from django.template import defaulttags
from django.template.base import FilterExpression, Variable
from django.urls import get_script_prefix, get_urlconf

register = template.Library()


def _written_out(expression: FilterExpression) -> bool:
    return not isinstance(expression.var, Variable) and not expression.filters


def _current_app(context) -> str | None:
    """As Django's URLNode finds it."""
    try:
        return context.request.current_app
    except AttributeError:
        try:
            return context.request.resolver_match.namespace
        except AttributeError:
            return None


class FixedURLNode(defaulttags.URLNode):
    def __init__(self, view_name, args, kwargs, asvar):
        super().__init__(view_name, args, kwargs, asvar)
        self.urls: dict[tuple, str] = {}

    def render(self, context):
        key = (get_script_prefix(), get_urlconf(), _current_app(context), context.autoescape)
        url = self.urls.get(key)
        if url is None:
            output = super().render(context)
            url = self.urls[key] = context[self.asvar] if self.asvar else output
        if self.asvar:
            context[self.asvar] = url
            return ""
        return url


@register.tag
def url(parser, token):
    node = defaulttags.url(parser, token)
    expressions = [node.view_name, *node.args, *node.kwargs.values()]
    if all(_written_out(expression) for expression in expressions):
        return FixedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
    return node
