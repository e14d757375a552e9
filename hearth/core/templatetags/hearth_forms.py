"""`{{ widget.attrs|html_attrs }}`: a widget's attributes written in one call.

Django's own `django/forms/widgets/attrs.html` loops over them in the template language, a
few tags per attribute; Hearth's coached text boxes carry a dozen, and a time zone list
hundreds of options, so every form page paid for it. `templates/django/forms/widgets/
attrs.html` overrides Django's with this filter and writes the same HTML: no attribute for
False, a bare name for True, `name="value"` otherwise, escaped unless already safe."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def html_attrs(attrs: dict) -> SafeString:
    return mark_safe(  # noqa: S308 - every name and value is escaped just here
        "".join(
            f" {conditional_escape(name)}"
            if value is True
            else f' {conditional_escape(name)}="{conditional_escape(value)}"'
            for name, value in attrs.items()
            if value is not False
        )
    )
