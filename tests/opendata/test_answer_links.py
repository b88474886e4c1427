"""Every figure the bot states links to its public query, and following the link gives it back.

Questions of every kind that states a figure go through the one conversation; the reply's
"📊 جزئیات و داده" button is followed over HTTP (JSON form), and the JSON's figure must be exactly
the figure the reply stated — the same rials, shown in the reply as the bot formats them.
"""

from __future__ import annotations

from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from backend.conversation import ChatRef
from backend.conversation import texts as C
from backend.formatting import toman_figure
from backend.opendata import texts as OT
from backend.opendata.links import figure_path
from backend.render_plain import render_plain
from shafaf.runtime import Runtime, create_web_app, open_runtime
from tests.conftest import make_settings

Client = TestClient  # type: ignore[type-arg]

QUESTIONS = {
    "vat_share": "سهم مشهد از ارزش افزوده سال ۱۴۰۳ چقدر بود؟",
    "vat_share_short_period": "سهم نیشابور در بهار ۱۴۰۴",
    "vat_compare_periods": "سهم مشهد امسال نسبت به پارسال",
    "vat_compare_towns": "مقایسه سهم مشهد و نیشابور سال ۱۴۰۴",
    "trend": "روند سهم مشهد از ارزش افزوده در پنج سال گذشته",
    "vat_spending": "پول ارزش افزوده پارسال کجا خرج شد؟",
    "vat_spending_category": "امسال چقدر خرج فضای سبز شد؟",
    "vat_spending_district": "منطقه ۳ مشهد پارسال چقدر از ارزش افزوده خرج کرد؟",
    "project_info": "خط ۴ قطار شهری چه خبر؟",
    "project_info_period": "خط ۴ قطار شهری سال ۱۴۰۴ چقدر از ارزش افزوده گرفت؟",
    "tax_calculator": "از خرید ۵۰۰ هزار تومانی چقدر به شهر میرسه؟",
    "tax_calculator_net": "از خرید ۲ میلیون تومنی بدون مالیات چقدر به شهرداری میرسه؟",
    "tax_calculator_vat": "۳۰۰ هزار تومن مالیات ارزش افزوده دادم، چقدرش سهم شهر شد؟",
    # rankings: the first line's figure (the top of the list)
    "rank_towns": "سال ۱۴۰۳ کدوم شهرداری از همه بیشتر سهم ارزش افزوده گرفت؟",
    "rank_towns_least": "کمترین سهم ارزش افزوده ۱۴۰۴ مال کدوم شهر بود؟",
    "rank_months": "پارسال کدوم ماه سهم مشهد از ارزش افزوده بیشترین بود؟",
    "rank_years": "مشهد کدوم سال بیشترین سهم ارزش افزوده رو داشت؟",
    "rank_districts": "کدوم منطقه مشهد بیشترین پول ارزش افزوده رو خرج کرده؟",
    "rank_districts_year": "پارسال کدوم منطقه بیشترین خرج ارزش افزوده رو داشت؟",
    "rank_categories": "پارسال بیشتر پول ارزش افزوده خرج کدوم حوزه شد؟",
    "rank_projects": "کدوم پروژه تا حالا بیشترین پول ارزش افزوده رو گرفته؟",
    "rank_projects_year": "سال ۱۴۰۴ کدوم پروژه‌ها بیشترین پول ارزش افزوده گرفتن؟",
}


@pytest.fixture
async def client(sample_runtime: Runtime, aiohttp_client: Any) -> Client:
    return await aiohttp_client(create_web_app(sample_runtime))


@pytest.mark.parametrize("case", sorted(QUESTIONS))
async def test_following_the_link_reproduces_the_figure(
    case: str, client: Client, sample_runtime: Runtime
) -> None:
    chat = ChatRef("telegram", 61_000 + sorted(QUESTIONS).index(case))
    reply = await sample_runtime.conversation.text(chat, QUESTIONS[case])
    assert reply.answered, render_plain(reply)
    assert reply.figure is not None and reply.figure_rial is not None, case
    links = [a.payload for a in reply.all_actions() if a.kind == "url" and a.label == C.BTN_DATA]
    assert links == [sample_runtime.settings.public_url + figure_path(reply.figure)]
    response = await client.get(figure_path(reply.figure, "json"))
    assert response.status == 200, await response.text()
    body = await response.json()
    assert body["value_rial"] == reply.figure_rial
    assert toman_figure(body["value_rial"]) in render_plain(reply)


async def test_an_answer_on_old_data_says_so(sample_db_url: str) -> None:
    """Figures older than SHAFAF_STALE_AFTER_DAYS carry a note; fresh ones do not."""
    question = "سهم مشهد از ارزش افزوده سال ۱۴۰۳ چقدر بود؟"
    stale = OT.STALE_NOTE.split("{")[0]
    # The sample was imported on the tests' pinned 8 Azar 1405: fresh that day ...
    async with open_runtime(make_settings(sample_db_url), migrate=False) as runtime:
        reply = await runtime.conversation.text(ChatRef("telegram", 62_001), question)
    assert reply.answered and stale not in render_plain(reply)
    # ... and 83 days old on the first of Esfand (the default allows 45).
    settings = make_settings(sample_db_url, today="1405-12-01")
    async with open_runtime(settings, migrate=False) as runtime:
        reply = await runtime.conversation.text(ChatRef("telegram", 62_002), question)
    assert reply.answered and stale in render_plain(reply)


@pytest.mark.parametrize(
    "case", ["vat_share", "tax_calculator", "project_info_period", "rank_districts"]
)
async def test_the_api_answer_carries_the_figure_and_its_link(case: str, client: Client) -> None:
    response = await client.post("/api/v1/ask", json={"text": QUESTIONS[case]})
    assert response.status == 200
    body = await response.json()
    figure = body["figure"]
    assert figure is not None and figure["link"] in body["answer"]
    path = figure["link"].split("://", 1)[1].split("/", 1)[1]
    followed = await client.get(f"/{path}.json")
    assert followed.status == 200
    assert (await followed.json())["value_rial"] == figure["amount_rial"]


async def test_an_answer_without_a_figure_says_so_in_the_api(client: Client) -> None:
    response = await client.post("/api/v1/ask", json={"text": "سلام"})
    assert (await response.json())["figure"] is None
