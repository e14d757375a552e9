"""`make bench`'s page benchmark runs and reports every figure it promises (its timings
are for people to read; nothing here checks a time)."""

import io
import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PROMISED = {"history_growth_ratio", "queries_today", "storage_per_couple_5y_kb"}


def test_bench_pages_reports_growth_queries_and_storage(tmp_path):
    path = tmp_path / "bench.json"
    path.write_text(json.dumps({"coach_p95_ms": 0.7}))
    call_command("bench_pages", repeat=2, json_path=path, stdout=io.StringIO())
    figures = json.loads(path.read_text())
    assert set(figures) >= PROMISED and figures["coach_p95_ms"] == 0.7  # merged, not replaced
    for page in ("today", "insights", "memories", "archive"):
        assert figures[f"page_{page}_5y_median_ms"] > 0
