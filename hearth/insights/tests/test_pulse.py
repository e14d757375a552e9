"""The monthly pulse (PRODUCT I2): ten statements and a closeness picture, each partner on
their own, private, changeable within the month, trended beside the Connection Index."""

import random
import re
from datetime import timedelta
from html import escape, unescape

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.appreciate.services import note_send
from hearth.conftest_helpers import login_client
from hearth.core.libraries import ContentError
from hearth.couples.services import couple_join, couple_unlink, invite_create
from hearth.insights.index import connection_index
from hearth.insights.models import PULSE_ITEMS, DayTally, Pulse
from hearth.insights.pulse import (
    PulseError,
    month_last_day,
    month_shift,
    pulse_month,
    pulse_record,
    pulse_trend,
)
from hearth.insights.pulse_content import PULSE_FILE, pulse_content, read_pulse
from hearth.insights.pulse_demo import seed_pulses
from hearth.insights.signals import signals_for
from hearth.support.services import bid_answer, bid_send
from hearth.tests.factories import couple_of

pytestmark = pytest.mark.django_db

PAGE = "/insights/pulse/"
STEADY = dict.fromkeys(PULSE_ITEMS, 5)
# Talk 7 and 5, together 2 and 4, the rest 6.
VARIED = {
    **dict.fromkeys(PULSE_ITEMS, 6),
    "talk_heard": 7,
    "talk_easy": 5,
    "together_present": 2,
    "together_fun": 4,
}


def form_data(ratings: dict, closeness: object = 4) -> dict:
    return {**{key: str(value) for key, value in ratings.items()}, "closeness": str(closeness)}


def take(user, ratings=None, closeness=4) -> Pulse:
    couple = couple_of(user)
    return pulse_record(
        couple=couple,
        user=user,
        month=pulse_month(couple),
        ratings=ratings or STEADY,
        closeness=closeness,
    )


def chosen(body: str, name: str) -> str | None:
    """The value of the radio the page shows as chosen for `name`, if any."""
    found = re.search(rf'name="{name}" value="(\d)" required checked', body)
    return found.group(1) if found else None


def without_tokens(body: str) -> str:
    """A page with its per-request CSRF tokens and nonces blanked out."""
    return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": "|nonce=")[^"]+', r"\1", body)


def put(api, json):
    return api.request("PUT", "/insights/pulse", json=json)


# The words ------------------------------------------------------------------------------


def test_it_asks_two_statements_for_each_pillar_and_offers_seven_pictures():
    content = pulse_content()
    assert sorted(item.key for item in content.items) == sorted(PULSE_ITEMS)
    for pillar in ("talk", "together", "appreciate", "trust", "support"):
        assert len(content.items_of(pillar)) == 2
    assert [level.level for level in content.closeness] == [1, 2, 3, 4, 5, 6, 7]


def test_it_refuses_a_pulse_file_that_lost_a_statement(tmp_path):
    text = PULSE_FILE.read_text()
    broken = tmp_path / "pulse.toml"
    broken.write_text(text.replace('key = "trust_soft"', 'key = "trust_softer"'))
    with pytest.raises(ContentError, match="trust_soft"):
        read_pulse(broken)
    broken.write_text(text.replace("level = 7", "level = 8"))
    with pytest.raises(ContentError, match="closeness"):
        read_pulse(broken)


# The page -------------------------------------------------------------------------------


def test_it_records_my_pulse_and_shows_it_back_to_me(owner, partner):
    client = login_client(owner)
    response = client.post(PAGE, form_data(VARIED, closeness=6))
    assert response.status_code == 302 and response["Location"] == PAGE
    pulse = Pulse.objects.get(author=owner)
    assert pulse.ratings() == VARIED and pulse.closeness == 6
    assert pulse.month == couple_of(owner).local_today().replace(day=1)
    body = client.get(PAGE).content.decode()
    assert "Saved, just for you." in body
    assert chosen(body, "talk_heard") == "7" and chosen(body, "together_present") == "2"
    assert chosen(body, "closeness") == "6"
    assert "Save my changes" in body


