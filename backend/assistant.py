"""Turn an `Understanding` into a transport-neutral `Reply`, every figure read from the services.

Decisions a citizen may notice (all said aloud in the reply when they apply):

* Municipality: Mashhad when the question names none (the services' default).
* Period for `vat_share` / `vat_spending` when none is given: the latest *full* Jalali year with
  data (else the last 12 months of data), because a whole year is the figure people compare and
  quote; buttons offer "this year so far" and the latest month.
* A period that runs past the data (امسال while data ends in آبان) is answered for the months that
  have data ("تا پایان آبان ۱۴۰۵"); a period entirely without data gets no figure, only the range
  that exists and buttons to the latest periods.
* `vat_compare` with one period compares it with the same months a year earlier (VAT income is
  seasonal: a Nowruz dip and an Esfand peak make "the previous N months" unfair); with no period,
  the latest full year against the year before. When one side is cut short by the data end, both
  sides are cut to the same months (like for like) and the reply says so.
* `tax_calculator`: the amount is a purchase price unless the text says it *is* the tax
  (`amount_is_tax`), or a button said so (`amount_kind` in the payload).
* `answered` is False whenever the reply does not hold what was asked: fallbacks, out of scope,
  no data, not found, and prompts for a missing detail (which project, what amount).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import jdatetime

from backend import texts_fa as T
from backend.errors import DomainError, InvalidInput, NotFound
from backend.formatting import (
    change_phrase,
    date_label,
    fa_digits_in_prose,
    fa_int,
    fa_number,
    fa_percent,
    month_label,
    progress_bar,
    range_label,
    status_label,
    toman,
    toman_with_rial,
)
from backend.months import Month, MonthRange
from backend.reply import (
    Action,
    Block,
    ChartSpec,
    ProjectQuery,
    Reply,
    intent_payload,
    parse_intent_payload,
    parse_projects_payload,
    projects_payload,
)
from backend.services import Services
from backend.services.base import DEFAULT_MUNICIPALITY, is_sample_source
from backend.services.calculator import AmountKind, split_basis
from backend.services.catalog import FaqEntry, ReportInfo
from backend.services.projects import ProjectDetail, ProjectFilter
from backend.services.vat import Group
from nlp.types import GazetteerData, Understanding

# Below this confidence (or this close to the runner-up) the assistant asks before answering.
LOW_CONFIDENCE = 0.45
CLOSE_MARGIN = 0.10
# Intents whose reply carries no figure and no side effect: harmless to give even when unsure.
SAFE_WHEN_UNSURE = frozenset({"greeting", "help", "thanks"})
PROJECTS_PER_PAGE = 6
TOP_CATEGORIES = 6
TOP_PROJECT_BUTTONS = 3
REPORTS_SHOWN = 5
FAQ_MIN_SCORE = 50.0
FAQ_CLOSE = 6.0
BUTTON_LABEL_MAX = 32
# Amounts offered when the calculator has none (rials: 100 thousand, 1 and 10 million تومان).
CALCULATOR_EXAMPLES_RIAL = (1_000_000, 10_000_000, 100_000_000)
# Pseudo-entity of `intent` payloads only (not an NLU label): "purchase" or "vat".
AMOUNT_KIND = "amount_kind"

Handler = Callable[[Understanding, jdatetime.date], Awaitable[Reply]]


# --- the tax-amount heuristic ----------------------------------------------------------------
_TAX_WORDS = ("مالیات", "ارزش", "افزوده", "vat")
_PAY_WORDS = frozenset(
    {
        "دادم",
        "دادیم",
        "دادی",
        "داده",
        "دادن",
        "پرداختم",
        "پرداختیم",
        "پرداخت",
        "پرداختی",
        "خورده",
        "خورد",
        "خوردم",
        "شد",
        "شده",
        "کسر",
        "گرفتن",
        "گرفتند",
        "میدم",
        "میدهم",
    }
)
_PURCHASE_WORDS = ("خرید", "قیمت", "تومانی", "ریالی", "تومنی", "جنس", "کالا", "فاکتور")
_UNIT_WORDS = frozenset({"تومان", "تومن", "ریال"})
_AMOUNT_WINDOW = 4


def amount_is_tax(normalized_text: str) -> bool:
    """Tell whether the amount in a question is the VAT paid rather than a purchase price.

    True when a payment verb (دادم، پرداخت کردم، خورده، شد…) appears, and within four words of
    the amount (a number or تومان/ریال) a tax word appears (مالیات، ارزش افزوده) and no purchase
    word does (خرید، قیمت، "…تومانی"), or the tax word directly follows the currency ("روی
    فاکتور ۳۵۰ هزار ریال مالیات خورده"): "۵۰ هزار تومان مالیات ارزش افزوده دادم" is tax;
    "از خرید ۵۰۰ هزار تومانی چقدر مالیات به شهر می‌رسد" is a purchase.
    """
    words = normalized_text.replace("\u200c", " \u200c").split()
    words = [w.lstrip("\u200c") for w in words]
    if not any(w in _PAY_WORDS or w.startswith("پرداخت") for w in words):
        return False
    # "… N ریال مالیات …": a tax word right after the currency names what the amount is,
    # whatever purchase words (فاکتور، خرید) stand further away.
    for i, word in enumerate(words[:-1]):
        if word in _UNIT_WORDS and words[i + 1].startswith(_TAX_WORDS):
            return True
    anchors = [i for i, w in enumerate(words) if w in _UNIT_WORDS or re.search(r"\d", w)]
    for i in anchors:
        window = words[max(0, i - _AMOUNT_WINDOW) : i + _AMOUNT_WINDOW + 1]
        has_tax = any(w.startswith(_TAX_WORDS) for w in window)
        has_purchase = any(w.startswith(_PURCHASE_WORDS) for w in window)
        if has_tax and not has_purchase:
            return True
    return False


# --- small helpers -------------------------------------------------------------------------------
def _round_rial(value: float) -> int:
    return int(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _short(label: str) -> str:
    """Cut a button label so it fits a phone screen."""
    return label if len(label) <= BUTTON_LABEL_MAX else label[: BUTTON_LABEL_MAX - 1] + "…"


def _sources_text(sources: Iterable[str], published: jdatetime.date | None) -> str:
    joined = T.SOURCE_SEP.join(dict.fromkeys(s for s in sources if s))
    if published is None:
        return T.SOURCE.format(sources=joined)
    return T.SOURCE_UPDATED.format(sources=joined, date=date_label(published))


def _latest(*days: jdatetime.date | None) -> jdatetime.date | None:
    present = [d for d in days if d is not None]
    return max(present) if present else None


def _finish(reply: Reply) -> Reply:
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


def _period_entity(entities: dict[str, Any], key: str) -> MonthRange | None:
    value = entities.get(key)
    if value is None:
        return None
    try:
        return MonthRange.from_entity(value)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput(f"bad {key}: {value!r}", message_fa=T.ERROR_BAD_PERIOD) from exc


def _like_for_like(
    first: MonthRange, second: MonthRange, data: MonthRange
) -> tuple[MonthRange, MonthRange] | None:
    """Cut two equally long ranges to the months (by position) that both have data for."""
    if len(first) != len(second):
        return None
    a, b = first.clip(data), second.clip(data)
    if a is None or b is None or (a == first and b == second):
        return None
    lo = max(a.start.ordinal - first.start.ordinal, b.start.ordinal - second.start.ordinal)
    hi = min(a.end.ordinal - first.start.ordinal, b.end.ordinal - second.start.ordinal)
    if lo > hi:
        return None
    return (
        MonthRange(first.start.shift(lo), first.start.shift(hi)),
        MonthRange(second.start.shift(lo), second.start.shift(hi)),
    )


def _group_for(period: MonthRange) -> Group:
    """Break short periods down by month, a year by quarter, longer spans by year."""
    if len(period) <= 6:
        return "month"
    if len(period) <= 12:
        return "quarter"
    return "year"


@dataclass(frozen=True, slots=True)
class _Names:
    """Names of places, categories and projects, for labels and filters."""

    municipalities: dict[str, str]
    districts: dict[tuple[str, str], str]
    categories: dict[str, str]
    projects: dict[str, str]

    @classmethod
    def of(cls, data: GazetteerData) -> _Names:
        return cls(
            {m.slug: m.name_fa for m in data.municipalities},
            {(d.municipality, d.code): d.name_fa for d in data.districts},
            {c.slug: c.name_fa for c in data.categories},
            {p.code: p.name_fa for p in data.projects},
        )


class Assistant:
    """Answer understood questions with figures from the services."""

    def __init__(self, services: Services) -> None:
        self._s = services
        self._handlers: dict[str, Handler] = {
            "greeting": self._greeting,
            "help": self._help,
            "thanks": self._thanks,
            "vat_share": self._vat_share,
            "vat_compare": self._vat_compare,
            "vat_spending": self._vat_spending,
            "project_list": self._project_list,
            "project_info": self._project_info,
            "tax_calculator": self._tax_calculator,
            "report": self._report,
            "faq": self._faq,
            "feedback": self._feedback,
            "feedback_status": self._feedback_status,
            "subscribe": self._subscribe,
            "unsubscribe": self._unsubscribe,
            "out_of_scope": self._out_of_scope,
        }

    # --- entry points -----------------------------------------------------------------------------
    async def reply(self, u: Understanding, today: jdatetime.date) -> Reply:
        """Answer one understood question (never raises for a citizen's mistake)."""
        if self._unsure(u) and u.intent not in SAFE_WHEN_UNSURE:
            return self._clarify(u)
        handler = self._handlers.get(u.intent, self._out_of_scope)
        try:
            return _finish(await handler(u, today))
        except DomainError as exc:
            return self._domain_error(u.intent, exc)

    async def handle_action(self, kind: str, payload: str, today: jdatetime.date) -> Reply | None:
        """Answer a pressed button the assistant owns; None for kinds the bot handles itself."""
        if kind == "intent":
            try:
                intent, entities = parse_intent_payload(payload)
            except ValueError as exc:
                return self._bad_payload("out_of_scope", exc)
            return await self.reply(Understanding(intent, 1.0, entities), today)
        if kind == "project":
            return await self.project_card(payload, today)
        if kind == "projects_page":
            try:
                query = parse_projects_payload(payload)
            except ValueError as exc:
                return self._bad_payload("project_list", exc)
            try:
                return _finish(await self._projects_page(query))
            except DomainError as exc:
                return self._domain_error("project_list", exc)
        if kind == "faq":
            try:
                return _finish(await self._faq_by_slug(payload, today))
            except DomainError as exc:
                return self._domain_error("faq", exc)
        return None

    async def project_card(self, code: str, today: jdatetime.date) -> Reply:
        """Return one project's card (for `/start p_<code>` and project buttons)."""
        try:
            return _finish(await self._project_card(code, today))
        except DomainError as exc:
            return self._domain_error("project_info", exc)

    # --- uncertainty and errors -------------------------------------------------------------------
    @staticmethod
    def _unsure(u: Understanding) -> bool:
        if u.confidence < LOW_CONFIDENCE:
            return True
        return any(
            name != u.intent and u.confidence - p < CLOSE_MARGIN for name, p in u.alternatives
        )

    def _clarify(self, u: Understanding) -> Reply:
        options = [u.intent] + [name for name, _ in u.alternatives if name != u.intent]
        options = [o for o in dict.fromkeys(options) if o in T.INTENT_LABELS][:3]
        rows = [
            [Action(T.INTENT_LABELS[o], "intent", intent_payload(o, u.entities))] for o in options
        ]
        rows.append([Action(T.BTN_HELP, "intent", "help")])
        return Reply(u.intent, [Block("text", T.CLARIFY)], rows, answered=False)

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

    # --- shared lookups ---------------------------------------------------------------------------
    async def _names(self) -> _Names:
        return _Names.of(await self._s.catalog.gazetteer_data())

    async def _dataset_is_sample(self) -> bool:
        return (await self._s.catalog.dataset_status()).is_sample

    # --- small talk -------------------------------------------------------------------------------
    async def _greeting(self, u: Understanding, today: jdatetime.date) -> Reply:
        rows = [[Action(q, "ask", q)] for q in T.HELP_EXAMPLES[:3]]
        rows.append([Action(T.BTN_HELP, "intent", "help")])
        return Reply(u.intent, [Block("text", T.GREETING)], rows)

    async def _help(self, u: Understanding, today: jdatetime.date) -> Reply:
        blocks = [
            Block("title", T.HELP_TITLE),
            Block("text", T.HELP_TEXT),
            Block("list", items=T.HELP_ITEMS),
        ]
        return Reply(u.intent, blocks, [[Action(q, "ask", q)] for q in T.HELP_EXAMPLES])

    async def _thanks(self, u: Understanding, today: jdatetime.date) -> Reply:
        return Reply(u.intent, [Block("text", T.THANKS)], [[Action(T.BTN_HELP, "intent", "help")]])

    async def _out_of_scope(self, u: Understanding, today: jdatetime.date) -> Reply:
        text = u.normalized_text.replace("\u200c", " ")
        if _is_other_tax(text):
            lead = T.OUT_OF_SCOPE_TAX
        elif _is_city_service(text):
            lead = T.OUT_OF_SCOPE_CITY
        else:
            lead = T.OUT_OF_SCOPE
        blocks = [Block("text", lead), Block("text", T.OUT_OF_SCOPE_CAN)]
        blocks.append(Block("list", items=T.HELP_ITEMS[:4]))
        rows = [[Action(q, "ask", q)] for q in T.HELP_EXAMPLES[:2]]
        if lead == T.OUT_OF_SCOPE_CITY:
            rows.append([Action(T.BTN_FEEDBACK, "feedback", "")])
        return Reply(u.intent, blocks, rows, answered=False)

    # --- vat_share --------------------------------------------------------------------------------
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

    async def _vat_share(self, u: Understanding, today: jdatetime.date) -> Reply:
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        requested = _period_entity(u.entities, "period")
        if data is None:
            return self._no_data(u.intent, name, slug, requested, data)
        assumed = requested is None
        period = requested or split_basis(data)
        covered = period.clip(data)
        if covered is None:
            return self._no_data(u.intent, name, slug, period, data)
        series = await self._s.vat.series(slug, covered, _group_for(covered))
        blocks = [Block("title", T.SHARE_TITLE.format(name=name, period=range_label(period)))]
        blocks.append(
            Block(
                "text",
                T.SHARE_TOTAL.format(
                    name=name,
                    period=range_label(covered),
                    amount=toman_with_rial(series.total_rial),
                ),
            )
        )
        population = series.municipality.population
        if population:
            blocks.append(
                Block(
                    "text",
                    T.SHARE_PER_CAPITA.format(
                        amount=toman(_round_rial(series.total_rial / population)),
                        population=fa_number(population),
                    ),
                )
            )
        if len(series.groups) > 1:
            items = tuple(
                T.BREAKDOWN_ITEM.format(
                    label=range_label(g.period),
                    amount=toman(g.amount_rial) if g.months_with_data else T.NO_FIGURE,
                )
                for g in series.groups
            )
            blocks.append(Block("list", T.SHARE_BREAKDOWN_LABEL, items))
        if covered != period:
            blocks.append(
                Block(
                    "note",
                    T.PARTIAL_PERIOD.format(
                        requested=range_label(period),
                        covered=range_label(covered),
                        last=month_label(covered.end),
                    ),
                )
            )
        if series.missing_months:
            blocks.append(
                Block("note", T.MISSING_MONTHS.format(count=fa_number(len(series.missing_months))))
            )
        if assumed:
            blocks.append(Block("note", self._assumed_text(period, data)))
        blocks.append(Block("source", _sources_text(series.sources, series.last_published_on)))
        ents: dict[str, Any] = {"period": covered.as_entity()}
        if slug != DEFAULT_MUNICIPALITY:
            ents["municipality"] = slug
        rows = [
            [
                Action(T.BTN_COMPARE_PREVIOUS_YEAR, "intent", intent_payload("vat_compare", ents)),
                Action(T.BTN_WHERE_SPENT, "intent", intent_payload("vat_spending", ents)),
            ]
        ]
        if assumed:
            this_year = MonthRange.year(today.year)
            rows.append(
                [
                    Action(
                        T.THIS_YEAR_BUTTON,
                        "intent",
                        intent_payload("vat_share", {**ents, "period": this_year.as_entity()}),
                    ),
                    self._latest_buttons("vat_share", slug, data)[1],
                ]
            )
        return Reply(
            u.intent,
            blocks,
            rows,
            chart=ChartSpec("vat_monthly", slug, covered),
            sample=series.is_sample,
        )

    @staticmethod
    def _assumed_text(period: MonthRange, data: MonthRange) -> str:
        return T.ASSUMED_PERIOD.format(
            period=range_label(period),
            example=T.ASSUMED_PERIOD_EXAMPLE.format(year=fa_int(data.end.year)),
        )

    # --- vat_compare ------------------------------------------------------------------------------
    async def _vat_compare(self, u: Understanding, today: jdatetime.date) -> Reply:
        other = u.entities.get("compare_municipality")
        if other:
            return await self._compare_municipalities(u, other)
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        first = _period_entity(u.entities, "period")
        second = _period_entity(u.entities, "compare_period")
        if data is None:
            return self._no_data(u.intent, name, slug, first, data)
        notes: list[str] = []
        if first is None and second is None:
            first = split_basis(data)
            second = first.year_before()
            notes.append(
                T.COMPARE_ASSUMED_BOTH.format(first=range_label(first), second=range_label(second))
            )
        elif first is None or second is None:
            first = first or second
            assert first is not None
            second = first.year_before()
            notes.append(T.COMPARE_ASSUMED_PREVIOUS)
        assert first is not None and second is not None
        if first.clip(data) is None:
            return self._no_data(u.intent, name, slug, first, data)
        if second.clip(data) is None:
            return self._no_data(u.intent, name, slug, second, data)
        requested = first
        cut = _like_for_like(first, second, data)
        if cut is not None:
            first, second = cut
            notes.append(
                T.LIKE_FOR_LIKE.format(
                    requested=range_label(requested),
                    first=range_label(first),
                    second=range_label(second),
                )
            )
        result = await self._s.vat.compare_periods(slug, first, second)
        a, b = result.first, result.second
        if not a.complete or not b.complete:
            notes.append(T.COMPARE_PARTIAL)
        first_label, second_label = range_label(first), range_label(second)
        blocks = [
            Block(
                "title",
                T.COMPARE_PERIODS_TITLE.format(name=name, first=first_label, second=second_label),
            ),
            Block("fact", toman_with_rial(a.total_rial), label=first_label),
            Block("fact", toman_with_rial(b.total_rial), label=second_label),
            Block(
                "text",
                T.COMPARE_PERIODS_TEXT.format(
                    name=name,
                    first=first_label,
                    second=second_label,
                    change=change_phrase(result.change_percent),
                    diff=toman(abs(result.change_rial)),
                ),
            ),
        ]
        blocks += [Block("note", n) for n in notes]
        blocks.append(
            Block(
                "source",
                _sources_text(
                    [*a.sources, *b.sources], _latest(a.last_published_on, b.last_published_on)
                ),
            )
        )
        ents: dict[str, Any] = {"period": first.as_entity()}
        if slug != DEFAULT_MUNICIPALITY:
            ents["municipality"] = slug
        rows = [[Action(T.BTN_WHERE_SPENT, "intent", intent_payload("vat_spending", ents))]]
        return Reply(
            u.intent,
            blocks,
            rows,
            chart=ChartSpec(
                "vat_monthly",
                slug,
                MonthRange(min(first.start, second.start), max(first.end, second.end)),
            ),
            sample=a.is_sample or b.is_sample,
        )

    async def _compare_municipalities(self, u: Understanding, other: str) -> Reply:
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        other_info = await self._s.catalog.municipality(other)
        if other_info.slug == slug:
            return Reply(u.intent, [Block("text", T.COMPARE_SAME_MUNICIPALITY)], answered=False)
        requested = _period_entity(u.entities, "period")
        if data is None:
            return self._no_data(u.intent, name, slug, requested, data)
        period = requested or split_basis(data)
        covered = period.clip(data)
        if covered is None:
            return self._no_data(u.intent, name, slug, period, data)
        result = await self._s.vat.compare_municipalities(slug, other_info.slug, covered)
        a, b = result.first, result.second
        label = range_label(covered)
        blocks = [
            Block(
                "title",
                T.COMPARE_MUNIS_TITLE.format(first=name, second=other_info.name_fa, period=label),
            ),
            Block(
                "fact",
                T.COMPARE_MUNIS_FACT.format(
                    amount=toman_with_rial(a.total_rial),
                    per_capita=toman(_round_rial(result.per_capita_first)),
                ),
                label=name,
            ),
            Block(
                "fact",
                T.COMPARE_MUNIS_FACT.format(
                    amount=toman_with_rial(b.total_rial),
                    per_capita=toman(_round_rial(result.per_capita_second)),
                ),
                label=other_info.name_fa,
            ),
        ]
        if result.ratio is None or not result.per_capita_second:
            blocks.append(Block("text", T.COMPARE_MUNIS_NO_RATIO.format(second=other_info.name_fa)))
        else:
            per_capita_change = (
                (result.per_capita_first - result.per_capita_second)
                * 100.0
                / result.per_capita_second
            )
            blocks.append(
                Block(
                    "text",
                    T.COMPARE_MUNIS_TEXT.format(
                        first=name,
                        second=other_info.name_fa,
                        total_change=_total_comparison(result.ratio),
                        per_capita_change=change_phrase(per_capita_change),
                    ),
                )
            )
        if covered != period:
            blocks.append(
                Block(
                    "note",
                    T.PARTIAL_PERIOD.format(
                        requested=range_label(period), covered=label, last=month_label(covered.end)
                    ),
                )
            )
        if not a.complete or not b.complete:
            blocks.append(Block("note", T.COMPARE_PARTIAL))
        if requested is None:
            blocks.append(Block("note", self._assumed_text(period, data)))
        blocks.append(
            Block(
                "source",
                _sources_text(
                    [*a.sources, *b.sources], _latest(a.last_published_on, b.last_published_on)
                ),
            )
        )
        return Reply(u.intent, blocks, [], sample=a.is_sample or b.is_sample)

    # --- vat_spending -----------------------------------------------------------------------------
    async def _vat_spending(self, u: Understanding, today: jdatetime.date) -> Reply:
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        requested = _period_entity(u.entities, "period")
        category = u.entities.get("category")
        if data is None:
            return self._no_data(u.intent, name, slug, requested, data)
        period = requested or split_basis(data)
        covered = period.clip(data)
        if covered is None:
            return self._no_data(u.intent, name, slug, period, data)
        names = await self._names()
        if category and category not in names.categories:
            raise NotFound(f"unknown category {category!r}", message_fa=T.ERROR_UNKNOWN_CATEGORY)
        b = await self._s.spending.breakdown(slug, covered, category)
        received = b.received.total_rial
        label = range_label(covered)
        blocks: list[Block] = []
        if category:
            cat_name = names.categories[category]
            blocks.append(
                Block(
                    "title",
                    T.SPENDING_CATEGORY_TITLE.format(category=cat_name, name=name, period=label),
                )
            )
        else:
            cat_name = ""
            blocks.append(Block("title", T.SPENDING_TITLE.format(name=name, period=label)))
        blocks.append(Block("fact", toman_with_rial(received), label=T.SPENDING_RECEIVED))
        if not b.spent_on_projects_rial:
            what = T.SPENDING_NONE_CATEGORY.format(category=cat_name) if category else ""
            blocks.append(Block("text", T.SPENDING_NONE.format(period=label, what=what)))
        elif category:
            # The filtered breakdown only knows its own category (always 100%): the share of all
            # project spending needs the unfiltered total.
            overall = await self._s.spending.breakdown(slug, covered)
            of_projects = (
                b.spent_on_projects_rial * 100.0 / overall.spent_on_projects_rial
                if overall.spent_on_projects_rial
                else 0.0
            )
            blocks.append(
                Block(
                    "fact",
                    T.SPENDING_CATEGORY_VALUE.format(
                        amount=toman_with_rial(b.spent_on_projects_rial),
                        percent=fa_percent(of_projects),
                        received_percent=fa_percent(b.project_share_percent or 0.0),
                    ),
                    label=cat_name,
                )
            )
        else:
            blocks.append(
                Block(
                    "fact",
                    T.SPENDING_ON_PROJECTS_VALUE.format(
                        amount=toman_with_rial(b.spent_on_projects_rial),
                        percent=fa_percent(b.project_share_percent or 0.0),
                    ),
                    label=T.SPENDING_ON_PROJECTS,
                )
            )
            blocks.append(
                Block(
                    "list",
                    T.SPENDING_BY_CATEGORY,
                    tuple(
                        T.SPENDING_ITEM.format(
                            name=c.name_fa,
                            amount=toman(c.amount_rial),
                            percent=fa_percent(c.percent),
                        )
                        for c in b.by_category[:TOP_CATEGORIES]
                    ),
                )
            )
        if b.top_projects:
            blocks.append(
                Block(
                    "list",
                    T.SPENDING_CATEGORY_PROJECTS if category else T.SPENDING_TOP_PROJECTS,
                    tuple(
                        T.SPENDING_PROJECT_ITEM.format(name=p.name_fa, amount=toman(p.amount_rial))
                        for p in b.top_projects
                    ),
                )
            )
        if not category and received > b.spent_on_projects_rial:
            rest = received - b.spent_on_projects_rial
            blocks.append(
                Block(
                    "note",
                    T.SPENDING_REST.format(
                        amount=toman(rest), percent=fa_percent(rest * 100.0 / received)
                    ),
                )
            )
        if covered != period:
            blocks.append(
                Block(
                    "note",
                    T.PARTIAL_PERIOD.format(
                        requested=range_label(period), covered=label, last=month_label(covered.end)
                    ),
                )
            )
        if requested is None:
            blocks.append(Block("note", self._assumed_text(period, data)))
        blocks.append(
            Block(
                "source",
                _sources_text([*b.received.sources, *b.sources], b.received.last_published_on),
            )
        )
        rows = [
            [Action(_short(p.name_fa), "project", p.code)]
            for p in b.top_projects[:TOP_PROJECT_BUTTONS]
        ]
        query = ProjectQuery(municipality=slug, category=category)
        list_label = (
            T.BTN_CATEGORY_PROJECTS.format(category=cat_name) if category else T.BTN_PROJECT_LIST
        )
        rows.append([Action(_short(list_label), "projects_page", projects_payload(query))])
        return Reply(u.intent, blocks, rows, sample=b.is_sample)

    # --- projects ---------------------------------------------------------------------------------
    async def _project_list(self, u: Understanding, today: jdatetime.date) -> Reply:
        ents = u.entities
        muni = await self._s.catalog.municipality(ents.get("municipality"))
        query = ProjectQuery(
            municipality=muni.slug,
            district=ents.get("district"),
            category=ents.get("category"),
            status=ents.get("status"),
            period=_period_entity(ents, "period"),
        )
        reply = await self._projects_page(query)
        reply.intent = u.intent
        return reply

    async def _projects_page(self, query: ProjectQuery) -> Reply:
        names = await self._names()
        muni = await self._s.catalog.municipality(query.municipality)
        filters = ProjectFilter(
            municipality=muni.slug,
            district=query.district,
            category=query.category,
            status=query.status,
            period=query.period,
        )
        page = await self._s.projects.search(filters, query.page, PROJECTS_PER_PAGE)
        title = T.PROJECTS_TITLE.format(
            filters=self._filters_label(query, muni.slug, muni.name_fa, names)
        )
        blocks = [Block("title", title)]
        sample = await self._dataset_is_sample()
        if not page.total:
            blocks.append(Block("text", T.PROJECTS_NONE))
            return Reply(
                "project_list",
                blocks,
                self._relax_buttons(query, muni.name_fa),
                answered=False,
                sample=sample,
            )
        count = T.PROJECTS_COUNT if page.pages > 1 else T.PROJECTS_COUNT_ONE_PAGE
        blocks.append(
            Block(
                "list",
                count.format(
                    total=fa_number(page.total),
                    page=fa_number(page.page),
                    pages=fa_number(page.pages),
                ),
                tuple(
                    T.PROJECT_ITEM.format(
                        name=p.name_fa,
                        status=status_label(p.status),
                        progress=fa_percent(p.progress_percent, 0),
                    )
                    for p in page.items
                ),
            )
        )
        rows = [[Action(_short(p.name_fa), "project", p.code)] for p in page.items]
        paging: list[Action] = []
        if page.page > 1:
            paging.append(
                Action(
                    T.BTN_PREVIOUS_PAGE,
                    "projects_page",
                    projects_payload(_with_page(query, page.page - 1)),
                )
            )
        if page.page < page.pages:
            paging.append(
                Action(
                    T.BTN_NEXT_PAGE,
                    "projects_page",
                    projects_payload(_with_page(query, page.page + 1)),
                )
            )
        if paging:
            rows.append(paging)
        return Reply("project_list", blocks, rows, sample=sample)

    @staticmethod
    def _filters_label(query: ProjectQuery, slug: str, muni_name: str, names: _Names) -> str:
        parts: list[str] = []
        if query.category:
            parts.append(names.categories.get(query.category, query.category))
        if query.district:
            parts.append(names.districts.get((slug, query.district), query.district))
        parts.append(muni_name)
        if query.status:
            parts.append(T.FILTER_STATUS.format(status=status_label(query.status)))
        if query.period:
            parts.append(T.FILTER_PERIOD.format(period=range_label(query.period)))
        return " ".join(parts)

    @staticmethod
    def _relax_buttons(query: ProjectQuery, muni_name: str) -> list[list[Action]]:
        relaxed: list[tuple[str, ProjectQuery]] = []
        base = _with_page(query, 1)
        if query.status:
            relaxed.append((T.BTN_ANY_STATUS, _replace(base, status=None)))
        if query.period:
            relaxed.append((T.BTN_ANY_PERIOD, _replace(base, period=None)))
        if query.district:
            relaxed.append((T.BTN_ANY_DISTRICT, _replace(base, district=None)))
        if query.category:
            relaxed.append((T.BTN_ANY_CATEGORY, _replace(base, category=None)))
        everything = ProjectQuery(municipality=query.municipality)
        if not relaxed or len(relaxed) > 1:
            relaxed.append((T.BTN_ALL_PROJECTS.format(name=muni_name), everything))
        return [[Action(label, "projects_page", projects_payload(q))] for label, q in relaxed]

    async def _project_info(self, u: Understanding, today: jdatetime.date) -> Reply:
        code = u.entities.get("project")
        candidates = [c for c in dict.fromkeys(u.candidates) if c]
        if len(candidates) > 1 and (code is None or code in candidates):
            names = await self._names()
            rows = [
                [Action(_short(names.projects.get(c, c)), "project", c)]
                for c in candidates
                if c in names.projects
            ]
            if rows:
                return Reply(u.intent, [Block("text", T.PROJECT_WHICH)], rows, answered=False)
        if code is None and len(candidates) == 1:
            code = candidates[0]
        if code is None:
            rows = [
                [
                    Action(
                        T.BTN_PROJECT_LIST,
                        "projects_page",
                        projects_payload(ProjectQuery(municipality=DEFAULT_MUNICIPALITY)),
                    )
                ]
            ]
            return Reply(u.intent, [Block("text", T.PROJECT_ASK_NAME)], rows, answered=False)
        period = _period_entity(u.entities, "period")
        reply = await self._project_card(str(code), today, period)
        reply.intent = u.intent
        return reply

    async def _project_card(
        self, code: str, today: jdatetime.date, period: MonthRange | None = None
    ) -> Reply:
        detail = await self._s.projects.detail(code)
        p = detail.summary
        where = (
            T.PROJECT_WHERE_DISTRICT.format(municipality=p.municipality_fa, district=p.district_fa)
            if p.district_fa
            else T.PROJECT_WHERE_CITY.format(municipality=p.municipality_fa)
        )
        blocks = [
            Block("title", f"🏗 {p.name_fa}"),
            Block("fact", where, label=T.PROJECT_WHERE),
            Block("fact", p.category_fa, label=T.PROJECT_CATEGORY),
            Block("fact", status_label(p.status), label=T.PROJECT_STATUS),
            Block("fact", progress_bar(p.progress_percent), label=T.PROJECT_PROGRESS),
            Block("fact", toman_with_rial(p.total_budget_rial), label=T.PROJECT_BUDGET),
        ]
        budget_share = (
            p.vat_funding_rial * 100.0 / p.total_budget_rial if p.total_budget_rial else 0.0
        )
        blocks.append(
            Block(
                "fact",
                T.PROJECT_VAT_VALUE.format(
                    amount=toman_with_rial(p.vat_funding_rial), percent=fa_percent(budget_share)
                ),
                label=T.PROJECT_VAT,
            )
        )
        if period is not None:
            # "how much did it get in 1403 and 1404": the months asked about, not only the total
            in_period = sum(f.amount_rial for f in detail.funding if f.month in period)
            blocks.append(
                Block(
                    "fact",
                    toman_with_rial(in_period) if in_period else T.PROJECT_VAT_NONE_IN_PERIOD,
                    label=T.PROJECT_VAT_IN_PERIOD.format(period=range_label(period)),
                )
            )
        blocks.append(Block("fact", date_label(p.start_date), label=T.PROJECT_START))
        if p.planned_end_date is not None:
            end = date_label(p.planned_end_date)
            if p.planned_end_date < today and p.status != "completed":
                end = T.PROJECT_OVERDUE.format(date=end)
            blocks.append(Block("fact", end, label=T.PROJECT_END))
        if detail.description_fa:
            blocks.append(Block("text", detail.description_fa))
        blocks.append(self._funding_source(detail))
        location = (p.lat, p.lon) if p.lat is not None and p.lon is not None else None
        rows = [
            [
                Action(
                    _short(T.BTN_CATEGORY_PROJECTS.format(category=p.category_fa)),
                    "projects_page",
                    projects_payload(
                        ProjectQuery(municipality=p.municipality, category=p.category)
                    ),
                )
            ],
            [Action(T.BTN_PROJECT_FEEDBACK, "feedback", p.code)],
        ]
        sample = detail.is_sample or (not detail.funding and await self._dataset_is_sample())
        return Reply("project_info", blocks, rows, location=location, sample=sample)

    @staticmethod
    def _funding_source(detail: ProjectDetail) -> Block:
        if not detail.funding:
            return Block("note", T.PROJECT_NO_FUNDING)
        last = T.PROJECT_LAST_FUNDING.format(month=month_label(detail.funding[-1].month))
        return Block("source", f"{_sources_text(detail.sources, None)} — {last}")

    # --- tax_calculator ---------------------------------------------------------------------------
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

    async def _tax_calculator(self, u: Understanding, today: jdatetime.date) -> Reply:
        amount = u.entities.get("amount_rial")
        if not isinstance(amount, int) or isinstance(amount, bool):
            rows = self._calculator_examples()
            return Reply(u.intent, [Block("text", T.CALC_ASK_AMOUNT)], rows, answered=False)
        explicit = u.entities.get(AMOUNT_KIND)
        kind: AmountKind
        if explicit in ("purchase", "vat"):
            kind = "vat" if explicit == "vat" else "purchase"
        else:
            kind = "vat" if amount_is_tax(u.normalized_text) else "purchase"
        result = await self._s.calculator.calculate(
            amount, kind=kind, day=today, municipality=u.entities.get("municipality")
        )
        name = result.municipality.name_fa
        if kind == "vat":
            text = T.CALC_VAT.format(
                amount=toman(amount), city=toman(result.municipal_rial), name=name
            )
        else:
            text = T.CALC_PURCHASE.format(
                amount=toman(amount),
                vat=toman(result.vat_rial),
                city=toman(result.municipal_rial),
                name=name,
            )
        rate = result.rate
        blocks = [
            Block("title", T.CALC_TITLE),
            Block("text", text),
            Block(
                "fact",
                T.CALC_RATE_VALUE.format(
                    vat=fa_percent(rate.vat_rate_percent),
                    share=fa_percent(rate.municipal_share_percent),
                    date=date_label(rate.valid_from),
                ),
                label=T.CALC_RATE,
            ),
        ]
        sources = [rate.source]
        published: jdatetime.date | None = None
        if result.split_period is not None and result.split:
            period_label = range_label(result.split_period)
            blocks.append(
                Block(
                    "list",
                    T.CALC_SPLIT.format(period=period_label),
                    tuple(
                        T.CALC_SPLIT_ITEM.format(
                            name=c.name_fa,
                            amount=toman(c.amount_rial),
                            percent=fa_percent(c.percent),
                        )
                        for c in result.split[:TOP_CATEGORIES]
                    ),
                )
            )
            breakdown = await self._s.spending.breakdown(
                result.municipality.slug, result.split_period
            )
            if breakdown.project_share_percent is not None:
                blocks.append(
                    Block(
                        "note",
                        T.CALC_PROJECT_SHARE.format(
                            period=period_label,
                            percent=fa_percent(breakdown.project_share_percent),
                            name=name,
                        ),
                    )
                )
            sources += [*breakdown.sources, *breakdown.received.sources]
            published = breakdown.received.last_published_on
        blocks.append(
            Block("note", T.CALC_ASSUMED_VAT if kind == "vat" else T.CALC_ASSUMED_PURCHASE)
        )
        blocks.append(Block("source", _sources_text(sources, published)))
        switch_kind = "purchase" if kind == "vat" else "vat"
        ents: dict[str, Any] = {"amount_rial": amount, AMOUNT_KIND: switch_kind}
        if u.entities.get("municipality"):
            ents["municipality"] = u.entities["municipality"]
        rows = [
            [
                Action(
                    T.BTN_CALC_AS_PURCHASE if kind == "vat" else T.BTN_CALC_AS_VAT,
                    "intent",
                    intent_payload("tax_calculator", ents),
                )
            ]
        ]
        return Reply(u.intent, blocks, rows, sample=result.is_sample)

    # --- reports ----------------------------------------------------------------------------------
    async def _report(self, u: Understanding, today: jdatetime.date) -> Reply:
        muni = await self._s.catalog.municipality(u.entities.get("municipality"))
        period = _period_entity(u.entities, "period")
        reports = await self._s.catalog.reports(muni.slug, period)
        title = (
            T.REPORTS_TITLE_PERIOD.format(name=muni.name_fa, period=range_label(period))
            if period
            else T.REPORTS_TITLE.format(name=muni.name_fa)
        )
        blocks = [Block("title", title)]
        sample = await self._dataset_is_sample()
        if not reports:
            what = f"{muni.name_fa} در {range_label(period)}" if period else muni.name_fa
            blocks.append(Block("text", T.REPORTS_NONE.format(what=what)))
            rows = (
                [[Action(T.BTN_ALL_REPORTS, "intent", intent_payload("report", {}))]]
                if period
                else []
            )
            return Reply(u.intent, blocks, rows, answered=False, sample=sample)
        shown = reports[:REPORTS_SHOWN]
        blocks.append(
            Block(
                "list",
                items=tuple(
                    T.REPORT_ITEM.format(title=r.title_fa, date=date_label(r.published_on))
                    for r in shown
                ),
            )
        )
        blocks.append(Block("text", T.REPORT_LATEST_SUMMARY.format(summary=shown[0].summary_fa)))
        rows = [
            [Action(_short(T.BTN_REPORT.format(period=_report_period(r))), "url", r.url)]
            for r in shown
        ]
        rows.append([Action(T.BTN_SUBSCRIBE_REPORTS, "subscribe", "monthly")])
        return Reply(u.intent, blocks, rows, sample=sample)

    # --- faq --------------------------------------------------------------------------------------
    async def _faq(self, u: Understanding, today: jdatetime.date) -> Reply:
        entries = await self._s.catalog.faq()
        ranked = rank_faq(u.normalized_text, entries)
        if not ranked or ranked[0][1] < FAQ_MIN_SCORE:
            rows = [[Action(_short(e.question_fa), "faq", e.slug)] for e, _ in ranked[:3]]
            return Reply(u.intent, [Block("text", T.FAQ_NOT_FOUND)], rows, answered=False)
        best, best_score = ranked[0]
        related = [e for e, s in ranked[1:3] if s >= FAQ_MIN_SCORE and best_score - s <= FAQ_CLOSE]
        purchase = _PURCHASE_RE.search(u.normalized_text) is not None
        asks_share = purchase or _asks_city_share(u.normalized_text)
        reply = await self._faq_answer(best, today, asks_share=asks_share)
        if purchase:
            # "if I buy something, how much reaches the city?": the rate answers it in general;
            # an amount would answer it exactly
            reply.blocks.append(Block("text", T.FAQ_CALC_HINT))
            reply.actions += self._calculator_examples()
        if related:
            reply.blocks.append(Block("text", T.FAQ_RELATED))
            reply.actions += [[Action(_short(e.question_fa), "faq", e.slug)] for e in related]
        reply.intent = u.intent
        return reply

    async def _faq_by_slug(self, slug: str, today: jdatetime.date) -> Reply:
        for entry in await self._s.catalog.faq():
            if entry.slug == slug:
                return await self._faq_answer(entry, today, asks_share=False)
        raise NotFound(f"unknown faq {slug!r}", message_fa=T.ERROR_GENERIC)

    async def _faq_answer(
        self, entry: FaqEntry, today: jdatetime.date, *, asks_share: bool
    ) -> Reply:
        blocks = [Block("title", entry.question_fa), Block("text", entry.answer_fa)]
        sources = [entry.source]
        if asks_share or entry.slug in RATE_FAQ_SLUGS:
            rate = await self._s.vat.rate_on(today)
            blocks.append(
                Block(
                    "fact",
                    T.FAQ_RATE_VALUE.format(
                        vat=fa_percent(rate.vat_rate_percent),
                        share=fa_percent(rate.municipal_share_percent),
                    ),
                    label=T.FAQ_RATE_NOW,
                )
            )
            sources.append(rate.source)
        blocks.append(Block("source", _sources_text(sources, None)))
        return Reply("faq", blocks, [], sample=is_sample_source(sources))

    # --- feedback and subscriptions ---------------------------------------------------------------
    async def _feedback(self, u: Understanding, today: jdatetime.date) -> Reply:
        blocks = [Block("title", T.FEEDBACK_TITLE), Block("text", T.FEEDBACK_TEXT)]
        code = u.entities.get("project")
        payload = ""
        if code:
            names = await self._names()
            if code in names.projects:
                payload = str(code)
                blocks.append(Block("text", T.FEEDBACK_PROJECT.format(name=names.projects[code])))
        return Reply(u.intent, blocks, [[Action(T.BTN_FEEDBACK, "feedback", payload)]])

    async def _feedback_status(self, u: Understanding, today: jdatetime.date) -> Reply:
        # TODO(bot issue): look the code up in the feedback tables once they exist; until then the
        # bot's /status command (scoped to the sending chat) is the only way to read a status.
        code = u.entities.get("tracking_code")
        blocks = [Block("title", T.FEEDBACK_STATUS_TITLE)]
        if not code:
            blocks.append(Block("text", T.FEEDBACK_STATUS_ASK))
            return Reply(u.intent, blocks, [])
        blocks.append(Block("text", T.FEEDBACK_STATUS_CODE.format(code=code)))
        rows = [[Action(T.BTN_FEEDBACK_STATUS.format(code=code), "feedback_status", str(code))]]
        return Reply(u.intent, blocks, rows)

    async def _subscribe(self, u: Understanding, today: jdatetime.date) -> Reply:
        blocks = [Block("title", T.SUBSCRIBE_TITLE), Block("text", T.SUBSCRIBE_TEXT)]
        rows = [
            [
                Action(T.BTN_SUBSCRIBE_WEEKLY, "subscribe", "weekly"),
                Action(T.BTN_SUBSCRIBE_MONTHLY, "subscribe", "monthly"),
            ]
        ]
        return Reply(u.intent, blocks, rows)

    async def _unsubscribe(self, u: Understanding, today: jdatetime.date) -> Reply:
        blocks = [Block("title", T.UNSUBSCRIBE_TITLE), Block("text", T.UNSUBSCRIBE_TEXT)]
        return Reply(u.intent, blocks, [[Action(T.BTN_UNSUBSCRIBE, "unsubscribe", "")]])


def _report_period(report: ReportInfo) -> str:
    return range_label(MonthRange(Month.of(report.period_from), Month.of(report.period_to)))


def _total_comparison(ratio: float) -> str:
    """Say "2.3 times" for big gaps, but "4.5% more than" for close ones ("1 times" misleads)."""
    if ratio >= 2 or ratio <= 0.5:
        return T.COMPARE_MUNIS_TIMES.format(ratio=fa_number(ratio, 1))
    return T.COMPARE_MUNIS_RELATIVE.format(change=change_phrase((ratio - 1) * 100))


def _with_page(query: ProjectQuery, page: int) -> ProjectQuery:
    return _replace(query, page=page)


def _replace(query: ProjectQuery, **changes: Any) -> ProjectQuery:
    return dataclasses.replace(query, **changes)


# --- text heuristics for out of scope and the FAQ -------------------------------------------
# Out of scope and about a tax or fee but not VAT (income, property, car…): the tax office's.
_OTHER_TAX_RE = re.compile(r"مالیات|عوارض|اظهارنامه")
_VAT_RE = re.compile(r"ارزش ?افز(?:و)?ده|\bvat\b")
_CITY_SERVICE_RE = re.compile(
    r"زباله|آسفالت|چاله|کوچه|جوی|فاضلاب|چراغ|روشنایی|درخت|سگ|شکایت|پارکینگ|آب گرفتگی|"
    r"آبگرفتگی|نظافت|رفت و روب|سد معبر|مزاحم|اتوبوس|مترو|تاکسی"
)
# A purchase of one's own: "اگه بخرم", "خریدم", "از خریدم", "فاکتور".
_PURCHASE_RE = re.compile(
    r"(?<!\w)(?:خرید(?:م|ی|یم|ین|ید)?|بخر(?:م|ی|یم|ین|ید|ه)|فاکتور|kharid)(?!\w)"
)
_SHARE_RE = re.compile(r"(?:چند|چه) ?درصد|درصدش|درصد\S* .*(?:شهر|شهرداری)")
RATE_FAQ_SLUGS = frozenset({"city-share-percent", "vat-rate"})
# Words in almost every FAQ question: they say nothing about which one is meant.
# Spoken forms of question words, folded to the written form the FAQ uses.
_COLLOQUIAL = {"چیه": "چیست", "کیه": "کیست", "چنده": "چند", "کجاست": "کجا", "چطوری": "چطور"}
FAQ_CONTENT_WEIGHT = 0.7
_FAQ_STOPWORDS = frozenset(
    {
        "مالیات",
        "بر",
        "ارزش",
        "افزوده",
        "را",
        "از",
        "به",
        "در",
        "و",
        "است",
        "چه",
        "چی",
        "که",
        "می",
        "کنم",
        "کرد",
        "شود",
        "میشه",
        "می‌شود",
        "یک",
        "این",
        "آن",
        "با",
        "هست",
        "چیه",
    }
)


def _is_other_tax(text: str) -> bool:
    return _OTHER_TAX_RE.search(text) is not None and _VAT_RE.search(text) is None


def _is_city_service(text: str) -> bool:
    return _CITY_SERVICE_RE.search(text) is not None


def _asks_city_share(text: str) -> bool:
    return _SHARE_RE.search(text.replace("\u200c", " ")) is not None and "شهر" in text


def _faq_normalize(text: str) -> str:
    try:  # imported lazily: the nlp package is optional at this layer and may still be loading
        from nlp.normalize import normalize
    except ImportError:  # pragma: no cover - only while nlp is incomplete
        return " ".join(text.split())
    return normalize(text)


def _content_words(text: str) -> str:
    words = _faq_words(text)
    return " ".join(w for w in words if w not in _FAQ_STOPWORDS)


def _faq_words(text: str) -> list[str]:
    words = _faq_normalize(text).replace("\u200c", " ").split()
    return [_COLLOQUIAL.get(w, w) for w in words]


def rank_faq(question: str, entries: Sequence[FaqEntry]) -> list[tuple[FaqEntry, float]]:
    """Rank FAQ entries by similarity to a question, best first (scores 0..100).

    70% of the score compares the distinguishing words (after dropping the words every entry
    shares, such as "مالیات بر ارزش افزوده") with the entry's question, or more weakly with the
    start of its answer; 30% compares the whole questions, which breaks ties such as
    "… چیست؟" between entries.
    """
    from rapidfuzz import fuzz

    whole = " ".join(_faq_words(question))
    query = _content_words(question) or whole
    if not query:
        return []
    scored: list[tuple[FaqEntry, float]] = []
    for entry in entries:
        asked = _content_words(entry.question_fa)
        answer = " ".join(_content_words(entry.answer_fa).split()[:25])
        content = max(
            fuzz.token_set_ratio(query, asked),
            0.85 * fuzz.token_sort_ratio(query, asked) + 0.15 * fuzz.partial_ratio(query, asked),
            0.7 * fuzz.token_set_ratio(query, answer),
        )
        overall = fuzz.token_sort_ratio(whole, " ".join(_faq_words(entry.question_fa)))
        scored.append((entry, FAQ_CONTENT_WEIGHT * content + (1 - FAQ_CONTENT_WEIGHT) * overall))
    scored.sort(key=lambda pair: -pair[1])
    return scored


__all__ = ["AMOUNT_KIND", "Assistant", "amount_is_tax", "rank_faq"]
