"""What the Today page's cards may show, asked in one prepared query.

Each app's `today.py` may have `waiting(on: On) -> {name: expression}`: an Exists, or the few
fields a card shows via `first_as_json`, written in terms of `on`'s Params rather than one
request's couple and person. Built and compiled once per process, the query then runs for
each request with that request's values, so a card reads only what is there and the page
takes the same few queries, and little time, on a quiet day or a busy one."""

import functools
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS
from django.db.models import BigIntegerField, DateField, DateTimeField
from django.http import Http404, HttpRequest
from django.utils import timezone

from hearth.core.queries import Param, PreparedQuery
from hearth.core.registry import hearth_app_modules
from hearth.couples.models import Couple


@dataclass(frozen=True)
class On:
    """The request's values, as Params: the couple, the person looking, the moment, and the
    couple's own date (in their time zone)."""

    couple: Param
    user: Param
    now: Param
    today: Param


ON = On(
    couple=Param("couple", BigIntegerField()),
    user=Param("user", BigIntegerField()),
    now=Param("now", DateTimeField()),
    today=Param("today", DateField()),
)


@functools.cache
def _query(alias: str) -> PreparedQuery | None:
    checks: dict = {}
    for module in hearth_app_modules("today"):
        if hasattr(module, "waiting"):
            checks.update(module.waiting(ON))
    if not checks:
        return None
    couple = Couple.objects.using(alias).filter(pk=ON.couple)
    return PreparedQuery(couple.annotate(**checks).values(*checks))


def waiting_on_today(request: HttpRequest, couple: Couple) -> dict:
    """{name: value} of every card's `waiting` check, for this couple and person now."""
    query = _query(DEFAULT_DB_ALIAS)
    if query is None:
        return {}
    values = query.first(
        couple=couple.pk,
        user=request.user.pk,
        now=timezone.now(),
        today=couple.local_today(),
    )
    if values is None:  # the couple was just deleted, between finding it and now
        raise Http404
    return values
