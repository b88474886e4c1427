"""Projects: filtered lists with paging, one project's card."""

from __future__ import annotations

import dataclasses
from typing import Any

import jdatetime

from backend.conversation import texts as T
from backend.conversation.answers.common import (
    PROJECTS_PER_PAGE,
    AnswerBase,
    Names,
    period_entity,
    short_label,
    sources_text,
)
from backend.formatting import (
    date_label,
    fa_number,
    fa_percent,
    month_label,
    progress_bar,
    range_label,
    status_label,
    toman_with_rial,
)
from backend.months import MonthRange
from backend.reply import (
    Action,
    Block,
    ProjectQuery,
    Reply,
    projects_payload,
)
from backend.services.base import DEFAULT_MUNICIPALITY
from backend.services.projects import ProjectDetail, ProjectFilter
from nlp.types import Understanding


class ProjectAnswers(AnswerBase):
    """Projects: filtered lists with paging, one project's card."""

    async def _project_list(self, u: Understanding, today: jdatetime.date) -> Reply:
        ents = u.entities
        muni = await self._s.catalog.municipality(ents.get("municipality"))
        query = ProjectQuery(
            municipality=muni.slug,
            district=ents.get("district"),
            category=ents.get("category"),
            status=ents.get("status"),
            period=period_entity(ents, "period"),
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
    def _filters_label(query: ProjectQuery, slug: str, muni_name: str, names: Names) -> str:
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
                    short_label(T.BTN_CATEGORY_PROJECTS.format(category=p.category_fa)),
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
        return Block("source", f"{sources_text(detail.sources, None)} — {last}")


def _with_page(query: ProjectQuery, page: int) -> ProjectQuery:
    return _replace(query, page=page)


def _replace(query: ProjectQuery, **changes: Any) -> ProjectQuery:
    return dataclasses.replace(query, **changes)
