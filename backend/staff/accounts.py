"""Staff accounts: scrypt password hashes, roles and scopes, login throttling, API tokens, audit."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from backend.clock import aware, utcnow
from backend.errors import InvalidInput, NotFound
from backend.services.base import SessionFactory
from backend.staff_models import STAFF_ROLES, StaffAudit, StaffToken, StaffUser
from nlp.digits import to_ascii_digits

# scrypt with N=2^15, r=8 costs 32 MiB and ~0.1 s per guess: memory-hard, as the issue asks,
# and still quick enough for a human login. Parameters are stored with each hash.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
SCRYPT_MAXMEM = 64 * 1024 * 1024
MIN_PASSWORD_LENGTH = 10
USERNAME = re.compile(r"[a-z][a-z0-9_.-]{1,31}")
TOKEN_PREFIX = "shf_"


@dataclass(frozen=True, slots=True)
class StaffIdentity:
    """Who is acting: what the panel and the staff API check permissions against."""

    id: int
    username: str
    role: str
    districts: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    @property
    def is_admin(self) -> bool:
        """Tell whether this staff member may do everything (data, accounts, audit, contacts)."""
        return self.role == "admin"

    @property
    def scoped(self) -> bool:
        """Tell whether this staff member sees only some districts or categories."""
        return not self.is_admin and bool(self.districts or self.categories)


@dataclass(frozen=True, slots=True)
class StaffAccount:
    """An account as listed in the panel and by `shafaf staff list`."""

    id: int
    username: str
    role: str
    districts: tuple[str, ...]
    categories: tuple[str, ...]
    active: bool
    created_at: datetime
    last_login_at: datetime | None


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    username: str
    prefix: str
    label: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    target: str | None
    detail: str | None
    ip: str | None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """Hash a password with scrypt and a fresh 16-byte salt (blocking: call off the loop)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=SCRYPT_MAXMEM,
        dklen=32,
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Check a password against a stored scrypt hash in constant time."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=SCRYPT_MAXMEM,
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# Verifying against this when the username is unknown keeps the timing of both failures alike.
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


def _identity(row: StaffUser) -> StaffIdentity:
    return StaffIdentity(
        row.id, row.username, row.role, tuple(row.districts or ()), tuple(row.categories or ())
    )


def _account(row: StaffUser) -> StaffAccount:
    return StaffAccount(
        row.id,
        row.username,
        row.role,
        tuple(row.districts or ()),
        tuple(row.categories or ()),
        row.active,
        aware(row.created_at),
        aware(row.last_login_at) if row.last_login_at else None,
    )


def _clean_scope(values: list[str] | tuple[str, ...] | None) -> list[str]:
    return sorted({to_ascii_digits(v.strip()) for v in values or () if v.strip()})


