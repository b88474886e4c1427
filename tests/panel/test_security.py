"""Security of the panel and the staff API: authentication, roles, CSRF, escaping, throttling,
session fixation, reviewer scope and hostile filter values — on SQLite and PostgreSQL."""

from __future__ import annotations

import aiohttp
import pytest

from backend.staff.accounts import LoginThrottle
from tests.panel.conftest import HOSTILE, PASSWORD, PanelServer, csrf_of

# Every panel route: (method, path template). {code} is filled with a real tracking code.
PANEL_GETS = [
    "",
    "export.csv",
    "feedback/{code}",
    "dashboard",
    "questions",
    "questions/examples.jsonl",
    "templates",
    "data",
    "tokens",
    "audit",
]
PANEL_POSTS = [
    "logout",
    "feedback/{code}/status",
    "feedback/{code}/reply",
    "feedback/{code}/note",
    "feedback/{code}/assign",
    "feedback/{code}/redact",
    "feedback/{code}/block",
    "questions/1/handled",
    "questions/1/example",
    "questions/1/faq",
    "templates",
    "templates/1/delete",
    "data/import",
    "data/import/abc/commit",
    "reports/MSH-1403-Q1/publish",
    "tokens",
    "tokens/1/revoke",
]
ADMIN_GETS = ["data", "audit", "questions/examples.jsonl"]
ADMIN_POSTS = [
    "feedback/{code}/redact",
    "feedback/{code}/block",
    "questions/1/faq",
    "templates/1/delete",
    "data/import",
    "data/import/abc/commit",
    "reports/MSH-1403-Q1/publish",
]
API = [
    ("GET", "/api/v1/feedback"),
    ("GET", "/api/v1/feedback/{code}"),
    ("POST", "/api/v1/feedback/{code}/status"),
    ("POST", "/api/v1/feedback/{code}/reply"),
    ("POST", "/api/v1/feedback/{code}/note"),
    ("POST", "/api/v1/import"),
    ("POST", "/api/v1/reports/MSH-1403-Q1/publish"),
    ("GET", "/api/v1/broadcasts"),
]
ADMIN_API = [("POST", "/api/v1/import"), ("POST", "/api/v1/reports/MSH-1403-Q1/publish")]
INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE feedback; --",
    '" OR ""="',
    "%' UNION SELECT password_hash FROM staff_users --",
    "\\'; --",
    "_%",
]
FILTERS = ["status", "kind", "project", "district", "category", "from", "to", "has_photo", "q"]


async def _outbox_count(server: PanelServer) -> int:
    from sqlalchemy import func, select

    from backend.models import OutboxMessage

    async with server.runtime.services.sessions() as session:
        return int(await session.scalar(select(func.count(OutboxMessage.id))) or 0)


async def test_anonymous_is_sent_to_login_everywhere(panel_server: PanelServer) -> None:
    s = panel_server
    code = s.codes["d9"]
    before = await _outbox_count(s)
    async with s.client() as c:
        for path in PANEL_GETS:
            r = await c.get(s.panel + path.format(code=code), allow_redirects=False)
            assert r.status == 303, path
            assert r.headers["Location"].startswith("/staff/login"), path
        for path in PANEL_POSTS:
            r = await c.post(
                s.panel + path.format(code=code),
                data={"text": "x", "status": "closed", "note": "x"},
                allow_redirects=False,
            )
            assert r.status == 303, path
            assert r.headers["Location"].startswith("/staff/login"), path
        for method, path in API:
            r = await c.request(method, s.url + path.format(code=code), json={})
            assert r.status == 401, path
            assert (await r.json())["error"]["code"] == "unauthorized"
            assert "Bearer" in r.headers["WWW-Authenticate"]
        bogus = {"Authorization": "Bearer shf_not-a-real-token"}
        r = await c.get(s.url + "/api/v1/feedback", headers=bogus)
        assert r.status == 401
    assert await _outbox_count(s) == before  # nothing was done on anyone's behalf
    detail = await s.staff.inbox.detail(code, await _admin(s))
    assert [e.kind for e in detail.events] == ["created"]


async def _admin(server: PanelServer):  # type: ignore[no-untyped-def]
    from backend.staff.accounts import StaffIdentity

    return StaffIdentity(0, "admin", "admin")


async def test_reviewers_are_refused_admin_pages_and_endpoints(panel_server: PanelServer) -> None:
    s = panel_server
    code = s.codes["d9"]
    async with s.client() as c:
        token = await s.login(c, "reviewer")
        for path in ADMIN_GETS:
            r = await c.get(s.panel + path)
            assert r.status == 403, path
            assert "دسترسی" in await r.text()
        for path in ADMIN_POSTS:
            r = await c.post(s.panel + path.format(code=code), data={"csrf": token, "text": "x"})
            assert r.status == 403, path
        # Assigning to someone else is an admin's call; taking it oneself is fine.
        r = await c.post(
            s.panel + f"feedback/{code}/assign", data={"csrf": token, "username": "admin"}
        )
        assert r.status == 403
        r = await c.post(
            s.panel + f"feedback/{code}/assign", data={"csrf": token, "username": "reviewer"}
        )
        assert r.status == 200 and "reviewer" in await r.text()
    reviewer_token = await _token(s, "reviewer")
    async with s.client() as c:
        for method, path in ADMIN_API:
            r = await c.request(
                method, s.url + path, headers={"Authorization": f"Bearer {reviewer_token}"}
            )
            assert r.status == 403, path
            assert (await r.json())["error"]["code"] == "forbidden"


