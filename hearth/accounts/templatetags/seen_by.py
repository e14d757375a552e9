"""`{% seen_by "notes" %}`: the small line beside a form saying who will see what is written
there, drawn from hearth.accounts.visibility so it always matches "What my partner can see"."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from hearth.accounts.visibility import Seen, kind
from hearth.core.http import reverse_kept

register = template.Library()


@register.simple_tag(takes_context=True)
def seen_by(context, key: str) -> str:
    item = kind(key)
    partner = context.get("partner")
    name = partner.display_name if partner else _("your partner")
    shared = item.seen == Seen.ALWAYS
    return format_html(
        '<p class="seen-by {}"><span class="seen-by-label">{}</span> <a href="{}#{}">{}</a></p>',
        "seen-by-shared" if shared else "seen-by-private",
        item.badge_for(name),
        reverse_kept("accounts:partner_can_see"),
        item.key,
        _("Who sees what"),
    )
