"""Browser sessions of the panel: a random id in a signed cookie, the session row in the database.

The cookie value is `<id>.<hmac>`; the HMAC (key kept in `staff_secrets`, so restarts do not log
everyone out) rejects forged or truncated cookies before any query. The row stores only a hash
of the id, the user and the CSRF token, and expires; logout deletes it. A new id is minted on
every login and any session the browser carried before is deleted (no session fixation).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select

from backend.clock import aware, utcnow
from backend.services.base import SessionFactory
from backend.staff.accounts import StaffIdentity
from backend.staff_models import StaffSecret, StaffSession, StaffUser

SESSION_LIFETIME = timedelta(hours=12)
_KEY_NAME = "cookie_key"


@dataclass(frozen=True, slots=True)
class ActiveSession:
    """A valid session: who is logged in and the CSRF token of their forms."""

    identity: StaffIdentity
    csrf_token: str


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("ascii")).hexdigest()


class SessionStore:
    """Create, resolve and end panel sessions."""

    def __init__(self, sessions: SessionFactory, lifetime: timedelta = SESSION_LIFETIME) -> None:
        self._sessions = sessions
        self._lifetime = lifetime
        self._key: bytes | None = None

    async def key(self) -> bytes:
        """Return the cookie-signing key, creating it on first use."""
        if self._key is None:
            async with self._sessions() as session, session.begin():
                row = await session.scalar(select(StaffSecret).where(StaffSecret.name == _KEY_NAME))
                if row is None:
                    row = StaffSecret(name=_KEY_NAME, value=secrets.token_hex(32))
                    session.add(row)
                self._key = bytes.fromhex(row.value)
        return self._key

    async def sign(self, session_id: str) -> str:
        """Return the cookie value for a session id."""
        mac = hmac.new(await self.key(), session_id.encode("ascii"), hashlib.sha256).hexdigest()
        return f"{session_id}.{mac}"

    async def unsign(self, cookie: str) -> str | None:
        """Return the session id of a well-signed cookie value, else None."""
        session_id, _, mac = cookie.rpartition(".")
        if not session_id or not session_id.isascii() or len(cookie) > 200:
            return None
        expected = hmac.new(await self.key(), session_id.encode("ascii"), hashlib.sha256)
        return session_id if hmac.compare_digest(expected.hexdigest(), mac) else None

    async def create(self, user_id: int, previous_cookie: str | None = None) -> str:
        """Start a session for a user (ending the browser's previous one); return the cookie."""
        if previous_cookie:
            await self.end(previous_cookie)
        session_id = secrets.token_urlsafe(32)
        now = utcnow()
        async with self._sessions() as session, session.begin():
            # Expired rows of anyone are swept here: logins are rare, so this costs nothing.
            await session.execute(delete(StaffSession).where(StaffSession.expires_at < now))
            session.add(
                StaffSession(
                    id_hash=_hash(session_id),
                    user_id=user_id,
                    csrf_token=secrets.token_urlsafe(32),
                    created_at=now,
                    expires_at=now + self._lifetime,
                )
            )
        return await self.sign(session_id)

    async def resolve(self, cookie: str | None) -> ActiveSession | None:
        """Return the live session behind a cookie, or None (forged, unknown, expired, disabled)."""
        if not cookie:
            return None
        session_id = await self.unsign(cookie)
        if session_id is None:
            return None
        async with self._sessions() as session:
            found = (
                await session.execute(
                    select(StaffSession, StaffUser)
                    .join(StaffUser, StaffUser.id == StaffSession.user_id)
                    .where(StaffSession.id_hash == _hash(session_id))
                )
            ).first()
        if found is None:
            return None
        row, user = found
        if aware(row.expires_at) <= utcnow() or not user.active:
            return None
        identity = StaffIdentity(
            user.id,
            user.username,
            user.role,
            tuple(user.districts or ()),
            tuple(user.categories or ()),
        )
        return ActiveSession(identity, row.csrf_token)

    async def end(self, cookie: str) -> None:
        """Delete the session behind a cookie (logout)."""
        session_id = await self.unsign(cookie)
        if session_id is None:
            return
        async with self._sessions() as session, session.begin():
            await session.execute(
                delete(StaffSession).where(StaffSession.id_hash == _hash(session_id))
            )

    async def end_all(self, user_id: int) -> None:
        """Delete every session of a user (password change, account disabled)."""
        async with self._sessions() as session, session.begin():
            await session.execute(delete(StaffSession).where(StaffSession.user_id == user_id))
