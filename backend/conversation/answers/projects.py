"""Projects: filtered lists with paging (status, behind schedule, a keyword), one project's card,
and what a follow-up asks of a project (when it ends, its budget, its progress, its funding)."""

from __future__ import annotations

import dataclasses
from typing import Any

import jdatetime

from backend.conversation import texts as T
from backend.conversation.answers.common import (
    PROJECTS_PER_PAGE,
    AnswerBase,
    Names,
    more_action,
    period_entity,
    short_label,
    sources_text,
    wants_detail,
)
from backend.formatting import (
    date_label,
    fa_number,
    fa_percent,
    month_label,
    range_label,
    rial_exact,
    status_label,
    toman,
)
from backend.months import MonthRange
from backend.opendata.links import FigureQuery
from backend.reply import Action, Block, ProjectQuery, Reply, projects_payload
from backend.services.base import DEFAULT_MUNICIPALITY
from backend.services.projects import ProjectDetail, ProjectFilter, ProjectSummary
from nlp.types import Understanding


def _with_page(query: ProjectQuery, page: int) -> ProjectQuery:
    return dataclasses.replace(query, page=page)


def _replace(query: ProjectQuery, **changes: Any) -> ProjectQuery:
    return dataclasses.replace(query, **changes)


def _overdue(p: ProjectSummary, today: jdatetime.date) -> bool:
    return (
        p.planned_end_date is not None and p.planned_end_date < today and (p.status != "completed")
    )


