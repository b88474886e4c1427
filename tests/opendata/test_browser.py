"""The public site in a real browser: Debian's Chromium driven by Playwright against a served app.

Deep links (`figure_path` URLs, as bot answers will carry them) must land on the right page with
the right filters and state the same figure as their JSON. The screenshot in the README is taken
here only on request: SHAFAF_SCREENSHOTS=docs .venv/bin/pytest tests/opendata/test_browser.py
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import aiohttp
import jdatetime
import pytest
from playwright.async_api import Browser, Page, expect

from backend.formatting import toman
from backend.months import Month, MonthRange
from backend.opendata.links import FigureQuery, figure_path
from shafaf.runtime import Runtime, create_web_app
from tests.browser import DOCS, launch_chromium, need_chromium
from tests.fakes.loopback import serve_on_loopback

Y1403 = MonthRange.year(1403)


@pytest.fixture(autouse=True)
def _needs_chromium() -> None:
    need_chromium()


@pytest.fixture
async def site(sample_runtime: Runtime) -> AsyncIterator[str]:
    """Serve the whole app (site, open data, API, panel) on 127.0.0.1 and a random port."""
    async with serve_on_loopback(create_web_app(sample_runtime)) as url:
        yield url


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with launch_chromium() as chromium:
        yield chromium


async def _figure(site: str, q: FigureQuery) -> int:
    async with aiohttp.ClientSession() as session:
        async with session.get(site + figure_path(q, "json")) as response:
            assert response.status == 200
            value: int = (await response.json())["value_rial"]
    return value


def _watch(page: Page) -> list[str]:
    """Collect console errors (a CSP violation shows up here) and page errors."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


async def test_home_and_share_pages(site: str, browser: Browser) -> None:
    page = await browser.new_page(viewport={"width": 1280, "height": 900}, locale="fa-IR")
    problems = _watch(page)
    await page.goto(site + "/")
    assert await page.locator("html").get_attribute("dir") == "rtl"
    assert await page.locator("html").get_attribute("lang") == "fa"
    assert "Vazirmatn" in await page.evaluate("getComputedStyle(document.body).fontFamily")
    assert await page.evaluate("document.fonts.check('16px Vazirmatn')")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("سهم شهرداری مشهد")
    await expect(page.get_by_role("img", name=re.compile("نمودار سهم سالانه"))).to_be_visible()
    await expect(page.locator("#years-table tbody tr")).to_have_count(6)
    # Last updated and the source, on every page.
    await expect(page.locator("#updated")).to_contain_text("وارد شده‌اند")
    await expect(page.locator("#provenance")).to_contain_text("اداره کل امور مالیاتی")
    await expect(page.locator("#sample-note")).to_be_visible()
    if DOCS is not None:
        await page.screenshot(path=str(DOCS / "public-page.png"), full_page=True)

    # The share page: pick a year by its link, then a range with the form.
    await page.get_by_role("link", name="سهم شهر", exact=True).click()
    await page.locator(".quick").get_by_role("link", name="۱۴۰۳").click()
    await expect(page).to_have_url(
        re.compile(r"/share\?municipality=mashhad&from=1403-01&to=1403-12")
    )
    value = await _figure(site, FigureQuery.vat_share("mashhad", Y1403))
    await expect(page.locator("#headline")).to_have_text(toman(value))
    await expect(page.locator("#months-table tbody tr")).to_have_count(12)
    await expect(page.get_by_role("img", name=re.compile("نمودار سهم ماهانه"))).to_be_visible()
    await page.get_by_label("از ماه").select_option("1404-04")
    await page.get_by_label("تا ماه").select_option("1404-06")
    await page.get_by_role("button", name="نمایش").click()
    summer = MonthRange(Month(1404, 4), Month(1404, 6))
    await expect(page.locator("#title")).to_contain_text("تابستان ۱۴۰۴")
    await expect(page.locator("#headline")).to_have_text(
        toman(await _figure(site, FigureQuery.vat_share("mashhad", summer)))
    )
    await expect(page.locator("#short-link")).to_have_text("/d/share/mashhad/1404-04..1404-06")
    assert problems == []
    await page.close()


