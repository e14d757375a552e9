"""Small tools the apps' demo.py modules share (not itself a demo module: the registry
looks for `demo.py`)."""

import random
import zoneinfo
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from itertools import chain, islice, repeat
from typing import Any

from django.db import connection, models
from django.utils import timezone

from hearth.couples.models import Membership

# Columns whose values go to the database as they are (no adapting needed on any backend).
PLAIN_COLUMNS = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "IntegerField",
        "PositiveBigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SmallAutoField",
        "SmallIntegerField",
        "TextField",
    }
)


class Deck:
    """Lines dealt without repeats until every one has been used, then shuffled again."""

    def __init__(self, lines: Sequence[Any], rng: random.Random):
        self.lines, self.rng, self.left = list(lines), rng, list[Any]()

    def deal(self, fits=lambda line: True) -> Any:
        """The next line that fits, if any does (else the next line)."""
        for _ in range(2):
            if not self.left:
                self.left = self.lines[:]
                self.rng.shuffle(self.left)
            for index in range(len(self.left) - 1, -1, -1):
                if fits(self.left[index]):
                    return self.left.pop(index)
            self.left = []  # none fits in what is left: deal from all of them again
        return self.deal()


def other_person(people, person):
    """The other one of the two."""
    return people[1] if person == people[0] else people[0]


def local_instant(day: date, at: time, zone: zoneinfo.ZoneInfo) -> datetime:
    """The instant of a local wall-clock time (a time the clock skips moves an hour on)."""
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def moment(couple, day: date, hours: tuple[int, int], rng: random.Random) -> datetime | None:
    """A time on that day between the hours, or None if the couple was not yet or it has
    not happened yet."""
    at = local_instant(
        day,
        time(rng.randint(*hours), rng.randint(0, 59)),
        zoneinfo.ZoneInfo(couple.time_zone),
    )
    return at if couple.created_at <= at <= timezone.now() else None


def past_days(couple, weeks: int, per_week: Sequence[int], rng: random.Random) -> list[date]:
    """Some days of each past week (not today; as many as one of per_week), oldest first."""
    today = couple.local_today()
    days = [
        today - timedelta(days=week * 7 + offset)
        for week in range(weeks)
        for offset in rng.sample(range(1, 8), rng.choice(per_week))
    ]
    return sorted(days)