async def _token(server: PanelServer, username: str) -> str:
    token, _ = await server.staff.tokens.create(username, "test")
    return token


async def test_csrf_missing_or_wrong_is_refused(panel_server: PanelServer) -> None:
    s = panel_server
    code = s.codes["d9"]
    async with s.client() as c:
        token = await s.login(c, "admin")
        for bad in ({}, {"csrf": "wrong"}, {"csrf": token + "x"}):
            r = await c.post(s.panel + f"feedback/{code}/reply", data={"text": "سلام", **bad})
            assert r.status == 403
            assert "توکن امنیتی" in await r.text()
            r = await c.post(s.panel + "logout", data=bad, allow_redirects=False)
            assert r.status == 403
        # The session survived the refused logout, and nothing was queued for the citizen.
        assert (await c.get(s.panel, allow_redirects=False)).status == 200
    assert await _outbox_count(s) == 0
    async with s.client() as c:  # the login form has its own (double-submit) token
        await c.get(s.panel + "login")
        r = await c.post(
            s.panel + "login",
            data={"username": "admin", "password": PASSWORD},
            allow_redirects=False,
        )
        assert r.status == 403


async def test_citizen_script_renders_as_text(panel_server: PanelServer) -> None:
    s = panel_server
    code = s.codes["hostile"]
    async with s.client() as c:
        await s.login(c, "admin")
        for url in (s.panel + f"feedback/{code}", s.panel + "?q=alert"):
            body = await (await c.get(url)).text()
            assert "<script>alert" not in body and "<img src=x" not in body
            assert "&lt;script&gt;alert(" in body and "&lt;img src=x onerror=alert(1)&gt;" in body
        r = await c.get(s.panel + f"feedback/{code}")
        assert "script-src 'self'" in r.headers["Content-Security-Policy"]
        assert r.headers["X-Frame-Options"] == "DENY"
        assert r.headers["Cache-Control"] == "no-store"
    assert HOSTILE  # the seed really is hostile


async def test_login_is_throttled_per_user_and_ip(panel_server: PanelServer) -> None:
    s = panel_server
    async with s.client() as c:
        for _ in range(LoginThrottle.FREE_ATTEMPTS):
            page = await (await c.get(s.panel + "login")).text()
            r = await c.post(
                s.panel + "login",
                data={"csrf": csrf_of(page), "username": "admin", "password": "wrong-password"},
                allow_redirects=False,
            )
            assert r.status == 401
            assert "درست نیست" in await r.text()
        # Locked now: even the right password is refused until the backoff passes.
        page = await (await c.get(s.panel + "login")).text()
        r = await c.post(
            s.panel + "login",
            data={"csrf": csrf_of(page), "username": "admin", "password": PASSWORD},
            allow_redirects=False,
        )
        assert r.status == 429
        assert "ثانیه" in await r.text()
        # Another account from the same IP is not locked out by admin's failures.
        assert await s.login(c, "reviewer")


def test_throttle_backs_off_and_forgets() -> None:
    now = [1000.0]
    throttle = LoginThrottle(clock=lambda: now[0])
    for _ in range(LoginThrottle.FREE_ATTEMPTS - 1):
        throttle.failed("a", "1.2.3.4")
    assert throttle.retry_after("a", "1.2.3.4") == 0
    throttle.failed("a", "1.2.3.4")
    first = throttle.retry_after("a", "1.2.3.4")
    assert first == LoginThrottle.BASE_LOCK_SECONDS
    now[0] += first
    throttle.failed("a", "1.2.3.4")
    assert throttle.retry_after("a", "1.2.3.4") == 2 * LoginThrottle.BASE_LOCK_SECONDS
    assert throttle.retry_after("a", "5.6.7.8") == 0  # per (user, IP)
    throttle.succeeded("a", "1.2.3.4")
    assert throttle.retry_after("a", "1.2.3.4") == 0


async def test_session_fixation_a_planted_cookie_is_never_authenticated(
    panel_server: PanelServer,
) -> None:
    s = panel_server
    async with s.client() as attacker:
        await s.login(attacker, "reviewer")
        stolen = s.session_cookie(attacker)
    async with s.client() as victim:
        for planted in ("forged-session-id.deadbeef", stolen):
            s.plant_cookie(victim, planted)
            await s.login(victim, "admin")
            fresh = s.session_cookie(victim)
            assert fresh != planted
            body = await (await victim.get(s.panel + "audit")).text()
            assert "admin" in body  # the victim is the admin, in a brand-new session
    # The planted (previously valid) cookie was ended by the victim's login.
    async with s.client() as attacker:
        s.plant_cookie(attacker, stolen)
        r = await attacker.get(s.panel, allow_redirects=False)
        assert r.status == 303


