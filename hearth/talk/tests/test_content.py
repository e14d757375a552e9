"""The question and repair-phrase libraries: enough, varied, and no near-duplicates."""

import itertools
import re
from collections import Counter

import pytest

from hearth.core.libraries import ContentError
from hearth.talk.content import LIBRARIES
from hearth.talk.models import Category, Depth, Question, RepairPhrase


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower())) - {
        "a",
        "the",
        "you",
        "your",
        "of",
        "to",
        "and",
        "what",
        "is",
        "in",
        "or",
        "it",
        "do",
        "that",
        "we",
        "us",
        "our",
        "would",
        "for",
        "one",
    }


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def test_there_are_at_least_400_questions_in_every_category_and_depth():
    items = LIBRARIES["questions"].items()
    assert len(items) >= 400
    combos = Counter((item["category"], item["depth"]) for item in items)
    for category in Category.values:
        for depth in Depth.values:
            assert combos[(category, depth)] >= 8, (category, depth)


def test_questions_are_questions_of_a_readable_length():
    for item in LIBRARIES["questions"].items():
        assert item["text"].endswith("?"), item["key"]
        assert 30 <= len(item["text"]) <= 240, item["key"]
        assert "\n" not in item["text"]


def test_no_two_questions_are_near_duplicates():
    items = [(item["key"], words(item["text"])) for item in LIBRARIES["questions"].items()]
    close = [
        (a, b) for (a, wa), (b, wb) in itertools.combinations(items, 2) if jaccard(wa, wb) >= 0.6
    ]
    assert not close


def test_there_are_at_least_40_repair_phrases_in_every_group():
    items = LIBRARIES["repair_phrases"].items()
    assert len(items) >= 40
    groups = Counter(item["group"] for item in items)
    assert len(groups) == 6 and min(groups.values()) >= 5


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_retires_what_left_the_files(tmp_path):
    library = LIBRARIES["questions"]
    assert library.load() >= 400
    first = dict(Question.objects.values_list("key", "text"))
    library.load()
    assert dict(Question.objects.values_list("key", "text")) == first
    Question.objects.create(key="gone-001", category="fun", depth="light", text="Old?")
    library.load()
    assert not Question.objects.get(key="gone-001").active
    assert library.count() == len(first)


@pytest.mark.django_db
def test_a_malformed_file_is_refused_with_its_name(tmp_path):
    from dataclasses import replace

    bad = tmp_path / "fun.toml"
    bad.write_text(
        '[[question]]\nkey = "fun-1"\ncategory = "gossip"\ndepth = "light"\ntext = "Hm?"\n'
    )
    with pytest.raises(ContentError, match=re.escape("fun.toml: fun-1 has category='gossip'")):
        replace(LIBRARIES["questions"], paths=(bad,)).load()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_repair_phrases_load():
    LIBRARIES["repair_phrases"].load()
    assert RepairPhrase.objects.filter(active=True).count() >= 40
