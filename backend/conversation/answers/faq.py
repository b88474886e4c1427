"""Explanations (the FAQ) and the periodic reports."""

from __future__ import annotations

from collections.abc import Sequence

import jdatetime

from backend.conversation import texts as T
from backend.conversation.answers.common import (
    REPORTS_SHOWN,
    AnswerBase,
    period_entity,
    short_label,
    sources_text,
    wants_detail,
)
from backend.errors import NotFound
from backend.formatting import (
    date_label,
    fa_percent,
    range_label,
    rial_phrases_to_toman,
)
from backend.months import Month, MonthRange
from backend.reply import (
    Action,
    Block,
    Reply,
    intent_payload,
)
from backend.services.catalog import FaqEntry, ReportInfo
from nlp.cues import asks_city_share, mentions_purchase
from nlp.faq import FaqLike, rank_faq
from nlp.types import Understanding

# nlp.faq.rank_faq scores are cosines (0..1). Where the ranker errs, its best two entries are
# nearly tied: cross-validated over the paraphrases, a right first entry leads the second by 0.26
# (median), a wrong one by 0.06. So a near tie is offered as buttons, and the citizen chooses;
# benchmarks/nlu_accuracy.py prints how often the bot answers alone and how often it is right.
FAQ_MIN_SCORE = 0.2  # below: no entry is like the question
FAQ_MIN_MARGIN = 0.03  # the best two closer than this: offer the top three as buttons
FAQ_CLOSE = 0.08  # after an answer, entries this close to it are offered as related
FAQ_CHOICES = 3
RATE_FAQ_SLUGS = frozenset({"city-share-percent", "vat-rate"})


class FaqAnswers(AnswerBase):
    """Explanations (the FAQ) and the periodic reports."""

    async def _report(self, u: Understanding, today: jdatetime.date) -> Reply:
        muni = await self._s.catalog.municipality(u.entities.get("municipality"))
        period = period_entity(u.entities, "period")
        reports = await self._s.catalog.reports(muni.slug, period)
        if not reports:
            what = f"{muni.name_fa} در {range_label(period)}" if period else muni.name_fa
            rows = (
                [[Action(T.BTN_ALL_REPORTS, "intent", intent_payload("report", {}))]]
                if period
                else []
            )
            return Reply(
                u.intent, [Block("text", T.REPORTS_NONE.format(what=what))], rows, answered=False
            )
        # The report of exactly the period asked about comes first, else the latest one.
        exact = [r for r in reports if period is not None and _report_range(r) == period]
        best = exact[0] if exact else reports[0]
        others = [r for r in reports if r is not best][: REPORTS_SHOWN - 1]
        blocks = [
            Block(
                "title",
                T.REPORT_HEADLINE.format(title=best.title_fa, date=date_label(best.published_on)),
            ),
            Block("text", rial_phrases_to_toman(best.summary_fa)),
        ]
        if wants_detail(u) and others:
            blocks.append(
                Block(
                    "list",
                    T.REPORTS_TITLE.format(name=muni.name_fa),
                    tuple(
                        T.REPORT_ITEM.format(title=r.title_fa, date=date_label(r.published_on))
                        for r in others
                    ),
                )
            )
        rows = [
            [Action(short_label(T.BTN_REPORT.format(period=_report_period(r))), "url", r.url)]
            for r in [best, *others[:2]]
        ]
        rows.append([Action(T.BTN_SUBSCRIBE_REPORTS, "subscribe", "monthly")])
        sample = await self._dataset_is_sample()
        return Reply(u.intent, blocks, rows, sample=sample)

    async def _faq(self, u: Understanding, today: jdatetime.date) -> Reply:
        entries = await self._s.catalog.faq()
        previous = u.extras.get("faq")
        if u.extras.get("faq_followup") and previous:
            # «قبلش چند بود؟» after the rate: the same entry answers the follow-up
            reply = await self._faq_by_slug(str(previous), today)
            reply.intent = u.intent
            return reply
        ranked = rank_faq(u.normalized_text, entries)
        if not faq_is_clear(ranked):
            rows = [
                [Action(short_label(e.question_fa), "faq", e.slug)] for e, _ in ranked[:FAQ_CHOICES]
            ]
            text = T.FAQ_WHICH if ranked and ranked[0][1] >= FAQ_MIN_SCORE else T.FAQ_NOT_FOUND
            return Reply(u.intent, [Block("text", text)], rows, answered=False)
        best, best_score = ranked[0]
        u.extras["faq"] = best.slug  # the chat's frame remembers which entry was answered
        related = [
            e
            for e, s in ranked[1:FAQ_CHOICES]
            if s >= FAQ_MIN_SCORE and best_score - s <= FAQ_CLOSE
        ]
        purchase = mentions_purchase(u.normalized_text)
        asks_share = purchase or asks_city_share(u.normalized_text)
        reply = await self._faq_answer(best, today, asks_share=asks_share)
        if purchase:
            # "if I buy something, how much reaches the city?": the rate answers it in general;
            # an amount would answer it exactly
            reply.blocks.append(Block("text", T.FAQ_CALC_HINT))
            reply.actions += self._calculator_examples()
        if related:
            reply.blocks.append(Block("text", T.FAQ_RELATED))
            reply.actions += [[Action(short_label(e.question_fa), "faq", e.slug)] for e in related]
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
        blocks.append(Block("source", sources_text(sources, None)))
        # An explanation and the legal rate are not invented figures: no sample warning here.
        return Reply("faq", blocks, [])


def _report_range(report: ReportInfo) -> MonthRange:
    return MonthRange(Month.of(report.period_from), Month.of(report.period_to))


def faq_is_clear(ranked: Sequence[tuple[FaqLike, float]]) -> bool:
    """Return True when the best entry is good enough and ahead of the next to answer alone."""
    if not ranked or ranked[0][1] < FAQ_MIN_SCORE:
        return False
    return len(ranked) < 2 or ranked[0][1] - ranked[1][1] >= FAQ_MIN_MARGIN


def _report_period(report: ReportInfo) -> str:
    return range_label(MonthRange(Month.of(report.period_from), Month.of(report.period_to)))