def test_it_lets_me_change_my_answers_during_the_month(owner, partner):
    first = take(owner, STEADY, closeness=3)
    Pulse.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - timedelta(hours=5),
        updated_at=timezone.now() - timedelta(hours=5),
    )
    response = login_client(owner).post(PAGE, form_data(VARIED, closeness=5))
    assert response.status_code == 302
    changed = Pulse.objects.get(author=owner)
    assert Pulse.objects.count() == 1 and changed.pk == first.pk
    assert changed.ratings() == VARIED and changed.closeness == 5
    assert changed.updated_at > changed.created_at + timedelta(hours=4)


def test_it_offers_each_statement_as_a_labelled_group_of_seven_choices(owner, partner):
    body = login_client(owner).get(PAGE).content.decode()
    for item in pulse_content().items:
        group = re.search(
            rf'<fieldset class="pulse-item"[^>]*>\s*<legend>{re.escape(escape(item.text))}</legend>'
            r"(.*?)</fieldset>",
            body,
            re.S,
        )
        assert group, item.key
        radios = re.findall(rf'<label><input type="radio" name="{item.key}" value="(\d)"', group[1])
        assert radios == ["1", "2", "3", "4", "5", "6", "7"]
    # The ends and the middle of the scale have their words, for screen readers too.
    scale = pulse_content().scale
    assert f'<span>1</span><span class="visually-hidden">: {scale["low"].lower()}</span>' in body
    assert f'<span>7</span><span class="visually-hidden">: {scale["high"].lower()}</span>' in body


def test_it_draws_the_closeness_picture_as_seven_choices_overlapping_more_and_more(owner, partner):
    body = login_client(owner).get(PAGE).content.decode()
    group = re.search(
        r'<fieldset class="closeness"[^>]*>\s*<legend>([^<]+)</legend>(.*?)</fieldset>', body, re.S
    )
    assert group and group[1] == pulse_content().page["closeness"]
    options = re.findall(
        r'<label class="closeness-option">'
        r'<input type="radio" name="closeness" value="(\d)" required>\s*'
        r'<svg class="closeness-picture" viewBox="0 0 120 52"[^>]*aria-hidden="true"[^>]*>'
        r'<circle class="me" cx="(\d+)" cy="26" r="(\d+)"/>'
        r'<circle class="them" cx="(\d+)" cy="26" r="\d+"/></svg>\s*'
        r"<span>([^<]+)</span></label>",
        group[2],
    )
    assert [option[0] for option in options] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [unescape(option[4]) for option in options] == [
        level.label for level in pulse_content().closeness
    ]
    gaps = [int(them) - int(me) for _, me, _, them, _ in options]
    radius = int(options[0][2])
    assert gaps == sorted(gaps, reverse=True) and len(set(gaps)) == 7
    assert gaps[0] > 2 * radius  # apart
    assert gaps[-1] < radius / 2  # almost one


def test_it_explains_what_is_missing_and_stores_nothing(owner, partner):
    client = login_client(owner)
    half = {key: "5" for key in PULSE_ITEMS[:5]}
    response = client.post(PAGE, half)
    body = response.content.decode()
    assert response.status_code == 400
    assert "A few answers are still open" in body
    assert "Choose a number from 1 to 7." in body and "Choose the picture that fits best." in body
    assert chosen(body, PULSE_ITEMS[0]) == "5"  # what was chosen stays chosen
    assert not Pulse.objects.exists()


@pytest.mark.parametrize("bad", ["8", "0", "-1", "5.5", "😊", "seven", "٥", ""])
def test_it_refuses_a_rating_off_the_scale_on_the_page(owner, partner, bad):
    response = login_client(owner).post(PAGE, form_data({**STEADY, "trust_soft": bad}))
    assert response.status_code == 400
    assert "Choose a number from 1 to 7." in response.content.decode()
    assert not Pulse.objects.exists()


