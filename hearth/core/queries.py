"""Query building blocks shared by the apps."""

import json
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from django.db import connections
from django.db.models import BigIntegerField, Expression, Field, JSONField, QuerySet, Subquery
from django.db.models.functions import JSONObject
from django.db.models.query import ModelIterable, get_related_populators


def first_as_json(queryset: QuerySet, **fields) -> Subquery:
    """The first row of `queryset` as one JSON object of `fields` (None when there is none),
    to read alongside other things in a single query; related values nest as JSONObject."""
    return Subquery(queryset.values(json=JSONObject(**fields))[:1], output_field=JSONField())


class Param(Expression):
    """A value a `PreparedQuery` is given each time it runs, named where the query is built:
    `Note.objects.filter(couple=Param("couple", BigIntegerField()))`. Adding or taking a
    timedelta gives a Param for that moment (`now - FRESH`), worked out when it runs."""

    def __init__(self, name: str, output_field: Field, offset: timedelta = timedelta(0)):
        super().__init__(output_field=output_field)
        self.name, self.offset = name, offset

    def __add__(self, other):
        if isinstance(other, timedelta):
            return Param(self.name, self.output_field, self.offset + other)
        return super().__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return Param(self.name, self.output_field, self.offset - other)
        return super().__sub__(other)

    def __repr__(self) -> str:
        return f"Param({self.name!r}, offset={self.offset})"

    def as_sql(self, compiler, connection):
        return "%s", [self]

    def bind(self, values: Mapping[str, Any], connection) -> Any:
        value = values[self.name]
        if self.offset:
            value = value + self.offset
        return self.output_field.get_db_prep_value(value, connection, prepared=False)


class Ids(Expression):
    """Many ids for `field__in=Ids(ids)`, sent as one JSON parameter that the database
    unpacks. Django prepares each value of a plain list one by one, which for the
    thousands of ids of a batch job costs more than running the query."""

    def __init__(self, ids: Iterable[int]):
        super().__init__(output_field=BigIntegerField())
        self.ids = json.dumps(sorted({int(pk) for pk in ids}))

    def as_sql(self, compiler, connection):
        if connection.vendor == "postgresql":
            return "SELECT jsonb_array_elements_text(%s::jsonb)::bigint", [self.ids]
        return "SELECT value FROM json_each(%s)", [self.ids]


class PreparedQuery:
    """A query compiled to SQL once and then run with different `Param` values.

    For the hot pages' queries, building the query in the ORM costs many times what running
    it does; this keeps the ORM's SQL and its conversions of each column (booleans, JSON)
    and skips the rebuilding. The SQL depends only on the database backend, so one
    PreparedQuery serves every request of a process on the same database alias.

    A values() query gives dicts (`first`); a model query gives instances (`objects`), with
    their select_related objects and annotations, as iterating the queryset would."""

    def __init__(self, queryset: QuerySet):
        self.alias = queryset.db
        query = queryset.query
        compiler = query.get_compiler(using=self.alias)
        self.sql, self.params = compiler.as_sql()
        self.columns = [*query.extra_select, *query.values_select, *query.annotation_select]
        self.converters = compiler.get_converters(
            [column for column, _sql, _alias in compiler.select[: compiler.col_count]]
        )
        klass_info = compiler.klass_info
        if queryset._iterable_class is ModelIterable and klass_info:
            # What ModelIterable works out from the compiler on each run, worked out once.
            fields = klass_info["select_fields"]
            self.model_columns = slice(fields[0], fields[-1] + 1)
            self.init_list = [
                column[0].target.attname for column in compiler.select[self.model_columns]
            ]
            self.fetch_mode = queryset._fetch_mode  # type: ignore[attr-defined]
            if self.fetch_mode.track_peers:  # the populators would keep every run's objects
                raise ValueError("A prepared query cannot fetch peers (FETCH_PEERS).")
            self.related = get_related_populators(
                klass_info, compiler.select, self.alias, self.fetch_mode
            )
            self.annotation_columns = compiler.annotation_col_map or {}
            self.model = klass_info["model"]

    def _rows(self, values: Mapping[str, Any], *, one: bool) -> list[list]:
        connection = connections[self.alias]
        params = [
            param.bind(values, connection) if isinstance(param, Param) else param
            for param in self.params
        ]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            found = [cursor.fetchone()] if one else cursor.fetchall()
        rows = [list(row) for row in found if row is not None]
        for row in rows:
            for position, (converters, expression) in self.converters.items():
                for converter in converters:
                    row[position] = converter(row[position], expression, connection)
        return rows

    def first(self, **values) -> dict | None:
        """The first row with the Params given `values` (by name), or None."""
        rows = self._rows(values, one=True)
        return dict(zip(self.columns, rows[0], strict=True)) if rows else None

    def objects(self, **values) -> list:
        """The model instances the query finds with the Params given `values` (by name)."""
        found = []
        for row in self._rows(values, one=False):
            instance = self.model.from_db(
                self.alias, self.init_list, row[self.model_columns], fetch_mode=self.fetch_mode
            )
            for populator in self.related:
                populator.populate(row, instance)
            for name, position in self.annotation_columns.items():
                setattr(instance, name, row[position])
            found.append(instance)
        return found


def prefetched(instance, name: str, related: list) -> None:
    """Give `instance` its related objects `name` as prefetch_related would have: read by
    `instance.<name>.all()` without a query. For prepared queries, which load them apart."""
    queryset = getattr(instance, name).get_queryset()
    queryset._result_cache, queryset._prefetch_done = related, True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
