"""Traceable figures: a typed query behind every stated figure, and its short, stable path.

Path grammar (every segment ASCII, so a link survives any chat client):

    /d/share/{municipality}/{period}                        a municipality's VAT share
    /d/compare/{municipality}/{period}/{period}             one municipality, two periods
    /d/compare/{municipality}+{municipality}/{period}       two municipalities, one period
    /d/spending/{municipality}/{period}[/category/{slug}][/district/{code}]
    /d/project/{code}[/{period}]                            one project (its funding in a period)
    /d/calc/{municipality}/{purchase|net|vat}/{amount_rial}/{YYYY-MM-DD}

    period = YYYY (months 1..12) | YYYY-MM (one month) | YYYY-MM..YYYY-MM (inclusive)

A path may end in `.json` or `.csv` for the data instead of the page. `figure_path` writes the
shortest form (`1403`, not `1403-01..1403-12`); `parse_figure_path` reads every form, so
`parse_figure_path(figure_path(q)) == q` for every valid query, and a canonical path survives the
way back too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import urlencode

import jdatetime

from backend.errors import Inconsistent, InvalidInput
from backend.months import Month, MonthRange
from backend.services.calculator import MAX_AMOUNT_RIAL, AmountKind

FigureKind = Literal["vat_share", "vat_compare", "spending", "project", "calculator"]
FIGURE_KINDS: tuple[FigureKind, ...] = get_args(FigureKind)
FigureFormat = Literal["page", "json", "csv"]
FORMATS: tuple[FigureFormat, ...] = get_args(FigureFormat)
AMOUNT_KINDS: tuple[AmountKind, ...] = get_args(AmountKind)

PREFIX = "/d/"
MIN_YEAR, MAX_YEAR = 1300, 1499  # the importer's range: anything else is a typo
# Telegram URL buttons take far longer URLs, but a link people read and paste should be short.
MAX_PATH_LENGTH = 160

_SLUG = re.compile(r"[a-z0-9-]{1,64}")
_CODE = re.compile(r"[A-Za-z0-9_-]{1,64}")
_DISTRICT = re.compile(r"[A-Za-z0-9_-]{1,32}")
_YEAR = re.compile(r"([0-9]{4})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_RANGE = re.compile(r"([0-9]{4})-([0-9]{2})\.\.([0-9]{4})-([0-9]{2})")
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_AMOUNT = re.compile(r"[1-9][0-9]{0,18}")
_SEGMENT = {"vat_share": "share", "vat_compare": "compare", "spending": "spending"}
_SEGMENT.update({"project": "project", "calculator": "calc"})
_KIND_OF_SEGMENT = {segment: kind for kind, segment in _SEGMENT.items()}


def _invalid(reason: str) -> InvalidInput:
    return InvalidInput(
        f"not a figure link: {reason}", message_fa="این نشانی داده معتبر نیست: " + reason
    )


def _inconsistent(reason: str) -> Inconsistent:
    return Inconsistent(
        f"not a figure link: {reason}", message_fa="این نشانی داده معتبر نیست: " + reason
    )


@dataclass(frozen=True, slots=True)
class FigureQuery:
    """The parameters behind one stated figure; build it with the constructor of its kind.

    `municipality` is a slug (every kind but `project`); periods are inclusive Jalali month
    ranges; `amount_rial` is whole rials; `day` is the Jalali day whose VAT rate applies.
    """

    kind: FigureKind
    municipality: str | None = None
    period: MonthRange | None = None
    compare_period: MonthRange | None = None
    compare_municipality: str | None = None
    category: str | None = None
    district: str | None = None
    project: str | None = None
    amount_rial: int | None = None
    amount_kind: AmountKind | None = None
    day: jdatetime.date | None = None

    def __post_init__(self) -> None:
        _validate(self)

    @classmethod
    def vat_share(cls, municipality: str, period: MonthRange) -> FigureQuery:
        """A municipality's VAT share over a month range."""
        return cls("vat_share", municipality=municipality, period=period)

    @classmethod
    def compare_periods(
        cls, municipality: str, period: MonthRange, compare_period: MonthRange
    ) -> FigureQuery:
        """One municipality's share in `period` against `compare_period`."""
        return cls(
            "vat_compare", municipality=municipality, period=period, compare_period=compare_period
        )

    @classmethod
    def compare_municipalities(
        cls, municipality: str, compare_municipality: str, period: MonthRange
    ) -> FigureQuery:
        """Two municipalities' shares over one period."""
        return cls(
            "vat_compare",
            municipality=municipality,
            compare_municipality=compare_municipality,
            period=period,
        )

    @classmethod
    def spending(
        cls,
        municipality: str,
        period: MonthRange,
        *,
        category: str | None = None,
        district: str | None = None,
    ) -> FigureQuery:
        """Where a period's VAT money went (maybe one category and/or one district)."""
        return cls(
            "spending",
            municipality=municipality,
            period=period,
            category=category,
            district=district,
        )

    @classmethod
    def project_funding(cls, code: str, period: MonthRange | None = None) -> FigureQuery:
        """One project, with its VAT funding over all time or over a period."""
        return cls("project", project=code, period=period)

    @classmethod
    def calculator(
        cls,
        municipality: str,
        amount_rial: int,
        amount_kind: AmountKind,
        day: jdatetime.date,
    ) -> FigureQuery:
        """The city's part of a purchase (or of a VAT amount) at the rate in force on `day`."""
        return cls(
            "calculator",
            municipality=municipality,
            amount_rial=amount_rial,
            amount_kind=amount_kind,
            day=day,
        )

    def as_json(self) -> dict[str, object]:
        """Return the parameters that are set, in the API's shapes (periods as {from, to})."""
        out: dict[str, object] = {"kind": self.kind}
        for name in ("municipality", "compare_municipality", "category", "district", "project"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.period is not None:
            out["period"] = self.period.as_entity()
        if self.compare_period is not None:
            out["compare_period"] = self.compare_period.as_entity()
        if self.amount_rial is not None:
            out["amount_rial"] = self.amount_rial
            out["amount_kind"] = self.amount_kind
        if self.day is not None:
            out["day"] = self.day.strftime("%Y-%m-%d")
        return out


_NEEDS: dict[FigureKind, frozenset[str]] = {
    "vat_share": frozenset({"municipality", "period"}),
    "vat_compare": frozenset({"municipality", "period"}),
    "spending": frozenset({"municipality", "period"}),
    "project": frozenset({"project"}),
    "calculator": frozenset({"municipality", "amount_rial", "amount_kind", "day"}),
}
_MAY: dict[FigureKind, frozenset[str]] = {
    "vat_share": frozenset(),
    "vat_compare": frozenset({"compare_period", "compare_municipality"}),
    "spending": frozenset({"category", "district"}),
    "project": frozenset({"period"}),
    "calculator": frozenset(),
}
_FIELDS = (
    "municipality",
    "period",
    "compare_period",
    "compare_municipality",
    "category",
    "district",
    "project",
    "amount_rial",
    "amount_kind",
    "day",
)


def _validate(q: FigureQuery) -> None:
    if q.kind not in FIGURE_KINDS:
        raise _invalid(f"unknown kind {q.kind!r}")
    given = {name for name in _FIELDS if getattr(q, name) is not None}
    missing = _NEEDS[q.kind] - given
    if missing:
        raise _invalid(f"{q.kind} needs {', '.join(sorted(missing))}")
    extra = given - _NEEDS[q.kind] - _MAY[q.kind]
    if extra:
        raise _invalid(f"{q.kind} takes no {', '.join(sorted(extra))}")
    if q.kind == "vat_compare" and (q.compare_period is None) == (q.compare_municipality is None):
        raise _invalid("a comparison needs either a second period or a second municipality")
    for name in ("municipality", "compare_municipality", "category"):
        value = getattr(q, name)
        if value is not None and not _SLUG.fullmatch(value):
            raise _invalid(f"{name} must be a slug (a-z, 0-9, -)")
    if q.compare_municipality is not None and q.compare_municipality == q.municipality:
        raise _inconsistent("compare two different municipalities")
    if q.district is not None and not _DISTRICT.fullmatch(q.district):
        raise _invalid("district must be a district code")
    if q.project is not None and not _CODE.fullmatch(q.project):
        raise _invalid("project must be a project code")
    for period in (q.period, q.compare_period):
        if period is not None and not (
            MIN_YEAR <= period.start.year and period.end.year <= MAX_YEAR
        ):
            raise _invalid(f"years must lie in {MIN_YEAR}..{MAX_YEAR}")
    if q.amount_rial is not None and not 0 < q.amount_rial <= MAX_AMOUNT_RIAL:
        raise _invalid("the amount must be a positive number of rials")
    if q.amount_kind is not None and q.amount_kind not in AMOUNT_KINDS:
        raise _invalid("the amount is a purchase or a vat")
    if q.day is not None and not MIN_YEAR <= q.day.year <= MAX_YEAR:
        raise _invalid(f"years must lie in {MIN_YEAR}..{MAX_YEAR}")


# --------------------------------------------------------------------------- writing


def period_token(period: MonthRange) -> str:
    """Write a month range in its shortest path form: 1403, 1403-05 or 1403-02..1403-07."""
    if period.is_whole_year():
        return str(period.start.year)
    if period.start == period.end:
        return str(period.start)
    return f"{period.start}..{period.end}"


def figure_path(q: FigureQuery, fmt: FigureFormat = "page") -> str:
    """Return the site-relative path of a query: the page, or its `.json` / `.csv` data."""
    assert q.municipality is not None or q.kind == "project"
    segments = [_SEGMENT[q.kind]]
    if q.kind == "vat_share":
        assert q.period is not None
        segments += [str(q.municipality), period_token(q.period)]
    elif q.kind == "vat_compare":
        assert q.period is not None
        if q.compare_municipality is not None:
            segments += [f"{q.municipality}+{q.compare_municipality}", period_token(q.period)]
        else:
            assert q.compare_period is not None
            segments += [str(q.municipality), period_token(q.period)]
            segments.append(period_token(q.compare_period))
    elif q.kind == "spending":
        assert q.period is not None
        segments += [str(q.municipality), period_token(q.period)]
        if q.category is not None:
            segments += ["category", q.category]
        if q.district is not None:
            segments += ["district", q.district]
    elif q.kind == "project":
        segments.append(str(q.project))
        if q.period is not None:
            segments.append(period_token(q.period))
    else:
        assert q.day is not None
        segments += [str(q.municipality), str(q.amount_kind), str(q.amount_rial)]
        segments.append(q.day.strftime("%Y-%m-%d"))
    path = PREFIX + "/".join(segments)
    return path if fmt == "page" else f"{path}.{fmt}"


def figure_url(q: FigureQuery, base_url: str, fmt: FigureFormat = "page") -> str:
    """Return the absolute link of a query on the public site at `base_url`."""
    return base_url.rstrip("/") + figure_path(q, fmt)


def page_path(q: FigureQuery) -> str:
    """Return the public page that shows a query, with its filters as GET parameters."""
    params: dict[str, str] = {}
    if q.municipality is not None and q.kind != "project":
        params["municipality"] = q.municipality
    if q.period is not None:
        params["from"], params["to"] = str(q.period.start), str(q.period.end)
    if q.kind == "vat_share":
        return "/share?" + urlencode(params)
    if q.kind == "vat_compare":
        if q.compare_municipality is not None:
            params["municipality2"] = q.compare_municipality
        if q.compare_period is not None:
            params["from2"], params["to2"] = str(q.compare_period.start), str(q.compare_period.end)
        return "/compare?" + urlencode(params)
    if q.kind == "spending":
        if q.category is not None:
            params["category"] = q.category
        if q.district is not None:
            params["district"] = q.district
        return "/spending?" + urlencode(params)
    if q.kind == "project":
        query = urlencode(params)
        return f"/projects/{q.project}" + (f"?{query}" if query else "")
    assert q.day is not None
    params["amount"] = str(q.amount_rial)
    params["unit"] = "rial"
    params["kind"] = str(q.amount_kind)
    params["day"] = q.day.strftime("%Y-%m-%d")
    return "/calculator?" + urlencode(params)


# --------------------------------------------------------------------------- reading


def split_format(path: str) -> tuple[str, FigureFormat]:
    """Separate a `.json` / `.csv` ending from a figure path."""
    if path.endswith(".json"):
        return path[: -len(".json")], "json"
    if path.endswith(".csv"):
        return path[: -len(".csv")], "csv"
    return path, "page"


def parse_period(token: str) -> MonthRange:
    """Read a period segment: YYYY, YYYY-MM or YYYY-MM..YYYY-MM."""
    try:
        if _YEAR.fullmatch(token):
            return MonthRange.year(int(token))
        if match := _MONTH.fullmatch(token):
            month = Month(int(match[1]), int(match[2]))
            return MonthRange(month, month)
        if match := _RANGE.fullmatch(token):
            start = Month(int(match[1]), int(match[2]))
            end = Month(int(match[3]), int(match[4]))
            if end < start:
                raise _inconsistent(f"the period {token!r} ends before it starts")
            return MonthRange(start, end)
    except ValueError as exc:
        raise _invalid(f"bad period {token!r}: {exc}") from None
    raise _invalid(f"a period is YYYY, YYYY-MM or YYYY-MM..YYYY-MM, not {token!r}")


def _parse_day(token: str) -> jdatetime.date:
    match = _DAY.fullmatch(token)
    if match is None:
        raise _invalid(f"a day is a Jalali YYYY-MM-DD, not {token!r}")
    try:
        return jdatetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _invalid(f"no such Jalali day {token!r}") from None


def parse_figure_path(path: str) -> FigureQuery:
    """Read a figure path (with or without `.json`/`.csv`) back into its query, or raise."""
    if len(path) > MAX_PATH_LENGTH * 2:
        raise _invalid("the path is too long")
    path, _ = split_format(path)
    if not path.startswith(PREFIX):
        raise _invalid(f"a figure path starts with {PREFIX}")
    segments = path[len(PREFIX) :].split("/")
    kind = _KIND_OF_SEGMENT.get(segments[0])
    if kind is None:
        raise _invalid(f"unknown figure {segments[0]!r}")
    args = segments[1:]
    if kind == "vat_share":
        if len(args) != 2:
            raise _invalid("share takes /{municipality}/{period}")
        return FigureQuery.vat_share(args[0], parse_period(args[1]))
    if kind == "vat_compare":
        if len(args) == 2 and "+" in args[0]:
            first, _, second = args[0].partition("+")
            return FigureQuery.compare_municipalities(first, second, parse_period(args[1]))
        if len(args) == 3:
            return FigureQuery.compare_periods(
                args[0], parse_period(args[1]), parse_period(args[2])
            )
        raise _invalid("compare takes /{m}/{period}/{period} or /{m}+{m}/{period}")
    if kind == "spending":
        if len(args) < 2:
            raise _invalid("spending takes /{municipality}/{period}")
        filters = args[2:]
        category = district = None
        if filters[:1] == ["category"] and len(filters) >= 2:
            category, filters = filters[1], filters[2:]
        if filters[:1] == ["district"] and len(filters) >= 2:
            district, filters = filters[1], filters[2:]
        if filters:
            raise _invalid("spending filters are /category/{slug} then /district/{code}")
        return FigureQuery.spending(
            args[0], parse_period(args[1]), category=category, district=district
        )
    if kind == "project":
        if len(args) not in (1, 2):
            raise _invalid("project takes /{code}[/{period}]")
        return FigureQuery.project_funding(
            args[0], parse_period(args[1]) if len(args) == 2 else None
        )
    if len(args) != 4 or args[1] not in AMOUNT_KINDS or not _AMOUNT.fullmatch(args[2]):
        raise _invalid("calc takes /{municipality}/{purchase|net|vat}/{amount_rial}/{YYYY-MM-DD}")
    amount_kind = next(k for k in AMOUNT_KINDS if k == args[1])
    return FigureQuery.calculator(args[0], int(args[2]), amount_kind, _parse_day(args[3]))
