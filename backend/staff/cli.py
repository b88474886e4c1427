"""What `shafaf staff add|list|token` do, as functions returning the text to print.

The composition root (shafaf/cli.py) reads arguments and the password, then calls these.
"""

from __future__ import annotations

from backend.services.base import SessionFactory
from backend.staff.accounts import AccountService, AuditLog, TokenService


async def staff_add(
    sessions: SessionFactory,
    username: str,
    password: str,
    *,
    role: str = "reviewer",
    districts: list[str] | None = None,
    categories: list[str] | None = None,
) -> str:
    """Create a staff account; raises InvalidInput (with a Persian message) when refused."""
    account = await AccountService(sessions).add(
        username, password, role=role, districts=districts, categories=categories
    )
    await AuditLog(sessions).record("cli", "account.add", account.username, role)
    scope = ""
    if account.districts or account.categories:
        scope = f" (districts: {', '.join(account.districts) or '-'}; " + (
            f"categories: {', '.join(account.categories) or '-'})"
        )
    return f"created {account.role} {account.username}{scope}"


async def staff_list(sessions: SessionFactory) -> str:
    """List staff accounts, one per line: username, role, scope, state, last login."""
    accounts = await AccountService(sessions).list()
    if not accounts:
        return "no staff accounts yet; add one with: shafaf staff add USERNAME --role admin"
    lines = []
    for a in accounts:
        scope = ",".join(a.districts) or "*"
        cats = ",".join(a.categories) or "*"
        last = a.last_login_at.strftime("%Y-%m-%d %H:%M UTC") if a.last_login_at else "never"
        state = "active" if a.active else "disabled"
        lines.append(
            f"{a.username}\t{a.role}\tdistricts={scope}\tcategories={cats}\t{state}\t"
            f"last login: {last}"
        )
    return "\n".join(lines)


async def staff_token(sessions: SessionFactory, username: str, label: str = "cli") -> str:
    """Create a bearer token for the staff API and return it (it is shown only this once)."""
    token, info = await TokenService(sessions).create(username, label)
    await AuditLog(sessions).record("cli", "token.create", info.username, info.prefix)
    return token
