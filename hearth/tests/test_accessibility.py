"""An accessibility audit with axe-core (from npm, package-lock.json) on every main page,
signed in as the demo couple with six months of history, on a phone, in light and dark.
No serious or critical violation may remain."""

from pathlib import Path

import pytest
from django.core.management import call_command

from hearth.conftest_helpers import browser_log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "/",
    "/talk/",
    "/talk/archive/",
    "/together/",
    "/together/ideas/",
    "/together/memories/",
    "/appreciate/",
    "/appreciate/journal/",
    "/trust/",
    "/trust/promises/",
    "/support/",
    "/insights/",
    "/insights/week/",
    "/insights/pulse/",
    "/nudges/",
    "/nudges/settings/",
    "/settings/",
    "/welcome/tour/together/",
]
SIGNED_OUT = ["/accounts/login/", "/accounts/signup/", "/offline/"]


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        "axe.run(document, {resultTypes: ['violations'],"
        " runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
        " 'best-practice']}})"
    )
    assert len(results["passes"]) > 10  # axe ran its checks on this page
    found = []
    for violation in results["violations"]:
        if violation["impact"] in ("serious", "critical"):
            targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_main_page_passes_the_audit(browser, live_server, scheme):
    call_command("seed_demo", verbosity=0)
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        color_scheme=scheme,
        bypass_csp=True,  # to add axe's script; the pages' own scripts keep their nonces
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    for path in SIGNED_OUT:
        page.goto(path)
        problems[path] = serious_violations(page)
    browser_log_in(page, "alex@demo.hearth", "hearth-demo")
    for path in PAGES:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("networkidle")
        problems[path] = serious_violations(page)
    context.close()
    assert {path: found for path, found in problems.items() if found} == {}
