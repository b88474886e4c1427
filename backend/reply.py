"""A transport-neutral answer: text blocks, rows of buttons, an optional chart and location.

Renderers (Telegram/Bale HTML or markdown, plain text, JSON) turn a `Reply` into messages; the
assistant never knows which one. Button payloads are kept short because Telegram allows 64 bytes of
`callback_data`; the bot layer encodes them (e.g. `kind:payload`, or a lookup key for long "ask"
texts), and `intent_payload` / `projects_payload` keep the structured ones well under that limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from backend.months import MonthRange
from nlp.types import Understanding

if TYPE_CHECKING:
    from backend.opendata.links import FigureQuery

BlockKind = Literal["title", "text", "fact", "list", "note", "source"]

# What a button does; the bot owns the flows behind feedback/subscribe/menu/url/ask.
ACTION_KINDS: frozenset[str] = frozenset(
    {
        "ask",  # payload: a question text to understand and answer again
        "intent",  # payload: `intent_payload(...)`, answered directly without the NLU
        "project",  # payload: a project code; opens its card
        "projects_page",  # payload: `projects_payload(...)`; one page of a project list
        "faq",  # payload: an FAQ slug
        "menu",  # payload: a menu id ("main")
        "url",  # payload: an http(s) URL
        "feedback",  # payload: "" or a project code the feedback is about
        "feedback_status",  # payload: a tracking code
        "subscribe",  # payload: "weekly" | "monthly"
        "unsubscribe",  # payload: ""
        "flow",  # payload: "<flow>:<choice>"; routed to that flow (conversation/flows)
        "rate",  # payload: "<question id>:<1|0>"; 👍/👎 on an answer
        "more",  # payload: `intent_payload(...)` of the answer to give again in full
    }
)
CALLBACK_LIMIT_BYTES = 64


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a reply; `fact` has a label, `list` has items, the others only text."""

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()
    label: str = ""


