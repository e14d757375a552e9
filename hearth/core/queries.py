"""Query building blocks shared by the apps."""

from django.db.models import JSONField, QuerySet, Subquery
from django.db.models.functions import JSONObject


def first_as_json(queryset: QuerySet, **fields) -> Subquery:
    """The first row of `queryset` as one JSON object of `fields` (None when there is none),
    to read alongside other things in a single query; related values nest as JSONObject."""
    return Subquery(queryset.values(json=JSONObject(**fields))[:1], output_field=JSONField())