class ProjectAnswers(AnswerBase):
    """Projects: filtered lists with paging, one project's card."""

    async def _project_list(self, u: Understanding, today: jdatetime.date) -> Reply:
        ents = u.entities
        muni = await self._s.catalog.municipality(ents.get("municipality"))
        keyword = u.extras.get("keyword")
        query = ProjectQuery(
            municipality=muni.slug,
            district=ents.get("district"),
            category=None if keyword else ents.get("category"),
            status=ents.get("status"),
            period=period_entity(ents, "period"),
            delayed=bool(u.extras.get("delayed")) and not ents.get("status"),
            keyword=keyword["word"] if keyword else "",
            codes=tuple(keyword["projects"]) if keyword else (),
        )
        reply = await self._projects_page(query)
        reply.intent = u.intent
        return reply

    async def _projects_page(self, query: ProjectQuery) -> Reply:
        names = await self._names()
        muni = await self._s.catalog.municipality(query.municipality)
        today = self._s.today()
        filters = ProjectFilter(
            municipality=muni.slug,
            district=query.district,
            category=query.category,
            status=query.status,
            period=query.period,
            overdue_on=today if query.delayed else None,
            codes=query.codes or None,
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
                tuple(self._item(p, today) for p in page.items),
            )
        )
        rows = [[Action(short_label(p.name_fa), "project", p.code)] for p in page.items]
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
    def _item(p: ProjectSummary, today: jdatetime.date) -> str:
        if _overdue(p, today) and p.planned_end_date is not None:
            return T.PROJECT_LIST_ITEM_DELAYED.format(
                name=p.name_fa,
                date=date_label(p.planned_end_date),
                progress=fa_percent(p.progress_percent, 0),
            )
        return T.PROJECT_ITEM.format(
            name=p.name_fa,
            status=status_label(p.status),
            progress=fa_percent(p.progress_percent, 0),
        )

    @staticmethod
    def _filters_label(query: ProjectQuery, slug: str, muni_name: str, names: Names) -> str:
        parts: list[str] = []
        if query.keyword:
            parts.append(f"«{query.keyword}»")
        if query.category:
            parts.append(names.categories.get(query.category, query.category))
        if query.district:
            parts.append(names.districts.get((slug, query.district), query.district))
        parts.append(muni_name)
        if query.status:
            parts.append(T.FILTER_STATUS.format(status=status_label(query.status)))
        if query.delayed:
            parts.append(T.FILTER_STATUS.format(status=T.PROJECTS_DELAYED))
        if query.period:
            parts.append(T.FILTER_PERIOD.format(period=range_label(query.period)))
        return " ".join(parts)

    @staticmethod
    def _relax_buttons(query: ProjectQuery, muni_name: str) -> list[list[Action]]:
        relaxed: list[tuple[str, ProjectQuery]] = []
        base = _with_page(query, 1)
        if query.status or query.delayed:
            relaxed.append((T.BTN_ANY_STATUS, _replace(base, status=None, delayed=False)))
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
        keyword = u.extras.get("keyword")
        if code is None and not candidates and keyword:
            candidates = list(keyword["projects"])
        if len(candidates) > 1 and (code is None or code in candidates):
            names = await self._names()
            rows = [
                [Action(short_label(names.projects.get(c, c)), "project", c)]
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
        period = period_entity(u.entities, "period")
        reply = await self._project_card(
            str(code), today, period, focus=u.extras.get("focus"), detail=wants_detail(u), u=u
        )
        reply.intent = u.intent
        return reply

    async def _project_card(
        self,
        code: str,
        today: jdatetime.date,
        period: MonthRange | None = None,
        *,
        focus: str | None = None,
        detail: bool = False,
        u: Understanding | None = None,
    ) -> Reply:
        info = await self._s.projects.detail(code)
        p = info.summary
        progress = fa_percent(p.progress_percent, 0)
        budget_share = (
            p.vat_funding_rial * 100.0 / p.total_budget_rial if p.total_budget_rial else 0.0
        )
        where = (
            T.PROJECT_WHERE_DISTRICT.format(municipality=p.municipality_fa, district=p.district_fa)
            if p.district_fa
            else T.PROJECT_WHERE_CITY.format(municipality=p.municipality_fa)
        )
        end = date_label(p.planned_end_date) if p.planned_end_date else None
        in_period = (
            sum(f.amount_rial for f in info.funding if f.month in period) if period else None
        )
        # The first line answers what was asked; the card's usual facts follow.
        if focus == "end":
            if p.status == "completed" and end:
                headline = T.PROJECT_DONE_HEADLINE.format(name=p.name_fa, date=end)
            elif end and _overdue(p, today):
                headline = T.PROJECT_OVERDUE_HEADLINE.format(
                    name=p.name_fa, date=end, progress=progress
                )
            elif end:
                headline = T.PROJECT_END_HEADLINE.format(
                    name=p.name_fa, date=end, progress=progress
                )
            else:
                headline = T.PROJECT_NO_END.format(name=p.name_fa, progress=progress)
        elif focus == "budget":
            headline = T.PROJECT_BUDGET_HEADLINE.format(
                name=p.name_fa, amount=toman(p.total_budget_rial)
            )
        elif focus in ("funding", "vat") and period is not None and in_period is not None:
            headline = T.PROJECT_FUNDING_PERIOD_HEADLINE.format(
                name=p.name_fa, period=range_label(period), amount=toman(in_period)
            )
        elif focus in ("funding", "vat"):
            headline = T.PROJECT_FUNDING_HEADLINE.format(
                name=p.name_fa, amount=toman(p.vat_funding_rial), percent=fa_percent(budget_share)
            )
        else:
            headline = T.PROJECT_HEADLINE.format(
                name=p.name_fa, status=status_label(p.status), progress=progress
            )
        blocks = [Block("title", f"{headline}")]
        if focus in ("end", "budget", "funding", "vat"):
            blocks.append(
                Block(
                    "text",
                    T.PROJECT_HEADLINE.format(
                        name=p.name_fa, status=status_label(p.status), progress=progress
                    ).removeprefix("🏗 "),
                )
            )
        blocks.append(
            Block(
                "text",
                T.PROJECT_MONEY.format(
                    budget=toman(p.total_budget_rial),
                    vat=toman(p.vat_funding_rial),
                    percent=fa_percent(budget_share),
                ),
            )
        )
        if in_period is not None and period is not None and focus not in ("funding", "vat"):
            blocks.append(
                Block(
                    "fact",
                    toman(in_period) if in_period else T.PROJECT_VAT_NONE_IN_PERIOD,
                    label=T.PROJECT_VAT_IN_PERIOD.format(period=range_label(period)),
                )
            )
        blocks.append(Block("text", T.PROJECT_PLACE.format(where=where, category=p.category_fa)))
        if end and focus != "end":
            value = T.PROJECT_OVERDUE.format(date=end) if _overdue(p, today) else end
            blocks.append(Block("fact", value, label=T.PROJECT_END))
        if detail:
            blocks.append(Block("fact", date_label(p.start_date), label=T.PROJECT_START))
            blocks.append(Block("fact", rial_exact(p.total_budget_rial), label=T.PROJECT_BUDGET))
            if info.description_fa:
                blocks.append(Block("text", info.description_fa))
            by_year: dict[int, int] = {}
            for f in info.funding:
                by_year[f.month.year] = by_year.get(f.month.year, 0) + f.amount_rial
            if by_year:
                blocks.append(
                    Block(
                        "list",
                        T.PROJECT_FUNDING_BY_YEAR,
                        tuple(
                            T.BREAKDOWN_ITEM.format(
                                label=range_label(MonthRange.year(y)), amount=toman(a)
                            )
                            for y, a in sorted(by_year.items())
                        ),
                    )
                )
        blocks.append(self._funding_source(info))
        location = (p.lat, p.lon) if p.lat is not None and p.lon is not None else None
        rows = [
            [
                Action(
                    short_label(T.BTN_CATEGORY_PROJECTS.format(category=p.category_fa)),
                    "projects_page",
                    projects_payload(
                        ProjectQuery(municipality=p.municipality, category=p.category)
                    ),
                )
            ],
            [Action(T.BTN_PROJECT_FEEDBACK, "feedback", p.code)],
        ]
        if not detail:
            question = u or Understanding("project_info", 1.0, {"project": code})
            rows[0].append(more_action(question))
        sample = info.is_sample or (not info.funding and await self._dataset_is_sample())
        reply = Reply("project_info", blocks, rows, location=location, sample=sample)
        reply.figure = FigureQuery.project_funding(code, period)
        reply.figure_rial = in_period if in_period is not None else p.vat_funding_rial
        return reply

    @staticmethod
    def _funding_source(detail: ProjectDetail) -> Block:
        if not detail.funding:
            return Block("note", T.PROJECT_NO_FUNDING)
        last = T.PROJECT_LAST_FUNDING.format(month=month_label(detail.funding[-1].month))
        return Block("source", f"{sources_text(detail.sources, None)} — {last}")