def test_it_sends_someone_without_a_partner_to_pair_first(loner):
    response = login_client(loner).get(PAGE)
    assert response.status_code == 302 and response["Location"] == "/"


def test_it_is_linked_from_insights(owner, partner):
    assert 'href="/insights/pulse/"' in login_client(owner).get("/insights/").content.decode()


# Privacy --------------------------------------------------------------------------------


def test_it_never_shows_my_answers_to_my_partner(owner, partner, api_for):
    take(owner, VARIED, closeness=7)
    body = login_client(partner).get(PAGE).content.decode()
    assert all(chosen(body, key) is None for key in [*PULSE_ITEMS, "closeness"])
    assert "Save my pulse" in body and "Your answers for" not in body
    mine = login_client(partner).get(PAGE).context["trend"]
    assert not any(month.taken for month in mine)
    api = api_for(partner)
    assert api.get("/insights/pulse").json()["mine"] is None
    assert not any(month["taken"] for month in api.get("/insights/pulse/trend").json())


def test_nothing_tells_my_partner_whether_or_when_i_took_it(owner, partner, api_for):
    """Every page and answer my partner can ask for reads the same before and after."""
    client = login_client(partner)
    api = api_for(partner)
    pages = ("/", "/insights/", PAGE)
    endpoints = ("/insights/pulse", "/insights/pulse/trend", "/me", "/couple")
    before = [without_tokens(client.get(path).content.decode()) for path in pages]
    answers_before = [api.get(path).json() for path in endpoints]
    take(owner, VARIED, closeness=2)
    login_client(owner).post(PAGE, form_data(STEADY, closeness=3))  # and changed it
    assert [without_tokens(client.get(path).content.decode()) for path in pages] == before
    assert [api.get(path).json() for path in endpoints] == answers_before


# The API --------------------------------------------------------------------------------


def test_it_gives_the_statements_and_my_answers_through_the_api(owner, partner, api_for):
    api = api_for(owner)
    empty = api.get("/insights/pulse").json()
    assert empty["mine"] is None
    assert [item["key"] for item in empty["items"]] == [item.key for item in pulse_content().items]
    assert [level["level"] for level in empty["closeness_levels"]] == [1, 2, 3, 4, 5, 6, 7]
    assert empty["scale"]["lowest"] == 1 and empty["scale"]["highest"] == 7
    month = couple_of(owner).local_today().replace(day=1)
    assert empty["month"] == month.isoformat()
    assert empty["open_until"] == month_last_day(month).isoformat()
    response = put(api, {"ratings": VARIED, "closeness": 6})
    assert response.status_code == 200
    assert response.json()["mine"]["ratings"] == VARIED
    again = put(api, {"ratings": STEADY, "closeness": 2}).json()["mine"]
    assert again["ratings"] == STEADY and again["closeness"] == 2
    assert Pulse.objects.count() == 1


