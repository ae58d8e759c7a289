"""Browser tests: the real pages in headless Chromium (Debian chromium + chromedriver via Selenium,
explicit driver path: no Selenium Manager download), against uvicorn on a free loopback port.

Screenshots of the article page and the map go to ``artifacts/`` (gitignored)."""

from __future__ import annotations

import csv
import io

import pytest

from fixtures_browser import article_id_by_title, fetch_text, login, open_all_clusters, wait

pytestmark = pytest.mark.browser

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
    aid = article_id_by_title(store, "Shipwreck off Lampedusa")
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
    def with_claim(estimates):  # the estimate the corrected claim belongs to
        return next(e for e in estimates if any(c.article_id == aid and c.claim_id == "c1" for c in e.claims))

    death_before = with_claim(store.list_estimates())
    best = card.find_element(By.NAME, "quantity.best")
    best.clear()
    best.send_keys("52")
    card.find_element(By.CSS_SELECTOR, "button.correct").click()
    # the card is re-rendered from the server's answer: every field, not only the one typed
    wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#claim-c1 .review-msg").text.startswith("Saved"))
    card = browser.find_element(By.ID, "claim-c1")
    msg = card.find_element(By.CSS_SELECTOR, ".review-msg")
    assert "corrected by Browser Tester" in msg.text
    assert card.find_element(By.CSS_SELECTOR, ".badge.status").text.endswith("corrected")
    assert card.find_element(By.CSS_SELECTOR, ".f-quantity .best").text == "52"
    assert card.find_element(By.CSS_SELECTOR, ".f-quantity .low").text == "40"
    assert card.find_element(By.NAME, "quantity.best").get_attribute("data-orig") == "52"
    claim = store.get_claim(f"{aid}:c1")
    assert claim.review == "corrected" and claim.quantity.best == 52
    assert store.revisions(f"{aid}:c1")[-1]["who"] == "Browser Tester"

    # the estimate updated: follow the link in the message
    links = msg.find_elements(By.CSS_SELECTOR, "a.estimate-link")
    assert links
    death_after = with_claim(store.list_estimates())
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


def test_xss_payloads_render_inert(browser, live_server, artifacts_dir):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    from fixtures_web import XSS_TEXT, XSS_TITLE

    store = live_server.store
    aid = article_id_by_title(store, XSS_TITLE)
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
    # map popups carry the claim text: open every cluster until none is left, then every marker's popup
    browser.get(f"{live_server.url}/map")
    el = wait(browser, lambda d: d.find_element(By.ID, "map"))
    wait(browser, lambda d: el.get_attribute("data-markers"))
    open_all_clusters(browser)
    # one marker at a time, letting each popup (and the map's auto-pan to it) settle first
    browser.set_script_timeout(60)
    opened = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const ps = Array.from(document.querySelectorAll('#map path.leaflet-interactive, #map .centroid-icon')); const texts = [];"
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
