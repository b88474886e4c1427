"""The tax calculator: how much of a purchase (or a tax paid) reaches the city, and where it goes.

The amount is a price with VAT in it unless the question says otherwise: «بدون مالیات» (a price
before tax), or that it *is* the tax («۳۰۰ هزار تومان مالیات دادم»), or a button said so. The
rate is the `vat_rates` row in force in the period the question is about (today by default).
"""

from __future__ import annotations

import jdatetime

from backend.conversation import texts as T
from backend.conversation.answers.common import (
    AMOUNT_KIND,
    SHORT_LIST_ITEMS,
    AnswerBase,
    capped,
    more_action,
    period_entity,
    sources_text,
    wants_detail,
)
from backend.formatting import date_label, fa_percent, range_label, toman
from backend.opendata.links import FigureQuery
from backend.reply import Action, Block, Reply, intent_payload
from backend.services.calculator import AmountKind
from nlp.types import Understanding

# What the citizen said the amount is (`Understanding.extras["price"]`) → the calculator's kind.
_PRICE_KINDS: dict[str, AmountKind] = {"gross": "purchase", "net": "net", "vat": "vat"}


def amount_kind(u: Understanding) -> tuple[AmountKind, bool]:
    """Return how to read the amount and whether the citizen said so (else it is assumed)."""
    explicit = u.entities.get(AMOUNT_KIND)
    if explicit in ("purchase", "net", "vat"):
        return explicit, True
    price = u.extras.get("price")
    if price in _PRICE_KINDS:
        return _PRICE_KINDS[price], True
    return "purchase", False


class CalculatorAnswers(AnswerBase):
    """The tax calculator: how much of a purchase (or a tax paid) reaches the city."""

    async def _tax_calculator(self, u: Understanding, today: jdatetime.date) -> Reply:
        amount = u.entities.get("amount_rial")
        if not isinstance(amount, int) or isinstance(amount, bool):
            examples = self._calculator_examples()
            return Reply(u.intent, [Block("text", T.CALC_ASK_AMOUNT)], examples, answered=False)
        kind, said = amount_kind(u)
        period = period_entity(u.entities, "period")
        # The rate in force when the purchase was made: the end of the period asked about.
        day = today
        if period is not None:
            end = period.end.last_day()
            day = end if end < today else today
        result = await self._s.calculator.calculate(
            amount, kind=kind, day=day, municipality=u.entities.get("municipality")
        )
        name = result.municipality.name_fa
        rate = result.rate
        what = {
            "vat": T.CALC_WHAT_VAT,
            "net": T.CALC_WHAT_NET,
            "purchase": T.CALC_WHAT_GROSS,
        }[kind].format(amount=toman(amount))
        if u.extras.get("focus") == "vat" and kind != "vat":
            headline = T.CALC_HEADLINE_VAT.format(what=what, vat=toman(result.vat_rial))
        else:
            headline = T.CALC_HEADLINE_CITY.format(
                what=what, city=toman(result.municipal_rial), name=name
            )
        share = fa_percent(rate.municipal_share_percent)
        if kind == "vat":
            line = T.CALC_LINE_VAT.format(share=share, city=toman(result.municipal_rial))
        else:
            line = T.CALC_LINE.format(
                vat=toman(result.vat_rial),
                rate=fa_percent(rate.vat_rate_percent),
                share=share,
                city=toman(result.municipal_rial),
            )
        blocks = [Block("title", headline), Block("text", line)]
        detail = wants_detail(u)
        sources = [rate.source]
        published: jdatetime.date | None = None
        if detail:
            blocks.append(
                Block(
                    "fact",
                    T.CALC_RATE_VALUE.format(
                        vat=fa_percent(rate.vat_rate_percent),
                        share=share,
                        date=date_label(rate.valid_from),
                    ),
                    label=T.CALC_RATE,
                )
            )
            if result.split_period is not None and result.split:
                parts = [(c.name_fa, c.amount_rial) for c in result.split]
                total = sum(a for _, a in parts)
                blocks.append(
                    Block(
                        "list",
                        T.CALC_SPLIT.format(period=range_label(result.split_period)),
                        capped(parts, total, SHORT_LIST_ITEMS, T.OTHERS_CATEGORIES),
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
                                period=range_label(result.split_period),
                                percent=fa_percent(breakdown.project_share_percent),
                                name=name,
                            ),
                        )
                    )
                sources += [*breakdown.sources, *breakdown.received.sources]
                published = breakdown.received.last_published_on
        if not said:
            blocks.append(Block("note", T.CALC_ASSUMED_GROSS))
        blocks.append(Block("source", sources_text(sources, published)))
        ents = {k: v for k, v in u.entities.items() if k != AMOUNT_KIND}
        rows: list[list[Action]] = []
        if kind == "vat":
            switch = [(T.BTN_CALC_AS_PURCHASE, "purchase")]
        elif kind == "net":
            switch = [(T.BTN_CALC_GROSS, "purchase"), (T.BTN_CALC_AS_VAT, "vat")]
        else:
            switch = [(T.BTN_CALC_NET, "net"), (T.BTN_CALC_AS_VAT, "vat")]
        rows.append(
            [
                Action(label, "intent", intent_payload("tax_calculator", {**ents, AMOUNT_KIND: k}))
                for label, k in switch
            ]
        )
        if not detail:
            rows.append([more_action(u)])
        reply = Reply(u.intent, blocks, rows, sample=result.is_sample)
        reply.figure = FigureQuery.calculator(result.municipality.slug, amount, kind, day)
        reply.figure_rial = result.municipal_rial
        return reply
