"""The assistant against the sample database: every figure equals an independent sum of the CSVs.

Understandings are built by hand so these tests do not depend on the NLU.
"""

from __future__ import annotations

import asyncio
import csv
from collections.abc import AsyncIterator, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import jdatetime
import pytest

from backend.conversation.answers import Answers as Assistant
from backend.conversation.answers.faq import FAQ_MIN_SCORE
from backend.db import create_engine, create_sessionmaker
from backend.formatting import (
    change_phrase,
    date_label,
    fa_number,
    fa_percent,
    month_label,
    rial_exact,
    toman,
    toman_with_rial,
)
from backend.importer import import_files, read_paths
from backend.migrate import upgrade_to_head
from backend.months import Month, MonthRange
from backend.render_plain import numbered_actions, render_plain
from backend.reply import (
    Action,
    Block,
    Reply,
    parse_intent_payload,
    parse_projects_payload,
)
from backend.services import Services
from backend.services.catalog import FaqEntry
from nlp.cues import amount_is_tax
from nlp.faq import rank_faq
from nlp.types import Understanding

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
TODAY = jdatetime.date(1405, 9, 8)
SAMPLE_NOTE = "⚠️ این ارقام نمونه‌اند و تا بارگذاری داده‌های رسمی واقعی نیستند."