BAD_BODIES = [
    ({"ratings": {**STEADY, "talk_easy": "5"}, "closeness": 4}, 400, "invalid_rating"),
    ({"ratings": {**STEADY, "talk_easy": 8}, "closeness": 4}, 400, "invalid_rating"),
    ({"ratings": {**STEADY, "talk_easy": 0}, "closeness": 4}, 400, "invalid_rating"),
    ({"ratings": {**STEADY, "talk_easy": -3}, "closeness": 4}, 400, "invalid_rating"),
    ({"ratings": {**STEADY, "talk_easy": 5.0}, "closeness": 4}, 400, "invalid_rating"),
    ({"ratings": {**STEADY, "talk_easy": True}, "closeness": 4}, 400, "invalid_rating"),
    ({"ratings": {**STEADY, "talk_easy": None}, "closeness": 4}, 400, "invalid_rating"),
    ({"ratings": {**STEADY, "talk_easy": "😊"}, "closeness": 4}, 400, "invalid_rating"),
    ({"ratings": {**STEADY, "talk_easy": [5]}, "closeness": 4}, 400, "invalid_rating"),
    ({"ratings": {**STEADY, "talk_easy": 10**30}, "closeness": 4}, 400, "invalid_rating"),
    (
        {"ratings": {k: v for k, v in STEADY.items() if k != "trust_soft"}, "closeness": 4},
        400,
        "missing_item",
    ),
    ({"ratings": {}, "closeness": 4}, 400, "missing_item"),
    ({"ratings": {**STEADY, "talk_🙂": 5}, "closeness": 4}, 400, "unknown_item"),
    ({"ratings": {**STEADY, "gossip": 5}, "closeness": 4}, 400, "unknown_item"),
    ({"ratings": STEADY, "closeness": 8}, 400, "invalid_closeness"),
    ({"ratings": STEADY, "closeness": "very close"}, 400, "invalid_closeness"),
    ({"ratings": STEADY, "closeness": "💞"}, 400, "invalid_closeness"),
    ({"ratings": STEADY, "closeness": 4.5}, 400, "invalid_closeness"),
    ({"ratings": STEADY, "closeness": None}, 400, "invalid_closeness"),
    ({"ratings": STEADY}, 422, "invalid"),
    ({"closeness": 4}, 422, "invalid"),
    ({"ratings": [5] * 10, "closeness": 4}, 422, "invalid"),
    ({"ratings": "all fives", "closeness": 4}, 422, "invalid"),
    ({"ratings": {f"x{n}": 5 for n in range(100)}, "closeness": 4}, 422, "invalid"),
]


@pytest.mark.parametrize(("body", "status", "code"), BAD_BODIES)
def test_it_refuses_bad_answers_with_a_message_and_keeps_what_was_there(
    owner, partner, api_for, body, status, code
):
    api = api_for(owner)
    assert put(api, {"ratings": VARIED, "closeness": 6}).status_code == 200
    response = put(api, body)
    assert response.status_code == status
    assert response.json()["code"] == code and response.json()["detail"]
    kept = Pulse.objects.get(author=owner)
    assert kept.ratings() == VARIED and kept.closeness == 6
    assert Pulse.objects.count() == 1


@pytest.mark.parametrize(("body", "status", "code"), BAD_BODIES[:4] + BAD_BODIES[10:16])
def test_it_stores_nothing_when_a_first_pulse_is_refused(
    owner, partner, api_for, body, status, code
):
    response = put(api_for(owner), body)
    assert response.status_code == status and response.json()["code"] == code
    assert not Pulse.objects.exists()


def test_it_refuses_a_body_that_is_not_json(owner, partner, api_for):
    api = api_for(owner)
    response = api.client.put(
        "/api/v1/insights/pulse",
        data=b"\xff\xfe not json",
        content_type="application/json",
        headers=api.headers,
    )
    assert 400 <= response.status_code < 500
    assert not Pulse.objects.exists()


def test_it_is_only_for_a_couple_through_the_api(loner, api_for):
    api = api_for(loner)
    assert api.get("/insights/pulse").status_code == 409
    assert put(api, {"ratings": STEADY, "closeness": 4}).status_code == 409
    assert api.get("/insights/pulse/trend").status_code == 409
    assert not Pulse.objects.exists()


# The service and the database -----------------------------------------------------------


def test_it_only_records_the_month_that_is_open(owner, partner):
    couple = couple_of(owner)
    for month in (month_shift(pulse_month(couple), -1), month_shift(pulse_month(couple), 1)):
        with pytest.raises(PulseError) as refused:
            pulse_record(couple=couple, user=owner, month=month, ratings=STEADY, closeness=4)
        assert refused.value.code == "closed_month" and 400 <= refused.value.status < 500
    with pytest.raises(PulseError):
        pulse_record(couple=couple, user=owner, month="2026-01-01", ratings=STEADY, closeness=4)  # type: ignore[arg-type]
    assert not Pulse.objects.exists()


