"""How this project launches Debian's chromium (Playwright's own browser downloads are not
used): shared by the browser tests and docs/screenshots.py."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Headless as root, and quiet: without the background-networking flags chromium keeps trying
# to reach Google's services, which a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
