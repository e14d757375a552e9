"""seed_demo's Trust activity: what Alex and Sam find when they look around, and rows that
keep the same rules as the ones the services write."""

import random
import tomllib
import zoneinfo
from collections import Counter
from datetime import timedelta
from io import StringIO
from itertools import pairwise
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape

from hearth.accounts.models import User
from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.couples.models import Couple, Membership
from hearth.tests.factories import bulk_couples, couple_of
from hearth.trust import demo, promises, sharing
from hearth.trust.models import (
    Apology,
    Promise,
    Round,
    Share,
    ShareResponse,
    ValidatingResponse,
    VulnerabilityPrompt,
)

pytestmark = pytest.mark.django_db

WEEKS = 8
TRUST_MODELS = (Promise, Round, Share, ShareResponse, Apology)
TEXT = tomllib.loads((Path(demo.__file__).parent / "demo_text.toml").read_text())
CONTENT = Path(demo.__file__).parent / "content"


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_couple():
    seed("--weeks", str(WEEKS))
    alex = User.objects.get(email="alex@demo.hearth")
    sam = User.objects.get(email="sam@demo.hearth")
    return alex, sam, couple_of(alex)


def local_day(moment, couple):
    return timezone.localdate(moment, zoneinfo.ZoneInfo(couple.time_zone))


def known[T](value: T | None) -> T:
    assert value is not None
    return value


def follows_starter(text: str, starter: str) -> bool:
    """The response begins with the starter's words, its "…" filled in."""
    parts = [part.strip() for part in starter.split("…")]
    if not text.startswith(parts[0]):
        return False
    at = len(parts[0])
    for part in parts[1:]:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def test_the_demo_text_is_plenty_varied_and_written_to_the_real_prompts():
    promised = [p["text"] for voice in ("alex", "sam") for p in TEXT[voice]["promise"]]
    assert len(promised) >= 30 and len(set(promised)) == len(promised)
    for voice in ("alex", "sam"):
        mine = TEXT[voice]["promise"]
        assert sum("then" in p for p in mine) >= 3, voice
        assert sum("by" not in p and "days" not in p for p in mine) >= 2, voice
        assert len({a["what_happened"] for a in TEXT[voice]["apology"]}) >= 3, voice
    prompts = {
        item["key"]: item
        for item in tomllib.loads((CONTENT / "vulnerability_prompts.toml").read_text())["prompt"]
    }
    starters = {
        item["key"]: item["text"]
        for item in tomllib.loads((CONTENT / "validating_responses.toml").read_text())["response"]
    }
    entries = TEXT["share"]
    sets = {prompts[entry["prompt"]]["set"] for entry in entries if entry["prompt"] in prompts}
    assert sets == {"first", "deeper", "deepest", "pool"}
    with_starter = 0
    for entry in entries:
        key = entry["prompt"]
        # Written to the prompt as it reads now: if it is reworded, look at the shares again.
        assert key in prompts and prompts[key]["text"] == entry["asks"], key
        for heard in ("to_alex", "to_sam"):
            starter = entry.get(f"{heard}_starter")
            if starter:
                with_starter += 1
                assert follows_starter(entry[heard], starters[starter]), (key, heard)
    assert with_starter >= len(entries) // 2
    # Two voices: Alex writes long and open, Sam short and dry.
    for field in ("", "to_"):
        alex = sum(len(entry[f"{field}alex"]) for entry in entries)
        sam = sum(len(entry[f"{field}sam"]) for entry in entries)
        assert alex > 2 * sam if field == "" else sam > 2 * alex
    rounds = TEXT["rounds"]
    assert prompts[rounds["passed"]]["set"] == "deepest"
    assert prompts[rounds["withdrawn"]]["set"] == "deeper"
    assert prompts[rounds["open"]]["set"] == "pool"
    # Benchmark couples are not called Alex and Sam.
    assert demo.BULK_PROMISES and demo.BULK_RENEGOTIATED and demo.BULK_SHARES
    assert demo.BULK_APOLOGIES


