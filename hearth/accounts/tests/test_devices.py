"""The sessions page and sign-in notices name a device in plain words."""

import pytest

from hearth.accounts.devices import describe_user_agent
from hearth.accounts.tests.helpers import CHROME_ON_ANDROID, FIREFOX_ON_WINDOWS, SAFARI_ON_IPHONE

MAC_SAFARI = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Safari/605.1.15"
)
EDGE_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"
)
FIREFOX_ON_IPAD = (
    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "FxiOS/127.0 Mobile/15E148 Safari/605.1.15"
)


@pytest.mark.parametrize(
    ("user_agent", "words"),
    [
        (FIREFOX_ON_WINDOWS, "Firefox on Windows"),
        (SAFARI_ON_IPHONE, "Safari on iPhone"),
        (CHROME_ON_ANDROID, "Chrome on Android"),
        (MAC_SAFARI, "Safari on Mac"),
        (EDGE_ON_WINDOWS, "Edge on Windows"),
        (FIREFOX_ON_IPAD, "Firefox on iPad"),
        ("curl/8.5.0", "A script or app"),
        ("", "An unknown browser"),
        ("Mozilla/5.0 (X11; Linux x86_64) Something/1.0", "A browser on Linux"),
    ],
)
def test_it_names_the_device_in_plain_words(user_agent, words):
    assert describe_user_agent(user_agent) == words
