"""Browser fixtures (Selenium + Debian chromium/chromedriver, explicit driver path: no Selenium
Manager download): a desktop window, a 390×844 phone, and helpers the browser tests share."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def _driver(tmp_path, size: str, mobile: bool = False):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Debian chromium + chromedriver not installed (scripts/install-system-deps.sh installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--window-size={size}", f"--user-data-dir={tmp_path / ('profile-' + size)}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(30)
    if mobile:  # the layout viewport of a 390×844 phone (iPhone 12-15 class), touch and all
        w, h = (int(x) for x in size.split(","))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": w, "height": h, "deviceScaleFactor": 3, "mobile": True})
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    return driver


@pytest.fixture
def browser(tmp_path):
    driver = _driver(tmp_path, "1400,1000")
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(tmp_path / "profile-1400,1000", ignore_errors=True)


@pytest.fixture
def phone(tmp_path):
    driver = _driver(tmp_path, "390,844", mobile=True)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(tmp_path / "profile-390,844", ignore_errors=True)


def wait(driver, cond, timeout=15):
    """Poll ``cond`` until it is truthy. A page that re-renders between finding an element and
    reading it raises a stale-element error: that poll counts as "not yet", the next one looks again."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(cond)


def login(driver, base: str, token: str, name: str = "Browser Tester") -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/login?next=/articles")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()
    # the login page's own URL ("/login?next=/articles") ends with "/articles" too: wait for the
    # redirect's page and the session cookie, or the next navigation cancels the pending login
    wait(driver, lambda d: urlsplit(d.current_url).path == "/articles" and d.get_cookie("cw_token") is not None)


def article_id_by_title(store, title: str) -> str:
    items, _ = store.search_articles(limit=100)
    return next(a.id for a in items if a.title == title)


def fetch_text(driver, path: str) -> str:
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERR ' + e));",
        path)




def open_all_clusters(driver, rounds: int = 12) -> None:
    """Click map clusters (each zooms into its markers) until every marker is drawn on its own."""
    import time

    for _ in range(rounds):
        # found and clicked in one script: a cluster found by one call can be redrawn away before the next
        clicked = driver.execute_script(
            "const c = document.querySelector('#map .cluster-icon');"
            "if (c) c.dispatchEvent(new MouseEvent('click', {bubbles: true}));"
            "return Boolean(c);")
        if not clicked:
            return
        time.sleep(0.6)  # the zoom animation, then the redraw