def test_promises_both_ways_with_every_outcome(demo_couple):
    alex, sam, couple = demo_couple
    today = couple.local_today()
    made = Promise.objects.filter(couple=couple)
    outcomes = {promise.outcome(today) for promise in made}
    assert outcomes == {"open", "kept", "renegotiated", "missed"}
    originals = made.filter(replaces__isnull=True)
    assert WEEKS <= originals.count() <= 3 * WEEKS
    assert {alex.pk, sam.pk} == set(made.values_list("author", flat=True))
    assert made.filter(due_on__isnull=True).exists()
    # Most kept: of how they ended up (after any change), kept comes first by far.
    final = Counter(p.outcome(today) for p in made if p.status != Promise.Status.RENEGOTIATED)
    assert final.most_common(1)[0][0] == "kept" and final["kept"] >= 2 * final["missed"]
    # Kept and confirmed by the partner, confirmed later, or not yet confirmed.
    kept = made.filter(status=Promise.Status.KEPT)
    assert kept.filter(confirmed_at__isnull=False).exists()
    assert kept.filter(confirmed_at__isnull=True).exists()
    # Two or three still to come, due in the days ahead.
    coming = [p for p in made if p.outcome(today) == "open" and p.due_on is not None]
    assert 2 <= len(coming) <= 3
    assert all(today < p.due_on <= today + timedelta(days=7) for p in coming)
    now = timezone.now()
    for promise in made:
        day = local_day(promise.created_at, couple)
        assert couple.created_at <= promise.created_at <= now
        assert promise.due_on is None or day <= promise.due_on
        assert (promise.status == Promise.Status.OPEN) == (promise.ended_at is None)
        if promise.status == Promise.Status.KEPT:
            assert day <= promise.kept_on < today
            assert promise.created_at < known(promise.ended_at) <= now
            assert local_day(promise.ended_at, couple) == promise.kept_on
        else:
            assert promise.kept_on is None
        if promise.confirmed_at is not None:
            assert promise.status == Promise.Status.KEPT
            assert known(promise.ended_at) <= promise.confirmed_at <= now
    # Different promises, not the same one again and again.
    texts = list(made.values_list("text", flat=True))
    assert len(set(texts)) == len(texts)


def test_each_keeps_their_word_fairly_well_and_not_equally(demo_couple):
    alex, sam, couple = demo_couple
    shares = [promises.reliability_for(person, couple).share for person in (alex, sam)]
    assert all(share is not None and 0.5 <= share < 1 for share in shares), shares
    assert shares[0] != shares[1]


def test_renegotiated_promises_link_to_their_new_terms(demo_couple):
    alex, sam, couple = demo_couple
    changed = Promise.objects.filter(couple=couple, status=Promise.Status.RENEGOTIATED)
    assert changed.count() >= 2
    assert set(changed.values_list("author", flat=True)) == {alex.pk, sam.pk}
    for old in changed:
        new = old.replaced_by
        assert new.author_id == old.author_id and new.couple_id == couple.pk
        assert new.created_at == old.ended_at
        # Changed before its day passed, into different terms.
        assert local_day(old.ended_at, couple) <= old.due_on
        assert (new.text, new.due_on) != (old.text, old.due_on)
        assert known(new.due_on) > known(old.due_on)
    assert Promise.objects.filter(couple=couple, replaces__isnull=False).count() == (
        changed.count()
    )


