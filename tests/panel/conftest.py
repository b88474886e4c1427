"""A real HTTP server with the public API, the staff API and the panel under /staff/.

`panel_server` composes the apps the way the composition root will (`mount_staff`), serves them
on 127.0.0.1 and a random port, and seeds accounts and feedback: an admin, an unscoped reviewer,
a reviewer limited to district 9, and feedback about projects in districts 9 and 2.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

import aiohttp
import pytest
from yarl import URL

from backend.api.app import build_api_app
from backend.panel import mount_staff
from backend.panel.auth import SESSION_COOKIE
from backend.services.feedback import FeedbackDraft
from backend.staff import StaffServices
from shafaf.runtime import Runtime
from tests.fakes.loopback import serve_on_loopback

PASSWORD = "correct horse battery"
CITIZEN_CHAT = 700_111
OTHER_CHAT = 700_222
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & «پیاده‌رو خراب است»'


@dataclass
class PanelServer:
    """A served composition of the API and the panel, with seeded data."""

    url: str
    runtime: Runtime
    staff: StaffServices
    codes: dict[str, str] = field(default_factory=dict)
    published: list[str] = field(default_factory=list)

    @property
    def panel(self) -> str:
        """Return the panel's base URL."""
        return f"{self.url}/staff/"

    def client(self) -> aiohttp.ClientSession:
        """Return a fresh browser-like session (its own cookie jar; IP hosts allowed)."""
        return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    def session_cookie(self, session: aiohttp.ClientSession) -> str:
        """Return the value of the panel's session cookie in a client's jar."""
        return session.cookie_jar.filter_cookies(URL(self.panel))[SESSION_COOKIE].value

    def plant_cookie(self, session: aiohttp.ClientSession, value: str) -> None:
        """Put a session cookie into a client's jar as the server would have set it."""
        cookie: SimpleCookie = SimpleCookie()
        cookie[SESSION_COOKIE] = value
        cookie[SESSION_COOKIE]["path"] = "/staff/"
        session.cookie_jar.update_cookies(cookie, URL(self.url))

    async def login(self, session: aiohttp.ClientSession, username: str) -> str:
        """Log in through the form and return the CSRF token of the new session."""
        page = await (await session.get(f"{self.panel}login")).text()
        token = csrf_of(page)
        response = await session.post(
            f"{self.panel}login",
            data={"csrf": token, "username": username, "password": PASSWORD, "next": ""},
            allow_redirects=False,
        )
        assert response.status == 303, await response.text()
        inbox = await (await session.get(self.panel)).text()
        return csrf_of(inbox)


def csrf_of(html: str) -> str:
    """Extract the first CSRF hidden field of a page."""
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF field on the page"
    return match.group(1)


async def _seed(runtime: Runtime, staff: StaffServices) -> dict[str, str]:
    accounts = staff.accounts
    await accounts.add("admin", PASSWORD, role="admin")
    await accounts.add("reviewer", PASSWORD, role="reviewer")
    await accounts.add("rev9", PASSWORD, role="reviewer", districts=["9"])
    feedback = runtime.services.feedback
    codes: dict[str, str] = {}
    seeds = {
        "d9": FeedbackDraft(
            "telegram",
            CITIZEN_CHAT,
            CITIZEN_CHAT,
            "complaint",
            "چاله‌های بزرگ در مسیر تقاطع؛ لطفاً رسیدگی کنید.",
            project_code="P-1007",
            lat=36.3,
            lon=59.6,
            contact_phone="+989121234567",
            contact_name="مریم",
        ),
        "d2": FeedbackDraft(
            "telegram",
            OTHER_CHAT,
            OTHER_CHAT,
            "suggestion",
            "پیشنهاد می‌کنم ساعت کار فرهنگسرا بیشتر شود.",
            project_code="P-1018",
        ),
        "hostile": FeedbackDraft(
            "telegram", OTHER_CHAT, OTHER_CHAT, "criticism", HOSTILE, photo_file_id="AgAC-photo"
        ),
        "none": FeedbackDraft("telegram", OTHER_CHAT, OTHER_CHAT, "thanks", "ممنون از شفافیت."),
    }
    for name, draft in seeds.items():
        codes[name] = (await feedback.submit(draft)).tracking_code
    return codes


@pytest.fixture
async def panel_server(sample_runtime: Runtime) -> AsyncIterator[PanelServer]:
    """Serve the API + panel over the sample database, seeded with staff and feedback."""
    published: list[str] = []

    async def on_published(code: str) -> None:
        published.append(code)

    app = build_api_app(sample_runtime.services, sample_runtime.asker)
    staff = mount_staff(
        app, sample_runtime.services, sample_runtime.settings, on_report_published=on_published
    )
    codes = await _seed(sample_runtime, staff)
    async with serve_on_loopback(app) as url:
        yield PanelServer(url, sample_runtime, staff, codes, published)