class AccountService:
    """Create, list and authenticate staff accounts."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    async def add(
        self,
        username: str,
        password: str,
        *,
        role: str = "reviewer",
        districts: list[str] | tuple[str, ...] | None = None,
        categories: list[str] | tuple[str, ...] | None = None,
    ) -> StaffAccount:
        """Create an account (raises InvalidInput on a bad name, role or weak password)."""
        username = username.strip().lower()
        if not USERNAME.fullmatch(username):
            raise InvalidInput(
                "username must be 2-32 characters: a-z, 0-9, '_', '.', '-', starting with a letter",
                message_fa="نام کاربری باید ۲ تا ۳۲ نویسهٔ لاتین کوچک، رقم، _ . - باشد.",
            )
        if role not in STAFF_ROLES:
            raise InvalidInput(f"role must be one of {', '.join(STAFF_ROLES)}")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise InvalidInput(
                f"password must be at least {MIN_PASSWORD_LENGTH} characters",
                message_fa="گذرواژه دست‌کم ۱۰ نویسه باشد.",
            )
        password_hash = await asyncio.to_thread(hash_password, password)
        async with self._sessions() as session, session.begin():
            if await session.scalar(select(StaffUser.id).where(StaffUser.username == username)):
                raise InvalidInput(
                    f"user {username!r} already exists", message_fa="این نام کاربری هست."
                )
            row = StaffUser(
                username=username,
                password_hash=password_hash,
                role=role,
                districts=_clean_scope(districts),
                categories=_clean_scope(categories),
                active=True,
                created_at=utcnow(),
            )
            session.add(row)
            await session.flush()
            return _account(row)

    async def list(self) -> list[StaffAccount]:
        """List every account, by username."""
        async with self._sessions() as session:
            rows = (await session.scalars(select(StaffUser).order_by(StaffUser.username))).all()
        return [_account(row) for row in rows]

    async def get(self, user_id: int) -> StaffIdentity | None:
        """Return an active account's identity by id."""
        async with self._sessions() as session:
            row = await session.get(StaffUser, user_id)
        return _identity(row) if row is not None and row.active else None

    async def authenticate(self, username: str, password: str) -> StaffIdentity | None:
        """Return the identity when the password matches an active account."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(StaffUser).where(StaffUser.username == username.strip().lower())
            )
        stored = row.password_hash if row is not None else _DUMMY_HASH
        ok = await asyncio.to_thread(verify_password, password, stored)
        if row is None or not ok or not row.active:
            return None
        async with self._sessions() as session, session.begin():
            fresh = await session.get(StaffUser, row.id)
            if fresh is not None:
                fresh.last_login_at = utcnow()
        return _identity(row)

    async def set_active(self, username: str, active: bool) -> None:
        """Enable or disable an account (disabled accounts cannot log in or use tokens)."""
        async with self._sessions() as session, session.begin():
            row = await session.scalar(select(StaffUser).where(StaffUser.username == username))
            if row is None:
                raise NotFound(f"no user {username!r}", message_fa="چنین کاربری نیست.")
            row.active = active


@dataclass
class _Failures:
    count: int = 0
    first_at: float = 0.0
    locked_until: float = 0.0


class LoginThrottle:
    """Slow down password guessing per (username, IP): free tries, then doubling lockouts.

    Kept in memory: `shafaf run` is one process, and a restart resetting the counters costs an
    attacker a restart they cannot trigger. Keys expire after the window to bound memory.
    """

    FREE_ATTEMPTS = 5
    WINDOW_SECONDS = 15 * 60
    BASE_LOCK_SECONDS = 30.0
    MAX_LOCK_SECONDS = 15 * 60.0
    MAX_KEYS = 10_000

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock  # injectable so tests can move time instead of sleeping
        self._failures: dict[tuple[str, str], _Failures] = {}

    def retry_after(self, username: str, ip: str) -> float:
        """Return how many seconds this (username, IP) must wait before trying again (0: now)."""
        entry = self._failures.get((username.strip().lower(), ip))
        if entry is None:
            return 0.0
        return max(0.0, entry.locked_until - self._clock())

    def failed(self, username: str, ip: str) -> None:
        """Count a failed login and lock the key once the free attempts are used up."""
        now = self._clock()
        key = (username.strip().lower(), ip)
        entry = self._failures.get(key)
        if entry is None or now - entry.first_at > self.WINDOW_SECONDS:
            if len(self._failures) >= self.MAX_KEYS:
                self._prune(now)
            entry = self._failures[key] = _Failures(0, now)
        entry.count += 1
        extra = entry.count - self.FREE_ATTEMPTS
        if extra >= 0:
            lock = min(self.BASE_LOCK_SECONDS * 2**extra, self.MAX_LOCK_SECONDS)
            entry.locked_until = now + lock

    def succeeded(self, username: str, ip: str) -> None:
        """Forget the failures of a key after a good login."""
        self._failures.pop((username.strip().lower(), ip), None)

    def _prune(self, now: float) -> None:
        for key, entry in list(self._failures.items()):
            if now - entry.first_at > self.WINDOW_SECONDS and entry.locked_until < now:
                del self._failures[key]


def _token_hash(token: str) -> str:
    # Tokens are 256 random bits: a plain SHA-256 suffices (no salt/KDF needed, unlike passwords).
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TokenService:
    """Bearer tokens of the staff API: created once (shown once), listed, revoked."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    async def create(self, username: str, label: str = "") -> tuple[str, TokenInfo]:
        """Create a token for a user; return the plain token (never stored) and its record."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        async with self._sessions() as session, session.begin():
            user = await session.scalar(
                select(StaffUser).where(StaffUser.username == username.strip().lower())
            )
            if user is None or not user.active:
                raise NotFound(f"no active user {username!r}", message_fa="چنین کاربری نیست.")
            row = StaffToken(
                user_id=user.id,
                token_hash=_token_hash(token),
                prefix=token[:10],
                label=label.strip()[:100] or "-",
                created_at=utcnow(),
            )
            session.add(row)
            await session.flush()
            return token, self._info(row, user.username)

    @staticmethod
    def _info(row: StaffToken, username: str) -> TokenInfo:
        return TokenInfo(
            row.id,
            username,
            row.prefix,
            row.label,
            aware(row.created_at),
            aware(row.last_used_at) if row.last_used_at else None,
            aware(row.revoked_at) if row.revoked_at else None,
        )

    async def list(self, user_id: int | None = None) -> list[TokenInfo]:
        """List tokens, newest first (one user's, or everyone's for admins)."""
        stmt = (
            select(StaffToken, StaffUser.username)
            .join(StaffUser, StaffUser.id == StaffToken.user_id)
            .order_by(StaffToken.id.desc())
        )
        if user_id is not None:
            stmt = stmt.where(StaffToken.user_id == user_id)
        async with self._sessions() as session:
            rows = (await session.execute(stmt)).all()
        return [self._info(row, username) for row, username in rows]

    async def revoke(self, token_id: int, actor: StaffIdentity) -> TokenInfo:
        """Revoke a token: one's own, or anyone's for an admin."""
        async with self._sessions() as session, session.begin():
            row = await session.get(StaffToken, token_id)
            if row is None or (row.user_id != actor.id and not actor.is_admin):
                raise NotFound("no such token", message_fa="چنین توکنی نیست.")
            if row.revoked_at is None:
                row.revoked_at = utcnow()
            user = await session.get(StaffUser, row.user_id)
            return self._info(row, user.username if user else "?")

    async def authenticate(self, token: str) -> StaffIdentity | None:
        """Return the identity behind a live token of an active user, and note its use."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 100:
            return None
        async with self._sessions() as session, session.begin():
            row = await session.scalar(
                select(StaffToken).where(StaffToken.token_hash == _token_hash(token))
            )
            if row is None or row.revoked_at is not None:
                return None
            user = await session.get(StaffUser, row.user_id)
            if user is None or not user.active:
                return None
            row.last_used_at = utcnow()
            return _identity(user)


class AuditLog:
    """Append-only record of staff actions."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    async def record(
        self,
        actor: str,
        action: str,
        target: str | None = None,
        detail: str | None = None,
        ip: str | None = None,
    ) -> None:
        """Append one entry."""
        async with self._sessions() as session, session.begin():
            session.add(
                StaffAudit(
                    at=utcnow(),
                    actor=actor[:64],
                    action=action[:48],
                    target=target[:128] if target else None,
                    detail=detail[:2000] if detail else None,
                    ip=ip[:64] if ip else None,
                )
            )

    async def recent(self, limit: int = 100, offset: int = 0) -> list[AuditEntry]:
        """List entries, newest first."""
        async with self._sessions() as session:
            rows = (
                await session.scalars(
                    select(StaffAudit)
                    .order_by(StaffAudit.at.desc(), StaffAudit.id.desc())
                    .limit(limit)
                    .offset(offset)
                )
            ).all()
        return [AuditEntry(aware(r.at), r.actor, r.action, r.target, r.detail, r.ip) for r in rows]
