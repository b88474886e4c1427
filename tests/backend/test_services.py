"""Services against the sample database: every figure equals an independent sum over the CSVs."""

from __future__ import annotations

import csv
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

import jdatetime
import pytest

from backend.errors import InvalidInput, NoData, NotFound
from backend.months import Month, MonthRange
from backend.services.calculator import municipal_part, split_basis, vat_in_purchase
from backend.services.projects import ProjectFilter
from shafaf.runtime import Runtime
from tests.conftest import SAMPLE_DIR


def _rows(name: str, folder: Path = SAMPLE_DIR) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _month(row: dict[str, str]) -> Month:
    return Month(int(row["year"]), int(row["month"]))


def _share_sum(municipality: str, period: MonthRange) -> int:
    return sum(
        int(r["amount_rial"])
        for r in _rows("vat_shares.csv")
        if r["municipality"] == municipality and _month(r) in period
    )


async def test_series_total_and_groups(sample_runtime: Runtime) -> None:
    period = MonthRange.year(1403)
    series = await sample_runtime.services.vat.series("mashhad", period, "quarter")
    assert series.total_rial == _share_sum("mashhad", period)
    assert [g.key for g in series.groups] == ["1403-Q1", "1403-Q2", "1403-Q3", "1403-Q4"]
    q3 = MonthRange(Month(1403, 7), Month(1403, 9))
    assert series.groups[2].amount_rial == _share_sum("mashhad", q3)
    assert series.complete and series.is_sample
    assert series.last_published_on is not None


async def test_series_defaults_to_mashhad_and_reports_missing_months(
    sample_runtime: Runtime,
) -> None:
    period = MonthRange.year(1405)  # data ends at 1405-08
    series = await sample_runtime.services.vat.series(None, period)
    assert series.municipality.slug == "mashhad"
    assert [str(m) for m in series.missing_months] == ["1405-09", "1405-10", "1405-11", "1405-12"]
    assert series.covered == MonthRange(Month(1405, 1), Month(1405, 8))


async def test_series_errors(sample_runtime: Runtime) -> None:
    with pytest.raises(NotFound):
        await sample_runtime.services.vat.series("tehran")
    with pytest.raises(InvalidInput):
        await sample_runtime.services.vat.series("mashhad", group="week")  # type: ignore[arg-type]


async def test_series_on_empty_database(empty_runtime: Runtime) -> None:
    with pytest.raises(NotFound):
        await empty_runtime.services.vat.series()
    with pytest.raises(NoData):
        await empty_runtime.services.vat.rate_on(jdatetime.date(1404, 1, 1))


async def test_compare_periods_and_municipalities(sample_runtime: Runtime) -> None:
    vat = sample_runtime.services.vat
    a, b = MonthRange.year(1404), MonthRange.year(1403)
    comparison = await vat.compare_periods("mashhad", a, b)
    first, second = _share_sum("mashhad", a), _share_sum("mashhad", b)
    assert comparison.change_rial == first - second
    assert comparison.change_percent == pytest.approx((first - second) * 100 / second)

    munis = {r["slug"]: int(r["population"]) for r in _rows("municipalities.csv")}
    cmp = await vat.compare_municipalities("neyshabur", "sabzevar", a)
    assert cmp.first.total_rial == _share_sum("neyshabur", a)
    assert cmp.per_capita_second == pytest.approx(_share_sum("sabzevar", a) / munis["sabzevar"])


async def test_rate_in_force(sample_runtime: Runtime) -> None:
    rates = sorted(_rows("vat_rates.csv"), key=lambda r: r["valid_from"])
    vat = sample_runtime.services.vat
    latest = await vat.rate_on(jdatetime.date(1405, 9, 8))
    assert latest.vat_rate_percent == float(rates[-1]["vat_rate_percent"])
    earliest = await vat.rate_on(jdatetime.date(1400, 6, 1))
    assert earliest.municipal_share_percent == float(rates[0]["municipal_share_percent"])


async def test_spending_breakdown_equals_funding_sums(sample_runtime: Runtime) -> None:
    period = MonthRange.year(1404)
    projects = {r["code"]: r for r in _rows("projects.csv")}
    by_category: dict[str, int] = defaultdict(int)
    for r in _rows("project_funding.csv"):
        project = projects[r["project_code"]]
        if project["municipality"] == "mashhad" and _month(r) in period:
            by_category[project["category"]] += int(r["amount_rial"])
    breakdown = await sample_runtime.services.spending.breakdown("mashhad", period)
    assert {c.slug: c.amount_rial for c in breakdown.by_category} == dict(by_category)
    assert breakdown.spent_on_projects_rial == sum(by_category.values())
    assert sum(c.percent for c in breakdown.by_category) == pytest.approx(100)
    assert breakdown.received.total_rial == _share_sum("mashhad", period)
    amounts = [p.amount_rial for p in breakdown.top_projects]
    assert amounts == sorted(amounts, reverse=True)


async def test_project_search_and_detail(sample_runtime: Runtime) -> None:
    rows = _rows("projects.csv")
    projects = sample_runtime.services.projects
    page = await projects.search(
        ProjectFilter(municipality="mashhad", status="completed"), per_page=100
    )
    assert {p.code for p in page.items} == {
        r["code"] for r in rows if r["municipality"] == "mashhad" and r["status"] == "completed"
    }
    with pytest.raises(InvalidInput):
        ProjectFilter(status="done")
    with pytest.raises(NotFound):
        await projects.detail("NOPE")
    detail = await projects.detail(rows[0]["code"])
    assert detail.summary.total_budget_rial == int(rows[0]["total_budget_rial"])


async def test_calculator(sample_runtime: Runtime) -> None:
    result = await sample_runtime.services.calculator.calculate(
        50_000_000, day=jdatetime.date(1405, 9, 8)
    )
    rate = Fraction(result.rate.vat_rate_percent).limit_denominator(1000)
    assert result.vat_rial == round(Fraction(50_000_000) * rate / (100 + rate))
    assert result.municipal_rial == municipal_part(
        result.vat_rial, result.rate.municipal_share_percent
    )
    assert result.split and result.split_period == MonthRange.year(1404)
    assert sum(p.percent for p in result.split) == pytest.approx(100)
    as_vat = await sample_runtime.services.calculator.calculate(
        350_000, kind="vat", day=jdatetime.date(1405, 9, 8)
    )
    assert as_vat.vat_rial == 350_000
    with pytest.raises(InvalidInput):
        await sample_runtime.services.calculator.calculate(0, day=jdatetime.date(1405, 9, 8))


def test_money_arithmetic_is_exact() -> None:
    assert vat_in_purchase(1_100_000, 10) == 100_000
    assert vat_in_purchase(1_090_000, 9) == 90_000
    assert municipal_part(90_000, 33.333) == 30_000  # 29,999.7 rounds to a whole rial
    assert municipal_part(100_000, 30) == 30_000
    assert municipal_part(5, 30) == 2  # 1.5 rounds half up


def test_split_basis_prefers_latest_full_year() -> None:
    data = MonthRange(Month(1400, 1), Month(1405, 8))
    assert split_basis(data) == MonthRange.year(1404)
    assert split_basis(MonthRange(Month(1404, 3), Month(1404, 12))) == MonthRange(
        Month(1404, 3), Month(1404, 12)
    )
    assert split_basis(MonthRange(Month(1404, 3), Month(1405, 2))) == MonthRange(
        Month(1404, 3), Month(1405, 2)
    )