def test_the_database_keeps_one_pulse_per_person_per_month_on_the_scale(owner, partner):
    pulse = take(owner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Pulse.objects.create(
            couple=pulse.couple, author=owner, month=pulse.month, closeness=4, **STEADY
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Pulse.objects.create(
            couple=pulse.couple,
            author=partner,
            month=pulse.month,
            closeness=4,
            **{**STEADY, "support_turned": 9},
        )


# The trend ------------------------------------------------------------------------------


def past_pulse(user, months_back: int, ratings: dict, closeness: int) -> Pulse:
    couple = couple_of(user)
    return Pulse.objects.create(
        couple=couple,
        author=user,
        month=month_shift(pulse_month(couple), -months_back),
        closeness=closeness,
        **ratings,
    )


def test_it_trends_my_answers_beside_the_connection_index(owner, partner):
    couple = couple_of(owner)
    couple.created_at = timezone.now() - timedelta(days=400)
    couple.save(update_fields=["created_at"])
    past_pulse(owner, 2, VARIED, 3)
    past_pulse(partner, 2, STEADY, 7)  # the partner's never mixes in
    take(owner, STEADY, closeness=5)
    note_send(user=owner, couple=couple, did="You fixed the tap", felt="Looked after")
    bid_answer(user=owner, bid=bid_send(user=partner, couple=couple, kind="hug"), answer="now")
    trend = pulse_trend(couple=couple, user=owner)
    current = pulse_month(couple)
    assert [row.month for row in trend] == [month_shift(current, -n) for n in range(5, -1, -1)]
    assert [row.taken for row in trend] == [False, False, False, True, False, True]
    two_ago = trend[3]
    assert two_ago.pulse == {
        "talk": 6.0,
        "together": 3.0,
        "appreciate": 6.0,
        "trust": 6.0,
        "support": 6.0,
    }
    assert two_ago.closeness == 3 and two_ago.pulse_overall == 5.4
    assert trend[0].pulse["talk"] is None and trend[0].closeness is None
    for row in trend:
        end = min(month_last_day(row.month), couple.local_today())
        expected = connection_index(signals_for(couple, end=end))
        assert row.index == {name: score.score for name, score in expected.pillars.items()}
        assert row.index_overall == expected.overall
    assert trend[-1].index["support"] > 0  # this month's bid, turned toward
    body = login_client(owner).get(PAGE).content.decode()
    assert "<caption>Together</caption>" in body
    month_name = month_shift(current, -2).strftime("%b %Y")
    assert re.search(rf"<th scope=\"row\">{month_name}</th><td>3</td>", body)


def test_it_starts_the_trend_when_the_couple_began(owner, partner):
    couple = couple_of(owner)
    trend = pulse_trend(couple=couple, user=owner, months=6)
    assert [row.month for row in trend] == [pulse_month(couple)]
    assert len(pulse_trend(couple=couple, user=owner, months=500)) == 1


def test_the_trend_takes_the_same_queries_with_one_month_or_two_years_of_pulses(
    owner, partner, api_for
):
    couple = couple_of(owner)
    client, api = login_client(owner), api_for(owner)
    take(owner, VARIED)
    client.get(PAGE)  # warm up sessions and caches
    with CaptureQueriesContext(connection) as page_once:
        client.get(PAGE)
    with CaptureQueriesContext(connection) as api_once:
        api.get("/insights/pulse/trend")
    # Two years on: a pulse every month, and something done together in each.
    couple.created_at = timezone.now() - timedelta(days=800)
    couple.save(update_fields=["created_at"])
    for months_back in range(1, 24):
        past_pulse(owner, months_back, STEADY, 4)
        past_pulse(partner, months_back, VARIED, 5)
    DayTally.objects.bulk_create(
        DayTally(couple=couple, day=couple.local_today() - timedelta(days=n), both_answered=1)
        for n in range(1, 730, 3)
    )
    with CaptureQueriesContext(connection) as page_long:
        page = client.get(PAGE)
    with CaptureQueriesContext(connection) as api_long:
        trend = api.get("/insights/pulse/trend").json()
    assert len(page.context["trend"]) == 6 and len(trend) == 6
    assert [row["taken"] for row in trend] == [True] * 6
    assert all(row["index"]["talk"] > 0 for row in trend)
    assert len(page_long) == len(page_once)
    assert len(api_long) == len(api_once)


def test_the_trend_api_gives_plain_numbers_for_a_chart(owner, partner, api_for):
    couple = couple_of(owner)
    couple.created_at = timezone.now() - timedelta(days=200)
    couple.save(update_fields=["created_at"])
    past_pulse(owner, 1, VARIED, 3)
    api = api_for(owner)
    trend = api.get("/insights/pulse/trend?months=2").json()
    assert [row["taken"] for row in trend] == [True, False]
    assert trend[0]["pulse"]["together"] == 3.0 and trend[0]["closeness"] == 3
    assert set(trend[0]["index"]) == {"talk", "together", "appreciate", "trust", "support"}
    assert api.get("/insights/pulse/trend?months=13").status_code == 422
    assert api.get("/insights/pulse/trend?months=zero").status_code == 422


# The demo -------------------------------------------------------------------------------


def test_the_demo_tells_of_a_dip_and_a_recovery(owner, partner):
    couple = couple_of(owner)
    couple.created_at = timezone.now() - timedelta(weeks=26)
    couple.save(update_fields=["created_at"])
    made = seed_pulses(couple=couple, first=owner, second=partner, weeks=26, rng=random.Random(4))
    current = pulse_month(couple)
    months = [month_shift(current, -n) for n in range(5, -1, -1)]
    alex = {pulse.month: pulse for pulse in made if pulse.author_id == owner.pk}
    sam = {pulse.month: pulse for pulse in made if pulse.author_id == partner.pk}
    assert sorted(alex) == months
    assert months[3] not in sam and current not in sam and len(sam) == 4

    def feeling(pulse: Pulse) -> float:
        return sum(pulse.ratings().values()) / len(PULSE_ITEMS)

    for person in (alex, sam):
        before = [feeling(person[month]) for month in months[:2]]
        dip = [feeling(person[month]) for month in months[2:4] if month in person]
        assert max(dip) < min(before)
    assert feeling(alex[months[5]]) > feeling(alex[months[3]]) + 1
    assert alex[months[3]].closeness < alex[months[0]].closeness
    for pulse in made:
        assert pulse.month.day == 1 and pulse.couple_id == couple.pk
        assert all(1 <= value <= 7 for value in [*pulse.ratings().values(), pulse.closeness])
        assert couple.created_at <= pulse.created_at <= timezone.now()
    # Run again: the months already taken stay as they were.
    assert (
        seed_pulses(couple=couple, first=owner, second=partner, weeks=26, rng=random.Random(5))
        == []
    )


def test_the_demo_writes_nothing_from_before_the_couple_began(owner, partner):
    couple = couple_of(owner)
    seed_pulses(couple=couple, first=owner, second=partner, weeks=26, rng=random.Random(1))
    assert set(Pulse.objects.values_list("month", flat=True)) <= {pulse_month(couple)}


def test_it_keeps_my_pulse_with_the_couple_i_took_it_in(owner, partner, loner):
    take(owner, VARIED, closeness=6)
    couple_unlink(user=owner)
    new_couple = couple_join(user=owner, token=invite_create(inviter=loner).token)
    with pytest.raises(PulseError) as refused:
        pulse_record(
            couple=new_couple,
            user=owner,
            month=pulse_month(new_couple),
            ratings=STEADY,
            closeness=2,
        )
    assert refused.value.code == "taken_before" and refused.value.status == 409
    kept = Pulse.objects.get(author=owner)
    assert kept.ratings() == VARIED and kept.couple_id != new_couple.pk
    # It stays out of the new couple: neither of them sees it there.
    for person in (owner, loner):
        assert login_client(person).get(PAGE).context["taken"] is False
    assert login_client(owner).get("/api/v1/insights/pulse").json()["mine"] is None
