"""The whole pipeline: Finglish, normalization, entities, masking, classifier, post-rules."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import jdatetime
import pytest

from nlp.entities import Extraction
from nlp.evaluate import score
from nlp.pipeline import gazetteer_for, understand
from nlp.rules import choose_intent
from tests.conftest import need_shared_eval


def _load_fixture() -> Any:
    """Import the shared invented gazetteer beside this file (works with or without __init__)."""
    path = Path(__file__).with_name("_gaz_fixture.py")
    spec = importlib.util.spec_from_file_location("_nlp_gaz_fixture", path)
    assert spec is not None and spec.loader is not None
    module = sys.modules.get("_nlp_gaz_fixture")
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules["_nlp_gaz_fixture"] = module
        spec.loader.exec_module(module)
    return module


_FIXTURE = _load_fixture()
DATA = _FIXTURE.DATA
GAZ = _FIXTURE.GAZ

TODAY = jdatetime.date(1405, 3, 20)
REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO.parent / "shared" / "eval"


def test_out_of_scope_carries_no_entities() -> None:
    u = understand("هوای مشهد فردا چطوره؟", GAZ, TODAY)
    assert u.intent == "out_of_scope"
    assert u.entities == {} and u.candidates == []


@pytest.mark.parametrize(
    "text",
    [
        "مالیات بر درآمد پزشک‌ها چند درصده؟",
        "عوارض نوسازی ملکم رو کجا پرداخت کنم",
        "مالیات خودرو امسال چقدر شده",
    ],
)
def test_other_taxes_are_out_of_scope(text: str) -> None:
    assert understand(text, GAZ, TODAY).intent == "out_of_scope"


def test_vat_mention_is_not_caught_by_the_other_tax_guard() -> None:
    u = understand("سهم مشهد از مالیات بر ارزش افزوده سال ۱۴۰۳ چقدر بود", GAZ, TODAY)
    assert u.intent in ("vat_share", "vat_compare")
    assert u.entities["municipality"] == "mashhad"


def test_status_is_dropped_outside_project_lists() -> None:
    u = understand("زیرگذر جهاد تکمیل شده یا نه؟ چقدر پیشرفت داشته", GAZ, TODAY)
    assert u.intent == "project_info"
    assert u.entities == {"project": "P-207"}


def test_status_is_kept_for_project_lists() -> None:
    u = understand("لیست پروژه‌های در حال اجرای منطقه ۹", GAZ, TODAY)
    assert u.intent == "project_list"
    assert u.entities == {"district": "9", "status": "in_progress"}


def test_amount_only_for_calculator() -> None:
    u = understand("اگه ۲ میلیون تومن خرید کنم چقدرش به شهرداری میرسه", GAZ, TODAY)
    assert u.intent == "tax_calculator"
    assert u.entities == {"amount_rial": 20_000_000}


def test_finglish_question() -> None:
    u = understand("proje haye mantaghe 9 ro mikham", GAZ, TODAY)
    assert u.intent == "project_list"
    assert u.entities == {"district": "9"}


def test_ambiguous_project_in_a_list_question_becomes_a_category() -> None:
    u = understand("پروژه‌های ایستگاه آتش نشانی رو لیست کن", GAZ, TODAY)
    assert u.intent == "project_list"
    assert u.entities.get("category") == "safety"
    assert "project" not in u.entities and u.candidates == []


def test_ambiguous_project_in_an_info_question_gives_candidates() -> None:
    u = understand("ایستگاه آتش نشانی کی افتتاح میشه؟", GAZ, TODAY)
    assert u.intent == "project_info"
    assert "project" not in u.entities
    assert set(u.candidates) == {"P-203", "P-204"}


def test_result_fields() -> None:
    u = understand("  سلااااام  ", GAZ, TODAY)
    assert u.intent == "greeting" and u.entities == {}
    assert 0.0 <= u.confidence <= 1.0
    assert u.normalized_text == "سلام"
    assert all(name != u.intent for name, _ in u.alternatives)


def test_empty_text() -> None:
    assert understand("   ", GAZ, TODAY).intent == "out_of_scope"


def test_gazetteer_cache_reuses_the_build() -> None:
    assert gazetteer_for(DATA) is gazetteer_for(DATA)


def test_dev_set_meets_targets() -> None:
    need_shared_eval()
    sys.path.insert(0, str(REPO / "tools"))
    try:
        from nlu_dev_eval import load_gazetteer_data
    finally:
        sys.path.remove(str(REPO / "tools"))
    gaz = gazetteer_for(load_gazetteer_data(EVAL_DIR / "dataset"))
    gold = [json.loads(line) for line in (EVAL_DIR / "dev.jsonl").read_text("utf-8").splitlines()]
    predicted = []
    for g in gold:
        y, m, d = (int(x) for x in g["today"].split("-"))
        u = understand(g["text"], gaz, jdatetime.date(y, m, d))
        predicted.append({"intent": u.intent, "entities": u.entities})
    report = score(gold, predicted)
    assert report.intent_accuracy >= 0.95, report.format_table()
    assert report.entity_f1 >= 0.93, report.format_table()
    assert report.frame_exact >= 0.85, report.format_table()


def test_unseen_phrasings_over_another_gazetteer_meet_targets() -> None:
    path = Path(__file__).with_name("unseen_frames.jsonl")
    gold = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    predicted = []
    for g in gold:
        y, m, d = (int(x) for x in g["today"].split("-"))
        u = understand(g["text"], GAZ, jdatetime.date(y, m, d))
        predicted.append({"intent": u.intent, "entities": u.entities})
    report = score(gold, predicted)
    assert report.intent_accuracy >= 0.95, report.format_table()
    assert report.entity_f1 >= 0.93, report.format_table()
    assert report.frame_exact >= 0.85, report.format_table()


def test_a_purchase_amount_does_not_name_a_project() -> None:
    u = understand("خرید ۸۰۰ هزار تومانی چقدرش مال شهرداریه", GAZ, TODAY)
    assert u.intent == "tax_calculator" and u.entities == {"amount_rial": 8_000_000}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("متروی خط ۲ کی تموم میشه", "P-205"),
        ("ایستگاه اتش نشانی شماره دوازده کی افتتاح شد", "P-203"),
    ],
)
def test_informal_project_names_reach_project_info(text: str, code: str) -> None:
    u = understand(text, GAZ, TODAY)
    assert (u.intent, u.entities) == ("project_info", {"project": code})


def test_half_recognised_name_with_a_project_cue_is_project_info() -> None:
    assert understand("کتابخونه golestan کی افتتاح میشه", GAZ, TODAY).intent == "project_info"


@pytest.mark.parametrize("text", ["فرهنگسراهای منطقه ۵", "پارک‌های منطقه ۷"])
def test_category_and_district_alone_is_a_project_list(text: str) -> None:
    assert understand(text, GAZ, TODAY).intent == "project_list"


@pytest.mark.parametrize(
    "text",
    ["ترافیک بلوار معلم الان چطوره", "لامپ خیابون ما خاموشه", "قیمت دلار امروز"],
)
def test_live_conditions_and_service_requests_are_out_of_scope(text: str) -> None:
    assert understand(text, GAZ, TODAY).intent == "out_of_scope"


def test_praise_for_a_project_is_feedback_and_thanks_to_the_bot_is_thanks() -> None:
    u = understand("بوستان ارغوان خیلی خوب شده، دست شهرداری درد نکنه", GAZ, TODAY)
    assert (u.intent, u.entities) == ("feedback", {"project": "P-202"})
    assert understand("مرسی بابت راهنماییت", GAZ, TODAY).intent == "thanks"


@pytest.mark.parametrize(
    "text",
    [
        "چند درصد از مالیات ارزش افزوده سهم شهرداریه",
        "chand darsad az vat male shahrdarie",
        "اطلاعات من پیش شما میمونه؟",
        "مالیات ارزش افزوده رو کجای فاکتور ببینم",
        "از خدمات شهری گله دارم، شماره تماسش چیه؟",
    ],
)
def test_faq_topics(text: str) -> None:
    u = understand(text, GAZ, TODAY)
    assert (u.intent, u.entities) == ("faq", {})


@pytest.mark.parametrize(
    "text",
    [
        "ارزش افزوده شرکتمو دیر دادم جریمش چقدره؟",
        "اظهارنامه ارزش افزوده فصل پاییز رو کجا بفرستم",
        "استرداد ارزش افزوده صادراتم چی شد",
    ],
)
def test_a_business_own_vat_paperwork_is_out_of_scope(text: str) -> None:
    assert understand(text, GAZ, TODAY).intent == "out_of_scope"


def test_fining_a_contractor_is_not_mistaken_for_a_tax_penalty() -> None:
    u = understand("زیرگذر میدان جهاد خیلی عقب افتاده، پیمانکار رو جریمه کنید", GAZ, TODAY)
    assert u.intent != "out_of_scope"


def test_a_purchase_sized_amount_with_a_share_wording_is_the_calculator() -> None:
    u = understand("۳۲۰ هزار تومن ارزش افزوده دادم، چقدش به مشهد رسید؟", GAZ, TODAY)
    assert u.intent == "tax_calculator"
    assert u.entities["amount_rial"] == 3_200_000


@pytest.mark.parametrize(
    "text",
    ["قوچان یا سبزوار؟ کی سهم بیشتری از ارزش افزوده میگیره", "۱۴۰۳ vs ۱۴۰۴ سهم ارزش افزوده"],
)
def test_two_cities_or_two_periods_are_a_comparison(text: str) -> None:
    u = understand(text, GAZ, TODAY)
    assert u.intent == "vat_compare"
    assert "compare_municipality" in u.entities or "compare_period" in u.entities


def test_colloquial_plural_of_a_category_word_is_recognised() -> None:
    u = understand("پارکای منطقه ۴ رو لیست کن", GAZ, TODAY)
    assert u.entities.get("category") == "green"
    assert u.entities.get("district") == "4"


def test_an_unsure_out_of_scope_about_a_named_project_is_about_the_project() -> None:
    u = understand("زیرگذر میدان جهاد تا الان چقدر جلو رفته", GAZ, TODAY)
    assert u.intent == "project_info" and u.entities.get("project") == "P-207"


def test_a_service_request_naming_a_category_stays_out_of_scope() -> None:
    assert understand("زباله های کوچه مارو سه روزه نبردن", GAZ, TODAY).intent == "out_of_scope"


@pytest.mark.parametrize("top", ["feedback_status", "report", "help"])
def test_an_amount_is_never_a_tracking_code_or_a_report_request(top: str) -> None:
    scores = [(top, 0.43), ("vat_share", 0.30), ("tax_calculator", 0.25)]
    ex = Extraction(entities={"amount_rial": 3_200_000})
    assert choose_intent(scores, ex)[0] == "tax_calculator"
    # without the calculator among the candidates the classifier keeps its say
    assert choose_intent(scores[:2], ex)[0] == top


def test_an_unknown_latin_name_beside_persian_words_does_not_pull_out_of_scope() -> None:
    from nlp.intents import load_classifier

    clf = load_classifier()
    plain = clf.scores("PROJECT کی تموم میشه")
    with_name = clf.scores("PROJECT zxqvbn کی تموم میشه")
    assert with_name[0][0] == plain[0][0] == "project_info"
    assert abs(with_name[0][1] - plain[0][1]) < 0.05
    # Latin alone is still unknown text, not a guess
    assert clf.scores("zxqvbn qwrtp")[0] == ("out_of_scope", pytest.approx(0.9))


def test_a_share_of_a_category_is_spending() -> None:
    scores = [("vat_share", 0.6), ("vat_spending", 0.3), ("faq", 0.1)]
    green = Extraction(entities={"category": "green"})
    mashhad = Extraction(entities={"municipality": "mashhad"})
    assert choose_intent(scores, green)[0] == "vat_spending"
    assert choose_intent(scores, mashhad)[0] == "vat_share"


def test_an_explanation_asked_of_one_period_is_the_figure() -> None:
    scores = [("faq", 0.41), ("vat_share", 0.38), ("help", 0.1)]
    month = {"from": "1405-08", "to": "1405-08"}
    assert choose_intent(scores, Extraction(entities={"period": month}))[0] == "vat_share"
    assert choose_intent(scores, Extraction())[0] == "faq"


def test_one_project_over_two_years_is_project_info_over_one_stretch() -> None:
    u = understand("زیرگذر میدان جهاد تو سالای ۱۴۰۳ و ۱۴۰۴ چقدر پول ارزش افزوده گرفت", GAZ, TODAY)
    assert u.intent == "project_info"
    assert u.entities == {"project": "P-207", "period": {"from": "1403-01", "to": "1404-12"}}


def test_an_inflected_category_word_in_a_name_does_not_identify_the_project() -> None:
    from nlp.gazetteer import Gazetteer
    from nlp.normalize import normalize
    from nlp.types import GazetteerCategory, GazetteerData, GazetteerProject

    data = GazetteerData(
        municipalities=_FIXTURE.DATA.municipalities,
        districts=_FIXTURE.DATA.districts,
        categories=(GazetteerCategory("sidewalks", "پیاده‌رو", ("پیاده رو",)),),
        projects=(
            GazetteerProject(
                "S-1", "مناسب‌سازی پیاده‌روهای بلوار سجاد", "mashhad", None, "sidewalks"
            ),
        ),
    )
    gaz = Gazetteer.build(data)
    question = normalize("امسال چقدر خرج پیاده روها شد")
    assert gaz.find_project(gaz.tokens(question), set()) is None
    named = normalize("پیاده روهای بلوار سجاد کی تموم میشه")
    hit = gaz.find_project(gaz.tokens(named), set())
    assert hit is not None and hit.codes == ("S-1",)


def test_an_amount_settles_share_or_calculator_with_the_belief_in_both() -> None:
    scores = [("tax_calculator", 0.50), ("vat_share", 0.44), ("feedback_status", 0.04)]
    small = Extraction(entities={"amount_rial": 320_000})
    intent, confidence = choose_intent(scores, small)
    assert intent == "tax_calculator" and confidence == pytest.approx(0.94)
    # trillions are a city's share, not a purchase: the model keeps its (unsure) say
    huge = Extraction(entities={"amount_rial": 5_000_000_000_000})
    assert choose_intent(scores[1:], huge) == ("vat_share", 0.44)


def test_a_number_word_with_a_descriptive_word_names_the_numbered_project() -> None:
    from nlp.gazetteer import Gazetteer
    from nlp.types import GazetteerCategory, GazetteerData, GazetteerProject

    data = GazetteerData(
        municipalities=_FIXTURE.DATA.municipalities,
        categories=(GazetteerCategory("transport", "حمل‌ونقل عمومی", ("اتوبوس",)),),
        projects=(
            GazetteerProject("B-1", "خرید ۱۰۰ دستگاه اتوبوس شهری", "mashhad", None, "transport"),
        ),
    )
    gaz = Gazetteer.build(data)
    u = understand("از پول ارزش افزوده چقد به اون صد تا اتوبوس رسیده؟", gaz, TODAY)
    assert u.intent == "project_info" and u.entities == {"project": "B-1"}
    # the category word alone is still the category
    assert understand("پول ارزش افزوده چقد خرج اتوبوس شد", gaz, TODAY).entities == {
        "category": "transport"
    }


def test_a_calculator_question_without_an_amount_is_the_faq() -> None:
    scores = [("tax_calculator", 0.86), ("faq", 0.1), ("vat_share", 0.04)]
    assert choose_intent(scores, Extraction())[0] == "faq"
    paid = Extraction(entities={"amount_rial": 5_000_000})
    assert choose_intent(scores, paid)[0] == "tax_calculator"


def test_two_periods_of_a_town_with_no_verb_is_a_comparison() -> None:
    scores = [("out_of_scope", 0.47), ("vat_compare", 0.3), ("vat_share", 0.2)]
    spring = {"from": "1405-01", "to": "1405-03"}
    before = {"from": "1404-01", "to": "1404-03"}
    two = Extraction(entities={"period": spring, "compare_period": before})
    assert choose_intent(scores, two)[0] == "vat_compare"
    # sure it is off-topic: the periods do not overrule that
    assert choose_intent([("out_of_scope", 0.9), *scores[1:]], two)[0] == "out_of_scope"


def test_a_category_in_the_plural_is_not_one_project() -> None:
    scores = [("project_info", 0.8), ("vat_spending", 0.15), ("vat_share", 0.05)]
    libraries = Extraction(entities={"category": "culture"})
    assert choose_intent(scores, libraries, many=True)[0] == "vat_spending"
    # "our local library" (a project the data does not name) stays one project
    assert choose_intent(scores, libraries, many=False)[0] == "project_info"
