"""Browser tests of issue 13 in headless Chromium against uvicorn on a free loopback port: fast key
sequences act once per card, undo, adding a missing number and a new claim from a selection,
the estimate list's place/date columns and facets, a bad filter's 422 on the page, the map's
legend, clusters and time range, and a 390×844 phone without horizontal scroll. Screenshots go
to ``artifacts/``."""

from __future__ import annotations

import json

import pytest

from claimwatch.model import Article
from fixtures_browser import article_id_by_title, fetch_text, login, open_all_clusters, wait
from fixtures_web import make_claim

pytestmark = pytest.mark.browser


def _by():
    from selenium.webdriver.common.by import By

    return By


def press(driver, keys: str) -> None:
    """Type ``keys`` to whatever has the focus, in one burst, like a person typing fast."""
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(keys).perform()


def _queue_uids(driver) -> list[str]:
    return [c.get_attribute("data-uid") for c in driver.find_elements(_by().CSS_SELECTOR, "#queue .claim-card")]


def _wait_for_queue(driver, at_least: int = 5) -> None:
    """Wait for the queue's cards; if they never come, fail with what the page showed instead."""
    from selenium.common.exceptions import TimeoutException

    try:
        wait(driver, lambda d: len(_queue_uids(d)) >= at_least)
    except TimeoutException:
        heading = driver.execute_script("const h = document.querySelector('h1'); return h ? h.innerText : '';")
        pytest.fail(f"no review queue of {at_least} cards at {driver.current_url}: title {driver.title!r}, "
                    f"heading {heading!r}, {len(_queue_uids(driver))} cards")


def _state(driver, uid: str) -> str:
    return driver.execute_script(
        "const c = document.querySelector('.claim-card[data-uid=\"' + arguments[0] + '\"]');"
        "return c && !c.getAttribute('data-pending') ? c.querySelector('.badge.status').getAttribute('data-state') : '';",
        uid)


def _reviews(store, uid: str) -> list[str]:
    return [r["action"] for r in store.revisions(uid) if r["action"] != "extract"]


def test_fast_keys_act_once_per_card_and_undo_takes_back_the_last(browser, live_server, artifacts_dir):
    store = live_server.store
    login(browser, live_server.url, store.create_token("keys"), name="Fast Typist")
    browser.get(f"{live_server.url}/review")
    _wait_for_queue(browser)
    uids = _queue_uids(browser)
    total = int(browser.find_element(_by().ID, "progress").get_attribute("data-total"))
    press(browser, "j")  # focus the first card
    wait(browser, lambda d: d.switch_to.active_element.get_attribute("data-uid") == uids[0])
    press(browser, "ar")  # accept the first, reject the second: focus moved before the answer came
    wait(browser, lambda d: _state(d, uids[0]) == "accepted" and _state(d, uids[1]) == "rejected")
    press(browser, "aa")  # accept the third and the fourth, once each
    wait(browser, lambda d: _state(d, uids[2]) == "accepted" and _state(d, uids[3]) == "accepted")
    assert _reviews(store, uids[0]) == ["accept"] and _reviews(store, uids[1]) == ["reject"]
    assert _reviews(store, uids[2]) == ["accept"] and _reviews(store, uids[3]) == ["accept"]
    assert _reviews(store, uids[4]) == [] and store.get_claim(uids[4]).review is None
    wait(browser, lambda d: d.find_element(_by().ID, "progress").text == f"4 of {total} reviewed")
    assert browser.switch_to.active_element.get_attribute("data-uid") == uids[4]
    assert f"claim 5 of {total}" in browser.find_element(_by().ID, "position").text
    browser.save_screenshot(str(artifacts_dir / "review-keys.png"))

    press(browser, "u")  # undo the last action: the fourth card is unreviewed again
    wait(browser, lambda d: _state(d, uids[3]) == "unreviewed")
    assert store.get_claim(uids[3]).review is None
    assert _reviews(store, uids[3]) == ["accept", "undo"]
    assert store.get_claim(uids[2]).review == "accepted"  # only the last one
    wait(browser, lambda d: d.find_element(_by().ID, "progress").text == f"3 of {total} reviewed")
    assert browser.switch_to.active_element.get_attribute("data-uid") == uids[3]
    press(browser, "u")
    wait(browser, lambda d: _state(d, uids[2]) == "unreviewed")
    assert store.get_claim(uids[1]).review == "rejected"