def test_completed_rounds_go_deeper_in_order(demo_couple):
    alex, sam, couple = demo_couple
    rounds = list(
        Round.objects.filter(couple=couple).select_related("prompt").order_by("created_at")
    )
    completed = [r for r in rounds if r.completed_at is not None]
    sets = [r.prompt.set for r in completed]
    assert {"first", "deeper", "deepest", "pool"} <= set(sets)
    deep = [s for s in sets if s != "pool"]
    assert deep == sorted(deep, key=sharing.SET_ORDER.index), deep
    # Each set opened only after ROUNDS_TO_UNLOCK completed rounds of the one before.
    for number, round_ in enumerate(rounds):
        if round_.prompt.set in ("deeper", "deepest"):
            before = sharing.SET_ORDER[sharing.SET_ORDER.index(round_.prompt.set) - 1]
            done = [
                r
                for r in rounds[:number]
                if r.prompt.set == before
                and r.completed_at is not None
                and r.completed_at < round_.created_at
            ]
            assert len(done) >= sharing.ROUNDS_TO_UNLOCK, round_.prompt.key
    # A round every week or so, each on its own prompt, one at a time.
    assert WEEKS // 2 <= len(completed) <= 2 * WEEKS
    assert len({r.prompt_id for r in rounds}) == len(rounds)
    for earlier, later in pairwise(rounds):
        assert known(earlier.completed_at or earlier.closed_at) < later.created_at
    assert len({r.started_by_id for r in completed}) == 2
    starters = 0
    for round_ in completed:
        view = sharing.round_view(round_, alex)
        assert view.step == 5 and not view.my_turn and round_.version == 4
        shares = list(Share.objects.filter(round=round_).order_by("created_at"))
        assert shares[0].author_id == round_.started_by_id
        assert {s.author_id for s in shares} == {alex.pk, sam.pk}
        times = [round_.created_at]
        for share in shares:
            response = share.response
            assert share.text and share.withdrawn_at is None
            assert response.author_id != share.author_id
            assert share.created_at < response.created_at
            times += [share.created_at, response.created_at]
            starters += response.starter is not None
            if response.starter is not None:
                assert follows_starter(response.text, response.starter.text)
        assert times == sorted(times)
        assert round_.completed_at == times[-1]
    assert starters >= 3
    # And one they passed on: no words at all.
    passed = [
        r for r in rounds if r.closed_at is not None and r.prompt.key == TEXT["rounds"]["passed"]
    ]
    assert len(passed) == 1
    assert not Share.objects.filter(round=passed[0]).exists()


def test_sam_finds_the_open_round_waiting_for_her_response(demo_couple):
    alex, sam, couple = demo_couple
    round_ = sharing.open_round(couple)
    assert round_ is not None and round_.started_by == alex
    assert Round.objects.filter(couple=couple, completed_at=None, closed_at=None).count() == 1
    view = sharing.round_view(round_, sam)
    assert (view.step, view.my_turn, view.action) == (2, True, "respond")
    assert not sharing.round_view(round_, alex).my_turn
    ((share, response),) = view.shares
    assert share.author == alex and response is None
    assert (
        share.text
        == TEXT["share"][[e["prompt"] for e in TEXT["share"]].index(round_.prompt.key)]["alex"]
    )
    assert round_.created_at <= share.created_at <= timezone.now()
    assert Event.objects.filter(
        kind=Event.Kind.TRUST_TURN, recipient=sam, subject=f"trust.round:{round_.pk}"
    ).exists()
    # She can answer it, through the service, as she would on the page.
    starter = ValidatingResponse.objects.filter(active=True).first()
    sharing.response_add(user=sam, round_=round_, text="Same. Let's find it.", starter=starter)
    assert sharing.round_view(round_, alex).step == 3


def test_the_withdrawn_share_keeps_no_words(demo_couple):
    alex, sam, couple = demo_couple
    withdrawn = Share.objects.filter(couple=couple, withdrawn_at__isnull=False)
    assert withdrawn.count() == 1
    share = withdrawn.get()
    assert share.text == ""
    assert not ShareResponse.objects.filter(share=share).exists()
    round_ = share.round
    assert round_.prompt.key == TEXT["rounds"]["withdrawn"]
    assert round_.closed_at == share.withdrawn_at and round_.completed_at is None
    assert share.created_at < known(share.withdrawn_at)
    for person in (alex, sam):
        assert sharing.round_view(round_, person).shares == []


def test_apologies_both_ways_all_answered(demo_couple):
    alex, sam, couple = demo_couple
    apologies = Apology.objects.filter(couple=couple).select_related("promise")
    assert 3 <= apologies.count() <= 5
    assert set(apologies.values_list("author", flat=True)) == {alex.pk, sam.pk}
    answers = [a.answer for a in apologies]
    assert answers.count("accept") > len(answers) / 2
    assert "talk" in answers  # after "I need time"
    for apology in apologies:
        assert apology.what_happened and apology.do_differently
        assert apology.created_at < known(apology.answered_at) <= timezone.now()
    slower = apologies.get(answer="talk")
    assert known(slower.answered_at) - slower.created_at >= timedelta(days=1)
    promised = apologies.exclude(promise=None).get()
    assert promised.promise.text == promised.do_differently
    assert promised.promise.author_id == promised.author_id
    assert promised.promise.created_at == promised.created_at


