"""What every answer family shares: lookups, the shared blocks, and how a reply is finished."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import jdatetime

from backend.conversation import texts as T
from backend.errors import DomainError, InvalidInput
from backend.formatting import (
    date_label,
    fa_digits_in_prose,
    fa_int,
    month_label,
    range_label,
    toman,
)
from backend.months import MonthRange
from backend.reply import Action, Block, Reply, intent_payload
from backend.services import Services
from backend.services.base import DEFAULT_MUNICIPALITY
from backend.services.calculator import split_basis
from nlp.types import GazetteerData, Understanding

PROJECTS_PER_PAGE = 6
TOP_CATEGORIES = 6
TOP_PROJECT_BUTTONS = 3
REPORTS_SHOWN = 5
BUTTON_LABEL_MAX = 32
# Amounts offered when the calculator has none (rials: 100 thousand, 1 and 10 million تومان).
CALCULATOR_EXAMPLES_RIAL = (1_000_000, 10_000_000, 100_000_000)
# Pseudo-entity of `intent` payloads only (not an NLU label): "purchase" or "vat".
AMOUNT_KIND = "amount_kind"


def round_rial(value: float) -> int:
    return int(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def short_label(label: str) -> str:
    """Cut a button label so it fits a phone screen."""
    return label if len(label) <= BUTTON_LABEL_MAX else label[: BUTTON_LABEL_MAX - 1] + "…"


def sources_text(sources: Iterable[str], published: jdatetime.date | None) -> str:
    joined = T.SOURCE_SEP.join(dict.fromkeys(s for s in sources if s))
    if published is None:
        return T.SOURCE.format(sources=joined)
    return T.SOURCE_UPDATED.format(sources=joined, date=date_label(published))


def latest_day(*days: jdatetime.date | None) -> jdatetime.date | None:
    present = [d for d in days if d is not None]
    return max(present) if present else None


def finish(reply: Reply) -> Reply:
    """Show database names in Persian digits; append the sample notice once, last."""
    reply.blocks[:] = [
        replace(
            block,
            text=fa_digits_in_prose(block.text),
            label=fa_digits_in_prose(block.label),
            items=tuple(fa_digits_in_prose(item) for item in block.items),
        )
        for block in reply.blocks
    ]
    if reply.sample:
        reply.blocks.append(Block("note", T.SAMPLE_NOTE))
    return reply


def period_entity(entities: dict[str, Any], key: str) -> MonthRange | None:
    value = entities.get(key)
    if value is None:
        return None
    try:
        return MonthRange.from_entity(value)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput(f"bad {key}: {value!r}", message_fa=T.ERROR_BAD_PERIOD) from exc


@dataclass(frozen=True, slots=True)
class Names:
    """Names of places, categories and projects, for labels and filters."""

    municipalities: dict[str, str]
    districts: dict[tuple[str, str], str]
    categories: dict[str, str]
    projects: dict[str, str]

    @classmethod
    def of(cls, data: GazetteerData) -> Names:
        return cls(
            {m.slug: m.name_fa for m in data.municipalities},
            {(d.municipality, d.code): d.name_fa for d in data.districts},
            {c.slug: c.name_fa for c in data.categories},
            {p.code: p.name_fa for p in data.projects},
        )


class AnswerBase:
    """Shared state and lookups of the answer families (each family is a mixin over this)."""

    def __init__(self, services: Services) -> None:
        self._s = services

    def _bad_payload(self, intent: str, exc: ValueError) -> Reply:
        # Old or tampered buttons: answer politely rather than fail the update.
        return self._domain_error(intent, InvalidInput(str(exc), message_fa=T.ERROR_GENERIC))

    @staticmethod
    def _domain_error(intent: str, exc: DomainError) -> Reply:
        return Reply(
            intent,
            [Block("text", T.ERROR_PREFIX.format(message=exc.message_fa))],
            [[Action(T.BTN_HELP, "intent", "help")]],
            answered=False,
        )

    async def _names(self) -> Names:
        return Names.of(await self._s.catalog.gazetteer_data())

    async def _dataset_is_sample(self) -> bool:
        return (await self._s.catalog.dataset_status()).is_sample

    async def _data_range(self, municipality: str | None) -> tuple[MonthRange | None, str, str]:
        """Return the data range of a municipality with its slug and name (NotFound if unknown)."""
        muni = await self._s.catalog.municipality(municipality)
        return await self._s.vat.data_range(muni.slug), muni.slug, muni.name_fa

    def _no_data(
        self, intent: str, name: str, slug: str, period: MonthRange | None, data: MonthRange | None
    ) -> Reply:
        if data is None or period is None:
            return Reply(
                intent, [Block("text", T.NO_DATA_AT_ALL.format(name=name))], answered=False
            )
        text = T.NO_DATA_FOR_PERIOD.format(
            period=range_label(period),
            name=name,
            first=month_label(data.start),
            last=month_label(data.end),
        )
        return Reply(
            intent,
            [Block("text", text)],
            [self._latest_buttons(intent, slug, data)],
            answered=False,
        )

    @staticmethod
    def _latest_buttons(intent: str, slug: str, data: MonthRange) -> list[Action]:
        year = split_basis(data)
        last = MonthRange(data.end, data.end)
        ents = {"municipality": slug} if slug != DEFAULT_MUNICIPALITY else {}
        return [
            Action(
                range_label(year),
                "intent",
                intent_payload(intent, {**ents, "period": year.as_entity()}),
            ),
            Action(
                T.LATEST_MONTH_BUTTON.format(month=month_label(data.end)),
                "intent",
                intent_payload(intent, {**ents, "period": last.as_entity()}),
            ),
        ]

    @staticmethod
    def _partial_text(period: MonthRange, covered: MonthRange) -> str:
        """Say that the data covers only part of the period asked about, and up to when."""
        return T.PARTIAL_PERIOD.format(
            requested=range_label(period),
            covered=range_label(covered),
            last=month_label(covered.end),
        )

    @staticmethod
    def _assumed_text(period: MonthRange, data: MonthRange) -> str:
        return T.ASSUMED_PERIOD.format(
            period=range_label(period),
            example=T.ASSUMED_PERIOD_EXAMPLE.format(year=fa_int(data.end.year)),
        )

    @staticmethod
    def _calculator_examples() -> list[list[Action]]:
        return [
            [
                Action(
                    T.BTN_CALC_EXAMPLE.format(amount=toman(a)),
                    "intent",
                    intent_payload("tax_calculator", {"amount_rial": a}),
                )
            ]
            for a in CALCULATOR_EXAMPLES_RIAL
        ]


# --- short answers ---------------------------------------------------------------------------
# An answer is about eight lines by default; the rest waits behind «جزئیات بیشتر».
SHORT_LIST_ITEMS = 4
DETAIL_LIST_ITEMS = 12
# Extras a question carries into its "more" and follow-up buttons.
_CARRIED_EXTRAS = ("rank", "keyword", "focus", "delayed", "price")


def wants_detail(u: Understanding) -> bool:
    """Tell whether the citizen asked for the full answer («جزئیات بیشتر»)."""
    return bool(u.extras.get("detail"))


def carried_extras(u: Understanding) -> dict[str, Any]:
    """Return the extras that define the question (for buttons that ask it again)."""
    return {k: u.extras[k] for k in _CARRIED_EXTRAS if u.extras.get(k)}


def more_action(u: Understanding) -> Action:
    """Return the «جزئیات بیشتر» button: the same question, answered in full."""
    return Action(
        T.BTN_MORE,
        "more",
        intent_payload(u.intent, u.entities, {**carried_extras(u), "detail": True}),
    )


def capped(items: list[tuple[str, int]], total: int, limit: int, what: str) -> tuple[str, ...]:
    """List `name: amount (percent)` lines, the rest summed in one "others" line.

    The lines always add up to `total`, so a citizen can check the parts against the whole.
    """
    from backend.formatting import fa_percent

    def pct(amount: int) -> str:
        return fa_percent(amount * 100.0 / total) if total else fa_percent(0)

    shown = items if len(items) <= limit + 1 else items[:limit]
    lines = [T.SPENDING_ITEM.format(name=n, amount=toman(a), percent=pct(a)) for n, a in shown]
    rest = total - sum(a for _, a in shown)
    if rest > 0 and len(shown) < len(items):
        lines.append(T.OTHERS_ITEM.format(what=what, amount=toman(rest), percent=pct(rest)))
    return tuple(lines)
