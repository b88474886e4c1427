"""The municipality's VAT share: one period, comparisons and trends, and where the money went.

Every answer leads with its figure on the first line and stays short; the breakdowns wait behind
«جزئیات بیشتر» (`wants_detail`). Lists of parts end with an "others" line so they add up.
"""

from __future__ import annotations

from typing import Any

import jdatetime

from backend.conversation import texts as T
from backend.conversation.answers.common import (
    DETAIL_LIST_ITEMS,
    SHORT_LIST_ITEMS,
    TOP_PROJECT_BUTTONS,
    AnswerBase,
    capped,
    latest_day,
    more_action,
    period_entity,
    round_rial,
    short_label,
    sources_text,
    wants_detail,
)
from backend.errors import NotFound
from backend.formatting import (
    change_phrase,
    fa_number,
    fa_percent,
    month_label,
    range_label,
    rial_exact,
    toman,
    toman_with_rial,
)
from backend.months import Month, MonthRange
from backend.opendata.links import FigureQuery
from backend.reply import Action, Block, ChartSpec, ProjectQuery, Reply, intent_payload
from backend.reply import projects_payload as projects_page_payload
from backend.services.base import DEFAULT_MUNICIPALITY
from backend.services.calculator import split_basis
from backend.services.vat import Group
from nlp.types import Understanding


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


def _ents(slug: str, period: MonthRange) -> dict[str, Any]:
    ents: dict[str, Any] = {"period": period.as_entity()}
    if slug != DEFAULT_MUNICIPALITY:
        ents["municipality"] = slug
    return ents


