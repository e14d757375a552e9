import pytest

from hearth.conftest_helpers import login_client

pytestmark = pytest.mark.django_db


def test_it_saves_name_pronouns_time_zone_and_language(owner):
    client = login_client(owner)
    response = client.post(
        "/settings/",
        {
            "display_name": "Olive 🌷",
            "pronouns": "she/her",
            "time_zone": "America/Sao_Paulo",
            "language": "en",
        },
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.display_name, owner.pronouns, owner.time_zone) == (
        "Olive 🌷",
        "she/her",
        "America/Sao_Paulo",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"time_zone": "Mars/Olympus"}, "Select a valid choice"),
        ({"display_name": ""}, "This field is required"),
        ({"display_name": "x" * 61}, "at most 60 characters"),
        ({"pronouns": "they\x00them"}, "Null characters are not allowed"),
        ({"pronouns": "\u202ethey"}, "control character"),
    ],
)
def test_it_refuses_bad_values_and_keeps_the_old_ones(owner, data, message):
    before = (owner.display_name, owner.pronouns, owner.time_zone)
    response = login_client(owner).post(
        "/settings/",
        {
            "display_name": owner.display_name,
            "pronouns": "",
            "time_zone": "UTC",
            "language": "en",
            **data,
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    owner.refresh_from_db()
    assert (owner.display_name, owner.pronouns, owner.time_zone) == before


def test_dates_are_shown_in_the_persons_time_zone(owner, partner):
    from hearth.couples.models import Couple

    Couple.objects.update(created_at="2026-03-01T23:30:00Z")
    owner.time_zone = "Asia/Tokyo"
    owner.save()
    page = login_client(owner).get("/").content.decode()
    assert "2 March 2026" in page