async def test_deep_links_land_on_the_right_page_and_filters(site: str, browser: Browser) -> None:
    page = await browser.new_page(viewport={"width": 1280, "height": 900}, locale="fa-IR")
    problems = _watch(page)

    spending = FigureQuery.spending("mashhad", Y1403, category="transport")
    await page.goto(site + figure_path(spending))
    await expect(page).to_have_url(re.compile(r"/spending\?"))
    query = parse_qs(urlsplit(page.url).query)
    assert query == {
        "municipality": ["mashhad"],
        "from": ["1403-01"],
        "to": ["1403-12"],
        "category": ["transport"],
    }
    await expect(page.get_by_label("حوزه")).to_have_value("transport")
    await expect(page.get_by_label("از ماه")).to_have_value("1403-01")
    await expect(page.locator("#headline")).to_have_text(toman(await _figure(site, spending)))
    # The project rows link to project pages.
    await page.locator("#projects-table tbody a").first.click()
    await expect(page).to_have_url(re.compile(r"/projects/P-\d+"))
    await expect(page.locator("#history-note")).to_contain_text("تاریخچهٔ تغییر وضعیت")

    district = FigureQuery.spending("mashhad", Y1403, district="9")
    await page.goto(site + figure_path(district))
    await expect(page.get_by_label("منطقه")).to_have_value("9")
    await expect(page.locator("#headline")).to_have_text(toman(await _figure(site, district)))

    project = FigureQuery.project_funding("P-1001", Y1403)
    await page.goto(site + figure_path(project))
    await expect(page).to_have_url(re.compile(r"/projects/P-1001\?from=1403-01&to=1403-12"))
    await expect(page.locator("#headline")).to_have_text(toman(await _figure(site, project)))
    await expect(page.locator("progress").first).to_have_attribute("value", "18")

    compare = FigureQuery.compare_periods("mashhad", MonthRange.year(1404), Y1403)
    await page.goto(site + figure_path(compare))
    await expect(page.locator("#headline")).to_have_text(toman(await _figure(site, compare)))
    await expect(page.get_by_label("در برابر: از ماه")).to_have_value("1403-01")

    calc = FigureQuery.calculator("mashhad", 25_000_000, "purchase", jdatetime.date(1402, 6, 1))
    await page.goto(site + figure_path(calc))
    await expect(page.get_by_label("مبلغ", exact=True)).to_have_value("25000000")
    await expect(page.get_by_label("واحد")).to_have_value("rial")
    await expect(page.locator("#headline")).to_have_text(toman(await _figure(site, calc)))
    await expect(page.locator("#vat-rate")).to_have_text("۹٪")  # the rate in force in 1402

    # A link to nothing lands on a Persian error page, not a stack trace.
    response = await page.goto(site + "/d/share/nowhere/1403")
    assert response is not None and response.status == 404
    await expect(page.get_by_role("heading", level=1)).to_have_text("چیزی که خواستید پیدا نشد.")
    assert problems == [] or all("404" in p for p in problems)
    await page.close()


async def test_calculator_on_a_phone_by_keyboard(site: str, browser: Browser) -> None:
    page = await browser.new_page(viewport={"width": 390, "height": 844}, locale="fa-IR")
    problems = _watch(page)
    await page.goto(site + "/calculator")
    await expect(page.locator("#rate")).to_contain_text("۱۰٪")
    await expect(page.locator("#rates-table tbody tr")).to_have_count(2)
    amount = page.get_by_label("مبلغ", exact=True)
    await amount.fill("۲٬۰۰۰٬۰۰۰")  # Persian digits and grouping, as people type them
    await amount.press("Enter")
    await expect(page).to_have_url(re.compile(r"/calculator\?amount="))
    calc = FigureQuery.calculator("mashhad", 20_000_000, "purchase", jdatetime.date(1405, 9, 8))
    await expect(page.locator("#headline")).to_have_text(toman(await _figure(site, calc)))
    await expect(page.locator("#result .formula li")).to_have_count(4)
    await expect(page.locator("#split-table tbody tr").first).to_be_visible()
    await expect(page.locator("#short-link")).to_have_text(figure_path(calc))
    # Narrow screens: no horizontal scrolling of the page itself, on any page.
    for path in (
        "/calculator",
        "/",
        "/share",
        "/spending",
        "/projects",
        "/projects/P-1001",
        "/data",
    ):
        await page.goto(site + path)
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 1, path
    assert problems == []
    await page.close()


async def test_data_page_lists_the_downloads(site: str, browser: Browser) -> None:
    page = await browser.new_page(viewport={"width": 1280, "height": 900}, locale="fa-IR")
    await page.goto(site + "/data")
    await expect(page.locator("#exports-table tbody tr")).to_have_count(9)
    link = page.get_by_role("link", name="vat_shares.csv")
    assert await link.get_attribute("href") == "/api/v1/export/vat_shares.csv"
    async with page.expect_download() as download_info:
        await link.click()
    download = await download_info.value
    assert download.suggested_filename == "vat_shares.csv"
    await page.get_by_role("link", name="datapackage.json").click()
    assert "tabular-data-package" in await page.content()
    await page.close()