def test_one_claim_at_a_time_shows_the_evidence_in_its_article(browser, live_server, artifacts_dir):
    store = live_server.store
    login(browser, live_server.url, store.create_token("one"), name="Focus")
    browser.get(f"{live_server.url}/review?one=true")
    visible = [c for c in browser.find_elements(_by().CSS_SELECTOR, "#queue .claim-card") if c.is_displayed()]
    assert len(visible) == 1
    card = visible[0]
    marks = card.find_elements(_by().CSS_SELECTOR, ".context mark.hl")
    assert {m.get_attribute("data-role") for m in marks} >= {"quantity"}
    context = card.find_element(_by().CSS_SELECTOR, ".context").text
    assert card.find_element(_by().CSS_SELECTOR, ".context mark.role-evidence, .context mark.role-quantity").text in context
    browser.save_screenshot(str(artifacts_dir / "review-one.png"))
    first = card.get_attribute("data-uid")
    press(browser, "a")
    wait(browser, lambda d: [c.get_attribute("data-uid") for c in d.find_elements(_by().CSS_SELECTOR, "#queue .claim-card")
                             if c.is_displayed()] not in ([], [first]))
    wait(browser, lambda d: store.get_claim(first).review == "accepted")


def _uncounted_article(store) -> Article:
    text = ("Rescuers said 14 people were taken to hospital in Lampedusa after the storm.\n\n"
            "The hospital treated them overnight and released most of them on Sunday.")
    art = Article(text=text, title="Storm rescue", outlet="Harbour Daily", published="2025-03-09")
    art.claims = [make_claim(text, "c1", "Rescuers said 14 people were taken to hospital in Lampedusa after the storm.",
                             event_type="injury")]
    for c in art.claims:
        c.article_id = art.id
    assert store.add_article(art)
    return art


def test_add_a_missing_number_and_a_new_claim_from_a_selection(browser, live_server, artifacts_dir):
    from selenium.webdriver.common.keys import Keys

    store = live_server.store
    art = _uncounted_article(store)
    login(browser, live_server.url, store.create_token("adder"), name="Adder")
    browser.get(f"{live_server.url}/articles/{art.id}")
    card = browser.find_element(_by().ID, "claim-c1")
    assert not card.find_elements(_by().CSS_SELECTOR, ".f-quantity")
    card.find_element(_by().CSS_SELECTOR, "details.f-add summary").click()
    written = card.find_element(_by().CSS_SELECTOR, ".add-quantity input[name='quantity.text']")
    written.send_keys("14")
    best = card.find_element(_by().CSS_SELECTOR, ".add-quantity input[name='quantity.best']")
    best.send_keys("14")
    best.send_keys(Keys.ENTER)  # Enter saves from any field
    wait(browser, lambda d: d.find_elements(_by().CSS_SELECTOR, "#claim-c1 .f-quantity .best"))
    card = browser.find_element(_by().ID, "claim-c1")
    assert card.find_element(_by().CSS_SELECTOR, ".f-quantity .best").text == "14"
    claim = store.get_claim(f"{art.id}:c1")
    assert claim.quantity.best == 14 and claim.kind == "count" and claim.review == "corrected"
    s, e = claim.quantity.span
    assert art.text[s:e] == "14" and claim.span[0] <= s < e <= claim.span[1]

    # select a sentence of the article and make a claim of it
    sentence = "The hospital treated them overnight and released most of them on Sunday."
    browser.execute_script(
        "const body = document.getElementById('article-body'); const text = body.textContent;"
        "const i = text.indexOf(arguments[0]); const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);"
        "let pos = 0, n, r = document.createRange(), started = false;"
        "while ((n = walker.nextNode())) { const len = n.textContent.length;"
        "  if (!started && i < pos + len) { r.setStart(n, i - pos); started = true; }"
        "  if (started && i + arguments[0].length <= pos + len) { r.setEnd(n, i + arguments[0].length - pos); break; }"
        "  pos += len; }"
        "const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);", sentence)
    press(browser, "n")
    form = wait(browser, lambda d: d.find_element(_by().ID, "new-claim") if d.find_element(_by().ID, "new-claim").is_displayed() else None)
    assert form.find_element(_by().ID, "new-claim-text").text == sentence
    from selenium.webdriver.support.ui import Select

    Select(form.find_element(_by().NAME, "event_type")).select_by_value("injury")
    form.find_element(_by().CSS_SELECTOR, "button[type=submit]").click()
    wait(browser, lambda d: d.find_elements(_by().ID, "claim-r1"))
    browser.save_screenshot(str(artifacts_dir / "article-added.png"))
    new = store.get_claim(f"{art.id}:r1")
    assert new.text == sentence and art.text[new.span[0]:new.span[1]] == sentence
    assert new.event_type == "injury" and new.review == "accepted"
    assert [r["action"] for r in store.revisions(new.uid)] == ["create"]
    assert store.revisions(new.uid)[0]["who"] == "Adder"


