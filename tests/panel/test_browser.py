"""The panel in a real browser: Debian's Chromium driven by Playwright against a served app.

One Chromium per test (about a second each). The reply's journey to the citizen is checked end to
end: the panel queues it in the outbox, the bot's own `OutboxSender` (bot/sender.py) drains the
outbox with a PTB `Bot` aimed at the local FakeBotApi, and the fake shows it in the citizen's chat.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Browser, Page, expect
from telegram import Bot

from bot.sender import OutboxSender
from tests.browser import DOCS, launch_chromium, need_chromium
from tests.fakes.bot_api import FakeBotApi, local_request
from tests.panel.conftest import CITIZEN_CHAT, PASSWORD, PanelServer


@pytest.fixture(autouse=True)
def _needs_chromium() -> None:
    need_chromium()


BAD_CSV = (
    "code,name_fa,municipality,district,category,status,total_budget_rial,start_date,"
    "planned_end_date,progress_percent,lat,lon,description_fa\n"
    "P-9001,طرح آزمایشی,mashhad,9,roads,in_progress,1000,1404-01-01,,12,,,\n"
    "P-9002,طرح خراب,mashhad,9,roads,in_progress,1000,1404-13-40,,12,,,\n"
)


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with launch_chromium() as chromium:
        yield chromium


async def _login(page: Page, server: PanelServer, username: str) -> None:
    await page.goto(server.panel)
    await expect(page).to_have_url(re.compile(r"/staff/login"))
    await page.get_by_label("نام کاربری").fill(username)
    await page.get_by_label("گذرواژه").fill(PASSWORD)
    await page.get_by_label("گذرواژه").press("Enter")  # keyboard only
    await expect(page.get_by_role("heading", name="صندوق بازخوردها")).to_be_visible()


async def _deliver_outbox(server: PanelServer, fake: FakeBotApi) -> int:
    bot = Bot(
        fake.token,
        base_url=fake.base_url,
        base_file_url=fake.file_url,
        request=local_request(read_timeout=2.0, connect_timeout=2.0),
    )
    async with bot:
        sender = OutboxSender(bot, server.runtime.services.outbox, "telegram", rate=1000)
        return await sender.drain()


async def test_review_reply_import_and_publish(panel_server: PanelServer, browser: Browser) -> None:
    s = panel_server
    code = s.codes["d9"]
    page = await browser.new_page(viewport={"width": 1280, "height": 900}, locale="fa-IR")
    await _login(page, s, "admin")

    # The page is Persian and right to left, in Vazirmatn.
    assert await page.locator("html").get_attribute("dir") == "rtl"
    assert await page.locator("html").get_attribute("lang") == "fa"
    font = await page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Vazirmatn" in font
    assert await page.evaluate("document.fonts.check('16px Vazirmatn')")

    # Filter: district 9 leaves only the item about P-1007.
    await page.get_by_label("منطقه").select_option("9")
    await page.get_by_role("button", name="پالایش").click()
    await expect(page.locator("#result-count")).to_have_text("۱ بازخورد")
    await expect(page.get_by_role("link", name=code)).to_be_visible()
    await page.get_by_label("منطقه").select_option("")
    await page.get_by_role("button", name="پالایش").click()
    await expect(page.locator("#result-count")).to_have_text("۴ بازخورد")
    if DOCS is not None:
        await page.screenshot(path=str(DOCS / "panel-inbox.png"), full_page=True)

    # Open the item, move it to "in review" with a note.
    await page.get_by_role("link", name=code).click()
    await expect(page.get_by_role("heading", name=re.compile("بازخورد"))).to_contain_text(code)
    await page.get_by_label("وضعیت تازه").select_option("in_review")
    await page.get_by_label(re.compile("^یادداشت \\(الزامی")).fill("به واحد فنی منطقه ۹ ارجاع شد.")
    await page.get_by_role("button", name="ثبت وضعیت").click()
    await expect(page.get_by_role("status")).to_contain_text("وضعیت تغییر کرد")
    await expect(page.locator("#current-status")).to_have_text("در حال بررسی")
    await expect(page.locator(".history")).to_contain_text("به واحد فنی منطقه ۹ ارجاع شد.")

    # Reply to the citizen.
    reply = "سلام؛ ترمیم آسفالت این تقاطع در برنامهٔ هفتهٔ آینده است. سپاس از گزارش شما."
    await page.get_by_label(re.compile("^متن پاسخ")).fill(reply)
    await page.get_by_role("button", name="ارسال پاسخ").click()
    await expect(page.get_by_role("status")).to_contain_text("پاسخ ثبت شد")
    await expect(page.locator("#current-status")).to_have_text("پاسخ داده شده")
    if DOCS is not None:
        await page.screenshot(path=str(DOCS / "panel-detail.png"), full_page=True)

    # The bot's outbox sender delivers it to the citizen's chat on the local Bot API server.
    async with FakeBotApi() as fake:
        assert await _deliver_outbox(s, fake) == 2  # the status notice and the reply
        sent = [m["text"] for m in fake.sent(CITIZEN_CHAT)]
    assert any(reply in text and code in text for text in sent)
    assert any("در حال بررسی" in text for text in sent)
    assert not any("واحد فنی" in text for text in sent)  # the note stays internal

    # Upload a CSV with an error: the problem is shown by file, line and column.
    await page.get_by_role("link", name="داده‌ها و گزارش‌ها").click()
    await page.get_by_label("پرونده‌ها", exact=True).set_input_files(
        files=[{"name": "projects.csv", "mimeType": "text/csv", "buffer": BAD_CSV.encode()}]
    )
    await page.get_by_role("button", name="بررسی و پیش‌نمایش").click()
    problems = page.locator("#problems tbody tr")
    await expect(problems).to_have_count(1)
    await expect(problems.first.locator("td").nth(0)).to_have_text("projects.csv")
    await expect(problems.first.locator("td").nth(1)).to_have_text("۳")
    await expect(problems.first.locator("td").nth(2)).to_have_text("start_date")

    # A good file previews, then commits.
    good = BAD_CSV.replace("1404-13-40", "1404-02-01")
    await page.get_by_label("پرونده‌ها", exact=True).set_input_files(
        files=[{"name": "projects.csv", "mimeType": "text/csv", "buffer": good.encode()}]
    )
    await page.get_by_role("button", name="بررسی و پیش‌نمایش").click()
    await page.get_by_role("button", name="ثبت نهایی").click()
    await expect(page.locator("#import-result")).to_contain_text("با موفقیت")
    assert (await s.runtime.services.projects.detail("P-9002")).summary.name_fa == "طرح خراب"

    # Publish a report: its digest is queued through the hook.
    await page.get_by_role("button", name="انتشار MSH-1403-Q1").click()
    await expect(page.get_by_role("status")).to_contain_text("گزارش منتشر شد")
    assert s.published == ["MSH-1403-Q1"]
    await page.close()


async def test_hostile_text_is_inert_and_reviewer_scope_holds(
    panel_server: PanelServer, browser: Browser
) -> None:
    s = panel_server
    page = await browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    await _login(page, s, "admin")
    await page.goto(s.panel + f"feedback/{s.codes['hostile']}")
    text = page.locator("#citizen-text")
    await expect(text).to_contain_text('<script>alert("x")</script>')
    assert await text.locator("script, img").count() == 0
    assert dialogs == []
    # Narrow screens: no horizontal scrolling of the page itself.
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1

    # A reviewer limited to district 9 cannot open a district 2 item by URL.
    context = await browser.new_context()
    reviewer = await context.new_page()
    await _login(reviewer, s, "rev9")
    response = await reviewer.goto(s.panel + f"feedback/{s.codes['d2']}")
    assert response is not None and response.status == 404
    await expect(reviewer.get_by_role("alert")).to_contain_text("پیدا نشد")
    await context.close()
    await page.close()
