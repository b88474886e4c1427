"""Rankings and superlatives: which town, district, category, project, month or year got, spent
or has the most or the least — always the ordered list, not only the top."""

from __future__ import annotations

from typing import Any

import jdatetime

from backend.conversation import texts as T
from backend.conversation.answers.common import (
    DETAIL_LIST_ITEMS,
    AnswerBase,
    more_action,
    period_entity,
    sources_text,
    wants_detail,
)
from backend.conversation.answers.shares import month_name_of
from backend.formatting import change_phrase, fa_int, fa_percent, range_label, toman
from backend.months import Month, MonthRange
from backend.opendata.links import FigureQuery
from backend.reply import Block, Reply
from backend.services.calculator import split_basis
from backend.services.rankings import Ranking
from nlp.types import Understanding

# A short ranking shows this many lines; a town ranking is short enough to show whole.
SHORT_RANK_ITEMS = 6
TOWN_RANK_ITEMS = 9


class RankingAnswers(AnswerBase):
    """Ordered lists for superlative questions."""

    async def _ranking(self, u: Understanding, today: jdatetime.date) -> Reply:
        rank: dict[str, Any] = u.extras["rank"]
        by = rank.get("by")
        descending = rank.get("order", "desc") != "asc"
        measure = rank.get("measure") or "funding"
        detail = wants_detail(u)
        data, slug, name = await self._data_range(u.entities.get("municipality"))
        requested = period_entity(u.entities, "period")
        if data is None:
            return self._no_data(u.intent, name, slug, requested, data)
        intent = {
            "municipality": "vat_compare",
            "month": "vat_compare",
            "year": "vat_compare",
        }.get(by or "", "vat_spending")
        if by == "project" and measure in ("budget", "progress"):
            intent = "project_list"
        if by in ("municipality", "month", "year"):
            period = requested or split_basis(data)
            if by == "month" and requested is None:
                period = MonthRange.year(today.year).clip(data) or split_basis(data)
            covered = period.clip(data)
            if covered is None:
                return self._no_data(intent, name, slug, period, data)
            if by == "municipality":
                ranking = await self._s.rankings.municipalities(
                    covered, per_capita=bool(rank.get("per_capita")), descending=descending
                )
                heading = (
                    (T.RANK_TOWNS_PC if descending else T.RANK_TOWNS_PC_ASC)
                    if rank.get("per_capita")
                    else (T.RANK_TOWNS if descending else T.RANK_TOWNS_ASC)
                )
                item = T.RANK_TOWN_PC_ITEM if rank.get("per_capita") else T.RANK_TOWN_ITEM
                lines = [
                    item.format(n=fa_int(n), name=i.name_fa, amount=toman(int(i.value)))
                    for n, i in enumerate(ranking.items, 1)
                ]
                limit = TOWN_RANK_ITEMS
            elif by == "month":
                ranking = await self._s.rankings.months(slug, covered, descending)
                heading = T.RANK_MONTHS if descending else T.RANK_MONTHS_ASC
                lines = [
                    T.RANK_ITEM.format(
                        n=fa_int(n), name=month_name_of(i.key), amount=toman(int(i.value))
                    )
                    for n, i in enumerate(ranking.items, 1)
                ]
                limit = SHORT_RANK_ITEMS
            else:
                ranking = await self._s.rankings.years(
                    slug, covered, growth=measure == "growth", descending=descending
                )
                if measure == "growth":
                    heading = T.RANK_YEARS_GROWTH if descending else T.RANK_YEARS_GROWTH_ASC
                else:
                    heading = T.RANK_YEARS if descending else T.RANK_YEARS_ASC
                lines = [
                    T.RANK_ITEM.format(
                        n=fa_int(n),
                        name=fa_int(int(i.key)),
                        amount=(
                            change_phrase(float(i.value))
                            if measure == "growth"
                            else toman(int(i.value))
                        ),
                    )
                    for n, i in enumerate(ranking.items, 1)
                ]
                limit = SHORT_RANK_ITEMS
            title = heading.format(period=range_label(covered), name=name)
            reply = self._ranked_reply(u, intent, title, lines, ranking, limit, detail)
            top = ranking.items[0] if ranking.items else None
            if top is None or rank.get("per_capita") or measure == "growth":
                return reply  # a per-person or growth figure has no public query of its own
            if by == "municipality":
                shown = FigureQuery.vat_share(top.key, covered)
            elif by == "month":
                month = Month.parse(top.key)
                shown = FigureQuery.vat_share(slug, MonthRange(month, month))
            else:
                shown = FigureQuery.vat_share(slug, MonthRange.year(int(top.key)))
            return _with_figure(reply, (shown, int(top.value)))

        # district, category or project rankings: what was spent on projects
        all_time = requested is None
        period = requested or data
        covered = period.clip(data) if not all_time else None
        if requested is not None and covered is None:
            return self._no_data(intent, name, slug, period, data)
        label = T.ALL_TIME if all_time else range_label(covered or period)
        notes: list[str] = []
        # the first line's figure and the public query that reproduces it
        figure: tuple[FigureQuery, int] | None = None
        if by == "district":
            if rank.get("per_capita"):
                notes.append(T.RANK_NO_PER_CAPITA)
            ranking = await self._s.rankings.districts(
                slug, covered, u.entities.get("category"), descending
            )
            heading = T.RANK_DISTRICTS if descending else T.RANK_DISTRICTS_ASC
            lines = [
                T.RANK_ITEM.format(n=fa_int(n), name=i.name_fa, amount=toman(int(i.value)))
                for n, i in enumerate(ranking.items, 1)
            ]
            if ranking.unassigned_rial:
                notes.append(T.SPENDING_CITYWIDE.format(amount=toman(ranking.unassigned_rial)))
            title = heading.format(name=name, period=label)
            if ranking.items:
                top = ranking.items[0]
                query = FigureQuery.spending(
                    slug, covered or data, category=u.entities.get("category"), district=top.key
                )
                figure = query, int(top.value)
        elif by == "category":
            breakdown = await self._s.spending.breakdown(
                slug, covered or data, district=u.entities.get("district")
            )
            items = sorted(
                breakdown.by_category, key=lambda c: -c.amount_rial if descending else c.amount_rial
            )
            lines = [
                T.RANK_ITEM.format(
                    n=fa_int(n),
                    name=c.name_fa,
                    amount=f"{toman(c.amount_rial)} ({fa_percent(c.percent)})",
                )
                for n, c in enumerate(items, 1)
            ]
            ranking = Ranking([], 0, breakdown.sources, breakdown.is_sample)
            if items:
                query = FigureQuery.spending(
                    slug,
                    covered or data,
                    category=items[0].slug,
                    district=u.entities.get("district"),
                )
                figure = query, items[0].amount_rial
            heading = T.RANK_CATEGORIES if descending else T.RANK_CATEGORIES_ASC
            title = heading.format(name=name, period=label)
        else:
            names = await self._names()
            where_parts = []
            if u.entities.get("category"):
                where_parts.append(names.categories.get(u.entities["category"], ""))
            if u.entities.get("district"):
                where_parts.append(
                    names.districts.get((slug, u.entities["district"]), u.entities["district"])
                )
            where_parts.append(name)
            keyword = u.extras.get("keyword")
            ranking = await self._s.rankings.projects(
                slug,
                covered,
                "budget"
                if measure == "budget"
                else "progress"
                if measure == "progress"
                else "funding",
                district=u.entities.get("district"),
                category=u.entities.get("category"),
                status=u.entities.get("status"),
                codes=tuple(keyword["projects"]) if keyword else None,
                descending=descending,
            )
            if measure == "budget":
                heading = T.RANK_PROJECTS_BUDGET if descending else T.RANK_PROJECTS_BUDGET_ASC
            elif measure == "progress":
                heading = T.RANK_PROJECTS_PROGRESS if descending else T.RANK_PROJECTS_PROGRESS_ASC
            else:
                heading = T.RANK_PROJECTS_FUNDING if descending else T.RANK_PROJECTS_FUNDING_ASC
            lines = [
                T.RANK_ITEM.format(
                    n=fa_int(n),
                    name=i.name_fa,
                    amount=(
                        fa_percent(float(i.value), 0)
                        if measure == "progress"
                        else toman(int(i.value))
                    ),
                )
                for n, i in enumerate(ranking.items, 1)
            ]
            title = heading.format(where=" ".join(p for p in where_parts if p), period=label)
            if ranking.items and measure == "funding":
                top = ranking.items[0]
                figure = FigureQuery.project_funding(top.key, covered), int(top.value)
        reply = self._ranked_reply(u, intent, title, lines, ranking, SHORT_RANK_ITEMS, detail)
        for note in notes:
            reply.blocks.insert(len(reply.blocks) - 1, Block("note", note))
        return reply if figure is None else _with_figure(reply, figure)

    def _ranked_reply(
        self,
        u: Understanding,
        intent: str,
        title: str,
        lines: list[str],
        ranking: Ranking,
        limit: int,
        detail: bool,
    ) -> Reply:
        if not lines:
            return Reply(intent, [Block("text", T.RANK_EMPTY.format(period=""))], answered=False)
        limit = DETAIL_LIST_ITEMS * 3 if detail else limit
        shown = lines[:limit]
        blocks = [Block("title", title), Block("list", items=tuple(shown))]
        rows = []
        if len(lines) > len(shown):
            blocks.append(Block("note", T.RANK_MORE.format(count=fa_int(len(lines) - len(shown)))))
            rows.append([more_action(u)])
        blocks.append(Block("source", sources_text(ranking.sources, None)))
        return Reply(intent, blocks, rows, sample=ranking.is_sample)


def _with_figure(reply: Reply, figure: tuple[FigureQuery, int]) -> Reply:
    """Link the first line's figure (rials) to the public query that reproduces it."""
    if reply.answered:
        reply.figure, reply.figure_rial = figure
    return reply
