"""Writes tests/dialogues/dialogues.json from the figures in compute_figures.py.

Every figure in the dialogues is taken from compute_figures.compute() by name, so a
figure cannot be mistyped; the notes say how each one is computed.

    python3 tests/dialogues/build_dialogues.py && python3 tests/dialogues/validate_dialogues.py

Tracking-code placeholders (replaced by the runner with the last code the bot gave,
e.g. "SH-147683"):
    {code}            SH-147683   (as the bot gave it)
    {code_nodash}     SH147683
    {code_lower}      sh147683
    {code_fa}         SH-۱۴۷۶۸۳  (Persian digits)
    {code_number}     147683      (the bare number)
    {code_number_fa}  ۱۴۷۶۸۳
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from compute_figures import compute  # noqa: E402

F = compute()


def rank_names(key: str, n: int, table: dict[str, str] | None = None) -> list[str]:
    """Names, in order, of the first n entries of a ranking computed in compute_figures."""
    from compute_figures import CATS, MUNIS, PROJECTS

    out = []
    for k, _ in F[key][:n]:
        if table is not None:
            out.append(table[k])
        elif k in MUNIS:
            out.append(MUNIS[k]["name_fa"])
        elif k in CATS:
            out.append(CATS[k])
        elif k in PROJECTS:
            out.append(PROJECTS[k]["name_fa"])
        else:
            out.append(k)
    return out


def say(text: str, **expect) -> dict:
    return {"say": text, "expect": expect}


def press_kind(kind: str, **expect) -> dict:
    return {"press": {"kind": kind}, "expect": expect}


def press_label(label: str, **expect) -> dict:
    return {"press": {"label_contains": label}, "expect": expect}


def command(text: str, **expect) -> dict:
    return {"command": text, "expect": expect}


DISTRICT = {
    "samen": "منطقه ثامن",
    **{
        str(i): "منطقه " + str(i).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        for i in range(1, 14)
    },
}
MONTH = {
    str(i): n
    for i, n in enumerate(
        "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split(), 1
    )
}

D: list[dict] = []


def dialogue(
    id: str, covers: list[str], note: str, turns: list[dict], today: str | None = None
) -> None:
    d = {"id": id, "covers": covers}
    if today:
        d["today"] = today
    d["note"] = note
    d["turns"] = turns
    D.append(d)


# Frequently used project names (exactly as in projects.csv)
P1001 = "خط ۴ قطار شهری مشهد"
P1002 = "تکمیل ایستگاه‌های خط ۲ قطار شهری"
P1004 = "مسیر ویژه اتوبوس تندرو (بی‌آرتی) بلوار طبرسی"
P1007 = "زیرگذر چهارراه خیام"
P1009 = "روگذر بلوار توس"
P1011 = "تعریض بلوار شهید آوینی"
P1012 = "بوستان محله‌ای آزادشهر"
P1013 = "بوستان ولایت منطقه ۳"
P1014 = "بوستان ولایت منطقه ۱۲"
P1016 = "نوسازی بوستان ملت"
P1006 = "تقاطع غیرهمسطح بلوار سجاد و بلوار جانباز"
P1022 = "پارکینگ طبقاتی زائران باب‌الجواد"
P1024 = "مرکز خدمات زائران ورودی جاده قوچان"
P1026 = "بازآفرینی محله گلشهر"
P1027 = "نوسازی بافت فرسوده طبرسی شمالی"
P1031 = "ایمن‌سازی بازار رضا در برابر آتش‌سوزی"
P1015 = "کمربند سبز ارتفاعات جنوبی مشهد"

NOT_FOUND = ["پیدا نشد", "یافت نشد", "نامعتبر"]

# ======================================================================================
# context: typed follow-ups keep the frame; a new full question starts a fresh one
# ======================================================================================

dialogue(
    "ctx-last-year-then-other-town",
    ["context"],
    "Mashhad 1403 = sum of vat_shares mashhad 1403 months 1..12; «پارسال» with today 1405-09-08 is 1404 "
    "(keeps Mashhad); «نیشابور چطور؟» keeps 1404 and switches the town: sum of neyshabur 1404 months 1..12.",
    [
        say(
            "سهم مشهد از ارزش افزوده سال ۱۴۰۳ چقدر بود؟",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1403"]],
            contains=["۱۴۰۳"],
            sample_note=True,
        ),
        say(
            "پارسال چی؟",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1404"]],
            contains=["۱۴۰۴", "مشهد"],
        ),
        say(
            "نیشابور چطور؟",
            intent="vat_share",
            figures_rial=[F["share.neyshabur.1404"]],
            contains=["نیشابور", "۱۴۰۴"],
        ),
    ],
)

dialogue(
    "ctx-year-number-then-per-person",
    ["context"],
    "پارسال = 1404 (Mashhad by default). «۱۴۰۲ چی؟» = Mashhad 1402, sum of 12 months. "
    "«سرانه‌اش» = 1402 total / 3,372,000 people = 6,642,469 rials (rounded half up) = about ۶۶۴٬۲۴۷ toman.",
    [
        say(
            "پارسال چقدر از مالیات ارزش افزوده به شهرداری مشهد رسید",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1404"]],
        ),
        say(
            "۱۴۰۲ چی؟",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1402"]],
            contains=["۱۴۰۲"],
        ),
        say(
            "سرانه اش چقدر میشه؟",
            intent="vat_share",
            figures_rial=[F["percap.mashhad.1402"]],
            contains=["۱۴۰۲"],
        ),
    ],
)

dialogue(
    "ctx-town-then-year-before-last-then-town",
    ["context"],
    "Sabzevar 1404 (12 months). «پیارسال» = the year before last = 1403 (contract), keeps Sabzevar. "
    "«قوچان چطور؟» keeps 1403: Quchan 1403.",
    [
        say(
            "سبزوار سال ۱۴۰۴ چقدر سهم ارزش افزوده گرفت؟",
            intent="vat_share",
            figures_rial=[F["share.sabzevar.1404"]],
            contains=["سبزوار"],
        ),
        say(
            "پیارسال چی",
            intent="vat_share",
            figures_rial=[F["share.sabzevar.1403"]],
            contains=["سبزوار", "۱۴۰۳"],
        ),
        say(
            "قوچان چطور؟",
            intent="vat_share",
            figures_rial=[F["share.quchan.1403"]],
            contains=["قوچان", "۱۴۰۳"],
        ),
    ],
)

dialogue(
    "ctx-last-month-then-month-before",
    ["context"],
    "today 1405-09-08: «ماه گذشته» = آبان 1405 (month 8); «ماه قبلش» = مهر 1405 (month 7). Single vat_shares rows of mashhad.",
    [
        say(
            "سهم مشهد ماه گذشته چقدر بود؟",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1405-08"]],
            contains=["آبان"],
        ),
        say(
            "ماه قبلش چی؟",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1405-07"]],
            contains=["مهر"],
        ),
    ],
)

dialogue(
    "ctx-last-month-other-today",
    ["context"],
    "today pinned to 1404-03-20: «ماه گذشته» = اردیبهشت 1404 (published 1404-03-16, so already out on that day); «پارسال همین ماه» = اردیبهشت 1403. Single rows of mashhad.",
    [
        say(
            "ماه گذشته چقدر ارزش افزوده به شهرداری رسید؟",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1404-02"]],
            contains=["اردیبهشت", "۱۴۰۴"],
        ),
        say(
            "پارسال همین ماه چقدر بود؟",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1403-02"]],
            contains=["اردیبهشت", "۱۴۰۳"],
        ),
    ],
    today="1404-03-20",
)

dialogue(
    "ctx-project-progress-when-finish-funding",
    ["context"],
    "P-1007 زیرگذر چهارراه خیام: progress 48 %, planned_end_date 1406-06-31 (= ۳۱ شهریور ۱۴۰۶), "
    "VAT funding to date = sum of its project_funding rows.",
    [
        say(
            "زیرگذر چهارراه خیام چند درصد پیشرفت داره؟",
            intent="project_info",
            contains=[P1007],
            contains_any=["۴۸٪", "۴۸ درصد"],
        ),
        say("کی تموم میشه؟", intent="project_info", contains=["شهریور ۱۴۰۶"]),
        say(
            "تا حالا چقدر از ارزش افزوده خرجش شده",
            intent="project_info",
            figures_rial=[F["project.P-1007.funding.all"]],
        ),
    ],
)

dialogue(
    "ctx-project-overdue-when-finish-budget",
    ["context", "details"],
    "P-1022 پارکینگ طبقاتی زائران باب‌الجواد (typed without ZWNJ, as citizens do): progress 88 %, planned end "
    "1405-06-31, which is before today 1405-09-08 while status is in_progress, so the honest answer says it is late "
    "(the description says so too). Budget 1,900,000,000,000 rials.",
    [
        say(
            "پارکینگ طبقاتی زائران باب الجواد به کجا رسید؟",
            intent="project_info",
            contains=[P1022],
            contains_any=["۸۸٪", "۸۸ درصد"],
        ),
        say(
            "کی تموم میشه؟",
            intent="project_info",
            contains=["شهریور ۱۴۰۵"],
            contains_any=["عقب", "تأخیر", "تاخیر", "گذشته"],
        ),
        say("بودجه‌ش چقدره؟", intent="project_info", figures_rial=[F["project.P-1022.budget"]]),
    ],
)

dialogue(
    "ctx-calculator-what-if-5-million",
    ["context"],
    "Purchase price before tax 2,000,000 toman = 20,000,000 rials, today 1405-09-08 -> rate row 1403-01-01 "
    "(10 %, municipal 30 %): city share = 20,000,000 x 0.10 x 0.30 = 600,000 rials (60,000 toman). "
    "«اگه ۵ میلیون بود چی؟» keeps the reading (price before tax) and the date: 50,000,000 x 0.10 x 0.30 = 1,500,000 rials.",
    [
        say(
            "از خرید ۲ میلیون تومنی (قیمت بدون مالیات) چقدر به شهرداری میرسه؟",
            intent="tax_calculator",
            figures_rial=[F["calc.1405.before.2000000toman"][1]],
        ),
        say(
            "اگه ۵ میلیون بود چی؟",
            intent="tax_calculator",
            figures_rial=[F["calc.1405.before.5000000toman"][1]],
        ),
    ],
)

dialogue(
    "ctx-calculator-what-was-the-tax",
    ["context"],
    "A phone bought today for 20,000,000 toman before tax = 200,000,000 rials: city share = x 10 % x 30 % = "
    "6,000,000 rials (600,000 toman). «خود مالیاتش چقدر شد؟» = the tax on that same purchase = 20,000,000 rials "
    "(2,000,000 toman).",
    [
        say(
            "یه گوشی خریدم ۲۰ میلیون تومن، بدون مالیات. چقدرش سهم شهرداری میشه؟",
            intent="tax_calculator",
            figures_rial=[F["calc.1405.before.20000000toman"][1]],
        ),
        say(
            "خود مالیاتش چقدر شد؟",
            intent="tax_calculator",
            figures_rial=[F["calc.1405.before.20000000toman"][0]],
        ),
    ],
)

dialogue(
    "ctx-calculator-past-year-then-now",
    ["context", "details"],
    "1401 purchase of 1,000,000 toman (10,000,000 rials) before tax: the 1400-01-01 row is in force (9 %): "
    "tax = 900,000 rials (90,000 toman), city share = 3 units of 9 = 300,000 rials (the CSV's 33.333 % gives "
    "299,997 rials, the same 30,000 toman). Today's 10 % would give 100,000 toman tax, which must not be stated for 1401. "
    "«الان بخرم چی؟» = today, row 1403-01-01: tax 1,000,000 rials (100,000 toman), share still 300,000 rials.",
    [
        say(
            "سال ۱۴۰۱ یه خرید یک میلیون تومانی کردم (قیمت بدون مالیات). چقدر مالیات ارزش افزوده دادم و چقدرش رسید به شهرداری؟",
            intent="tax_calculator",
            figures_rial=[
                F["calc.units.1401.before.1000000toman"][0],
                F["calc.units.1401.before.1000000toman"][1],
            ],
            contains_any=["۹٪", "۹ درصد"],
            not_contains=["۱۰۰٬۰۰۰ تومان"],
        ),
        say(
            "الان بخرم چی؟",
            intent="tax_calculator",
            figures_rial=[F["calc.1405.before.1000000toman"][0]],
            contains_any=["۱۰٪", "۱۰ درصد"],
        ),
    ],
)

dialogue(
    "ctx-category-then-district",
    ["context", "details"],
    "Green space (category green) spending in Mashhad in 1405 (months 1..8 so far) = sum of project_funding of "
    "green projects in 1405. «منطقه ۱۳ چی؟» keeps the category and the year: green projects of district 13 in 1405 "
    "(P-1015). «منطقه ۳ چطور؟»: green in district 3 in 1405 (P-1013).",
    [
        say(
            "امسال چقدر از پول ارزش افزوده خرج فضای سبز شد؟",
            intent="vat_spending",
            figures_rial=[F["spend.green.mashhad.1405"]],
            contains=["فضای سبز"],
        ),
        say(
            "منطقه ۱۳ چی؟",
            intent="vat_spending",
            figures_rial=[F["spend.green.d13.1405"]],
            contains=["منطقه ۱۳"],
        ),
        say(
            "منطقه ۳ چطور",
            intent="vat_spending",
            figures_rial=[F["spend.green.d3.1405"]],
            contains=["منطقه ۳"],
        ),
    ],
)

dialogue(
    "ctx-spending-last-year-then-this-year",
    ["context"],
    "Mashhad project spending in 1404 = sum of project_funding of Mashhad projects in 1404; transport is the largest "
    "category. «امسال چی؟» = 1405 (months 1..8): sum of 1405 rows; transport still first, then pilgrims.",
    [
        say(
            "پول ارزش افزوده پارسال خرج چه حوزه‌هایی شد؟",
            intent="vat_spending",
            figures_rial=[F["spend.mashhad.1404"]],
            contains=["حمل‌ونقل عمومی"],
        ),
        say(
            "امسال چی؟",
            intent="vat_spending",
            figures_rial=[F["spend.mashhad.1405"]],
            contains=["حمل‌ونقل عمومی"],
        ),
    ],
)

dialogue(
    "ctx-new-full-question-fresh-frame",
    ["context"],
    "Neyshabur 1403 first. The second message is a full question (town + period): Mashhad, spring of this year = "
    "1405 months 1..3. It must not keep Neyshabur or 1403.",
    [
        say(
            "سهم نیشابور از ارزش افزوده ۱۴۰۳",
            intent="vat_share",
            figures_rial=[F["share.neyshabur.1403"]],
            contains=["نیشابور"],
        ),
        say(
            "سهم شهرداری مشهد در بهار امسال چقدر بود؟",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1405-Q1"]],
            contains=["مشهد"],
            not_contains=["نیشابور"],
        ),
    ],
)

dialogue(
    "ctx-new-question-after-project",
    ["context"],
    "After a project question, a full share question for a year is a fresh vat_share frame (Mashhad 1402, 12 months), "
    "not about the project.",
    [
        say(
            "خط ۴ مترو مشهد چند درصد پیشرفت داره؟",
            intent="project_info",
            contains=[P1001],
            contains_any=["۱۸٪", "۱۸ درصد"],
        ),
        say(
            "کل سهم ارزش افزوده شهرداری مشهد در سال ۱۴۰۲ چقدر بود؟",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1402"]],
            not_contains=[P1001],
        ),
    ],
)

dialogue(
    "ctx-share-then-compare-previous-year",
    ["context"],
    "Mashhad 1404 then «نسبت به سال قبلش» = compare 1404 with 1403 (both full years): 38,534,375,000,000 vs "
    "29,963,826,000,000 rials, +28.6 %.",
    [
        say("سهم مشهد سال ۱۴۰۴", intent="vat_share", figures_rial=[F["share.mashhad.1404"]]),
        say(
            "نسبت به سال قبلش چقدر رشد کرده؟",
            intent="vat_compare",
            figures_rial=[F["share.mashhad.1404"], F["share.mashhad.1403"]],
            contains=["۱۴۰۳"],
        ),
    ],
)

dialogue(
    "ctx-project-list-then-status-filter",
    ["context", "details"],
    "Projects of منطقه ثامن (district samen): P-1021, P-1022, P-1023, P-1025, P-1031. «کدوماش متوقف شده؟» filters "
    "that list by status suspended: only P-1031.",
    [
        say("پروژه‌های منطقه ثامن", intent="project_list", contains=[P1022, P1031]),
        say("کدوماش متوقف شده؟", intent="project_list", contains=[P1031], not_contains=[P1022]),
    ],
)

dialogue(
    "ctx-share-then-where-spent",
    ["context"],
    "Mashhad summer 1405 (سه ماهه دوم = months 4..6) share; then «خرج چی شد؟» = spending of the same quarter: "
    "Mashhad project_funding 1405 months 4..6 (the MSH-1405-Q2 report says about 1,944 bn rials).",
    [
        say(
            "سهم مشهد سه ماهه دوم امسال",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1405-Q2"]],
        ),
        say("خب اینا خرج چی شد؟", intent="vat_spending", figures_rial=[F["spend.mashhad.1405-Q2"]]),
    ],
)

# ======================================================================================
# ranking: ordered lists, most and least, total and per person
# ======================================================================================

dialogue(
    "rank-towns-total-then-per-person",
    ["ranking", "context"],
    "Towns by 1404 total (sum of 12 months): " + "، ".join(rank_names("rank.towns.1404", 9)) + ". "
    "Per person (total / population): " + "، ".join(rank_names("rank.towns.percap.1404", 9)) + ". "
    "Per-person Mashhad 1404 = 11,427,751 rials (rounded half up). The per-person order differs (گناباد is 5th per "
    "person, last in total), so a copy of the first list fails.",
    [
        say(
            "کدوم شهر پارسال بیشترین سهم ارزش افزوده رو گرفت؟",
            intent="vat_compare",
            figures_rial=[F["share.mashhad.1404"]],
            in_order=rank_names("rank.towns.1404", 6),
            answered=True,
        ),
        say(
            "به ازای هر نفر چی؟",
            intent="vat_compare",
            figures_rial=[F["percap.mashhad.1404"]],
            in_order=rank_names("rank.towns.percap.1404", 5),
        ),
    ],
)

dialogue(
    "rank-towns-least-per-person-then-other-year",
    ["ranking", "context"],
    "Least per person in 1404 (ascending): "
    + "، ".join(rank_names("rank.towns.percap.1404.asc", 5))
    + "; "
    "تربت جام 1404 = 805,140,000,000 / 106,000 = 7,595,660 rials. In 1403: "
    + "، ".join(rank_names("rank.towns.percap.1403.asc", 5))
    + " (گناباد and تربت حیدریه swap places).",
    [
        say(
            "کمترین سرانه ارزش افزوده مال کدوم شهر بود پارسال؟",
            intent="vat_compare",
            figures_rial=[F["percap.torbat-jam.1404"]],
            in_order=rank_names("rank.towns.percap.1404.asc", 4),
            answered=True,
        ),
        say(
            "سال ۱۴۰۳ چی؟",
            intent="vat_compare",
            in_order=rank_names("rank.towns.percap.1403.asc", 6),
            figures_rial=[F["percap.torbat-jam.1403"]],
        ),
    ],
)

dialogue(
    "rank-towns-least-then-most-this-year",
    ["ranking", "context"],
    "This year = 1405 (months 1..8 in the data). Ascending totals: "
    + "، ".join(rank_names("rank.towns.1405", 9))
    + ". "
    "گناباد 1405 = 313,620,000,000 rials. «بیشترین چی؟» reverses the same list (Mashhad first).",
    [
        say(
            "امسال کدوم شهرداری کمترین سهم رو از ارزش افزوده گرفته؟",
            intent="vat_compare",
            figures_rial=[F["share.gonabad.1405"]],
            in_order=rank_names("rank.towns.1405", 5),
            answered=True,
        ),
        say(
            "بیشترین چی؟",
            intent="vat_compare",
            figures_rial=[F["share.mashhad.1405"]],
            in_order=list(reversed(rank_names("rank.towns.1405", 9)))[:5],
        ),
    ],
)

dialogue(
    "rank-districts-spending-last-year-then-this-year",
    ["ranking", "context"],
    "Mashhad districts by 1404 project spending (project_funding of projects whose district is set; city-wide projects "
    "such as خط ۴ belong to no district): "
    + "، ".join(DISTRICT[k] for k, _ in F["rank.districts.mashhad.1404"][:6])
    + ". منطقه ثامن 1404 = 748,357,000,000 rials. 1405: "
    + "، ".join(DISTRICT[k] for k, _ in F["rank.districts.mashhad.1405"][:5])
    + ".",
    [
        say(
            "کدوم منطقه مشهد پارسال بیشتر از همه پول ارزش افزوده خرج کرد؟",
            intent="vat_spending",
            figures_rial=[F["spend.samen.1404"]],
            in_order=[DISTRICT[k] for k, _ in F["rank.districts.mashhad.1404"][:4]],
            answered=True,
        ),
        say(
            "امسال چی؟",
            intent="vat_spending",
            in_order=[DISTRICT[k] for k, _ in F["rank.districts.mashhad.1405"][:4]],
        ),
    ],
)

dialogue(
    "rank-categories-this-year-then-last-year",
    ["ranking", "context"],
    "Categories by Mashhad project spending in 1405: "
    + "، ".join(rank_names("rank.cats.mashhad.1405", 5))
    + " (pilgrims 32.3 bn toman just ahead of roads 32.2 bn toman). In 1404: "
    + "، ".join(rank_names("rank.cats.mashhad.1404", 5))
    + ".",
    [
        say(
            "امسال بیشترین خرج ارزش افزوده مال کدوم حوزه بوده؟",
            intent="vat_spending",
            in_order=rank_names("rank.cats.mashhad.1405", 4),
            answered=True,
        ),
        say("پارسال چی", intent="vat_spending", in_order=rank_names("rank.cats.mashhad.1404", 4)),
    ],
)

dialogue(
    "rank-projects-funding-all-time-then-last-year",
    ["ranking"],
    "Projects by total VAT funding to date (all project_funding rows): "
    + "، ".join(rank_names("rank.projects.funding.all", 5))
    + ". خط ۴ = 11,879,981,000,000 rials. Only 1404: "
    + "، ".join(rank_names("rank.projects.funding.1404", 4))
    + ".",
    [
        say(
            "کدوم پروژه‌ها تا حالا بیشترین پول ارزش افزوده رو گرفتن؟",
            intent="vat_spending",
            figures_rial=[F["project.P-1001.funding.all"]],
            in_order=rank_names("rank.projects.funding.all", 4),
            answered=True,
        ),
        say(
            "فقط پارسال رو بگو",
            intent="vat_spending",
            figures_rial=[F["project.P-1001.funding.1404"]],
            in_order=rank_names("rank.projects.funding.1404", 4),
        ),
    ],
)

dialogue(
    "rank-projects-least-then-most-progress",
    ["ranking"],
    "In-progress Mashhad projects by progress_percent ascending: "
    + "، ".join(rank_names("rank.projects.progress.inprogress.mashhad", 4))
    + " (18, 24, 27, 33 %). Descending: "
    + "، ".join(rank_names("rank.projects.progress.inprogress.mashhad.desc", 3))
    + " (88, 63, 62 %).",
    [
        say(
            "کدوم پروژه‌های در حال اجرا کمترین پیشرفت رو دارن؟",
            intent="project_list",
            in_order=rank_names("rank.projects.progress.inprogress.mashhad", 4),
            answered=True,
        ),
        say(
            "بیشترین پیشرفت چی؟",
            intent="project_list",
            in_order=rank_names("rank.projects.progress.inprogress.mashhad.desc", 3),
        ),
    ],
)

dialogue(
    "rank-months-this-year-most-then-least",
    ["ranking"],
    "Mashhad 1405 months by share: "
    + "، ".join(MONTH[k] for k, _ in F["rank.months.mashhad.1405"][:4])
    + " (شهریور = 4,602,437,000,000 rials). Least: "
    + "، ".join(MONTH[k] for k, _ in F["rank.months.mashhad.1405.asc"][:3])
    + " (فروردین = 2,962,407,000,000, just below اردیبهشت 2,975,565,000,000).",
    [
        say(
            "امسال کدوم ماه بیشترین سهم ارزش افزوده به مشهد رسید؟",
            intent="vat_compare",
            figures_rial=[F["rank.months.mashhad.1405"][0][1]],
            in_order=[MONTH[k] for k, _ in F["rank.months.mashhad.1405"][:3]],
            answered=True,
        ),
        say(
            "کمترینش کدوم ماه بود؟",
            intent="vat_compare",
            figures_rial=[F["rank.months.mashhad.1405.asc"][0][1]],
            in_order=[MONTH[k] for k, _ in F["rank.months.mashhad.1405.asc"][:3]],
        ),
    ],
)

dialogue(
    "rank-district-13-projects-budget-then-funding",
    ["ranking", "context"],
    "District 13 projects by total_budget_rial: "
    + "، ".join(rank_names("rank.projects.budget.d13", 3))
    + " (2,100 / 1,100 / 460 bn rials). By VAT funding to date: کمربند سبز 312,061,000,000, آتش‌نشانی ۲۸ 202,578,000,000, "
    "زیرگذر میرزا کوچک‌خان 0 (planned, starts 1405-11-15).",
    [
        say(
            "بزرگ‌ترین پروژه‌های منطقه ۱۳ از نظر بودجه کدوما هستن؟",
            intent="project_list",
            figures_rial=[F["rank.projects.budget.d13"][0][1]],
            in_order=rank_names("rank.projects.budget.d13", 3),
            answered=True,
        ),
        say(
            "کدومش تا حالا بیشتر از ارزش افزوده پول گرفته؟",
            intent="vat_spending",
            figures_rial=[F["rank.projects.funding.d13.all"][0][1]],
            in_order=rank_names("rank.projects.funding.d13.all", 2),
        ),
    ],
)

# ======================================================================================
# details: what was understood is used
# ======================================================================================

dialogue(
    "details-calculator-1402-price-with-tax",
    ["details"],
    "1402: the 1400-01-01 row (9 %, 3 units) is in force. A price that includes tax of 1,090,000 toman = 10,900,000 rials: "
    "tax = 10,900,000 x 9/109 = 900,000 rials (90,000 toman); city share = 10,900,000 x 3/109 = 300,000 rials "
    "(33.333 % of the tax gives 299,997 rials, the same 30,000 toman). With today's 10 % the tax would be "
    "990,909 rials (99,091 toman), which must not appear.",
    [
        say(
            "سال ۱۴۰۲ یه لپ‌تاپ خریدم با مالیات شد یک میلیون و نود هزار تومن. چقدرش مالیات ارزش افزوده بود؟",
            intent="tax_calculator",
            figures_rial=[F["calc.units.1402.with.1090000toman"][0]],
            not_contains=["۹۹٬۰۹۱"],
        ),
        say(
            "چقدرش به شهرداری رسید؟",
            intent="tax_calculator",
            figures_rial=[F["calc.units.1402.with.1090000toman"][1]],
        ),
    ],
)

dialogue(
    "details-district-spending-then-projects",
    ["details"],
    "District 3 of Mashhad in 1404: project_funding of P-1004, P-1013, P-1027 in 1404 = 536,909,000,000 rials "
    "(the city total 6,369,551,000,000 is a different answer). Then the projects behind it.",
    [
        say(
            "منطقه ۳ مشهد پارسال چقدر از ارزش افزوده خرج کرد؟",
            intent="vat_spending",
            figures_rial=[F["spend.d3.1404"]],
            contains=["منطقه ۳"],
        ),
        say("کدوم پروژه‌ها؟", contains=[P1004, P1013, P1027]),
    ],
)

dialogue(
    "details-subscribe-weekly-stated",
    ["details"],
    "The frequency is in the message (هفتگی): the subscription is made weekly without asking again; /mysubscription "
    "shows weekly. No figures, so no sample-data warning.",
    [
        say(
            "میخوام هفتگی گزارش‌ها رو برام بفرستی",
            intent="subscribe",
            contains=["هفتگی"],
            no_sample_note=True,
        ),
        command("/mysubscription", contains=["هفتگی"], no_sample_note=True),
    ],
)

dialogue(
    "details-subscribe-monthly-stated-then-stop",
    ["details"],
    "«ماهی یه بار» = monthly, applied at once; then a typed stop unsubscribes.",
    [
        say(
            "ماهی یه بار خلاصه گزارشا رو برام بفرست",
            intent="subscribe",
            contains=["ماهانه"],
            no_sample_note=True,
        ),
        command("/mysubscription", contains=["ماهانه"]),
        say("دیگه نمیخوام گزارش بفرستی، لغوش کن", intent="unsubscribe", no_sample_note=True),
    ],
)

dialogue(
    "details-status-half-finished-then-finished",
    ["details", "context"],
    "District 9 has P-1007 (in_progress) and P-1012 (completed). «نیمه تموم» keeps only P-1007; «تموم شده‌هاش» "
    "(same district) keeps only P-1012.",
    [
        say(
            "پروژه های نیمه تموم منطقه ۹",
            intent="project_list",
            contains=[P1007],
            not_contains=[P1012],
        ),
        say(
            "تموم شده هاش کدوما ان؟", intent="project_list", contains=[P1012], not_contains=[P1007]
        ),
    ],
)

dialogue(
    "details-status-delayed-then-suspended",
    ["details"],
    "«عقب افتاده» = not completed and past planned_end_date (today 1405-09-08): P-1022 (end 1405-06-31, 88 %) and "
    "P-1031 (end 1405-07-30, suspended). Completed projects must not be listed. «متوقف شده‌ها» = status suspended in "
    "Mashhad: P-1009, P-1026, P-1031.",
    [
        say(
            "کدوم پروژه‌ها عقب افتادن؟",
            intent="project_list",
            contains=[P1022],
            not_contains=[P1006, P1016],
        ),
        say(
            "متوقف شده ها چی؟",
            intent="project_list",
            contains=[P1009, P1026, P1031],
            not_contains=[P1022],
        ),
    ],
)

dialogue(
    "details-status-completed-district-12",
    ["details"],
    "District 12: P-1009 (suspended), P-1014 (completed), P-1024 (planned). «تموم شده» keeps P-1014 only. "
    "Then «برنامه‌ریزی شده» keeps P-1024 only.",
    [
        say(
            "پروژه‌های تموم شده منطقه ۱۲ رو بگو",
            intent="project_list",
            contains=[P1014],
            not_contains=[P1009, P1024],
        ),
        say(
            "اونایی که هنوز شروع نشدن چی؟",
            intent="project_list",
            contains=[P1024],
            not_contains=[P1014],
        ),
    ],
)

dialogue(
    "details-metro-keyword-sums-projects",
    ["details"],
    "«مترو» names the urban-rail projects P-1001 (خط ۴) and P-1002 (خط ۲). Their 1403 funding = 3,312,929,000,000 rials; "
    "the whole transport category in 1403 (with buses and BRT) is 4,321,061,000,000 and is a different answer. "
    "The second turn asks for the category on purpose.",
    [
        say(
            "سال ۱۴۰۳ چقدر از ارزش افزوده خرج مترو شد؟",
            intent="vat_spending",
            figures_rial=[F["spend.metro.1403"]],
            contains=[P1001, P1002],
        ),
        say(
            "کل حمل و نقل عمومی چقدر؟",
            intent="vat_spending",
            figures_rial=[F["spend.transport.mashhad.1403"]],
        ),
    ],
)

dialogue(
    "details-metro-all-time",
    ["details"],
    "«قطار شهری» to date = all project_funding rows of P-1001 and P-1002 = 18,179,965,000,000 rials (not the transport "
    "category's 21,928,661,000,000).",
    [
        say(
            "تا حالا کلا چقدر پول ارزش افزوده خرج قطار شهری شده؟",
            intent="vat_spending",
            figures_rial=[F["spend.metro.all"]],
        ),
        say(
            "خط ۴ تنهایی چقدر؟",
            intent="project_info",
            figures_rial=[F["project.P-1001.funding.all"]],
        ),
    ],
)

dialogue(
    "details-breakdown-has-others-line",
    ["details", "short"],
    "Mashhad 1404 project spending = 6,369,551,000,000 rials over 10 categories; the answer lists the largest ones in "
    "order ("
    + "، ".join(rank_names("rank.cats.mashhad.1404", 3))
    + ") and ends with an «others» line so that the parts "
    "add up to the total (whatever the cut-off).",
    [
        say(
            "سهم ارزش افزوده پارسال به تفکیک حوزه کجا خرج شد؟",
            intent="vat_spending",
            figures_rial=[F["spend.mashhad.1404"]],
            in_order=rank_names("rank.cats.mashhad.1404", 3),
            contains_any=["سایر حوزه", "حوزه‌های دیگر", "دیگر حوزه", "بقیه حوزه", "سایر دسته"],
            max_lines=8,
            button_kinds=["more"],
        ),
        press_kind("more", intent="vat_spending"),
    ],
)

dialogue(
    "details-unknown-neighbourhood-projects",
    ["details", "limits"],
    "«قاسم آباد» is not a district or project in the sample data. The reply names it back and offers the whole city or "
    "a district, instead of silently listing the whole city. Choosing منطقه ۹ then lists P-1007 and P-1012.",
    [
        say(
            "پروژه‌های قاسم آباد چیا هستن؟",
            contains_any=["قاسم آباد", "قاسم‌آباد"],
            answered=False,
            offers_alternative=True,
        ),
        say("منطقه ۹ چی", intent="project_list", contains=[P1007, P1012]),
    ],
)

dialogue(
    "details-unknown-neighbourhood-spending",
    ["details", "limits"],
    "«قاسم‌آباد» (with ZWNJ) spending this year: unknown place, named back; it must not answer with the Mashhad total "
    "as if it were the neighbourhood's.",
    [
        say(
            "امسال چقدر از ارزش افزوده خرج محله قاسم‌آباد شده؟",
            contains_any=["قاسم‌آباد", "قاسم آباد"],
            answered=False,
            offers_alternative=True,
        ),
        say("باشه کل مشهد رو بگو", intent="vat_spending", figures_rial=[F["spend.mashhad.1405"]]),
    ],
)

dialogue(
    "details-unknown-town",
    ["details", "limits"],
    "طرقبه is not one of the nine municipalities in municipalities.csv: named back, no Mashhad figure passed off as "
    "Torghabeh's. Then Mashhad 1404.",
    [
        say(
            "سهم طرقبه از ارزش افزوده پارسال چقدره؟",
            contains=["طرقبه"],
            answered=False,
            offers_alternative=True,
        ),
        say("مشهد چی؟", intent="vat_share", figures_rial=[F["share.mashhad.1404"]]),
    ],
)

dialogue(
    "details-five-year-trend",
    ["details", "ranking"],
    "«پنج سال گذشته» with today 1405-09-08 = the five full years before this one, 1400..1404 (by analogy with the "
    "contract's «N ماه گذشته»). Data exists for all of them (from 1400-01), so the answer must not say data is "
    "missing; it gives each year's total: 14,211,420 / 18,395,135 / 22,398,407 / 29,963,826 / 38,534,375 million rials.",
    [
        say(
            "روند سهم مشهد از ارزش افزوده تو پنج سال گذشته چطور بوده؟",
            intent="vat_compare",
            figures_rial=F["trend.mashhad.1400-1404"],
            answered=True,
            not_contains=["داده‌ای نیست", "موجود نیست", "در دسترس نیست"],
        ),
        say("بیشترین رشد کدوم سال بود؟", answered=True, contains=["۱۴۰۳"]),
    ],
)

dialogue(
    "details-compare-this-year-like-for-like",
    ["details", "short"],
    "This year has data for months 1..8 only, so «امسال نسبت به پارسال» compares 1405 months 1..8 "
    "(30,498,581,000,000) with the same months of 1404 (23,729,939,000,000), +28.5 %, not with the whole of 1404.",
    [
        say(
            "امسال نسبت به پارسال چقدر بیشتر شده؟",
            intent="vat_compare",
            figures_rial=[F["share.mashhad.1405-01..08"], F["share.mashhad.1404-01..08"]],
            max_lines=8,
        ),
        press_kind("more", intent="vat_compare"),
    ],
)

# (second growth-year note: yearly growth 1401 +29.4 %, 1402 +21.8 %, 1403 +33.8 %, 1404 +28.6 %; 1403 is the largest.)

# ======================================================================================
# limits: says so in one line, offers the nearest thing, never answers another question
# ======================================================================================

dialogue(
    "limits-forecast-next-year",
    ["limits"],
    "A forecast is not in the data: one line saying so plus a button to the nearest answer (this year so far / the "
    "trend). Then this year so far = Mashhad 1405 months 1..8.",
    [
        say(
            "سهم مشهد از ارزش افزوده سال ۱۴۰۶ چقدر میشه؟",
            answered=False,
            offers_alternative=True,
            max_lines=4,
        ),
        say(
            "باشه، امسال تا حالا چقدر بوده؟",
            intent="vat_share",
            figures_rial=[F["share.mashhad.1405"]],
        ),
    ],
)

dialogue(
    "limits-individual-tax-file",
    ["limits"],
    "A citizen's own tax file is not Shafaf's: say so, point to the tax administration (1526 / tax.gov.ir, from the FAQ) "
    "and offer what it can do. No figures, so no sample warning. Then the share percent (FAQ city-share-percent).",
    [
        say(
            "بدهی مالیات ارزش افزوده مغازه من چقدره؟ کد ملیم ۰۹۲۱۲۳۴۵۶۷ هست",
            answered=False,
            offers_alternative=True,
            contains_any=["۱۵۲۶", "tax.gov.ir"],
            no_sample_note=True,
            max_lines=4,
        ),
        say(
            "باشه، از هر خرید چند درصدش به شهرداری میرسه؟",
            intent="faq",
            contains=["۳۰ درصد مالیات پرداختی"],
        ),
    ],
)

dialogue(
    "limits-salaries-not-in-data",
    ["limits", "context"],
    "Salaries are not in the data (only project funding): say so, don't present project spending as salaries. "
    "Then «خرج چه پروژه‌هایی شد» keeps پارسال: Mashhad project spending 1404.",
    [
        say(
            "چقدر از پول ارزش افزوده پارسال خرج حقوق کارمندای شهرداری شد؟",
            answered=False,
            offers_alternative=True,
        ),
        say(
            "خب خرج چه پروژه‌هایی شد؟", intent="vat_spending", figures_rial=[F["spend.mashhad.1404"]]
        ),
    ],
)

dialogue(
    "limits-month-not-published-yet",
    ["limits", "context"],
    "today 1405-09-08: آذر 1405 has no vat_shares row yet (data ends at آبان 1405). Say it's not published yet and "
    "offer the latest month; «آبان چی؟» = 1405-08.",
    [
        say(
            "سهم مشهد از ارزش افزوده آذر امسال چقدر بود؟",
            contains=["آذر"],
            answered=False,
            offers_alternative=True,
        ),
        say("آبان چی؟", intent="vat_share", figures_rial=[F["share.mashhad.1405-08"]]),
    ],
)

dialogue(
    "limits-before-data-starts",
    ["limits", "context"],
    "Data starts at فروردین 1400: 1398 is not available; the reply names 1398 and says where data starts. "
    "Then «۱۴۰۰ چی؟» = Mashhad 1400 (12 months).",
    [
        say(
            "سهم شهرداری مشهد از ارزش افزوده سال ۱۳۹۸ چقدر بود؟",
            contains=["۱۳۹۸", "۱۴۰۰"],
            answered=False,
            offers_alternative=True,
        ),
        say("پس ۱۴۰۰ چی؟", intent="vat_share", figures_rial=[F["share.mashhad.1400"]]),
    ],
)

dialogue(
    "limits-out-of-scope-dollar",
    ["limits", "short"],
    "Out of scope: short honest reply with a way back, no sample-data warning (no figures). Then a FAQ question "
    "(what-is-vat).",
    [
        say(
            "قیمت دلار امروز چنده؟",
            intent="out_of_scope",
            answered=False,
            offers_alternative=True,
            no_sample_note=True,
            max_lines=4,
        ),
        say(
            "ببخشید، پس بگو مالیات ارزش افزوده چیه",
            intent="faq",
            contains=["به قیمت اضافه می‌شود"],
            no_sample_note=True,
        ),
    ],
)

dialogue(
    "limits-total-collected-not-share",
    ["limits"],
    "The data has the municipality's share, not the total VAT collected from Mashhad's people. The bot says so (one line) "
    "and offers the share; it must not present the share as the total collected.",
    [
        say(
            "کلا چقدر مالیات ارزش افزوده از مردم مشهد گرفته شد پارسال؟",
            answered=False,
            offers_alternative=True,
        ),
        say("همون سهم شهرداری رو بگو", intent="vat_share", figures_rial=[F["share.mashhad.1404"]]),
    ],
)

dialogue(
    "limits-my-alley-asphalt",
    ["limits"],
    "A single alley's repair date is not in the data: say so and offer the nearest: file feedback here or call 137 "
    "(FAQ contact-municipality).",
    [
        say(
            "کی آسفالت کوچه ما رو درست میکنن؟ کوچه بهار ۱۲ سمت وکیل آباد",
            answered=False,
            offers_alternative=True,
            contains_any=["۱۳۷"],
            no_sample_note=True,
        ),
        press_kind("feedback", intent="feedback", no_sample_note=True),
    ],
)

# ======================================================================================
# faq: everyday paraphrases find the right entry
# ======================================================================================

dialogue(
    "faq-what-is-vat-then-who-pays",
    ["faq"],
    "what-is-vat then who-pays (faq.csv). No figures: no sample-data warning.",
    [
        say(
            "این ارزش افزوده که میگن اصن چی هست؟",
            intent="faq",
            contains=["به قیمت اضافه می‌شود"],
            no_sample_note=True,
        ),
        say(
            "آخرش کی میده این مالیاتو؟",
            intent="faq",
            contains=["مصرف‌کننده نهایی"],
            no_sample_note=True,
        ),
    ],
)

dialogue(
    "faq-bread-medicine-then-invoice",
    ["faq"],
    "exempt-goods («نان، برنج و شیر») then vat-on-invoice («صورتحساب الکترونیکی»).",
    [
        say(
            "نون و دارو هم ارزش افزوده دارن؟",
            intent="faq",
            contains=["نان، برنج و شیر"],
            no_sample_note=True,
        ),
        say(
            "تو فاکتور کجا نوشته چقدر مالیات دادم",
            intent="faq",
            contains=["صورتحساب الکترونیکی"],
            no_sample_note=True,
        ),
    ],
)

dialogue(
    "faq-data-source-then-update",
    ["faq"],
    "data-sources («دفتر بودجه شهرداری») then update-frequency («هر سه ماه یک‌بار»).",
    [
        say(
            "این آمارا رو از کجا میارین؟",
            intent="faq",
            contains=["دفتر بودجه شهرداری"],
            no_sample_note=True,
        ),
        say(
            "هر چند وقت آپدیت میشن؟",
            intent="faq",
            contains=["هر سه ماه یک‌بار"],
            no_sample_note=True,
        ),
    ],
)

dialogue(
    "faq-renewal-levy-difference",
    ["faq"],
    "other-taxes («عوارض نوسازی و عوارض املاک», «سامانه ۱۳۷»), then why-city-gets-share.",
    [
        say(
            "عوارض نوسازی که هر سال میدم با این مالیات فرقش چیه؟",
            intent="faq",
            contains=["عوارض نوسازی و عوارض املاک"],
            no_sample_note=True,
        ),
        say(
            "اصلا چرا شهرداری از مالیات ما سهم میبره؟",
            intent="faq",
            contains=["جایگزین بسیاری از عوارضی"],
            no_sample_note=True,
        ),
    ],
)

dialogue(
    "faq-who-collects-then-contact",
    ["faq"],
    "who-collects («شهرداری خودش آن را از شهروندان نمی‌گیرد») then contact-tax-office («۱۵۲۶»). Typos on purpose.",
    [
        say(
            "شهرداری خودش این مالیاتو از ما میگیره",
            intent="faq",
            contains=["شهرداری خودش آن را از شهروندان نمی‌گیرد"],
            no_sample_note=True,
        ),
        say("شماره اداره مالیات چنده", intent="faq", contains=["۱۵۲۶"], no_sample_note=True),
    ],
)

dialogue(
    "faq-privacy-then-distribution",
    ["faq"],
    "privacy («۱۸۰ روز») then how-distributed («میان شهرداری‌ها و دهیاری‌های استان»).",
    [
        say(
            "شماره منو نگه میدارین؟ کسی میبینه؟",
            intent="faq",
            contains=["۱۸۰ روز"],
            no_sample_note=True,
        ),
        say(
            "پول مالیات چجوری بین شهرا تقسیم میشه",
            intent="faq",
            contains=["میان شهرداری‌ها و دهیاری‌های استان"],
            no_sample_note=True,
        ),
    ],
)

dialogue(
    "faq-rate-percent-colloquial",
    ["faq", "context"],
    "vat-rate («۱۰ درصد») for a colloquial rate question, then «قبلش چند بود؟» stays on the rate (۹ درصد is in the same "
    "entry) instead of falling to out_of_scope.",
    [
        say("الان ارزش افزوده چند درصده؟", intent="faq", contains=["۱۰ درصد"], no_sample_note=True),
        say("قبلش چند بود؟", intent="faq", contains=["۹ درصد"], no_sample_note=True),
    ],
)

# ======================================================================================
# keep-text: the citizen's words are never lost; tracking codes in any form
# ======================================================================================

dialogue(
    "keep-complaint-question-project-end",
    ["keep-text", "context"],
    "A long complaint ending in a question about P-1007's end date: the answer (planned end 1406-06-31 = ۳۱ شهریور ۱۴۰۶) "
    "comes first, with a button to file the complaint. Pressing it keeps the text (not asked again, shown back), "
    "pressing «ثبت» gives a code, /status finds it.",
    [
        say(
            "شکایت دارم! سه ماهه جلوی مغازه ما رو بخاطر زیرگذر چهارراه خیام کندن، خاک و سر و صدا امون مشتریا رو بریده و هیچ کس جواب "
            "نمیده. آخه این پروژه کی تموم میشه؟",
            intent="project_info",
            contains=["شهریور ۱۴۰۶"],
            button_kinds=["feedback"],
        ),
        press_kind("feedback", asks_for_text=False, contains=["امون مشتریا رو بریده"]),
        press_label("ثبت", tracking_code=True),
        command("/status {code}", intent="feedback_status", answered=True, not_contains=NOT_FOUND),
    ],
)

dialogue(
    "keep-complaint-question-district-money",
    ["keep-text"],
    "Complaint + question about district 4's VAT money: answered (district 4's only project is P-1011 تعریض بلوار شهید "
    "آوینی; funding to date 188,726,000,000 rials, 72,244,000,000 in 1405 — no figure asserted because the period is "
    "not said), plus an offer to file the complaint with the text kept.",
    [
        say(
            "من هر ماه کلی مالیات میدم ولی خیابونای منطقه ۴ پر از چاله‌ست و هیچ کاری نمیکنن! اصلا پول ارزش افزوده منطقه ۴ کجا خرج شده؟",
            intent="vat_spending",
            contains=[P1011],
            button_kinds=["feedback"],
        ),
        press_kind("feedback", asks_for_text=False),
    ],
)

dialogue(
    "keep-complaint-question-share-percent",
    ["keep-text", "faq"],
    "Complaint + FAQ question (city-share-percent): the answer «۳۰ درصد مالیات پرداختی» and an offer to file the "
    "complaint; pressing it must not ask for the text again.",
    [
        say(
            "هر چی خرید میکنم ۱۰ درصد مالیات میدم ولی معلوم نیست کجا میره، پیاده‌روهای محله ما داغونه. اصلا چند درصدش به شهرداری میرسه؟",
            intent="faq",
            contains=["۳۰ درصد مالیات پرداختی"],
            button_kinds=["feedback"],
        ),
        press_kind("feedback", asks_for_text=False),
    ],
)

dialogue(
    "keep-suggestion-then-status-no-dash",
    ["keep-text"],
    "A suggestion typed in one message, with its type (پیشنهاد) and its project (P-1004, the BRT of بلوار طبرسی) named, "
    "is kept: the bot shows it back for confirmation with a «ثبت» button (type, project and text are all known; photo, "
    "location and phone stay optional, not extra mandatory steps). «ثبت» gives the code; the status asked with the code "
    "without its dash (SH123456 form) is found. The other tracking-code dialogues rely on the same one-message path.",
    [
        say(
            "میخوام یه پیشنهاد ثبت کنم: برای ایستگاه‌های مسیر بی‌آرتی بلوار طبرسی سایه‌بان بذارید، تابستون آدم می‌پزه",
            intent="feedback",
            asks_for_text=False,
            contains=["سایه‌بان"],
            no_sample_note=True,
        ),
        press_label("ثبت", tracking_code=True),
        say(
            "وضعیت {code_nodash} چی شد؟",
            intent="feedback_status",
            answered=True,
            not_contains=NOT_FOUND,
        ),
    ],
)

dialogue(
    "keep-complaint-then-status-lower-case",
    ["keep-text"],
    "Complaint (type and project P-1034 named) in one message, confirmed with «ثبت»; then the status with the code in "
    "lower case without dash (sh123456 form).",
    [
        say(
            "شکایت دارم: کارگاه کانال آب‌های سطحی بلوار نماز شبا تا ساعت ۱۲ سر و صدا داره و خواب نداریم",
            intent="feedback",
            asks_for_text=False,
            no_sample_note=True,
        ),
        press_label("ثبت", tracking_code=True),
        say("پیگیری {code_lower}", intent="feedback_status", answered=True, not_contains=NOT_FOUND),
    ],
)

dialogue(
    "keep-criticism-then-status-persian-digits",
    ["keep-text"],
    "Criticism of P-1009 in one message + «ثبت», then /status with the code written in Persian digits (SH-۱۲۳۴۵۶ form).",
    [
        say(
            "انتقاد دارم: روگذر بلوار توس چند ساله نیمه کاره ول شده و ترافیکش کلافمون کرده",
            intent="feedback",
            asks_for_text=False,
        ),
        press_label("ثبت", tracking_code=True),
        command(
            "/status {code_fa}", intent="feedback_status", answered=True, not_contains=NOT_FOUND
        ),
    ],
)

dialogue(
    "keep-thanks-feedback-then-bare-number",
    ["keep-text"],
    "Praise (قدردانی) of P-1014 in one message + «ثبت», then the status asked with the bare number in Persian digits "
    "inside a sentence.",
    [
        say(
            "میخوام از شهرداری بابت بوستان ولایت منطقه ۱۲ تشکر کنم، خیلی قشنگ شده",
            intent="feedback",
            asks_for_text=False,
        ),
        press_label("ثبت", tracking_code=True),
        say(
            "کد پیگیریم {code_number_fa} بود، جواب دادن؟",
            intent="feedback_status",
            answered=True,
            not_contains=NOT_FOUND,
        ),
    ],
)

dialogue(
    "keep-bare-number-status",
    ["keep-text"],
    "Complaint about P-1007 filed in one message + «ثبت», then /status with the bare ASCII number.",
    [
        say(
            "شکایت: خاک و نخاله پروژه زیرگذر چهارراه خیام رو ریختن تو کوچه ما و جمعش نمیکنن",
            intent="feedback",
            asks_for_text=False,
        ),
        press_label("ثبت", tracking_code=True),
        command(
            "/status {code_number}", intent="feedback_status", answered=True, not_contains=NOT_FOUND
        ),
    ],
)

dialogue(
    "keep-unknown-code-named-back",
    ["keep-text"],
    "A code this chat never received, written sh + Persian digits: it is still recognised as a tracking code "
    "(feedback_status) and named back in canonical form, with «not found»; not treated as out of scope.",
    [
        say(
            "پیگیری کد sh۴۴۴۵۵۵ چی شد؟",
            intent="feedback_status",
            contains_any=["444555", "۴۴۴۵۵۵"],
            no_sample_note=True,
        ),
        command("/status 444555", intent="feedback_status", contains_any=["444555", "۴۴۴۵۵۵"]),
    ],
)

# ======================================================================================
# short: headline first, about 8 lines, "more" for the rest, toman everywhere
# ======================================================================================

dialogue(
    "short-share-headline-then-more",
    ["short"],
    "Mashhad 1404 = 38,534,375,000,000 rials, stated on the first line; about 8 lines; a «more» button shows the "
    "seasons/months.",
    [
        say(
            "سهم مشهد از ارزش افزوده پارسال چقدر بود؟",
            intent="vat_share",
            headline_rial=F["share.mashhad.1404"],
            max_lines=8,
            button_kinds=["more"],
            sample_note=True,
        ),
        press_kind("more", contains_any=["بهار", "فروردین"], sample_note=True),
    ],
)

dialogue(
    "short-calculator-headline-then-more",
    ["short"],
    "500,000 toman before tax = 5,000,000 rials today: city share = x 10 % x 30 % = 150,000 rials (15,000 toman) on the "
    "first line; no 20-line answer; «more» gives where it goes (transport is the largest category).",
    [
        say(
            "از خرید ۵۰۰ هزار تومنی بدون مالیات چقدر به شهرداری میرسه؟",
            intent="tax_calculator",
            headline_rial=F["calc.1405.before.500000toman"][1],
            max_lines=8,
            button_kinds=["more"],
        ),
        press_kind("more", contains=["حمل‌ونقل عمومی"]),
    ],
)

dialogue(
    "short-tax-amount-headline",
    ["short", "context"],
    "The amount is the tax itself (300,000 toman = 3,000,000 rials): city share = 30 % = 900,000 rials (90,000 toman), "
    "first line. Then «اگه ۵۰۰ هزار بود؟» keeps the tax reading: 5,000,000 x 30 % = 1,500,000 rials.",
    [
        say(
            "امسال ۳۰۰ هزار تومن مالیات ارزش افزوده دادم، چقدرش سهم شهر شد؟",
            intent="tax_calculator",
            headline_rial=F["calc.1405.taxonly.300000toman"][1],
            max_lines=8,
        ),
        say(
            "اگه ۵۰۰ هزار بود؟",
            intent="tax_calculator",
            headline_rial=F["calc.1405.taxonly.500000toman"][1],
        ),
    ],
)

dialogue(
    "short-report-in-toman",
    ["short"],
    "MSH-1404-Y summary is written in billions of rials in reports.csv (38,534 / 6,370 bn rials); the bot states it in "
    "toman like every other answer: 38,534,375,000,000 and 6,369,551,000,000 rials (exact sums) shown in toman. "
    "It has figures, so the sample-data warning is shown.",
    [
        say(
            "گزارش سالانه ۱۴۰۴ مشهد رو میخوام",
            intent="report",
            figures_rial=[F["share.mashhad.1404"], F["spend.mashhad.1404"]],
            contains=["تومان"],
            not_contains=["میلیارد ریال"],
            max_lines=8,
            sample_note=True,
        ),
        say(
            "گزارش سه ماهه اول ۱۴۰۴ نیشابور چی؟",
            intent="report",
            contains=["تومان", "نیشابور"],
            not_contains=["میلیارد ریال"],
        ),
    ],
)

dialogue(
    "short-no-sample-note-without-figures",
    ["short"],
    "Greeting, help and thanks carry no figures: no sample-data warning on any of them.",
    [
        say("سلام", intent="greeting", no_sample_note=True),
        say("چیکارا میتونی بکنی؟", intent="help", no_sample_note=True),
        say("مرسی، دمت گرم", intent="thanks", no_sample_note=True),
    ],
)

dialogue(
    "short-project-card-then-funding",
    ["short", "context"],
    "P-1001 card in about 8 lines with «more»; then the VAT funding to date (11,879,981,000,000 rials) leads the answer.",
    [
        say(
            "خط ۴ قطار شهری چه خبر؟",
            intent="project_info",
            contains=[P1001],
            max_lines=8,
            button_kinds=["more"],
        ),
        say(
            "چقدر از ارزش افزوده براش خرج شده؟",
            intent="project_info",
            headline_rial=F["project.P-1001.funding.all"],
        ),
    ],
)

dialogue(
    "short-spending-quarter-then-more",
    ["short"],
    "Spending of Mashhad's VAT share in spring 1404 (months 1..3) on registered projects = 1,785,134,000,000 rials "
    "(the MSH-1404-Q1 report says about 1,785 bn rials); short, with «more».",
    [
        say(
            "بهار ۱۴۰۴ پول ارزش افزوده صرف چی شد؟",
            intent="vat_spending",
            figures_rial=[F["spend.mashhad.1404-Q1"]],
            max_lines=8,
            button_kinds=["more"],
            sample_note=True,
        ),
        press_kind("more", intent="vat_spending"),
    ],
)


def main() -> None:
    out = HERE / "dialogues.json"
    out.write_text(json.dumps(D, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(D)} dialogues to {out}")


if __name__ == "__main__":
    main()
