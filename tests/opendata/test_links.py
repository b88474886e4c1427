"""The figure link grammar: every query round-trips through its path, and bad paths are refused."""

from __future__ import annotations

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.errors import InvalidInput
from backend.months import Month, MonthRange
from backend.opendata.links import (
    MAX_PATH_LENGTH,
    FigureQuery,
    figure_path,
    figure_url,
    page_path,
    parse_figure_path,
    split_format,
)

Y1403 = MonthRange.year(1403)
SPRING = MonthRange(Month(1404, 1), Month(1404, 3))

EXAMPLES = [
    (FigureQuery.vat_share("mashhad", Y1403), "/d/share/mashhad/1403"),
    (
        FigureQuery.vat_share("mashhad", MonthRange(Month(1404, 8), Month(1404, 8))),
        "/d/share/mashhad/1404-08",
    ),
    (FigureQuery.vat_share("mashhad", SPRING), "/d/share/mashhad/1404-01..1404-03"),
    (
        FigureQuery.compare_periods("mashhad", MonthRange.year(1404), Y1403),
        "/d/compare/mashhad/1404/1403",
    ),
    (
        FigureQuery.compare_municipalities("mashhad", "neyshabur", Y1403),
        "/d/compare/mashhad+neyshabur/1403",
    ),
    (FigureQuery.spending("mashhad", Y1403), "/d/spending/mashhad/1403"),
    (
        FigureQuery.spending("mashhad", Y1403, category="transport"),
        "/d/spending/mashhad/1403/category/transport",
    ),
    (
        FigureQuery.spending("mashhad", SPRING, district="samen"),
        "/d/spending/mashhad/1404-01..1404-03/district/samen",
    ),
    (
        FigureQuery.spending("mashhad", Y1403, category="roads", district="9"),
        "/d/spending/mashhad/1403/category/roads/district/9",
    ),
    (FigureQuery.project_funding("P-1001"), "/d/project/P-1001"),
    (FigureQuery.project_funding("P-1001", Y1403), "/d/project/P-1001/1403"),
    (
        FigureQuery.calculator("mashhad", 10_000_000, "purchase", jdatetime.date(1405, 9, 8)),
        "/d/calc/mashhad/purchase/10000000/1405-09-08",
    ),
    (
        FigureQuery.calculator("neyshabur", 5_000, "vat", jdatetime.date(1403, 12, 30)),
        "/d/calc/neyshabur/vat/5000/1403-12-30",
    ),
]


@pytest.mark.parametrize(("query", "path"), EXAMPLES)
def test_examples_round_trip(query: FigureQuery, path: str) -> None:
    assert figure_path(query) == path
    assert parse_figure_path(path) == query
    assert figure_path(query, "json") == path + ".json"
    assert figure_path(query, "csv") == path + ".csv"
    assert parse_figure_path(path + ".json") == query
    assert len(path) <= MAX_PATH_LENGTH
    assert path.isascii()


def test_long_forms_are_read_and_written_short() -> None:
    assert parse_figure_path("/d/share/mashhad/1403-01..1403-12") == EXAMPLES[0][0]
    assert parse_figure_path("/d/share/mashhad/1404-08..1404-08") == EXAMPLES[1][0]


def test_absolute_url_and_page() -> None:
    q = FigureQuery.spending("mashhad", Y1403, category="transport")
    assert figure_url(q, "https://shafaf.example/") == (
        "https://shafaf.example/d/spending/mashhad/1403/category/transport"
    )
    assert page_path(q) == (
        "/spending?municipality=mashhad&from=1403-01&to=1403-12&category=transport"
    )
    assert page_path(FigureQuery.project_funding("P-1001")) == "/projects/P-1001"
    assert split_format("/d/share/mashhad/1403.csv") == ("/d/share/mashhad/1403", "csv")


@pytest.mark.parametrize(
    "path",
    [
        "/share/mashhad/1403",
        "/d/",
        "/d/nothing/mashhad/1403",
        "/d/share/mashhad",
        "/d/share/Mashhad/1403",
        "/d/share/mashhad/1403-13",
        "/d/share/mashhad/1403-05..1403-02",
        "/d/share/mashhad/2024",
        "/d/share/mashhad/1403/extra",
        "/d/compare/mashhad/1403",
        "/d/compare/mashhad+mashhad/1403",
        "/d/spending/mashhad/1403/district/9/category/roads",
        "/d/spending/mashhad/1403/category",
        "/d/project/P 1001",
        "/d/project/P-1001/1403/1404",
        "/d/calc/mashhad/purchase/0/1405-09-08",
        "/d/calc/mashhad/purchase/-5/1405-09-08",
        "/d/calc/mashhad/gift/1000/1405-09-08",
        "/d/calc/mashhad/purchase/1000/1405-12-31",
        "/d/calc/mashhad/purchase/99999999999999999999/1405-09-08",
        "/d/share/mashhad/۱۴۰۳",
    ],
)
def test_bad_paths_are_refused(path: str) -> None:
    with pytest.raises(InvalidInput):
        parse_figure_path(path)


def test_queries_are_validated() -> None:
    with pytest.raises(InvalidInput):
        FigureQuery("vat_share", municipality="mashhad")  # no period
    with pytest.raises(InvalidInput):
        FigureQuery("vat_share", municipality="mashhad", period=Y1403, category="roads")
    with pytest.raises(InvalidInput):
        FigureQuery("vat_compare", municipality="mashhad", period=Y1403)  # nothing to compare
    with pytest.raises(InvalidInput):
        FigureQuery.spending("mashhad", Y1403, category="Not A Slug")


_slugs = st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True)
_codes = st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True)
_months = st.builds(Month, st.integers(1300, 1499), st.integers(1, 12))


@st.composite
def _ranges(draw: st.DrawFn) -> MonthRange:
    a, b = sorted([draw(_months), draw(_months)])
    return MonthRange(a, b)


@st.composite
def _queries(draw: st.DrawFn) -> FigureQuery:
    kind = draw(st.sampled_from(["share", "periods", "munis", "spending", "project", "calc"]))
    muni = draw(_slugs)
    if kind == "share":
        return FigureQuery.vat_share(muni, draw(_ranges()))
    if kind == "periods":
        return FigureQuery.compare_periods(muni, draw(_ranges()), draw(_ranges()))
    if kind == "munis":
        other = draw(_slugs.filter(lambda s: s != muni))
        return FigureQuery.compare_municipalities(muni, other, draw(_ranges()))
    if kind == "spending":
        return FigureQuery.spending(
            muni,
            draw(_ranges()),
            category=draw(st.none() | _slugs),
            district=draw(st.none() | _codes),
        )
    if kind == "project":
        return FigureQuery.project_funding(draw(_codes), draw(st.none() | _ranges()))
    day = jdatetime.date.fromgregorian(
        date=jdatetime.date(draw(st.integers(1300, 1499)), 1, 1).togregorian()
    ) + jdatetime.timedelta(days=draw(st.integers(0, 364)))
    return FigureQuery.calculator(
        muni,
        draw(st.integers(1, 10**18)),
        draw(st.sampled_from(["purchase", "vat"])),
        day,
    )


@settings(max_examples=300, deadline=None)
@given(_queries())
def test_every_query_round_trips(query: FigureQuery) -> None:
    path = figure_path(query)
    assert parse_figure_path(path) == query
    assert figure_path(parse_figure_path(path)) == path
    assert path.isascii() and len(path) <= MAX_PATH_LENGTH
