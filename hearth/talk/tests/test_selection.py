"""Choosing the day's question, without a database."""

from datetime import date, timedelta

from hearth.talk.selection import DEPTH_RHYTHM, Candidate, choose_question

CATEGORIES = ["fun", "memories", "dreams", "values", "feelings", "family", "future", "us"]
LIBRARY = [
    Candidate(id=n, category=CATEGORIES[n % 8], depth=("light", "medium", "deep")[n // 8 % 3])
    for n in range(240)
]


def run_days(days: int, seed: int = 7) -> list[tuple[date, Candidate]]:
    start = date(2026, 1, 5)  # a Monday
    used: set[int] = set()
    last: dict[str, date] = {}
    picked = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        pool = [c for c in LIBRARY if c.id not in used]
        chosen = choose_question(day=day, seed=seed, candidates=pool, last_asked_by_category=last)
        assert chosen is not None
        used.add(chosen.id)
        last[chosen.category] = day
        picked.append((day, chosen))
    return picked


def test_it_follows_the_weekly_depth_rhythm():
    for day, chosen in run_days(28):
        assert chosen.depth == DEPTH_RHYTHM[day.weekday()]


def test_it_rotates_through_every_category_every_eight_days():
    picked = run_days(32)
    for start in range(0, 32, 8):
        assert {chosen.category for _, chosen in picked[start : start + 8]} == set(CATEGORIES)


def test_it_is_the_same_for_both_partners_and_differs_between_couples():
    assert run_days(10, seed=1) == run_days(10, seed=1)
    assert run_days(10, seed=1) != run_days(10, seed=2)


def test_it_falls_back_to_another_depth_when_a_category_runs_out():
    only_deep = [Candidate(id=1, category="fun", depth="deep")]
    chosen = choose_question(
        day=date(2026, 1, 5), seed=1, candidates=only_deep, last_asked_by_category={}
    )
    assert chosen == only_deep[0]


def test_it_returns_nothing_from_an_empty_library():
    assert (
        choose_question(day=date(2026, 1, 5), seed=1, candidates=[], last_asked_by_category={})
        is None
    )
