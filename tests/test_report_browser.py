"""The HTML report in a real browser (headless Chromium): it renders, filters work, links open a
document with its items highlighted. Skipped only where no Chromium (or no Playwright) is installed;
`make test` installs both. Set DJTEXT_SCREENSHOTS=DIR to keep the screenshots."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from djtext.report import write_report
from report_corpus import extract, write_corpus

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (Debian: apt-get install chromium)")


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    """The report of the invented corpus, written once."""
    base = tmp_path_factory.mktemp("browser")
    corpus = write_corpus(base / "corpus")
    results = extract(corpus, base / "results")
    out = base / "report.html"
    write_report(results, out)
    return out


def _browser_env(tmp: Path) -> dict:
    """Environment for the browser: a private HOME, and fontconfig seeing the bundled CJK font (if installed)."""
    env = {**os.environ, "HOME": str(tmp)}
    try:
        import pylopdf_fonts_zh_cn

        fonts = Path(pylopdf_fonts_zh_cn.__file__).parent
        conf = tmp / "fonts.conf"
        conf.write_text(
            '<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
            f"<dir>{fonts}</dir><cachedir>{tmp / 'fontcache'}</cachedir></fontconfig>", encoding="utf-8")
        env["FONTCONFIG_FILE"] = str(conf)
    except ImportError:
        pass
    return env


def _shot_dir(tmp_path: Path) -> Path:
    kept = os.environ.get("DJTEXT_SCREENSHOTS")
    folder = Path(kept) if kept else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@needs_browser
def test_dump_dom_renders_the_report(report_file, tmp_path):
    """Chromium itself (no driver) runs the page's script: the items table and the doc view get filled."""
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    url = report_file.as_uri() + "#doc=1&t=brands&q=" + "塞上同心·协商为民"
    dom = subprocess.run([BROWSER, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120,
                         env=_browser_env(tmp_path)).stdout
    assert 'data-ready="1"' in dom
    assert "items shown" in dom
    assert 'class="hl t-brands' in dom and "mark class=\"hl t-brands" in dom
    assert "focus" in dom  # the brand the link named is focused


@needs_browser
def test_filters_and_document_links_in_chromium(report_file, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the dev extra has it)")
    shots = _shot_dir(tmp_path)
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, args=["--no-sandbox", "--disable-gpu"], env=_browser_env(tmp_path))
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(report_file.as_uri())
            page.wait_for_selector("body[data-ready='1']")
            page.screenshot(path=str(shots / "report_overview.png"), full_page=True)
            brand_rows = page.locator("#brands tbody tr[data-region]")
            assert brand_rows.count() >= 3
            assert page.locator("#items-table tbody tr").count() > 0

            page.select_option("#f-region", "宁夏回族自治区")
            visible = [r for r in brand_rows.all() if r.is_visible()]
            assert visible and all(r.get_attribute("data-region") == "宁夏回族自治区" for r in visible)
            assert all(r.locator("td").nth(2).inner_text() == "宁夏回族自治区" for r in page.locator("#items-table tbody tr").all())
            page.uncheck(".f-table[value='brands']")
            assert not page.locator("#brands").is_visible()
            assert page.locator("#items-table tbody tr.t-brands").count() == 0
            page.screenshot(path=str(shots / "report_filtered.png"))
            page.check(".f-table[value='brands']")
            page.select_option("#f-region", "")

            link = page.locator("#brands a.doclink", has_text="west/b.txt").first
            link.click()
            page.wait_for_selector("#docview:not([hidden])")
            assert not page.locator("#overview").is_visible()
            assert page.locator("#doc-meta").inner_text().startswith("west/b.txt")
            focused = page.locator("#doc-text mark.focus")
            assert focused.count() == 1 and focused.inner_text() in ("塞上同心", "塞上同心·协商为民")
            marks = page.locator("#doc-text mark.hl.t-brands")
            assert marks.count() >= 2
            assert page.locator("#doc-items li").count() == page.locator("#doc-items li[data-item]").count() > 3
            page.screenshot(path=str(shots / "report_document.png"))

            page.locator("#doc-items li.t-practices").first.click()
            assert page.locator("#doc-text mark.focus.t-practices, #doc-text mark.focus[data-i]").count() >= 1
            page.click("#back")
            page.wait_for_selector("#docview", state="hidden")
            assert page.locator("#overview").is_visible()
            page.locator("#items-table tbody tr").first.click()
            page.wait_for_selector("#docview:not([hidden])")
            assert page.locator("#doc-text mark.focus").count() == 1
        finally:
            browser.close()
    assert errors == []