def test_estimate_list_has_place_and_dates_facets_and_view_links(browser, live_server, artifacts_dir):
    browser.get(f"{live_server.url}/estimates")
    table = browser.find_element(_by().CSS_SELECTOR, "table.estimates")
    heads = [th.text for th in table.find_elements(_by().CSS_SELECTOR, "thead th")]
    for col in ("Place", "Country", "Dates", "Latest figure", "Sources"):
        assert any(h.startswith(col) for h in heads), heads
    rows = table.find_elements(_by().CSS_SELECTOR, "tbody tr")
    places = [r.find_element(_by().CSS_SELECTOR, "td.place").text for r in rows]
    assert "Lampedusa" in places
    deaths = [r for r in rows if "death" in r.text]
    assert any("2025-03-03" in r.find_element(_by().CSS_SELECTOR, "td.date").text for r in deaths)
    assert {r.find_element(_by().CSS_SELECTOR, "td.country").text for r in deaths} == {"IT"}
    # facets with counts; following one filters the list and keeps the count honest
    facet = browser.find_element(_by().CSS_SELECTOR, ".facet[data-facet=country]")
    it = next(li for li in facet.find_elements(_by().TAG_NAME, "li") if li.text.startswith("IT"))
    count = int(it.find_element(_by().CSS_SELECTOR, ".count").text)
    it.find_element(_by().TAG_NAME, "a").click()
    wait(browser, lambda d: "country=IT" in d.current_url)
    rows = browser.find_elements(_by().CSS_SELECTOR, "table.estimates tbody tr")
    assert len(rows) == count and all(r.find_element(_by().CSS_SELECTOR, "td.country").text == "IT" for r in rows)
    assert browser.find_element(_by().CSS_SELECTOR, ".facet[data-facet=event_type]").text
    browser.save_screenshot(str(artifacts_dir / "estimates.png"))
    # sortable: by date, then the other way
    browser.get(f"{live_server.url}/estimates")
    browser.find_element(_by().CSS_SELECTOR, "th a.sort[href*='sort=-date'], th a.sort[href*='sort=date']").click()
    wait(browser, lambda d: "sort=" in d.current_url)
    dates = [td.text for td in browser.find_elements(_by().CSS_SELECTOR, "table.estimates td.date")]
    assert dates == sorted(dates) or dates == sorted(dates, reverse=True)
    # the current view as .json and .csv
    href = browser.find_element(_by().ID, "view-json").get_attribute("href")
    body = json.loads(fetch_text(browser, href))
    assert body["total"] == len(dates) and {"place", "country", "date_start"} <= set(body["items"][0]["list"])
    csv_text = fetch_text(browser, browser.find_element(_by().ID, "view-csv").get_attribute("href"))
    assert csv_text.splitlines()[0].startswith("id,title,event_type")


def test_a_bad_filter_shows_its_422_on_the_page(browser, live_server, artifacts_dir):
    browser.get(f"{live_server.url}/estimates?since=yesterday&country=IT")
    banner = browser.find_element(_by().ID, "filter-error")
    assert "since" in banner.text and "'yesterday' is not a date" in banner.text
    assert browser.find_element(_by().NAME, "since").get_attribute("value") == "yesterday"  # the form as typed
    status = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(location.href, {credentials: 'same-origin'}).then(r => done(r.status));")
    assert status == 422
    browser.save_screenshot(str(artifacts_dir / "estimates-422.png"))


def test_map_legend_clusters_and_time_range(browser, live_server, artifacts_dir):
    browser.get(f"{live_server.url}/map")
    el = wait(browser, lambda d: d.find_element(_by().ID, "map"))
    wait(browser, lambda d: el.get_attribute("data-basemap-loaded") and el.get_attribute("data-markers"))
    assert int(el.get_attribute("data-basemap-loaded")) > 200
    legend = browser.find_element(_by().ID, "map-legend").text
    for word in ("claim", "estimate", "centroid", "cluster", "size"):
        assert word in legend
    markers = int(el.get_attribute("data-markers"))

    def settled(d) -> list | None:
        """The cluster icons once the map has finished redrawing (a zoom after the first draw
        redraws it): every located item is either drawn or counted in a cluster."""
        icons = d.find_elements(_by().CSS_SELECTOR, "#map .cluster-icon")
        try:
            counted = sum(int(c.text) for c in icons) + int(el.get_attribute("data-drawn"))
        except ValueError:      # an icon added but not yet labelled
            return None
        return icons if counted == int(el.get_attribute("data-markers")) else None

    clusters = wait(browser, settled)
    markers = int(el.get_attribute("data-markers"))
    assert clusters, "the shipwreck's claims and estimates share one point: they are clustered"
    assert len(browser.find_elements(_by().CSS_SELECTOR, "#shown-list li")) == markers
    browser.save_screenshot(str(artifacts_dir / "map.png"))
    open_all_clusters(browser)
    wait(browser, lambda d: not d.find_elements(_by().CSS_SELECTOR, "#map .cluster-icon"))
    sizes = browser.execute_script(
        "return Array.from(document.querySelectorAll('#map path.marker-claim')).map(p => p.getBBox().width)")
    assert len(set(round(s) for s in sizes)) >= 1
    # the time range: only the earliest day -> fewer markers, and the list beside the map follows
    browser.get(f"{live_server.url}/map")
    el = wait(browser, lambda d: d.find_element(_by().ID, "map"))
    wait(browser, lambda d: el.get_attribute("data-markers"))
    browser.execute_script("const t = document.getElementById('time-to'); t.value = '0';"
                           "t.dispatchEvent(new Event('input', {bubbles: true}));")
    wait(browser, lambda d: int(el.get_attribute("data-markers")) < markers)
    first_day = browser.find_element(_by().ID, "time-label").text.split(" – ")[0]
    assert browser.find_element(_by().ID, "time-label").text == f"{first_day} – {first_day}"
    # the list is redrawn after the markers: read it in one go once it has as many items as markers
    shown = wait(browser, lambda d: (lambda texts: texts if len(texts) == int(el.get_attribute("data-markers")) else None)(
        d.execute_script("return Array.from(document.querySelectorAll('#shown-list li')).map(li => li.innerText)")))
    assert shown and all(t.endswith(first_day) for t in shown)
    urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(live_server.url) for u in urls)


