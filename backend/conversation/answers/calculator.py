"""The tax calculator: how much of a purchase (or a tax paid) reaches the city."""

from __future__ import annotations

from typing import Any

import jdatetime

from backend.conversation import texts as T
from backend.conversation.answers.common import (
    AMOUNT_KIND,
    TOP_CATEGORIES,
    AnswerBase,
    sources_text,
)
from backend.formatting import (
    date_label,
    fa_percent,
    range_label,
    toman,
)
from backend.reply import (
    Action,
    Block,
    Reply,
    intent_payload,
)
from backend.services.calculator import AmountKind
from nlp.cues import amount_is_tax
from nlp.types import Understanding


class CalculatorAnswers(AnswerBase):
    """The tax calculator: how much of a purchase (or a tax paid) reaches the city."""

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
        blocks.append(Block("source", sources_text(sources, published)))
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
