"""The municipality's VAT share: one period, comparisons, and where the money went."""

from __future__ import annotations

from typing import Any

import jdatetime

from backend.conversation import texts as T
from backend.conversation.answers.common import (
    TOP_CATEGORIES,
    TOP_PROJECT_BUTTONS,
    AnswerBase,
    latest_day,
    period_entity,
    round_rial,
    short_label,
    sources_text,
)
from backend.errors import NotFound
from backend.formatting import (
    change_phrase,
    fa_number,
    fa_percent,
    month_label,
    range_label,
    toman,
    toman_with_rial,
)
from backend.months import MonthRange
from backend.reply import (
    Action,
    Block,
    ChartSpec,
    ProjectQuery,
    Reply,
    intent_payload,
    projects_payload,
)
from backend.services.base import DEFAULT_MUNICIPALITY
from backend.services.calculator import split_basis
from backend.services.vat import Group
from nlp.types import Understanding


class ShareAnswers(AnswerBase):
    """The municipality's VAT share: one period, comparisons, and where the money went."""

    async def _vat_share(self, u: Understanding, today: jdatetime.date) -> Reply:
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        requested = period_entity(u.entities, "period")
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
                        amount=toman(round_rial(series.total_rial / population)),
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
        blocks.append(Block("source", sources_text(series.sources, series.last_published_on)))
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

    async def _vat_compare(self, u: Understanding, today: jdatetime.date) -> Reply:
        other = u.entities.get("compare_municipality")
        if other:
            return await self._compare_municipalities(u, other)
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        first = period_entity(u.entities, "period")
        second = period_entity(u.entities, "compare_period")
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
                sources_text(
                    [*a.sources, *b.sources], latest_day(a.last_published_on, b.last_published_on)
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
        requested = period_entity(u.entities, "period")
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
                    per_capita=toman(round_rial(result.per_capita_first)),
                ),
                label=name,
            ),
            Block(
                "fact",
                T.COMPARE_MUNIS_FACT.format(
                    amount=toman_with_rial(b.total_rial),
                    per_capita=toman(round_rial(result.per_capita_second)),
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
                sources_text(
                    [*a.sources, *b.sources], latest_day(a.last_published_on, b.last_published_on)
                ),
            )
        )
        return Reply(u.intent, blocks, [], sample=a.is_sample or b.is_sample)

    async def _vat_spending(self, u: Understanding, today: jdatetime.date) -> Reply:
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        requested = period_entity(u.entities, "period")
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
                sources_text([*b.received.sources, *b.sources], b.received.last_published_on),
            )
        )
        rows = [
            [Action(short_label(p.name_fa), "project", p.code)]
            for p in b.top_projects[:TOP_PROJECT_BUTTONS]
        ]
        query = ProjectQuery(municipality=slug, category=category)
        list_label = (
            T.BTN_CATEGORY_PROJECTS.format(category=cat_name) if category else T.BTN_PROJECT_LIST
        )
        rows.append([Action(short_label(list_label), "projects_page", projects_payload(query))])
        return Reply(u.intent, blocks, rows, sample=b.is_sample)


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


def _total_comparison(ratio: float) -> str:
    """Say "2.3 times" for big gaps, but "4.5% more than" for close ones ("1 times" misleads)."""
    if ratio >= 2 or ratio <= 0.5:
        return T.COMPARE_MUNIS_TIMES.format(ratio=fa_number(ratio, 1))
    return T.COMPARE_MUNIS_RELATIVE.format(change=change_phrase((ratio - 1) * 100))