async def test_logout_ends_the_session(panel_server: PanelServer) -> None:
    s = panel_server
    async with s.client() as c:
        token = await s.login(c, "admin")
        cookie = s.session_cookie(c)
        r = await c.post(s.panel + "logout", data={"csrf": token}, allow_redirects=False)
        assert r.status == 303
    async with s.client() as c:
        s.plant_cookie(c, cookie)
        assert (await c.get(s.panel, allow_redirects=False)).status == 303


async def test_scoped_reviewer_cannot_open_other_districts(panel_server: PanelServer) -> None:
    s = panel_server
    async with s.client() as c:
        token = await s.login(c, "rev9")
        assert (await c.get(s.panel + f"feedback/{s.codes['d9']}")).status == 200
        for name in ("d2", "none", "hostile"):
            r = await c.get(s.panel + f"feedback/{s.codes[name]}")
            assert r.status == 404, name
            r = await c.post(
                s.panel + f"feedback/{s.codes[name]}/reply", data={"csrf": token, "text": "x"}
            )
            assert r.status == 404, name
        inbox = await (await c.get(s.panel)).text()
        assert s.codes["d9"] in inbox and s.codes["d2"] not in inbox
        csv_body = await (await c.get(s.panel + "export.csv")).text()
        assert s.codes["d9"] in csv_body and s.codes["d2"] not in csv_body
    token = await _token(s, "rev9")
    auth = {"Authorization": f"Bearer {token}"}
    async with s.client() as c:
        r = await c.get(s.url + f"/api/v1/feedback/{s.codes['d2']}", headers=auth)
        assert r.status == 404
        r = await c.post(
            s.url + f"/api/v1/feedback/{s.codes['d2']}/status",
            json={"status": "closed", "note": "x"},
            headers=auth,
        )
        assert r.status == 404
        listing = await (await c.get(s.url + "/api/v1/feedback", headers=auth)).json()
        assert [i["tracking_code"] for i in listing["items"]] == [s.codes["d9"]]
        assert listing["items"][0]["district"] == "9"


@pytest.mark.parametrize("value", INJECTIONS)
async def test_hostile_filter_values_give_empty_results(
    panel_server: PanelServer, value: str
) -> None:
    s = panel_server
    token = await _token(s, "admin")
    async with s.client() as c:
        await s.login(c, "admin")
        for name in FILTERS:
            r = await c.get(s.panel, params={name: value})
            assert r.status == 200, name
            assert "۰ بازخورد" in await r.text(), name
            r = await c.get(
                s.url + "/api/v1/feedback",
                params={name: value, "sort": value, "page": value},
                headers={"Authorization": f"Bearer {token}"},
            )
            assert r.status == 200, name
            assert (await r.json())["total"] == 0, name
            assert (await c.get(s.panel + "export.csv", params={name: value})).status == 200
        assert (await c.get(s.panel + "feedback/" + value.replace("/", ""))).status == 404
    # The tables are still there.
    assert (await s.staff.inbox.counts(await _admin(s)))["new"] == 4


async def test_contact_details_only_for_admins(panel_server: PanelServer) -> None:
    s = panel_server
    code = s.codes["d9"]
    async with s.client() as c:
        await s.login(c, "reviewer")
        body = await (await c.get(s.panel + f"feedback/{code}")).text()
        assert "+989121234567" not in body and "پنهان (فقط برای مدیران)" in body
        csv_body = await (await c.get(s.panel + "export.csv")).text()
        assert "+989121234567" not in csv_body
    async with s.client() as c:
        await s.login(c, "admin")
        body = await (await c.get(s.panel + f"feedback/{code}")).text()
        assert "+989121234567" in body and "مریم" in body
    for user, visible in (("reviewer", False), ("admin", True)):
        token = await _token(s, user)
        async with aiohttp.ClientSession() as c:
            r = await c.get(
                s.url + f"/api/v1/feedback/{code}", headers={"Authorization": f"Bearer {token}"}
            )
            contact = (await r.json())["contact"]
            assert (contact is not None) is visible


async def test_revoked_token_is_refused(panel_server: PanelServer) -> None:
    s = panel_server
    token = await _token(s, "reviewer")
    auth = {"Authorization": f"Bearer {token}"}
    async with s.client() as c:
        assert (await c.get(s.url + "/api/v1/feedback", headers=auth)).status == 200
        csrf = await s.login(c, "reviewer")
        page = await (await c.get(s.panel + "tokens")).text()
        assert token[:10] in page and token not in page  # only the prefix is ever shown again
        listed = await s.staff.tokens.list()
        r = await c.post(s.panel + f"tokens/{listed[0].id}/revoke", data={"csrf": csrf})
        assert r.status == 200
        assert (await c.get(s.url + "/api/v1/feedback", headers=auth)).status == 401