def test_every_row_is_the_couples_own(demo_couple):
    alex, sam, couple = demo_couple
    seed("--couples", "30", "--weeks", "2")
    members: dict[int, set[int]] = {}
    for couple_id, user_id in Membership.objects.values_list("couple_id", "user_id"):
        members.setdefault(couple_id, set()).add(user_id)
    assert members[couple.pk] == {alex.pk, sam.pk}
    ours = {alex.pk, sam.pk}
    for model in TRUST_MODELS:
        assert model.objects.filter(couple=couple).exists(), model.__name__
        field = "started_by" if model is Round else "author"
        couples = model.objects.filter(**{f"{field}__in": ours}).values_list("couple", flat=True)
        assert set(couples) == {couple.pk}, model.__name__
    for promise in Promise.objects.select_related("replaces"):
        assert promise.author_id in members[promise.couple_id]
        if promise.replaces is not None:
            assert promise.replaces.couple_id == promise.couple_id
    for round_ in Round.objects.all():
        assert round_.started_by_id in members[round_.couple_id]
    for share in Share.objects.select_related("round"):
        assert share.couple_id == share.round.couple_id
        assert share.author_id in members[share.couple_id]
    for response in ShareResponse.objects.select_related("share"):
        assert response.couple_id == response.share.couple_id
        assert response.author_id in members[response.couple_id]
        assert response.author_id != response.share.author_id
    for apology in Apology.objects.select_related("promise"):
        assert apology.author_id in members[apology.couple_id]
        if apology.promise is not None:
            assert apology.promise.couple_id == apology.couple_id
    # Complete only when both shares have their response.
    for round_ in Round.objects.filter(completed_at__isnull=False):
        shares = Share.objects.filter(round=round_)
        assert shares.count() == 2
        assert ShareResponse.objects.filter(share__round=round_).count() == 2


def test_benchmark_couples_each_have_trust_rows():
    seed("--couples", "30", "--weeks", "2")
    bench = Couple.objects.filter(memberships__user__email__endswith="@bench.hearth").distinct()
    assert bench.count() == 30
    now = timezone.now()
    outcomes = set()
    for couple in bench:
        people = set(couple.memberships.values_list("user_id", flat=True))
        today = couple.local_today()
        made = Promise.objects.filter(couple=couple)
        assert made.count() == 4 and made.filter(replaces__isnull=True).count() == 3
        outcomes |= {promise.outcome(today) for promise in made}
        for promise in made:
            assert promise.author_id in people
            assert couple.created_at <= promise.created_at <= now
            assert promise.due_on is None or promise.due_on >= local_day(promise.created_at, couple)
            if promise.kept_on is not None:
                assert promise.created_at < known(promise.ended_at) <= now
        changed = made.get(status=Promise.Status.RENEGOTIATED)
        assert changed.replaced_by.author_id == changed.author_id
        assert local_day(changed.ended_at, couple) <= changed.due_on
        round_ = Round.objects.get(couple=couple)
        assert round_.prompt.set == "first" and round_.completed_at is not None
        assert couple.created_at <= round_.created_at < round_.completed_at <= now
        shares = Share.objects.filter(round=round_)
        assert {share.author_id for share in shares} == people
        for share in shares:
            assert share.response.author_id == (people - {share.author_id}).pop()
        assert sharing.round_view(round_, User.objects.get(pk=round_.started_by_id)).step == 5
        apology = Apology.objects.get(couple=couple)
        assert apology.answer == Apology.Answer.ACCEPT and apology.author_id in people
        assert apology.created_at < known(apology.answered_at) <= now
    assert {"kept", "renegotiated"} <= outcomes and outcomes & {"missed", "open"}