def _no_horizontal_scroll(driver) -> bool:
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_phone_viewport_has_no_horizontal_scroll(phone, live_server, artifacts_dir):
    store = live_server.store
    aid = article_id_by_title(store, "Shipwreck off Lampedusa")
    login(phone, live_server.url, store.create_token("phone"), name="Phone")
    assert phone.execute_script("return window.innerWidth") == 390
    for name, path in (("articles", "/articles"), ("article", f"/articles/{aid}"), ("estimates", "/estimates"),
                       ("claims", "/claims"), ("review", "/review"), ("map", "/map"), ("export", "/export")):
        phone.get(live_server.url + path)
        wait(phone, lambda d: d.execute_script("return document.readyState") == "complete")
        assert _no_horizontal_scroll(phone), path
        phone.save_screenshot(str(artifacts_dir / f"phone-{name}.png"))
    # the navigation collapses behind a button; tables become cards
    phone.get(live_server.url + "/estimates")
    links = phone.find_element(_by().ID, "nav-links")
    toggle = phone.find_element(_by().CSS_SELECTOR, ".nav-toggle")
    assert toggle.is_displayed() and not links.is_displayed()
    toggle.click()
    wait(phone, lambda d: links.is_displayed())
    assert toggle.get_attribute("aria-expanded") == "true"
    assert _no_horizontal_scroll(phone)
    assert phone.execute_script("return getComputedStyle(document.querySelector('table.estimates tr')).display") == "block"
    phone.save_screenshot(str(artifacts_dir / "phone-nav.png"))


def test_pages_have_unique_ids_a_skip_link_and_keyboard_tooltips(browser, live_server):
    from selenium.webdriver.common.keys import Keys

    store = live_server.store
    login(browser, live_server.url, store.create_token("a11y"))
    aid = article_id_by_title(store, "Shipwreck off Lampedusa")
    for path in ("/review", "/claims", "/estimates", f"/articles/{aid}", "/map"):
        browser.get(live_server.url + path)
        dupes = browser.execute_script(
            "const seen = {}, d = []; document.querySelectorAll('[id]').forEach(e => {"
            "if (seen[e.id]) d.push(e.id); seen[e.id] = 1; }); return d;")
        assert dupes == [], (path, dupes)
    browser.get(f"{live_server.url}/articles/{aid}")
    browser.find_element(_by().TAG_NAME, "body").send_keys(Keys.TAB)
    first = browser.switch_to.active_element
    assert first.get_attribute("class") == "skip-link" and first.get_attribute("href").endswith("#main")
    # highlights are told apart by more than colour, and their tooltip shows on keyboard focus
    decorations = browser.execute_script(
        "return ['quantity','source','time','place'].map(r => {"
        "const e = document.querySelector('.article-body .hl[data-role=' + r + ']'); const s = getComputedStyle(e);"
        "return s.textDecorationStyle + '/' + s.fontWeight + '/' + s.fontStyle; })")
    assert len(set(decorations)) == 4, decorations
    hl = browser.find_element(_by().CSS_SELECTOR, ".article-body .hl[data-role=quantity]")
    browser.execute_script("arguments[0].focus()", hl)
    tip = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", hl)
    assert "quantity" in tip
    hl.send_keys(Keys.ENTER)
    wait(browser, lambda d: "active" in d.find_element(_by().ID, "claim-c1").get_attribute("class"))
