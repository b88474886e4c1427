"""Where does my money go: the VAT in a purchase, the city's part, and how the city spends it."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import jdatetime

from backend.errors import InvalidInput
from backend.months import MonthRange
from backend.services.base import MunicipalityInfo, is_sample_source
from backend.services.catalog import CatalogService
from backend.services.spending import SpendingService
from backend.services.vat import RateInfo, VatService

# "purchase": a price with VAT in it; "net": a price before VAT; "vat": the tax itself.
AmountKind = Literal["purchase", "net", "vat"]
MAX_AMOUNT_RIAL = 10**18  # far beyond any purchase; keeps arithmetic and storage sane


@dataclass(frozen=True, slots=True)
class CategoryPart:
    slug: str
    name_fa: str
    percent: float
    amount_rial: int


@dataclass(frozen=True, slots=True)
class CalculatorResult:
    """The calculator's answer, all in whole rials."""

    amount_rial: int
    kind: AmountKind
    vat_rial: int
    municipal_rial: int
    rate: RateInfo
    municipality: MunicipalityInfo
    split_period: MonthRange | None
    split: list[CategoryPart]
    is_sample: bool


def _round(value: Fraction) -> int:
    """Round half up to a whole rial (money is never rounded to even)."""
    return int((value * 2 + 1) // 2)


def vat_in_purchase(price_rial: int, vat_percent: float) -> int:
    """Return the VAT inside a VAT-inclusive price."""
    rate = Fraction(str(vat_percent))
    return _round(Fraction(price_rial) * rate / (100 + rate))


def vat_on_net_price(price_rial: int, vat_percent: float) -> int:
    """Return the VAT added to a price before tax."""
    return _round(Fraction(price_rial) * Fraction(str(vat_percent)) / 100)


def municipal_part(vat_rial: int, share_percent: float) -> int:
    """Return the part of a VAT amount that reaches the municipality."""
    return _round(Fraction(vat_rial) * Fraction(str(share_percent)) / 100)


def split_basis(data: MonthRange) -> MonthRange:
    """Pick the latest full Jalali year inside the data, else the last 12 months of it."""
    last_full_year = data.end.year if data.end.month == 12 else data.end.year - 1
    if last_full_year >= data.start.year:
        year = MonthRange.year(last_full_year)
        if year.clip(data) == year:
            return year
    return MonthRange(max(data.start, data.end.shift(-11)), data.end)


class CalculatorService:
    """Turn a purchase (or a VAT amount) into the city's part and where it goes."""

    def __init__(self, vat: VatService, spending: SpendingService, catalog: CatalogService) -> None:
        self._vat = vat
        self._catalog = catalog
        self._spending = spending

    async def calculate(
        self,
        amount_rial: int,
        *,
        kind: AmountKind = "purchase",
        day: jdatetime.date,
        municipality: str | None = None,
    ) -> CalculatorResult:
        """Compute the VAT, the municipal part and its split across spending categories."""
        if not 0 < amount_rial <= MAX_AMOUNT_RIAL:
            raise InvalidInput(
                "amount must be a positive number of rials",
                message_fa="مبلغ باید عددی مثبت باشد.",
            )
        rate = await self._vat.rate_on(day)
        if kind == "vat":
            vat_rial = amount_rial
        elif kind == "net":
            vat_rial = vat_on_net_price(amount_rial, rate.vat_rate_percent)
        else:
            vat_rial = vat_in_purchase(amount_rial, rate.vat_rate_percent)
        city_rial = municipal_part(vat_rial, rate.municipal_share_percent)
        muni = await self._catalog.municipality(municipality)
        data = await self._vat.data_range(muni.slug)
        split: list[CategoryPart] = []
        basis: MonthRange | None = None
        is_sample = is_sample_source([rate.source])
        if data is not None:
            basis = split_basis(data)
            breakdown = await self._spending.breakdown(muni.slug, basis)
            is_sample = is_sample or breakdown.is_sample
            split = [
                CategoryPart(
                    c.slug, c.name_fa, c.percent, _round(city_rial * Fraction(c.percent) / 100)
                )
                for c in breakdown.by_category
            ]
        return CalculatorResult(
            amount_rial=amount_rial,
            kind=kind,
            vat_rial=vat_rial,
            municipal_rial=city_rial,
            rate=rate,
            municipality=muni,
            split_period=basis,
            split=split,
            is_sample=is_sample,
        )