def seats_of(couples: Iterable[Any]) -> dict[int, list[int]]:
    """The people in each couple, by couple id: user ids, seat 1 first."""
    members: dict[int, list[int]] = {}
    for couple_id, user_id in (
        Membership.objects.filter(
            couple_id__in=[couple.pk for couple in couples], left_at__isnull=True
        )
        .order_by("seat")
        .values_list("couple_id", "user_id")
    ):
        members.setdefault(couple_id, []).append(user_id)
    return members


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    also: Mapping[str, Any] | None = None,
    returning: Sequence[str] = (),
    keep_existing: bool = False,
) -> list[tuple]:
    """Insert `rows` (tuples of values for `fields`, by attname: "couple_id", not "couple")
    straight into the model's table: in as few multi-row INSERTs as the database allows
    or, on PostgreSQL, with COPY.

    For benchmark volumes: bulk_create builds and prepares a model instance per row, which
    costs several times the insert itself. Values are adapted as the ORM would adapt them
    (datetimes to UTC text on SQLite, JSON to text...), each distinct value once. `also`
    gives values the same in every row; other fields left out take their defaults, worked
    out once for all the rows (one `now` for all).
    `keep_existing` skips rows a unique constraint says are there already (ignore_conflicts).
    With `returning`, the inserted rows' values of those fields come back, in no particular
    order: return a unique key with the id (e.g. ("id", "couple_id")) to match them up.
    """
    opts = model._meta
    given = [_column(model, name) for name in fields]
    left_out = [
        field
        for field in opts.concrete_fields
        if field not in given and not (field.primary_key and field.auto_created)
    ]
    fixed = {_column(model, name): value for name, value in (also or {}).items()}
    now = timezone.now()

    def default(field: models.Field) -> Any:
        if field in fixed:
            return fixed[field]
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        return field.get_default()

    defaults = tuple(field.get_db_prep_save(default(field), connection) for field in left_out)
    adapters = [
        (index, adapt)
        for index, field in enumerate(given)
        if (adapt := _adapter(field)) is not None
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(_quoted(field) for field in (*given, *left_out))
    width = len(given) + len(left_out)
    table = quote(opts.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608 (names from _meta)
    sql_end = " ON CONFLICT DO NOTHING" if keep_existing else ""
    if returning:
        sql_end += " RETURNING " + ", ".join(_quoted(_column(model, name)) for name in returning)
    group = "(" + ", ".join(["%s"] * width) + ")"
    per_statement = (connection.features.max_query_params or 2**16 - 1) // width
    prepared = _prepared(rows, adapters, defaults)
    found: list[tuple] = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not (returning or keep_existing):
            # COPY: many times quicker there than VALUES lists, each value of which psycopg
            # writes into the statement's text.
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in prepared:
                    copy.write_row(row)
            return []
        while chunk := list(islice(prepared, per_statement)):
            values = ", ".join([group] * len(chunk))
            cursor.execute(sql + values + sql_end, list(chain.from_iterable(chunk)))
            if returning:
                found.extend(tuple(row) for row in cursor.fetchall())
    return found


def insert_selected(
    model: type[models.Model], fields: Sequence[str], rows: models.QuerySet
) -> None:
    """Insert into the model's table (`fields`, by attname) the rows a values_list() query
    selects, all in the database: for rows made from rows already there (an answer for
    each question and person, say), with no Python at all per row."""
    opts = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(_quoted(_column(model, name)) for name in fields)
    select, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(opts.db_table)} ({columns}) {select}", params)


def _column(model: type[models.Model], name: str) -> models.Field:
    """The model's field of that name (or attname), a column of its table."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field) and field.concrete, f"{model.__name__}.{name}"
    return field


def _quoted(field: models.Field) -> str:
    """The field's column name, quoted for SQL."""
    assert field.column is not None
    return connection.ops.quote_name(field.column)


def _prepared(
    rows: Iterable[Sequence[Any]],
    adapters: list[tuple[int, Callable[[Any], Any]]],
    defaults: tuple,
    size: int = 10_000,
) -> Iterator[tuple]:
    """The rows, their values adapted and the defaults added: a chunk of rows at a time, as
    adapting a column at a time is much quicker than a value at a time."""
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        values: list[Iterable[Any]] = list(zip(*chunk, strict=True))
        for index, adapt in adapters:
            values[index] = map(adapt, values[index])
        values += [repeat(value, len(chunk)) for value in defaults]
        yield from zip(*values, strict=True)


class _Adapted(dict):
    """A field's values as adapted for the database, each worked out once: the same few
    dates and times come up again and again."""

    def __init__(self, adapt: Callable[[Any], Any]):
        super().__init__()
        self.adapt = adapt

    def __missing__(self, value: Any) -> Any:
        self[value] = adapted = self.adapt(value)
        return adapted


def _adapter(field: models.Field) -> Callable[[Any], Any] | None:
    """How to adapt the field's values for the database (None: as they are)."""
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    kind = target.get_internal_type()
    if kind in PLAIN_COLUMNS:
        return None
    if kind == "JSONField":  # lists and dicts: not to be remembered by value
        return partial(field.get_db_prep_save, connection=connection)
    # What get_db_prep_save comes to for dates and times that are already dates and times.
    ops = connection.ops
    adapt = {
        "DateTimeField": ops.adapt_datetimefield_value,
        "DateField": ops.adapt_datefield_value,
        "TimeField": ops.adapt_timefield_value,
    }.get(kind) or partial(field.get_db_prep_save, connection=connection)
    return _Adapted(adapt).__getitem__


def seed_every_pillar(*, couple, first, second, weeks: int, rng: random.Random) -> None:
    """`weeks` of every app's demo activity for one couple (each app's demo.py)."""
    from hearth.core.registry import hearth_app_modules

    for module in hearth_app_modules("demo"):
        module.seed_demo_couple(couple=couple, first=first, second=second, weeks=weeks, rng=rng)


def bench_figures_merge(path, figures: dict) -> None:
    """Add `figures` to the JSON file `make bench` fills (var/bench.json), keeping the rest."""
    import json

    current = json.loads(path.read_text()) if path.exists() else {}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**current, **figures}, indent=2, sort_keys=True) + "\n")
