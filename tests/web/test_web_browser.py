"""Browser tests: the real pages in headless Chromium (Debian chromium + chromedriver via Selenium,
explicit driver path: no Selenium Manager download), against uvicorn on a free loopback port.

Screenshots of the article page and the map go to ``artifacts/`` (gitignored)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture
def browser(tmp_path):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Debian chromium + chromedriver not installed (scripts/install-system-deps.sh installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,1000", f"--user-data-dir={tmp_path / 'profile'}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def wait(driver, cond, timeout=15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(cond)


def login(driver, base: str, token: str, name: str = "Browser Tester") -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/login?next=/articles")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()
    wait(driver, lambda d: d.current_url.endswith("/articles"))


def _article_id(store, title: str) -> str:
    items, _ = store.search_articles(limit=100)
    return next(a.id for a in items if a.title == title)


def fetch_text(driver, path: str) -> str:
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERR ' + e));",
        path)


def test_article_highlights_correct_estimate_export(browser, live_server, artifacts_dir):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    store = live_server.store
    base = live_server.url
    token = store.create_token("browser")
    login(browser, base, token)

    # the article list, then the article
    browser.find_element(By.LINK_TEXT, "Shipwreck off Lampedusa").click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".article-body .hl"))
    aid = _article_id(store, "Shipwreck off Lampedusa")
    assert browser.current_url.endswith(f"/articles/{aid}")

    # the highlights: quantity, source, time and place spans inside the evidence
    def texts(role):
        return [e.text for e in browser.find_elements(By.CSS_SELECTOR, f".article-body .hl.role-{role}")]
    assert "At least 40" in texts("quantity") and "12" in texts("quantity")
    assert "the Italian coast guard" in texts("source")
    assert "3 March 2025" in texts("time")
    assert "Lampedusa" in texts("place")
    body = browser.find_element(By.ID, "article-body").text
    assert body.startswith("At least 40 migrants drowned") and "Dozens of people were still missing" in body

    # hover shows the fields (tooltip), click opens the claim card
    qty = next(e for e in browser.find_elements(By.CSS_SELECTOR, ".hl.role-quantity") if e.text == "At least 40")
    tip = qty.get_attribute("title")
    assert "best 40" in tip and "at_least" in tip
    ActionChains(browser).move_to_element(qty).perform()
    qty.click()
    card = browser.find_element(By.ID, "claim-c1")
    wait(browser, lambda d: "active" in card.get_attribute("class"))
    assert "the Italian coast guard" in card.text and "law_enforcement" in card.text
    browser.save_screenshot(str(artifacts_dir / "article.png"))

    # correct the number
    death_before = next(e for e in store.list_estimates() if e.event_type == "death")
    best = card.find_element(By.NAME, "quantity.best")
    best.clear()
    best.send_keys("52")
    card.find_element(By.CSS_SELECTOR, "button.correct").click()
    msg = card.find_element(By.CSS_SELECTOR, ".review-msg")
    wait(browser, lambda d: msg.text.startswith("Saved"))
    assert "corrected by Browser Tester" in msg.text
    assert card.find_element(By.CSS_SELECTOR, ".badge.status").text == "corrected"
    assert card.find_element(By.CSS_SELECTOR, ".f-quantity .best").text == "52"
    claim = store.get_claim(f"{aid}:c1")
    assert claim.review == "corrected" and claim.quantity.best == 52
    assert store.revisions(f"{aid}:c1")[-1]["who"] == "Browser Tester"

    # the estimate updated: follow the link in the message
    links = msg.find_elements(By.CSS_SELECTOR, "a.estimate-link")
    assert links
    death_after = next(e for e in store.list_estimates() if e.event_type == "death")
    assert death_after.id in [a.text for a in links]
    browser.get(f"{base}/estimates/{death_after.id}")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "52 [40 – –] At least 40 migrants drowned" in page  # the corrected figure, low kept
    old_member = next(c for c in death_before.claims if c.article_id == aid)
    new_member = next(c for c in death_after.claims if c.article_id == aid)
    assert old_member.best == 40 and new_member.best == 52
    shown_best = browser.find_element(By.ID, "estimate-best").text.replace(",", "")
    assert float(shown_best) == float(death_after.best)
    assert browser.find_elements(By.CSS_SELECTOR, "svg.timeline circle.pt")
    browser.save_screenshot(str(artifacts_dir / "estimate.png"))

    # export a CSV from the export page and check its content
    browser.get(f"{base}/export")
    link = browser.find_element(By.ID, "export-csv")
    href = link.get_attribute("href")
    assert href.startswith(base + "/api/export/csv")
    rows = list(csv.DictReader(io.StringIO(fetch_text(browser, href))))
    row = next(r for r in rows if r["uid"] == f"{aid}:c1")
    assert float(row["best"]) == 52 and row["review"] == "corrected" and row["outlet"] == "Harbour Daily"
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.NAME, "event_type")).select_by_value("detention")
    wait(browser, lambda d: "event_type=detention" in d.find_element(By.ID, "export-csv").get_attribute("href"))
    det = list(csv.DictReader(io.StringIO(fetch_text(browser, browser.find_element(By.ID, "export-csv").get_attribute("href")))))
    assert det and {r["event_type"] for r in det} == {"detention"}


def test_map_shows_basemap_and_markers(browser, live_server, artifacts_dir):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(f"{live_server.url}/map")
    el = wait(browser, lambda d: d.find_element(By.ID, "map"))
    wait(browser, lambda d: el.get_attribute("data-basemap-loaded") and el.get_attribute("data-markers"))
    assert int(el.get_attribute("data-basemap-loaded")) > 200  # country polygons
    assert int(el.get_attribute("data-markers")) > 0
    assert browser.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")  # markers drawn
    browser.save_screenshot(str(artifacts_dir / "map.png"))
    # filter by event type: only detention claims/estimates remain
    Select(browser.find_element(By.NAME, "event_type")).select_by_value("detention")
    browser.find_element(By.CSS_SELECTOR, "#map-filters button").click()
    wait(browser, lambda d: "located claims" in d.find_element(By.ID, "map-count").text)
    from claimwatch.export.geojson import feature_collection

    expected = len(feature_collection(live_server.store, event_type="detention")["features"])
    assert expected > 0
    wait(browser, lambda d: d.find_element(By.ID, "map-count").text.startswith(f"{expected} located claims"))
    # no network access other than this server: every resource came from the same origin
    urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(live_server.url) for u in urls)


def test_review_queue_keyboard_shortcuts(browser, live_server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    store = live_server.store
    login(browser, live_server.url, store.create_token("keys"), name="Keyboard")
    browser.get(f"{live_server.url}/review")
    cards = browser.find_elements(By.CSS_SELECTOR, ".claim-card")
    assert len(cards) >= 2
    def press(key):  # to whatever has the focus, like a person typing
        ActionChains(browser).send_keys(key).perform()

    press("j")  # focus the first card
    first = cards[0]
    wait(browser, lambda d: d.switch_to.active_element == first)
    uid = first.get_attribute("data-uid")
    press("a")
    wait(browser, lambda d: first.find_element(By.CSS_SELECTOR, ".badge.status").text == "accepted")
    assert store.get_claim(uid).review == "accepted"
    # focus moved on; r rejects the second
    second = cards[1]
    wait(browser, lambda d: d.switch_to.active_element == second)
    press("r")
    wait(browser, lambda d: second.find_element(By.CSS_SELECTOR, ".badge.status").text == "rejected")
    assert store.get_claim(second.get_attribute("data-uid")).review == "rejected"
    # c focuses the correction form; an invalid value is refused with the message from the API
    third = cards[2]
    assert third.find_elements(By.NAME, "quantity.low")  # the fixture's third queued claim is a count
    wait(browser, lambda d: d.switch_to.active_element == third)
    press("c")
    low = third.find_element(By.NAME, "quantity.low")
    low.clear()
    low.send_keys("999999")
    low.send_keys(Keys.ENTER)
    msg = third.find_element(By.CSS_SELECTOR, ".review-msg")
    wait(browser, lambda d: msg.text.startswith("Not saved"))
    assert "above" in msg.text and "E303" in msg.text
    assert store.get_claim(third.get_attribute("data-uid")).review is None


def test_xss_payloads_render_inert(browser, live_server, artifacts_dir):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    from fixtures_web import XSS_TEXT, XSS_TITLE

    store = live_server.store
    aid = _article_id(store, XSS_TITLE)
    estimate = next(e for e in store.list_estimates() if any(c.article_id == aid for c in e.claims))
    for path in ("/articles", f"/articles/{aid}", "/review", f"/estimates/{estimate.id}", "/map"):
        browser.get(live_server.url + path)
        wait(browser, lambda d: d.execute_script("return document.readyState") == "complete")
        for el in browser.find_elements(By.CSS_SELECTOR, "main a, main span, main td")[:60]:
            try:
                ActionChains(browser).move_to_element(el).perform()
            except Exception:
                pass
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text
        flags = browser.execute_script("return [window.__xss, window.__xss_title]")
        assert flags == [None, None], (path, flags)
    # the article page shows the payload as text, with no element made from it
    browser.get(f"{live_server.url}/articles/{aid}")
    body = browser.find_element(By.ID, "article-body")
    assert body.text == XSS_TEXT.replace("\n\n", "\n\n")
    assert "<script>window.__xss=1;alert('xss')</script>" in body.text
    assert not body.find_elements(By.CSS_SELECTOR, "script, img, svg, a")
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, main svg, main script")
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    assert XSS_TITLE in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.CSS_SELECTOR, ".hl.role-quantity").click()
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    assert browser.execute_script("return window.__xss") is None
    browser.save_screenshot(str(artifacts_dir / "xss-article.png"))
    # map popups carry the claim text: open every marker's popup
    browser.get(f"{live_server.url}/map")
    el = wait(browser, lambda d: d.find_element(By.ID, "map"))
    wait(browser, lambda d: el.get_attribute("data-markers"))
    # one marker at a time, letting each popup (and the map's auto-pan to it) settle first
    browser.set_script_timeout(60)
    opened = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const ps = Array.from(document.querySelectorAll('#map path.leaflet-interactive')); const texts = [];"
        "function next(i) { if (i >= ps.length) { done(texts); return; }"
        "  ps[i].dispatchEvent(new MouseEvent('click', {bubbles: true}));"
        "  setTimeout(function () { const c = document.querySelector('.leaflet-popup-content');"
        "    if (c) texts.push(c.textContent); next(i + 1); }, 60); }"
        "next(0);")
    assert any("<script>window.__xss=1" in t for t in opened), opened
    assert not browser.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content script, .leaflet-popup-content img")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    assert browser.execute_script("return window.__xss") is None
