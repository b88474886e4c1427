"""CSRF tokens: per-session tokens for logged-in forms, a double-submit cookie for the login form.

Every state-changing request of the panel is a POST carrying `csrf` (form field) or an
`X-CSRF-Token` header; it must equal the token of the session. Before login there is no session,
so the login form pairs a random cookie with the same value in a hidden field (an attacker's page
can neither read nor set our cookie). SameSite=Lax cookies are a second, independent guard.
"""

from __future__ import annotations

import hmac
import secrets

FIELD = "csrf"
HEADER = "X-CSRF-Token"
LOGIN_COOKIE = "shafaf_login_csrf"


def new_token() -> str:
    """Return a fresh random token."""
    return secrets.token_urlsafe(32)


def tokens_match(expected: str | None, given: str | None) -> bool:
    """Compare a submitted token with the expected one in constant time (absent = mismatch)."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))
