"""Plain data shared by the nlp modules and handed to the backend (no I/O, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

INTENTS: tuple[str, ...] = (
    "greeting",
    "help",
    "thanks",
    "vat_share",
    "vat_compare",
    "vat_spending",
    "project_list",
    "project_info",
    "tax_calculator",
    "report",
    "faq",
    "feedback",
    "feedback_status",
    "subscribe",
    "unsubscribe",
    "out_of_scope",
)

# Questions answered from the data or the FAQ: they keep a chat's context, are worth a 👍/👎,
# and one inside a complaint is answered after it.
QUESTION_INTENTS: frozenset[str] = frozenset(
    {
        "vat_share",
        "vat_compare",
        "vat_spending",
        "project_list",
        "project_info",
        "tax_calculator",
        "report",
        "faq",
    }
)

PROJECT_STATUSES: tuple[str, ...] = ("planned", "in_progress", "completed", "suspended")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the normalized text that an extractor recognised."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount found in text, converted to whole rials."""

    start: int
    end: int
    rial: int
    unit: str  # "rial" | "toman" (the unit the citizen wrote or implied)


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of Jalali months, e.g. ("1403-01", "1403-12")."""

    start: int
    end: int
    from_ym: str
    to_ym: str

    def as_entity(self) -> dict[str, str]:
        """Return the contract's `{"from", "to"}` form."""
        return {"from": self.from_ym, "to": self.to_ym}


@dataclass(frozen=True, slots=True)
class GazetteerMunicipality:
    slug: str
    name_fa: str


@dataclass(frozen=True, slots=True)
class GazetteerDistrict:
    municipality: str  # municipality slug
    code: str  # "1".."13", "samen"
    name_fa: str


@dataclass(frozen=True, slots=True)
class GazetteerCategory:
    slug: str
    name_fa: str
    synonyms_fa: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GazetteerProject:
    code: str
    name_fa: str
    municipality: str
    district: str | None = None
    category: str | None = None


@dataclass(frozen=True, slots=True)
class GazetteerData:
    """Everything the database knows by name, passed into the NLU (it never reads a database)."""

    municipalities: tuple[GazetteerMunicipality, ...] = ()
    districts: tuple[GazetteerDistrict, ...] = ()
    categories: tuple[GazetteerCategory, ...] = ()
    projects: tuple[GazetteerProject, ...] = ()


@dataclass(slots=True)
class Understanding:
    """What a question means: the one result of `nlp.understand`."""

    intent: str
    confidence: float
    entities: dict[str, Any] = field(default_factory=dict)
    # Project codes when a project mention matched several projects about equally well.
    candidates: list[str] = field(default_factory=list)
    # Intents scored next best, for clarifying questions: [(intent, probability), ...]
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    normalized_text: str = ""
    # The normalized text with every recognised entity replaced by its mask token (PERIOD, CITY…).
    masked_text: str = ""
    # What the text says beyond the contract's entities (never scored by `shafaf eval`):
    # "rank" (a superlative: by what, which way, per person), "delayed" (overdue projects),
    # "frequency" (weekly/monthly), "keyword" (a word naming several projects), "place" (a place
    # the data does not know), "limit" (a question the data cannot answer), "followup" (what an
    # elliptical message asks of the previous one).
    extras: dict[str, Any] = field(default_factory=dict)
