from django import template

from hearth.privacy.models import Notice

register = template.Library()


@register.inclusion_tag("privacy/_notices.html", takes_context=True)
def privacy_notices(context) -> dict:
    """Open notices for the signed-in person (their partner closed their account)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    notices = []
    if user is not None and user.is_authenticated:
        notices = list(Notice.objects.filter(user=user, dismissed_at__isnull=True))
    return {"notices": notices, "csrf_token": context.get("csrf_token")}