class ShareAnswers(AnswerBase):
    """The municipality's VAT share: one period, comparisons and trends, where it went."""

    def _not_yet(
        self, intent: str, name: str, slug: str, period: MonthRange, data: MonthRange
    ) -> Reply:
        """A period after the last published month: say so in one line, offer the latest."""
        text = T.NOT_YET_PUBLISHED.format(
            period=range_label(period), name=name, last=month_label(data.end)
        )
        return Reply(
            intent,
            [Block("text", text)],
            [self._latest_buttons("vat_share", slug, data)],
            answered=False,
        )

    async def _vat_share(self, u: Understanding, today: jdatetime.date) -> Reply:
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        requested = period_entity(u.entities, "period")
        if data is None:
            return self._no_data(u.intent, name, slug, requested, data)
        assumed = requested is None
        period = requested or split_basis(data)
        if period.start > data.end:
            return self._not_yet(u.intent, name, slug, period, data)
        covered = period.clip(data)
        if covered is None:
            return self._no_data(u.intent, name, slug, period, data)
        detail = wants_detail(u)
        series = await self._s.vat.series(slug, covered, _group_for(covered))
        total = series.total_rial
        population = series.municipality.population
        per_capita = round_rial(total / population) if population else None
        label = range_label(covered)
        if u.extras.get("focus") == "per_capita" and per_capita is not None:
            blocks = [
                Block(
                    "title",
                    T.SHARE_PER_CAPITA_HEADLINE.format(
                        name=name, period=label, amount=toman(per_capita)
                    ),
                ),
                Block(
                    "text",
                    T.SHARE_PER_CAPITA_DETAIL.format(
                        amount=toman(total), population=fa_number(population)
                    ),
                ),
            ]
        else:
            blocks = [
                Block(
                    "title",
                    T.SHARE_HEADLINE.format(name=name, period=label, amount=toman_with_rial(total)),
                )
            ]
            if per_capita is not None:
                blocks.append(
                    Block(
                        "text",
                        T.SHARE_EXACT.format(
                            per_capita=toman(per_capita), population=fa_number(population)
                        ),
                    )
                )
        if detail and len(series.groups) > 1:
            items = tuple(
                T.BREAKDOWN_ITEM.format(
                    label=range_label(g.period),
                    amount=toman(g.amount_rial) if g.months_with_data else T.NO_FIGURE,
                )
                for g in series.groups
            )
            blocks.append(Block("list", T.SHARE_BREAKDOWN_LABEL, items))
        if covered != period:
            blocks.append(Block("note", self._partial_text(period, covered)))
        if series.missing_months:
            blocks.append(
                Block("note", T.MISSING_MONTHS.format(count=fa_number(len(series.missing_months))))
            )
        if assumed:
            blocks.append(Block("note", self._assumed_text(period, data)))
        blocks.append(Block("source", sources_text(series.sources, series.last_published_on)))
        ents = _ents(slug, covered)
        rows = [
            [
                Action(T.BTN_COMPARE_PREVIOUS_YEAR, "intent", intent_payload("vat_compare", ents)),
                Action(T.BTN_WHERE_SPENT, "intent", intent_payload("vat_spending", ents)),
            ]
        ]
        if not detail and len(series.groups) > 1:
            rows.append([more_action(u)])
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
        reply = Reply(
            u.intent,
            blocks,
            rows,
            chart=ChartSpec("vat_monthly", slug, covered),
            sample=series.is_sample,
        )
        reply.figure, reply.figure_rial = FigureQuery.vat_share(slug, covered), total
        return reply

    # --- vat_compare ------------------------------------------------------------------------------
    async def _vat_compare(self, u: Understanding, today: jdatetime.date) -> Reply:
        other = u.entities.get("compare_municipality")
        if other:
            return await self._compare_municipalities(u, other)
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        first = period_entity(u.entities, "period")
        second = period_entity(u.entities, "compare_period")
        if data is None:
            return self._no_data(u.intent, name, slug, first, data)
        if first is not None and second is None and len(first) > 12:
            return await self._trend(u, slug, name, first, data)
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
        assert first is not None and second is not None
        if first.start > data.end:
            return self._not_yet(u.intent, name, slug, first, data)
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
                T.COMPARE_HEADLINE.format(
                    name=name,
                    first=first_label,
                    a=toman(a.total_rial),
                    change=change_phrase(result.change_percent),
                    second=second_label,
                    b=toman(b.total_rial),
                ),
            ),
        ]
        detail = wants_detail(u)
        if detail:
            blocks += [
                Block("fact", rial_exact(a.total_rial), label=first_label),
                Block("fact", rial_exact(b.total_rial), label=second_label),
            ]
            if len(a.groups) > 1 and len(a.groups) == len(b.groups):
                items = tuple(
                    T.COMPARE_BREAKDOWN_ITEM.format(
                        first_label=range_label(ga.period),
                        first=toman(ga.amount_rial),
                        second_label=range_label(gb.period),
                        second=toman(gb.amount_rial),
                    )
                    for ga, gb in zip(a.groups, b.groups, strict=True)
                )
                blocks.append(Block("list", T.COMPARE_BREAKDOWN, items))
        blocks += [Block("note", n) for n in notes]
        blocks.append(
            Block(
                "source",
                sources_text(
                    [*a.sources, *b.sources], latest_day(a.last_published_on, b.last_published_on)
                ),
            )
        )
        rows = [
            [
                Action(
                    T.BTN_WHERE_SPENT, "intent", intent_payload("vat_spending", _ents(slug, first))
                )
            ]
        ]
        if not detail:
            rows[0].append(more_action(u))
        reply = Reply(
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
        reply.figure = FigureQuery.compare_periods(slug, first, second)
        reply.figure_rial = a.total_rial
        return reply

    async def _trend(
        self, u: Understanding, slug: str, name: str, period: MonthRange, data: MonthRange
    ) -> Reply:
        """Several years asked as one span: each year's total and its change, oldest first."""
        covered = period.clip(data)
        if covered is None:
            return self._no_data(u.intent, name, slug, period, data)
        series = await self._s.vat.series(slug, covered, "year")
        years = [g for g in series.groups if g.months_with_data]
        if not years:
            return self._no_data(u.intent, name, slug, period, data)
        lines: list[str] = []
        previous: int | None = None
        for g in years:
            change = ""
            if previous:
                change = T.TREND_CHANGE.format(
                    change=change_phrase((g.amount_rial - previous) * 100.0 / previous)
                )
            lines.append(
                T.TREND_ITEM.format(
                    year=range_label(g.period), amount=toman(g.amount_rial), change=change
                )
            )
            previous = g.amount_rial
        first, last = years[0].amount_rial, years[-1].amount_rial
        headline = T.TREND_HEADLINE.format(
            name=name,
            period=range_label(covered),
            first=toman(first),
            last=toman(last),
            change=change_phrase((last - first) * 100.0 / first if first else None),
        )
        blocks = [Block("title", headline), Block("list", items=tuple(lines))]
        if covered != period:
            blocks.append(Block("note", self._partial_text(period, covered)))
        blocks.append(Block("source", sources_text(series.sources, series.last_published_on)))
        reply = Reply(
            u.intent,
            blocks,
            [],
            chart=ChartSpec("vat_monthly", slug, covered),
            sample=series.is_sample,
        )
        # The link reproduces the latest year, the figure the trend arrives at.
        reply.figure, reply.figure_rial = FigureQuery.vat_share(slug, years[-1].period), last
        return reply

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
                T.COMPARE_MUNIS_HEADLINE.format(
                    first=name,
                    a=toman(a.total_rial),
                    second=other_info.name_fa,
                    b=toman(b.total_rial),
                    period=label,
                ),
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
            blocks += [
                Block(
                    "fact",
                    toman(round_rial(result.per_capita_first)),
                    label=T.RANK_LEAD_PER_CAPITA.format(name=name),
                ),
                Block(
                    "fact",
                    toman(round_rial(result.per_capita_second)),
                    label=T.RANK_LEAD_PER_CAPITA.format(name=other_info.name_fa),
                ),
            ]
        if covered != period:
            blocks.append(Block("note", self._partial_text(period, covered)))
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
        reply = Reply(u.intent, blocks, [], sample=a.is_sample or b.is_sample)
        reply.figure = FigureQuery.compare_municipalities(slug, other_info.slug, covered)
        reply.figure_rial = a.total_rial
        return reply

    # --- vat_spending -----------------------------------------------------------------------------
    async def _vat_spending(self, u: Understanding, today: jdatetime.date) -> Reply:
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        requested = period_entity(u.entities, "period")
        category = u.entities.get("category")
        district = u.entities.get("district")
        keyword = u.extras.get("keyword")
        if data is None:
            return self._no_data(u.intent, name, slug, requested, data)
        # Money spent on named projects is asked "so far" when no period is said; the city's
        # whole spending picture is the latest full year, like the share.
        all_time = requested is None and (keyword is not None or district is not None)
        period = requested or (data if all_time else split_basis(data))
        if period.start > data.end:
            return self._not_yet(u.intent, name, slug, period, data)
        covered = period.clip(data)
        if covered is None:
            return self._no_data(u.intent, name, slug, period, data)
        names = await self._names()
        if category and category not in names.categories:
            raise NotFound(f"unknown category {category!r}", message_fa=T.ERROR_UNKNOWN_CATEGORY)
        codes = tuple(keyword["projects"]) if keyword else None
        detail = wants_detail(u)
        top = DETAIL_LIST_ITEMS if detail else SHORT_LIST_ITEMS + 1
        b = await self._s.spending.breakdown(
            slug,
            covered,
            None if keyword else category,
            top=max(top, 20),
            district=district,
            codes=codes,
        )
        label = T.ALL_TIME if all_time else range_label(covered)
        received = b.received.total_rial
        spent = b.spent_on_projects_rial
        limit = DETAIL_LIST_ITEMS if detail else SHORT_LIST_ITEMS
        projects = [(p.name_fa, p.amount_rial) for p in b.top_projects]
        blocks: list[Block] = []
        if keyword:
            blocks.append(
                Block(
                    "title",
                    T.SPENDING_KEYWORD_HEADLINE.format(
                        word=keyword["word"],
                        count=fa_number(len(codes or ())),
                        name=name,
                        period=label,
                        amount=toman(spent),
                    ),
                )
            )
            items = capped(projects, spent, limit, T.OTHERS_PROJECTS)
        elif district:
            district_name = names.districts.get((slug, district), district)
            if category:
                headline = T.SPENDING_DISTRICT_CATEGORY_HEADLINE.format(
                    category=names.categories[category],
                    district=district_name,
                    name=name,
                    period=label,
                    amount=toman(spent),
                )
            else:
                headline = T.SPENDING_DISTRICT_HEADLINE.format(
                    district=district_name, name=name, period=label, amount=toman(spent)
                )
            blocks.append(Block("title", headline))
            items = capped(projects, spent, limit, T.OTHERS_PROJECTS)
        elif category:
            overall = await self._s.spending.breakdown(slug, covered)
            of_projects = (
                spent * 100.0 / overall.spent_on_projects_rial
                if overall.spent_on_projects_rial
                else 0.0
            )
            blocks.append(
                Block(
                    "title",
                    T.SPENDING_CATEGORY_HEADLINE.format(
                        category=names.categories[category],
                        name=name,
                        period=label,
                        amount=toman(spent),
                        percent=fa_percent(of_projects),
                    ),
                )
            )
            items = capped(projects, spent, limit, T.OTHERS_PROJECTS)
        else:
            if spent:
                headline = T.SPENDING_HEADLINE.format(
                    name=name,
                    period=label,
                    spent=toman(spent),
                    percent=fa_percent(b.project_share_percent or 0.0),
                    received=toman(received),
                )
            else:
                headline = T.SPENDING_HEADLINE_NONE.format(name=name, period=label)
            blocks.append(Block("title", headline))
            categories = [(c.name_fa, c.amount_rial) for c in b.by_category]
            items = capped(categories, spent, limit, T.OTHERS_CATEGORIES)
        if not spent and (keyword or district or category):
            blocks.append(Block("text", T.SPENDING_NOTHING))
        elif items:
            blocks.append(Block("list", items=items))
        if detail and not (keyword or district or category):
            blocks.append(
                Block(
                    "list",
                    T.SPENDING_TOP_PROJECTS,
                    tuple(
                        T.SPENDING_PROJECT_ITEM.format(name=n, amount=toman(a))
                        for n, a in projects[:SHORT_LIST_ITEMS]
                    ),
                )
            )
            if received > spent:
                rest = received - spent
                blocks.append(
                    Block(
                        "note",
                        T.SPENDING_REST.format(
                            amount=toman(rest), percent=fa_percent(rest * 100.0 / received)
                        ),
                    )
                )
        if not all_time and covered != period:
            blocks.append(Block("note", self._partial_text(period, covered)))
        if requested is None and not all_time:
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
        if not detail:
            rows.append([more_action(u)])
        query = ProjectQuery(municipality=slug, category=category, district=district)
        list_label = (
            T.BTN_CATEGORY_PROJECTS.format(category=names.categories[category])
            if category
            else T.BTN_PROJECT_LIST
        )
        rows.append(
            [Action(short_label(list_label), "projects_page", projects_page_payload(query))]
        )
        reply = Reply(u.intent, blocks, rows, sample=b.is_sample)
        if not keyword:  # a keyword's projects have no public query of their own (yet)
            reply.figure = FigureQuery.spending(slug, covered, category=category, district=district)
            reply.figure_rial = spent
        return reply


def month_name_of(key: str) -> str:
    """Name a `YYYY-MM` key as a Jalali month: آبان ۱۴۰۵."""
    year, month = (int(p) for p in key.split("-"))
    return month_label(Month(year, month))
