"""Render Hearth's icon (static/hearth.svg) to the PNG sizes phones ask for.

Run from the repository root after changing the icon: .venv/bin/python scripts/render-icons.py
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

BRAND = "#8f3b1d"
svg = Path("static/hearth.svg").read_text()
# Maskable: the mark inside the 80% safe zone on the brand colour, without rounded corners
# (Android and iOS cut their own shape).
mark = svg.split(">", 1)[1].rsplit("</svg>", 1)[0]
mark = mark.replace(f'<rect width="64" height="64" rx="14" fill="{BRAND}"/>', "")
maskable = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
    f'<rect width="64" height="64" fill="{BRAND}"/>'
    f'<g transform="translate(6.4 6.4) scale(0.8)">{mark}</g></svg>'
)
JOBS = [
    ("hearth-192.png", svg, 192),
    ("hearth-512.png", svg, 512),
    ("hearth-maskable-512.png", maskable, 512),
    ("apple-touch-icon.png", maskable, 180),
]

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
    for name, source, size in JOBS:
        page = browser.new_page(viewport={"width": size, "height": size})
        sized = source.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
        page.set_content(f'<body style="margin:0;background:transparent">{sized}</body>')
        page.screenshot(path=f"static/icons/{name}", omit_background=True)
        page.close()
    browser.close()