def test_bulk_seeding_takes_the_same_few_queries_for_any_number_of_couples(
    django_assert_max_num_queries,
):
    seed("--weeks", "0")  # the content libraries
    since = timezone.now() - timedelta(weeks=4)
    for size in (10, 400):
        couples = bulk_couples(size, since=since, prefix="q")
        with django_assert_max_num_queries(9):
            demo.seed_bulk(couples=couples, weeks=4, rng=random.Random(size))
        assert Promise.objects.filter(couple__in=couples).count() == 4 * size
        assert Share.objects.filter(couple__in=couples).count() == 2 * size
        assert Apology.objects.filter(couple__in=couples).count() == size


def test_seeding_the_demo_couple_again_changes_nothing(demo_couple):
    alex, sam, couple = demo_couple
    models = (*TRUST_MODELS, Event)
    counts = {model.__name__: model.objects.count() for model in models}
    reliability = [promises.reliability_for(person, couple) for person in (alex, sam)]
    demo.seed_demo_couple(couple=couple, first=alex, second=sam, weeks=WEEKS, rng=random.Random(1))
    assert {model.__name__: model.objects.count() for model in models} == counts
    assert [promises.reliability_for(person, couple) for person in (alex, sam)] == reliability


@pytest.mark.parametrize("weeks", [0, 1, 3, 26])
def test_any_number_of_weeks_keeps_the_rules(weeks):
    seed("--weeks", str(weeks))
    alex = User.objects.get(email="alex@demo.hearth")
    couple = couple_of(alex)
    rounds = Round.objects.filter(couple=couple).select_related("prompt").order_by("created_at")
    done = {key: 0 for key in sharing.SET_ORDER}
    for round_ in rounds:
        assert round_.prompt.set in sharing.unlocked_sets(couple)  # now, at least
        index = sharing.SET_ORDER.index(round_.prompt.set) if round_.prompt.set != "pool" else 0
        if index:
            assert done[sharing.SET_ORDER[index - 1]] >= sharing.ROUNDS_TO_UNLOCK
        if round_.completed_at is not None and round_.prompt.set != "pool":
            done[round_.prompt.set] += 1
        assert round_.created_at >= couple.created_at
    assert sharing.open_round(couple) is not None
    for promise in Promise.objects.filter(couple=couple):
        assert promise.created_at >= couple.created_at
    for apology in Apology.objects.filter(couple=couple):
        assert couple.created_at <= apology.created_at < known(apology.answered_at)
    if weeks == 26:  # the default
        sets = {r.prompt.set for r in rounds if r.completed_at is not None}
        assert sets == {"first", "deeper", "deepest", "pool"}
        assert Apology.objects.filter(couple=couple).count() == 5
        assert 30 <= Promise.objects.filter(couple=couple).count() <= 70


def test_alex_sees_it_on_the_trust_page_and_sam_her_turn(demo_couple):
    alex, sam, couple = demo_couple
    try:
        home = reverse("trust:home")
    except NoReverseMatch:
        pytest.skip("The Trust pages are not there yet.")
    response = login_client(alex).get(home)
    assert response.status_code == 200
    round_ = sharing.open_round(couple)
    try:
        page = reverse("trust:round", args=[round_.pk])
    except NoReverseMatch:
        return
    response = login_client(sam).get(page)
    assert response.status_code == 200
    share = Share.objects.get(round=round_)
    assert escape(share.text[:40]) in response.content.decode()


def test_the_prompts_the_demo_uses_are_in_the_library():
    seed("--weeks", "0")
    keys = {entry["prompt"] for entry in TEXT["share"]}
    keys |= {TEXT["rounds"]["passed"], TEXT["rounds"]["withdrawn"]}
    found = set(VulnerabilityPrompt.objects.filter(active=True).values_list("key", flat=True))
    assert keys <= found, keys - found
    starters = {
        entry[f"to_{voice}_starter"]
        for entry in TEXT["share"]
        for voice in ("alex", "sam")
        if f"to_{voice}_starter" in entry
    }
    found = set(ValidatingResponse.objects.filter(active=True).values_list("key", flat=True))
    assert starters <= found, starters - found