# --- independent figures from the CSV files ----------
def rows(name: str) -> list[dict[str, str]]:
    with (SAMPLE / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def jdate(text: str) -> jdatetime.date:
    y, m, d = (int(p) for p in text.split("-"))
    return jdatetime.date(y, m, d)


def month_of(row: dict[str, str]) -> Month:
    return Month(int(row["year"]), int(row["month"]))


def share_rows(municipality: str, period: MonthRange) -> list[dict[str, str]]:
    return [
        r
        for r in rows("vat_shares.csv")
        if r["municipality"] == municipality and month_of(r) in period
    ]


def share_sum(municipality: str, period: MonthRange) -> int:
    return sum(int(r["amount_rial"]) for r in share_rows(municipality, period))


def funding_sum(period: MonthRange, *, category: str | None = None, code: str | None = None) -> int:
    projects = {
        p["code"]: p
        for p in rows("projects.csv")
        if p["municipality"] == "mashhad"
        and (category is None or p["category"] == category)
        and (code is None or p["code"] == code)
    }
    return sum(
        int(r["amount_rial"])
        for r in rows("project_funding.csv")
        if r["project_code"] in projects and month_of(r) in period
    )


def population(slug: str) -> int:
    return next(int(m["population"]) for m in rows("municipalities.csv") if m["slug"] == slug)


def round_half_up(value: Fraction) -> int:
    return int((value * 2 + 1) // 2)


def text_of(reply: Reply) -> str:
    return render_plain(reply)


def u(
    intent: str,
    confidence: float = 0.95,
    text: str = "",
    extras: dict[str, Any] | None = None,
    **entities: Any,
) -> Understanding:
    return Understanding(
        intent, confidence, dict(entities), normalized_text=text, extras=dict(extras or {})
    )


async def more(assistant: Assistant, reply: Reply) -> Reply:
    """Press «جزئیات بیشتر» and return the full answer."""
    (button,) = [a for a in reply.all_actions() if a.kind == "more"]
    full = await assistant.handle_action("more", button.payload, TODAY)
    assert full is not None
    return full


def period(start: str, end: str) -> dict[str, str]:
    return {"from": start, "to": end}


# --- fixtures: one imported sample database per module, a fresh engine per test ---------------
@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("assistant") / "sample.db"
    url = f"sqlite+aiosqlite:///{path}"

    async def build() -> None:
        engine = create_engine(url)
        try:
            await upgrade_to_head(engine)
            await import_files(
                create_sessionmaker(engine),
                read_paths([SAMPLE]),
                origin="test",
                is_sample=True,
            )
        finally:
            await engine.dispose()

    asyncio.run(build())
    yield url


@pytest.fixture
async def assistant(sample_db: str) -> AsyncIterator[Assistant]:
    engine = create_engine(sample_db)
    try:
        yield Assistant(Services.build(create_sessionmaker(engine), lambda: TODAY))
    finally:
        await engine.dispose()


@pytest.fixture
async def empty_assistant(tmp_path: Path) -> AsyncIterator[Assistant]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    try:
        await upgrade_to_head(engine)
        yield Assistant(Services.build(create_sessionmaker(engine), lambda: TODAY))
    finally:
        await engine.dispose()


# --- vat_share ----------
async def test_vat_share_defaults_to_latest_full_year(assistant: Assistant) -> None:
    reply = await assistant.reply(u("vat_share"), TODAY)
    text = text_of(reply)
    year = MonthRange.year(1404)  # data ends 1405-08, so 1404 is the latest full year
    assert toman_with_rial(share_sum("mashhad", year)) in text
    assert "سال ۱۴۰۴ را در نظر گرفتم" in text
    assert SAMPLE_NOTE in text and reply.sample and reply.answered
    published = max(jdate(r["published_on"]) for r in share_rows("mashhad", year))
    assert f"آخرین انتشار: {date_label(published)}" in text
    assert "گزارش ماهانه اداره کل امور مالیاتی خراسان رضوی (نمونه)" in text
    # the figure leads, on the first line; the quarters wait behind «جزئیات بیشتر»
    assert toman(share_sum("mashhad", year)) in text.splitlines()[0]
    q4 = MonthRange(Month(1404, 10), Month(1404, 12))
    assert "زمستان ۱۴۰۴" not in text
    full = text_of(await more(assistant, reply))
    assert f"زمستان ۱۴۰۴: {toman(share_sum('mashhad', q4))}" in full
    per_capita = round_half_up(Fraction(share_sum("mashhad", year), population("mashhad")))
    assert toman(per_capita) in text
    assert reply.chart is not None and reply.chart.period == year
    kinds = {(a.kind, parse_intent_payload(a.payload)[0]) for a in reply.all_actions()}
    assert ("intent", "vat_compare") in kinds and ("intent", "vat_spending") in kinds


async def test_vat_share_partial_year_says_until_when(assistant: Assistant) -> None:
    reply = await assistant.reply(u("vat_share", period=period("1405-01", "1405-12")), TODAY)
    text = text_of(reply)
    covered = MonthRange(Month(1405, 1), Month(1405, 8))
    assert toman_with_rial(share_sum("mashhad", covered)) in text
    assert "تا پایان آبان ۱۴۰۵" in text
    assert "در نظر گرفتم" not in text  # the period was given, nothing assumed


async def test_vat_share_short_period_lists_months(assistant: Assistant) -> None:
    spring = MonthRange(Month(1403, 1), Month(1403, 3))
    reply = await assistant.reply(
        u("vat_share", municipality="neyshabur", period=spring.as_entity()), TODAY
    )
    text = text_of(await more(assistant, reply))
    assert toman_with_rial(share_sum("neyshabur", spring)) in text
    for month in spring.months():
        amount = share_sum("neyshabur", MonthRange(month, month))
        assert f"{month_label(month)}: {toman(amount)}" in text
    assert "نیشابور" in text


async def test_vat_share_without_data_offers_latest_period(assistant: Assistant) -> None:
    reply = await assistant.reply(u("vat_share", period=period("1399-01", "1399-12")), TODAY)
    text = text_of(reply)
    assert not reply.answered
    assert "تومان" not in text and "ریال" not in text
    assert "فروردین ۱۴۰۰ تا آبان ۱۴۰۵" in text
    payloads = [parse_intent_payload(a.payload) for a in reply.all_actions()]
    assert ("vat_share", {"period": period("1404-01", "1404-12")}) in payloads


async def test_empty_database_is_polite(empty_assistant: Assistant) -> None:
    reply = await empty_assistant.reply(u("vat_share"), TODAY)
    assert not reply.answered
    assert "تومان" not in text_of(reply)


# --- vat_compare ----------
async def test_compare_one_period_with_same_months_a_year_earlier(assistant: Assistant) -> None:
    reply = await assistant.reply(u("vat_compare", period=period("1405-01", "1405-12")), TODAY)
    text = text_of(reply)
    # 1405 ends at آبان in the data: like for like, آبان to آبان.
    first = MonthRange(Month(1405, 1), Month(1405, 8))
    second = MonthRange(Month(1404, 1), Month(1404, 8))
    a, b = share_sum("mashhad", first), share_sum("mashhad", second)
    assert toman(a) in text and toman(b) in text
    assert change_phrase((a - b) * 100.0 / b) in text.splitlines()[0]
    assert "مقایسه هم‌سنگ" in text
    full = text_of(await more(assistant, reply))
    assert rial_exact(a) in full and rial_exact(b) in full


async def test_compare_two_given_periods(assistant: Assistant) -> None:
    reply = await assistant.reply(
        u(
            "vat_compare",
            period=period("1403-01", "1403-12"),
            compare_period=period("1402-01", "1402-12"),
        ),
        TODAY,
    )
    text = text_of(reply)
    a = share_sum("mashhad", MonthRange.year(1403))
    b = share_sum("mashhad", MonthRange.year(1402))
    assert f"سال ۱۴۰۳: {toman(a)}" in text and f"سال ۱۴۰۲ ({toman(b)})" in text
    assert change_phrase((a - b) * 100.0 / b) in text
    assert "هم‌سنگ" not in text
    full = text_of(await more(assistant, reply))
    assert f"سال ۱۴۰۳: {rial_exact(a)}" in full and f"سال ۱۴۰۲: {rial_exact(b)}" in full


async def test_compare_municipalities_with_per_capita(assistant: Assistant) -> None:
    reply = await assistant.reply(u("vat_compare", compare_municipality="neyshabur"), TODAY)
    text = text_of(reply)
    year = MonthRange.year(1404)
    a, b = share_sum("mashhad", year), share_sum("neyshabur", year)
    assert f"مشهد: {toman(a)}" in text and f"نیشابور: {toman(b)}" in text
    pa = round_half_up(Fraction(a, population("mashhad")))
    pb = round_half_up(Fraction(b, population("neyshabur")))
    assert f"سرانه مشهد: {toman(pa)}" in text and f"سرانه نیشابور: {toman(pb)}" in text
    ratio = a / b
    expected = (
        f"{fa_number(ratio, 1)} برابر سهم"
        if ratio >= 2 or ratio <= 0.5
        else f"{change_phrase((ratio - 1) * 100)} از"
    )
    assert f"سهم کل مشهد {expected} نیشابور" in text
    assert SAMPLE_NOTE in text


# --- vat_spending ----------
async def test_years_ranked_by_share_or_by_growth_say_which(assistant: Assistant) -> None:
    whole = {"period": period("1400-01", "1405-08")}
    by_share = await assistant.reply(
        u("vat_compare", extras={"rank": {"by": "year"}}, **whole), TODAY
    )
    totals = {y: share_sum("mashhad", MonthRange.year(y)) for y in range(1400, 1405)}
    best = max(totals, key=lambda y: totals[y])
    first, top = [line for line in text_of(by_share).splitlines() if line.strip()][:2]
    assert "رشد" not in first and toman(totals[best]) in top
    # the first line's figure is the year's share, and links to it
    assert by_share.figure is not None and by_share.figure.period == MonthRange.year(best)
    assert by_share.figure_rial == totals[best]
    growth = {"rank": {"by": "year", "measure": "growth"}}
    by_growth = await assistant.reply(u("vat_compare", extras=growth, **whole), TODAY)
    assert "رشد" in text_of(by_growth).splitlines()[0]
    assert by_growth.figure is None  # a percent change has no public query of its own


async def test_spending_by_category_and_the_unattributed_rest(assistant: Assistant) -> None:
    reply = await assistant.reply(u("vat_spending", period=period("1404-01", "1404-12")), TODAY)
    text = text_of(reply)
    year = MonthRange.year(1404)
    received, spent = share_sum("mashhad", year), funding_sum(year)
    headline = text.splitlines()[0]
    assert toman(received) in headline and toman(spent) in headline
    assert fa_percent(spent * 100.0 / received) in headline
    transport = funding_sum(year, category="transport")
    assert f"حمل‌ونقل عمومی: {toman(transport)} ({fa_percent(transport * 100.0 / spent)})" in text
    # the parts add up: the shown categories and "others" sum to what was spent
    assert "سایر حوزه‌ها" in text
    assert any(a.kind == "project" and a.payload == "P-1001" for a in reply.all_actions())
    full = text_of(await more(assistant, reply))
    assert f"بقیه ({toman(received - spent)}" in full and "هزینه‌های جاری" in full


async def test_spending_of_one_category(assistant: Assistant) -> None:
    year = MonthRange.year(1404)
    reply = await assistant.reply(
        u("vat_spending", category="green", period=year.as_entity()), TODAY
    )
    text = text_of(reply)
    green, spent = funding_sum(year, category="green"), funding_sum(year)
    assert f"فضای سبز در مشهد، سال ۱۴۰۴: {toman(green)}" in text.splitlines()[0]
    assert fa_percent(green * 100.0 / spent) in text
    assert "P-1015" in {a.payload for a in reply.all_actions()}


# --- projects ----------
async def test_project_list_first_page_and_paging(assistant: Assistant) -> None:
    mashhad = [p for p in rows("projects.csv") if p["municipality"] == "mashhad"]
    reply = await assistant.reply(u("project_list"), TODAY)
    text = text_of(reply)
    assert f"{fa_number(len(mashhad))} پروژه پیدا شد" in text
    project_buttons = [a for a in reply.all_actions() if a.kind == "project"]
    assert 5 <= len(project_buttons) <= 8
    pages = [a for a in reply.all_actions() if a.kind == "projects_page"]
    assert len(pages) == 1 and parse_projects_payload(pages[0].payload).page == 2
    second = await assistant.handle_action("projects_page", pages[0].payload, TODAY)
    assert second is not None and second.answered
    assert {a.payload for a in second.all_actions() if a.kind == "project"}.isdisjoint(
        a.payload for a in project_buttons
    )


async def test_project_list_filters(assistant: Assistant) -> None:
    reply = await assistant.reply(u("project_list", category="green", district="9"), TODAY)
    text = text_of(reply)
    expected = [
        p
        for p in rows("projects.csv")
        if p["category"] == "green" and p["district"] == "9" and p["municipality"] == "mashhad"
    ]
    assert expected and f"{fa_number(len(expected))} پروژه پیدا شد" in text
    for p in expected:
        assert p["name_fa"] in text


async def test_project_list_without_results_suggests_relaxing(assistant: Assistant) -> None:
    reply = await assistant.reply(
        u("project_list", category="green", district="9", status="suspended"), TODAY
    )
    assert not reply.answered
    relaxed = [parse_projects_payload(a.payload) for a in reply.all_actions()]
    assert any(q.status is None and q.district == "9" for q in relaxed)
    assert any(q.district is None and q.category is None and q.status is None for q in relaxed)


async def test_project_card(assistant: Assistant) -> None:
    reply = await assistant.reply(u("project_info", project="P-1009"), TODAY)
    text = text_of(reply)
    row = next(p for p in rows("projects.csv") if p["code"] == "P-1009")
    funded = funding_sum(MonthRange.parse("1300-01", "1500-12"), code="P-1009")
    assert row["name_fa"] in text.splitlines()[0]
    assert toman(int(row["total_budget_rial"])) in text
    assert toman(funded) in text
    assert fa_percent(funded * 100.0 / int(row["total_budget_rial"])) in text
    assert fa_percent(int(row["progress_percent"]), 0) in text.splitlines()[0]
    assert "متوقف" in text and "منطقه ۱۲" in text
    full = text_of(await more(assistant, reply))
    assert date_label(jdate(row["start_date"])) in full
    assert rial_exact(int(row["total_budget_rial"])) in full
    assert reply.location == (float(row["lat"]), float(row["lon"]))
    assert ("feedback", "P-1009") in {(a.kind, a.payload) for a in reply.all_actions()}


async def test_project_card_for_a_period_gives_that_period_s_funding(
    assistant: Assistant,
) -> None:
    asked = MonthRange.parse("1403-01", "1404-12")
    reply = await assistant.reply(
        u("project_info", project="P-1025", period=period("1403-01", "1404-12")), TODAY
    )
    text = text_of(reply)
    in_period = funding_sum(asked, code="P-1025")
    assert 0 < in_period < funding_sum(MonthRange.parse("1300-01", "1500-12"), code="P-1025")
    assert f"در سال‌های ۱۴۰۳ تا ۱۴۰۴: {toman(in_period)}" in text
    before = await assistant.reply(
        u("project_info", project="P-1025", period=period("1399-01", "1399-12")), TODAY
    )
    assert "در این دوره مبلغی ثبت نشده است" in text_of(before)


async def test_project_card_marks_overdue(assistant: Assistant) -> None:
    overdue = next(
        p
        for p in rows("projects.csv")
        if p["planned_end_date"]
        and jdate(p["planned_end_date"]) < TODAY
        and p["status"] != "completed"
    )
    reply = await assistant.reply(u("project_info", project=overdue["code"]), TODAY)
    assert "از موعد گذشته" in text_of(reply)
    done = next(p for p in rows("projects.csv") if p["status"] == "completed")
    reply = await assistant.reply(u("project_info", project=done["code"]), TODAY)
    assert "از موعد گذشته" not in text_of(reply)


async def test_project_candidates_become_buttons(assistant: Assistant) -> None:
    question = Understanding("project_info", 0.9, {}, candidates=["P-1013", "P-1014"])
    reply = await assistant.reply(question, TODAY)
    assert not reply.answered
    assert [(a.kind, a.payload) for a in reply.all_actions()] == [
        ("project", "P-1013"),
        ("project", "P-1014"),
    ]
    assert "بوستان ولایت منطقه ۳" in text_of(reply)


async def test_project_unknown_or_missing(assistant: Assistant) -> None:
    reply = await assistant.reply(u("project_info", project="P-9999"), TODAY)
    assert not reply.answered and "پیدا نشد" in text_of(reply)
    reply = await assistant.reply(u("project_info"), TODAY)
    assert not reply.answered
    assert [a.kind for a in reply.all_actions()] == ["projects_page"]


# --- tax_calculator ----------
def independent_calc(price_rial: int, *, is_tax: bool = False) -> tuple[int, int]:
    rate = next(r for r in rows("vat_rates.csv") if r["valid_from"] == "1403-01-01")
    vat_pct, share_pct = (
        Fraction(rate["vat_rate_percent"]),
        Fraction(rate["municipal_share_percent"]),
    )
    vat = price_rial if is_tax else round_half_up(price_rial * vat_pct / (100 + vat_pct))
    return vat, round_half_up(vat * share_pct / 100)


async def test_calculator_purchase(assistant: Assistant) -> None:
    amount = 5_000_000  # 500 هزار تومان
    reply = await assistant.reply(
        u("tax_calculator", text="از خرید 500 هزار تومانی چقدر به شهر میرسه", amount_rial=amount),
        TODAY,
    )
    text = text_of(reply)
    vat, city = independent_calc(amount)
    headline = text.splitlines()[0]
    assert toman(amount) in headline and toman(city) in headline and "شهرداری مشهد" in headline
    assert f"مالیات: {toman(vat)} (۱۰٪ از قیمت)" in text and SAMPLE_NOTE in text
    # the price was read as tax-included (the usual shop price), and the reply says so
    assert "با مالیات گرفتم" in text
    kinds = [parse_intent_payload(a.payload)[1].get("amount_kind") for a in reply.actions[0]]
    assert kinds == ["net", "vat"]
    full = text_of(await more(assistant, reply))
    assert "سال ۱۴۰۴" in full and "حمل‌ونقل عمومی" in full


async def test_calculator_amount_is_the_tax(assistant: Assistant) -> None:
    amount = 500_000  # 50 هزار تومان
    reply = await assistant.reply(
        u("tax_calculator", extras={"price": "vat"}, amount_rial=amount), TODAY
    )
    _, city = independent_calc(amount, is_tax=True)
    headline = text_of(reply).splitlines()[0]
    assert f"از {toman(amount)} مالیات ارزش افزوده‌ای که پرداختید، {toman(city)}" in headline
    # The button flips the reading, answered without the NLU.
    flipped = await assistant.handle_action("intent", reply.all_actions()[0].payload, TODAY)
    assert flipped is not None and "(با مالیات)" in text_of(flipped).splitlines()[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50 هزار تومان مالیات ارزش افزوده دادم", True),
        ("مالیات بر ارزش افزوده ام 200 هزار تومان شد چقدرش به شهر میرسه", True),
        ("امسال 3 میلیون تومان مالیات پرداخت کردم", True),
        ("از خرید 500 هزار تومانی چقدر مالیات به شهر میرسه", False),
        ("یک گوشی 20 میلیون تومانی خریدم چقدر مالیاتش به شهرداری رسید", False),
        ("قیمت 2 میلیون تومان بود مالیات دادم", False),
        ("تو فاکتور خریدم 90 هزار ریال مالیات خورده", True),
        ("برای خرید یخچال 400 هزار تومان ارزش افزوده پرداخت کردم", True),
        ("از 100 هزار تومان چقدر به شهر میرسه", False),
    ],
)
def test_amount_is_tax_heuristic(text: str, expected: bool) -> None:
    assert amount_is_tax(text) is expected


async def test_calculator_asks_for_the_amount(assistant: Assistant) -> None:
    reply = await assistant.reply(u("tax_calculator"), TODAY)
    assert not reply.answered
    examples = [parse_intent_payload(a.payload) for a in reply.all_actions()]
    assert examples and all(i == "tax_calculator" and "amount_rial" in e for i, e in examples)


# --- reports, faq ----------
async def test_reports_latest_first(assistant: Assistant) -> None:
    reply = await assistant.reply(u("report"), TODAY)
    text = text_of(reply)
    published = sorted(
        (
            r
            for r in rows("reports.csv")
            if r["municipality"] == "mashhad" and jdate(r["published_on"]) <= TODAY
        ),
        key=lambda r: jdate(r["published_on"]),
        reverse=True,
    )
    latest = published[0]
    assert f"{latest['title_fa']} — منتشرشده {date_label(jdate(latest['published_on']))}" in text
    urls = [a.payload for a in reply.all_actions() if a.kind == "url"]
    assert urls[0] == latest["url"]
    assert reply.sample


async def test_faq_share_question_states_todays_rate(assistant: Assistant) -> None:
    reply = await assistant.reply(u("faq", text="چند درصد از مالیات به شهرداری میرسه"), TODAY)
    text = text_of(reply)
    entry = next(r for r in rows("faq.csv") if r["slug"] == "city-share-percent")
    assert entry["answer_fa"] in text
    rate = next(r for r in rows("vat_rates.csv") if r["valid_from"] == "1403-01-01")
    assert f"{fa_percent(float(rate['vat_rate_percent']))} مالیات بر ارزش افزوده" in text
    assert f"{fa_percent(float(rate['municipal_share_percent']))} آن به شهرداری‌ها" in text


async def test_faq_about_a_purchase_gives_the_rate_and_offers_the_calculator(
    assistant: Assistant,
) -> None:
    reply = await assistant.reply(u("faq", text="اگه یه چیزی بخرم چقدرش به شهرداری میرسه"), TODAY)
    text = text_of(reply)
    assert "مالیات بر ارزش افزوده که" in text  # today's rate line
    calc = [a for a in reply.all_actions() if a.kind == "intent" and "tax_calculator" in a.payload]
    assert len(calc) == 3
    plain = await assistant.reply(u("faq", text="مالیات بر ارزش افزوده چیست"), TODAY)
    assert not any("tax_calculator" in a.payload for a in plain.all_actions())


async def test_faq_picks_the_closest_entry(assistant: Assistant) -> None:
    reply = await assistant.reply(u("faq", text="مالیات بر ارزش افزوده چیست"), TODAY)
    entry = next(r for r in rows("faq.csv") if r["slug"] == "what-is-vat")
    assert reply.blocks[1].text == entry["answer_fa"]
    assert f"منبع: {entry['source']}" in text_of(reply)
    reply = await assistant.reply(u("faq", text="شفاف چیه"), TODAY)
    assert reply.blocks[0].text == "شفاف چیست؟"


# --- conversation, scope, uncertainty, errors ----------
@pytest.mark.parametrize("intent", ["greeting", "help", "thanks"])
async def test_small_talk(assistant: Assistant, intent: str) -> None:
    reply = await assistant.reply(u(intent), TODAY)
    assert reply.answered and not reply.sample and reply.blocks
    if intent == "help":
        asks = [a for a in reply.all_actions() if a.kind == "ask"]
        assert 4 <= len(asks) <= 6


@pytest.mark.parametrize(
    ("text", "must"),
    [
        ("مالیات خودرو من چقدره", "۱۵۲۶"),
        ("زباله کوچه ما جمع نشده", "۱۳۷"),
        ("هوا فردا چطوره", "حوزه من"),
    ],
)
async def test_out_of_scope_redirects_without_money(
    assistant: Assistant, text: str, must: str
) -> None:
    reply = await assistant.reply(u("out_of_scope", text=text), TODAY)
    rendered = text_of(reply)
    assert must in rendered and not reply.answered
    assert "تومان" not in rendered and "ریال" not in rendered and "میلیارد" not in rendered


async def test_feedback_subscribe_unsubscribe_status(assistant: Assistant) -> None:
    feedback = await assistant.reply(u("feedback", project="P-1007"), TODAY)
    assert ("feedback", "P-1007") in {(a.kind, a.payload) for a in feedback.all_actions()}
    subscribe = await assistant.reply(u("subscribe"), TODAY)
    assert {a.payload for a in subscribe.all_actions()} == {"weekly", "monthly"}
    unsubscribe = await assistant.reply(u("unsubscribe"), TODAY)
    assert [a.kind for a in unsubscribe.all_actions()] == ["unsubscribe"]
    status = await assistant.reply(u("feedback_status", tracking_code="SH-40213"), TODAY)
    assert "/status SH-40213" in text_of(status)
    assert [(a.kind, a.payload) for a in status.all_actions()] == [("feedback_status", "SH-40213")]


async def test_low_confidence_asks_which_intent(assistant: Assistant) -> None:
    question = Understanding(
        "vat_share",
        0.38,
        {"period": period("1403-01", "1403-12")},
        alternatives=[("vat_spending", 0.31), ("project_list", 0.12)],
    )
    reply = await assistant.reply(question, TODAY)
    assert not reply.answered and "تومان" not in text_of(reply)
    options = [parse_intent_payload(a.payload) for a in reply.all_actions() if a.kind == "intent"]
    assert options[:3] == [
        ("vat_share", {"period": period("1403-01", "1403-12")}),
        ("vat_spending", {"period": period("1403-01", "1403-12")}),
        ("project_list", {"period": period("1403-01", "1403-12")}),
    ]
    # A safe intent is answered even when unsure.
    hello = await assistant.reply(Understanding("greeting", 0.3), TODAY)
    assert hello.answered


@pytest.mark.parametrize(
    "question",
    [
        u("vat_share", municipality="tehran"),
        u("vat_compare", compare_municipality="tehran"),
        u("vat_share", period={"from": "1404-13", "to": "1404-12"}),
        u("vat_spending", category="space-program"),
        u("project_list", status="finished"),
        u("tax_calculator", amount_rial=-5),
        u("report", municipality="tehran"),
    ],
)
async def test_domain_errors_are_polite(assistant: Assistant, question: Understanding) -> None:
    reply = await assistant.reply(question, TODAY)
    assert not reply.answered
    assert text_of(reply).startswith("متأسفم")


async def test_bad_payload_is_polite(assistant: Assistant) -> None:
    reply = await assistant.handle_action("projects_page", "n=zero", TODAY)
    assert reply is not None and not reply.answered
    assert await assistant.handle_action("subscribe", "weekly", TODAY) is None


async def test_every_button_fits_telegram_callback_data(assistant: Assistant) -> None:
    questions = [
        u("greeting"),
        u("help"),
        u("vat_share"),
        u("vat_compare", period=period("1405-01", "1405-12")),
        u("vat_spending", category="transport"),
        u("project_list", category="green", district="9", status="suspended"),
        u("project_info", project="P-1021"),
        u("tax_calculator", amount_rial=123_456_789_000),
        u("report"),
        u("faq", text="شفاف چیه"),
        u("out_of_scope", text="زباله"),
    ]
    for question in questions:
        reply = await assistant.reply(question, TODAY)
        for action in reply.all_actions():
            if action.kind == "url":
                continue  # a link, not callback data (Telegram takes long URLs there)
            assert len(action.payload.encode()) <= 64, (question.intent, action)


# --- plain rendering ----------
def test_render_plain_is_stable() -> None:
    reply = Reply(
        "vat_share",
        [
            Block("title", "📊 عنوان"),
            Block("text", "متن"),
            Block("fact", "۱ تومان", label="الف"),
            Block("fact", "۲ تومان", label="ب"),
            Block("list", "فهرست:", ("یک", "دو")),
            Block("note", SAMPLE_NOTE),
        ],
        [
            [Action("بعدی", "projects_page", "n=2"), Action("پیوند", "url", "https://x.example")],
            [Action("راهنما", "intent", "help")],
        ],
        location=(36.2902, 59.61014),
    )
    expected = "\n".join(
        [
            "📊 عنوان",
            "",
            "متن",
            "",
            "الف: ۱ تومان",
            "ب: ۲ تومان",
            "",
            "فهرست:",
            "• یک",
            "• دو",
            "",
            SAMPLE_NOTE,
            "",
            "📍 موقعیت روی نقشه: ۳۶٫۲۹۰۲، ۵۹٫۶۱۰۱۴",
            "",
            "گزینه‌ها:",
            "۱) بعدی",
            "۲) پیوند: https://x.example",
            "۳) راهنما",
        ]
    )
    assert render_plain(reply) == expected
    assert [a.label for a in numbered_actions(reply)] == ["بعدی", "پیوند", "راهنما"]


async def test_render_plain_of_real_replies_is_deterministic(assistant: Assistant) -> None:
    first = text_of(await assistant.reply(u("vat_spending"), TODAY))
    second = text_of(await assistant.reply(u("vat_spending"), TODAY))
    assert first == second
    assert not any(ch.isascii() and ch.isdigit() for ch in first.split("منبع:")[0])


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("مالیات بر ارزش افزوده چیه", "what-is-vat"),
        ("شفاف چیه", "what-is-shafaf"),
        ("چرا شهرداری از مالیات سهم میگیره", "why-city-gets-share"),
        ("اطلاعات کی به روز میشه", "update-frequency"),
        ("نرخ مالیات ارزش افزوده چنده", "vat-rate"),
        ("شهرداری پول مالیات رو خرج چی میکنه", "spending"),
    ],
)
def test_rank_faq(question: str, slug: str) -> None:
    entries = [
        FaqEntry(r["slug"], r["question_fa"], r["answer_fa"], r["source"]) for r in rows("faq.csv")
    ]
    best, score = rank_faq(question, entries)[0]
    assert best.slug == slug and score >= FAQ_MIN_SCORE
