"""Pure Persian NLU for Shafaf: `nlp.understand(text, gazetteer, today)` and the data it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nlp.types import GazetteerData, Understanding

if TYPE_CHECKING:
    from nlp.gazetteer import Gazetteer
    from nlp.pipeline import understand

__all__ = ["Gazetteer", "GazetteerData", "Understanding", "understand"]


def __getattr__(name: str) -> Any:
    """Import the heavy parts lazily, so `import nlp.normalize` stays light and acyclic."""
    if name == "understand":
        from nlp.pipeline import understand

        return understand
    if name == "Gazetteer":
        from nlp.gazetteer import Gazetteer

        return Gazetteer
    raise AttributeError(f"module 'nlp' has no attribute {name!r}")
