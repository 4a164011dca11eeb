"""Real Chromium (Debian's, driven by Debian's chromedriver) against pytest-django's live server.

Nothing is ever downloaded: the driver path is given explicitly and Selenium Manager is kept offline.
Each browser gets a fresh profile directory, so sessions never leak between tests or xdist workers.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.servers import smtp_server  # noqa: F401 (a real local SMTP server)

from .ui import UI

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
)


def pytest_collection_modifyitems(items):
    if os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER):
        return
    skip = pytest.mark.skip(reason=f"ไม่มี {CHROMIUM} หรือ {CHROMEDRIVER} (ติดตั้งด้วย `make setup`)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def _chrome(profile: str, size: str):
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never fetch a browser or a driver.
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument("--lang=th")
    width, height = SIZES[size]
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    if size == "phone":
        # Headless windows have a minimum width wider than a phone; emulate the phone's viewport exactly.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
    return driver


@pytest.fixture
def open_browser(live_server, settings):
    """open_browser("phone"|"desktop") -> UI on a new Chromium with its own empty profile."""
    settings.BASE_URL = live_server.url  # reply links in mails must point at this server
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    opened = []

    def open_one(size: str = "desktop") -> UI:
        profile = tempfile.mkdtemp(prefix="prasan-chromium-")
        driver = _chrome(profile, size)
        opened.append((driver, profile))
        return UI(driver, live_server.url, SCREENSHOTS, phone=size == "phone")

    yield open_one
    for driver, profile in opened:
        try:
            driver.quit()
        finally:
            shutil.rmtree(profile, ignore_errors=True)

