"""The report in a real browser: Debian's headless Chromium, with the network switched off.

For each report: every section renders, the map shows one marker per resolved place,
clicking a citation opens the highlighted source passage, the page makes no network
request and logs no console error, and nothing injected runs. Screenshots are saved to
``$COLLATION_ARTIFACTS`` (default: a pytest temporary folder).

Reports come from (a) hand-built analyses (rich, hostile, empty) and (b) full pipeline
runs on the example corpus and on the seed corpus (``conftest.example_run`` /
``seeds_run``).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver import Chrome
from selenium.webdriver.chrome.options import Options as ChromeOptions
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from collation import load_analysis
from collation.records import Analysis
from collation.report import write_reports
from collation.report.data import ReportData
from collation.report.html import SECTIONS

from .report_fixture import SCRIPT, empty_analysis, rich_analysis

CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Belt and braces with the offline emulation below: no name resolves.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--window-size=1280,1000",
)


def _binary(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise AssertionError(
        f"none of {names} is installed: apt-get install -y chromium chromium-driver"
    )


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("COLLATION_ARTIFACTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def driver() -> Iterator[Chrome]:
    options = ChromeOptions()
    options.binary_location = _binary("chromium", "chromium-browser", "google-chrome")
    profile = tempfile.mkdtemp(prefix="collation-chrome-")
    for flag in (*CHROME_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    service = Service(_binary("chromedriver"))
    browser = webdriver.Chrome(service=service, options=options)
    try:
        browser.execute_cdp_cmd("Network.enable", {})
        browser.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
        )
        # Chromium loads its own new-tab page at start-up; let it finish and forget it so
        # only the report's traffic is counted.
        browser.get("about:blank")
        browser.get_log("performance")
        browser.get_log("browser")
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _network_requests(driver: Chrome) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _full_screenshot(driver: Chrome, path: Path) -> None:
    """The whole page, not just the viewport (Chrome DevTools capture)."""
    size = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 30000), "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def check_report(
    driver: Chrome, report: Path, analysis: Analysis, artifacts: Path, name: str
) -> dict[str, Any]:
    """Open a report offline and run every browser check on it; returns what was seen."""
    assert report.is_file(), report
    driver.get_log("performance")  # drop events from earlier pages
    driver.get_log("browser")
    url = report.resolve().as_uri()
    driver.get(url)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    assert driver.execute_script("return document.documentElement.classList.contains('js')")

    # 1. every section renders, with its heading, in order
    for sid, title in SECTIONS:
        section = driver.find_element(By.ID, sid)
        assert section.is_displayed(), sid
        assert section.size["height"] > 40, sid
        assert section.find_element(By.TAG_NAME, "h2").text == title

    # 2. one map marker per resolved place
    data = ReportData(analysis)
    expected = {e.id for e in data.resolved_places}
    markers = driver.find_elements(By.CSS_SELECTOR, "#map svg g.marker[data-entity]")
    assert {m.get_attribute("data-entity") for m in markers} == expected
    assert len(markers) == len(expected)
    for marker in markers:
        assert marker.is_displayed()

    # 3. every cited quote is a verbatim slice of its document
    texts = {d.id: d.text for d in analysis.documents}
    cites = driver.find_elements(By.CSS_SELECTOR, "#account a.cite, #single-source a.cite")
    for prop in driver.find_elements(By.CSS_SELECTOR, "#account .prop"):
        assert prop.find_elements(By.CSS_SELECTOR, "a.cite"), prop.text
    quotes = driver.execute_script(
        "return Array.from(document.querySelectorAll('#account a.cite, #single-source a.cite'))"
        ".map(a => [a.dataset.doc, +a.dataset.start, +a.dataset.end,"
        " a.parentElement.querySelector('q.quote').textContent])"
    )
    for doc, start, end, quote in quotes:
        assert texts[doc][start:end] == quote

    # 4. clicking a citation shows the highlighted passage
    _full_screenshot(driver, artifacts / f"{name}-full.png")
    panel_text = None
    if cites:
        first = cites[0]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
        doc_id = str(first.get_attribute("data-doc"))
        start = int(str(first.get_attribute("data-start")))
        end = int(str(first.get_attribute("data-end")))
        expected_quote = texts[doc_id][start:end]
        first.click()
        panel = driver.find_element(By.ID, "panel")
        WebDriverWait(driver, 5).until(lambda d: panel.is_displayed())
        mark = panel.find_element(By.CSS_SELECTOR, ".panel-body mark")
        assert mark.is_displayed()
        assert mark.get_attribute("textContent") == expected_quote
        background = mark.value_of_css_property("background-color")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent")
        panel_text = panel.text
        driver.save_screenshot(str(artifacts / f"{name}-citation.png"))
        panel.find_element(By.TAG_NAME, "button").click()
        WebDriverWait(driver, 5).until(lambda d: not panel.is_displayed())

    # 5. no network request beyond the file itself, no console error, nothing injected ran
    requests = [u for u in _network_requests(driver) if u != url]
    assert requests == [], requests
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], errors
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        _ = driver.switch_to.alert.text
    return {"markers": len(markers), "citations": len(cites), "panel": panel_text}


# (a) hand-built analyses ----------------------------------------------------------------


def test_rich_report_in_browser(driver: Chrome, artifacts: Path, tmp_path: Path) -> None:
    analysis = rich_analysis()
    write_reports(analysis, tmp_path)
    seen = check_report(driver, tmp_path / "report.html", analysis, artifacts, "fixture")
    assert seen["markers"] == 4 and seen["citations"] >= 10
    assert seen["panel"] and "source passage" in seen["panel"].lower()
    assert "Fourteen VX-9 turbine blades" in seen["panel"]


def test_hostile_report_in_browser(driver: Chrome, artifacts: Path, tmp_path: Path) -> None:
    analysis = rich_analysis(hostile=True)
    write_reports(analysis, tmp_path)
    check_report(driver, tmp_path / "report.html", analysis, artifacts, "hostile")
    # the injected markup is on screen as text
    outlets = driver.find_elements(By.CSS_SELECTOR, "#sources td bdi.outlet")
    assert any(SCRIPT in o.text for o in outlets)
    # a right-to-left override inside a name does not reorder the heading of its section
    heading = driver.find_element(By.CSS_SELECTOR, "#entities h2")
    assert heading.text == "Entities and names"
    left = driver.find_element(By.CSS_SELECTOR, "#entities table").rect["x"]
    assert abs(left - heading.rect["x"]) < 2


def test_empty_report_in_browser(driver: Chrome, artifacts: Path, tmp_path: Path) -> None:
    analysis = empty_analysis()
    write_reports(analysis, tmp_path)
    seen = check_report(driver, tmp_path / "report.html", analysis, artifacts, "empty")
    assert seen["citations"] == 0
    notes = driver.find_elements(By.CSS_SELECTOR, "main .na")
    assert len(notes) >= 6 and all(n.is_displayed() for n in notes)


def test_report_reads_without_javascript(artifacts: Path, tmp_path: Path) -> None:
    """With scripts disabled every section is there and a citation is a plain link that
    scrolls to its highlighted passage."""
    analysis = rich_analysis()
    write_reports(analysis, tmp_path)
    options = ChromeOptions()
    options.binary_location = _binary("chromium", "chromium-browser", "google-chrome")
    profile = tempfile.mkdtemp(prefix="collation-chrome-")
    for flag in (*CHROME_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"profile.managed_default_content_settings.javascript": 2}
    )
    browser = webdriver.Chrome(service=Service(_binary("chromedriver")), options=options)
    try:
        browser.get((tmp_path / "report.html").resolve().as_uri())
        assert not browser.execute_script(
            "return document.documentElement.classList.contains('js')"
        )
        for sid, _ in SECTIONS:
            assert browser.find_element(By.ID, sid).is_displayed()
        link = browser.find_elements(By.CSS_SELECTOR, "#account a.cite")[0]
        target = str(link.get_attribute("href")).split("#")[1]
        link.click()
        assert browser.current_url.endswith("#" + target)
        passage = browser.find_element(By.ID, target)
        top = browser.execute_script("return arguments[0].getBoundingClientRect().top", passage)
        assert 0 <= top < browser.execute_script("return window.innerHeight")
        assert passage.find_element(By.TAG_NAME, "mark").is_displayed()
        assert not browser.find_element(By.ID, "panel").is_displayed()
        browser.save_screenshot(str(artifacts / "fixture-nojs-citation.png"))
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


# (b) full pipeline runs -----------------------------------------------------------------


def _check_run(driver: Chrome, run: Path, artifacts: Path, name: str) -> dict[str, Any]:
    analysis = load_analysis(run)
    seen = check_report(driver, run / "report.html", analysis, artifacts, name)
    if (run / "index.html").exists():
        for story in analysis.stories:
            part = run / "stories" / story.id / "report.html"
            check_report(
                driver, part, load_analysis(run, story.id), artifacts, f"{name}-{story.id}"
            )
    return seen


def test_example_corpus_report_in_browser(
    driver: Chrome, artifacts: Path, example_run: Path
) -> None:
    seen = _check_run(driver, example_run, artifacts, "example")
    assert seen["citations"] > 0


def test_seed_corpus_report_in_browser(driver: Chrome, artifacts: Path, seeds_run: Path) -> None:
    seen = _check_run(driver, seeds_run, artifacts, "seeds")
    assert seen["citations"] > 0 and seen["markers"] > 0
