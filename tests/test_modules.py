"""The packages depend one way, `bot → backend → nlp`, and each stays what it claims to be.

In the spirit of python-telegram-bot's own `tests/test_modules.py`: the rules are read off the
source with `ast` (no import runs), so a wrong import fails here before it can work by accident.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# What each package may import from the project (anything else of ours is a wrong way round).
ALLOWED: dict[str, set[str]] = {
    "nlp": {"nlp"},
    "backend": {"backend", "nlp"},
    "bot": {"bot", "backend", "nlp"},
    "shafaf": {"shafaf", "bot", "backend", "nlp"},
}
# Third-party modules a package must never touch.
FORBIDDEN: dict[str, set[str]] = {
    # pure language code: no I/O, no database, no event loop, no web
    "nlp": {"asyncio", "sqlalchemy", "aiohttp", "aiosqlite", "asyncpg", "telegram", "httpx"},
    # the domain never knows a chat platform exists
    "backend": {"telegram"},
}
# bot/ is transport only: the conversation itself lives in backend/conversation/.
BOT_MODULES = {
    "__init__",
    "app",
    "broadcast",
    "callbacks",
    "context",
    "flood",
    "http",  # the Bot API's HTTP client (aiohttp)
    "inbound",  # mends updates python-telegram-bot cannot parse (Bale's gaps, forged ones)
    "platforms",
    "render",
    "runner",
    "sender",
    "texts",
    "webhook",
    "handlers",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def _sources(package: str) -> list[Path]:
    return sorted(
        p for p in (REPO / package).rglob("*.py") if "migrations" not in p.relative_to(REPO).parts
    )


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_dependencies_point_one_way(package: str) -> None:
    ours = set(ALLOWED)
    wrong = []
    for path in _sources(package):
        for module in _imports(path):
            top = module.split(".")[0]
            if top in ours and top not in ALLOWED[package]:
                wrong.append(f"{path.relative_to(REPO)} imports {module}")
            if top in FORBIDDEN.get(package, set()):
                wrong.append(f"{path.relative_to(REPO)} imports {module}")
    assert not wrong, "\n".join(wrong)


def test_bot_holds_only_transport() -> None:
    names = {p.stem for p in (REPO / "bot").iterdir() if p.suffix == ".py" or p.is_dir()}
    names.discard("__pycache__")
    assert names <= BOT_MODULES, f"not transport: {sorted(names - BOT_MODULES)}"


def test_the_rules_see_real_imports() -> None:
    """Guard the guard: the parser finds the imports this repository is known to have."""
    assert "nlp.pipeline" in _imports(REPO / "backend" / "ask.py")
    assert "telegram" in _imports(REPO / "bot" / "app.py")
