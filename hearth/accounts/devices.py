"""A browser's User-Agent header in plain words: "Firefox on Windows", "Safari on iPhone"."""

from django.utils.translation import gettext as _

# Order matters: Edge and Opera also say "Chrome", and Chrome also says "Safari".
BROWSERS = [
    ("Edg", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser", "Samsung Internet"),
    ("FxiOS", "Firefox"),
    ("Firefox/", "Firefox"),
    ("CriOS", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Safari/", "Safari"),
]
SYSTEMS = [
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Macintosh", "Mac"),
    ("Linux", "Linux"),
]
SCRIPTS = ["curl/", "python-requests", "python-httpx", "Wget/", "okhttp", "Go-http-client"]


def describe_user_agent(user_agent: str) -> str:
    """What a person would call the device and browser behind `user_agent`."""
    if any(script in user_agent for script in SCRIPTS):
        return _("A script or app")
    browser = next((name for marker, name in BROWSERS if marker in user_agent), None)
    system = next((name for marker, name in SYSTEMS if marker in user_agent), None)
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    if browser:
        return browser
    if system:
        return _("A browser on %(system)s") % {"system": system}
    return _("An unknown browser")