@dataclass(frozen=True, slots=True)
class Action:
    """A button: what it says and what pressing it asks for."""

    label: str
    kind: str
    payload: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ACTION_KINDS:
            raise ValueError(f"unknown action kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """A chart to draw next to the reply (rendering belongs to the chart module)."""

    kind: Literal["vat_monthly"]
    municipality: str
    period: MonthRange


@dataclass(slots=True)
class Reply:
    """The assistant's answer to one question, for any transport."""

    intent: str
    blocks: list[Block] = field(default_factory=list)
    actions: list[list[Action]] = field(default_factory=list)  # rows of buttons
    chart: ChartSpec | None = None
    location: tuple[float, float] | None = None  # (lat, lon)
    answered: bool = True  # False: fallback, out of scope, no data (logged for staff)
    sample: bool = False  # figures come from the bundled sample data
    # What the text was understood as, when the reply answers a typed question (`ask --json`).
    understanding: Understanding | None = None
    # The public query behind the answer's headline figure, and that figure (rials): its link
    # ("📊 جزئیات و داده") gives the same figure as a page, JSON and CSV.
    figure: FigureQuery | None = None
    figure_rial: int | None = None

    def all_actions(self) -> list[Action]:
        """Return the buttons in reading order."""
        return [action for row in self.actions for action in row]


# --- compact payloads ----------------------------------------------------------------------
# "key=value" pairs joined by "|": short, ASCII for codes and months, easy to read in logs.
_ENTITY_KEYS: dict[str, str] = {
    "municipality": "m",
    "compare_municipality": "cm",
    "period": "p",
    "compare_period": "cp",
    "district": "d",
    "category": "c",
    "project": "pr",
    "status": "s",
    "amount_rial": "a",
    "tracking_code": "t",
    # Not an NLU label: the calculator's reading of the amount ("purchase" | "vat"), set by the
    # "this amount was the tax" button.
    "amount_kind": "k",
}
_KEY_ENTITIES = {short: key for key, short in _ENTITY_KEYS.items()}
_PERIOD_KEYS = frozenset({"period", "compare_period"})
# What a question said beyond the contract's entities (`Understanding.extras`), for buttons
# that ask it again (another period of a ranking, the full answer).
_EXTRA_KEYS: dict[str, str] = {
    "rank": "rk",
    "keyword": "kw",
    "focus": "fo",
    "delayed": "dl",
    "price": "pb",
    "detail": "x",
}
_KEY_EXTRAS = {short: key for key, short in _EXTRA_KEYS.items()}
_RANK_FIELDS = ("by", "order", "measure", "per_capita")


def _encode_extra(key: str, value: Any) -> str:
    if key == "rank":
        return ".".join(
            str(int(value.get(f) or 0)) if f == "per_capita" else str(value.get(f) or "")
            for f in _RANK_FIELDS
        )
    if key == "keyword":
        return f"{value['word']}:{','.join(value['projects'])}"
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _decode_extra(key: str, text: str) -> Any:
    if key == "rank":
        by, order, measure, per_capita = text.split(".")
        if order not in ("asc", "desc"):
            raise ValueError(f"bad rank order {order!r}")
        return {
            "by": by or None,
            "order": order,
            "measure": measure,
            "per_capita": per_capita == "1",
        }
    if key == "keyword":
        word, _, codes = text.partition(":")
        if not word or not codes:
            raise ValueError("bad keyword")
        return {"word": word, "projects": codes.split(",")}
    if key in ("delayed", "detail"):
        return text == "1"
    return text


def _encode_value(key: str, value: Any) -> str:
    if key in _PERIOD_KEYS:
        return f"{value['from']}:{value['to']}"
    return str(value)


def _decode_value(key: str, text: str) -> Any:
    if key in _PERIOD_KEYS:
        start, _, end = text.partition(":")
        MonthRange.parse(start, end)  # validate
        return {"from": start, "to": end}
    if key == "amount_rial":
        return int(text)
    return text


def intent_payload(
    intent: str, entities: dict[str, Any] | None = None, extras: dict[str, Any] | None = None
) -> str:
    """Encode an intent, its entities and extras: `vat_share|p=1404-01:1404-12|m=mashhad`."""
    parts = [intent]
    for key, value in (entities or {}).items():
        if key in _ENTITY_KEYS and value not in (None, ""):
            parts.append(f"{_ENTITY_KEYS[key]}={_encode_value(key, value)}")
    for key, value in (extras or {}).items():
        if key in _EXTRA_KEYS and value not in (None, "", False):
            parts.append(f"{_EXTRA_KEYS[key]}={_encode_extra(key, value)}")
    return "|".join(parts)


def parse_question_payload(payload: str) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """Decode `intent_payload` into intent, entities and extras (ValueError when malformed)."""
    intent, *pairs = payload.split("|")
    entities: dict[str, Any] = {}
    extras: dict[str, Any] = {}
    for pair in pairs:
        short, sep, text = pair.partition("=")
        if not sep:
            raise ValueError(f"bad payload part {pair!r}")
        if short in _KEY_ENTITIES:
            key = _KEY_ENTITIES[short]
            entities[key] = _decode_value(key, text)
        elif short in _KEY_EXTRAS:
            key = _KEY_EXTRAS[short]
            extras[key] = _decode_extra(key, text)
        else:
            raise ValueError(f"bad payload part {pair!r}")
    return intent, entities, extras


def parse_intent_payload(payload: str) -> tuple[str, dict[str, Any]]:
    """Decode `intent_payload`'s intent and entities (raises ValueError on a malformed payload)."""
    intent, entities, _ = parse_question_payload(payload)
    return intent, entities


@dataclass(frozen=True, slots=True)
class ProjectQuery:
    """A project list request: filters plus the page."""

    municipality: str | None = None
    district: str | None = None
    category: str | None = None
    status: str | None = None
    period: MonthRange | None = None
    page: int = 1
    delayed: bool = False  # behind schedule only
    keyword: str = ""  # a word naming the projects below
    codes: tuple[str, ...] = ()


def projects_payload(query: ProjectQuery) -> str:
    """Encode a project list page: `m=mashhad|d=9|c=green|s=completed|p=1404-01:1404-12|n=2`."""
    entities: dict[str, Any] = {
        "municipality": query.municipality,
        "district": query.district,
        "category": query.category,
        "status": query.status,
        "period": query.period.as_entity() if query.period else None,
    }
    extras: dict[str, Any] = {"delayed": query.delayed}
    if query.codes:
        extras["keyword"] = {"word": query.keyword, "projects": list(query.codes)}
    head = intent_payload("", entities, extras).lstrip("|")
    return f"{head}|n={query.page}" if head else f"n={query.page}"


def parse_projects_payload(payload: str) -> ProjectQuery:
    """Decode `projects_payload` (raises ValueError on a malformed payload)."""
    page = 1
    parts: list[str] = []
    for part in payload.split("|") if payload else []:
        if part.startswith("n="):
            page = int(part[2:])
            if page < 1:
                raise ValueError("page must be 1 or more")
        else:
            parts.append(part)
    _, entities, extras = parse_question_payload("|".join(["", *parts]))
    period = entities.get("period")
    keyword = extras.get("keyword") or {}
    return ProjectQuery(
        municipality=entities.get("municipality"),
        district=entities.get("district"),
        category=entities.get("category"),
        status=entities.get("status"),
        period=MonthRange.from_entity(period) if period else None,
        page=page,
        delayed=bool(extras.get("delayed")),
        keyword=keyword.get("word", ""),
        codes=tuple(keyword.get("projects", ())),
    )
