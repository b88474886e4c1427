"""The staff JSON API and the staff services behind it: workflow, imports, publication, CLI."""

from __future__ import annotations

import aiohttp
from jdatetime import timedelta
from sqlalchemy import select

from backend.api.openapi import openapi_document
from backend.models import ChatBlock, OutboxMessage
from backend.staff.accounts import StaffIdentity, hash_password, verify_password
from backend.staff.cli import staff_add, staff_list, staff_token
from tests.panel.conftest import CITIZEN_CHAT, OTHER_CHAT, PanelServer

ADMIN = StaffIdentity(1, "admin", "admin")


async def _auth(server: PanelServer, username: str = "admin") -> dict[str, str]:
    token, _ = await server.staff.tokens.create(username, "test")
    return {"Authorization": f"Bearer {token}"}


async def _outbox(server: PanelServer) -> list[OutboxMessage]:
    async with server.runtime.services.sessions() as session:
        return list((await session.scalars(select(OutboxMessage))).all())


async def test_status_reply_and_note_through_the_api(panel_server: PanelServer) -> None:
    s = panel_server
    code = s.codes["d9"]
    auth = await _auth(s, "reviewer")
    base = f"{s.url}/api/v1/feedback/{code}"
    async with aiohttp.ClientSession(headers=auth) as c:
        r = await c.post(f"{base}/status", json={"status": "in_review"})
        assert r.status == 400  # a note is required
        r = await c.post(f"{base}/status", json={"status": "in_review", "note": "بررسی"})
        assert r.status == 200 and (await r.json())["status"] == "in_review"
        r = await c.post(f"{base}/note", json={"text": "تماس با پیمانکار"})
        assert r.status == 200
        r = await c.post(f"{base}/reply", json={"text": "رسیدگی شد."})
        body = await r.json()
        assert body["status"] == "answered"
        assert [e["kind"] for e in body["events"]] == ["created", "status", "note", "reply"]
        assert [e["public"] for e in body["events"]][2:] == [False, True]
        r = await c.post(f"{base}/status", json={"status": "new", "note": "x"})
        assert r.status == 400  # not an allowed transition
        r = await c.post(f"{base}/reply", data=b"not json")
        assert r.status == 400
    outbox = await _outbox(s)
    assert [(m.chat_id, m.kind) for m in outbox] == [
        (CITIZEN_CHAT, "feedback_status"),
        (CITIZEN_CHAT, "feedback_reply"),
    ]
    assert "رسیدگی شد." in outbox[1].text and code in outbox[1].text
    assert all("پیمانکار" not in m.text for m in outbox)  # internal notes never leave


async def test_hiding_sends_no_notice_and_leaves_the_default_inbox(
    panel_server: PanelServer,
) -> None:
    s = panel_server
    code = s.codes["hostile"]
    await s.staff.workflow.set_status(ADMIN, code, "hidden", "هرزنامه")
    assert await _outbox(s) == []
    async with aiohttp.ClientSession(headers=await _auth(s)) as c:
        listing = await (await c.get(f"{s.url}/api/v1/feedback")).json()
        assert code not in [i["tracking_code"] for i in listing["items"]]
        hidden = await (await c.get(f"{s.url}/api/v1/feedback?status=hidden")).json()
        assert [i["tracking_code"] for i in hidden["items"]] == [code]


async def test_filters_search_sort_and_paging(panel_server: PanelServer) -> None:
    s = panel_server
    async with aiohttp.ClientSession(headers=await _auth(s)) as c:

        async def codes(**params: str) -> list[str]:
            body = await (await c.get(f"{s.url}/api/v1/feedback", params=params)).json()
            return [i["tracking_code"] for i in body["items"]]

        assert await codes(district="۹") == [s.codes["d9"]]
        assert await codes(category="culture") == [s.codes["d2"]]
        assert await codes(kind="thanks") == [s.codes["none"]]
        assert await codes(has_photo="1") == [s.codes["hostile"]]
        assert await codes(q="فرهنگسرا") == [s.codes["d2"]]
        assert await codes(q="فرهنگسرا".replace("ی", "ي")) == [s.codes["d2"]]
        assert await codes(q=s.codes["d9"].lower()) == [s.codes["d9"]]
        # The seeded feedback was filed "today" by the runtime's clock, whatever the wall says.
        today = s.runtime.clock.today()
        day, tomorrow = (d.strftime("%Y-%m-%d") for d in (today, today + timedelta(days=1)))
        assert await codes(**{"from": day, "to": day}) != []
        assert await codes(**{"from": tomorrow}) == []
        oldest = await codes(sort="oldest")
        assert oldest == list(reversed(await codes(sort="newest")))
        body = await (await c.get(f"{s.url}/api/v1/feedback?per_page=3&page=2")).json()
        assert (body["total"], body["pages"], len(body["items"])) == (4, 2, 1)


async def test_csv_export_has_bom_and_defuses_formulas(panel_server: PanelServer) -> None:
    s = panel_server
    from backend.services.feedback import FeedbackDraft

    await s.runtime.services.feedback.submit(
        FeedbackDraft("telegram", 5, 5, "complaint", '=HYPERLINK("http://evil")')
    )
    async with s.client() as c:
        await s.login(c, "admin")
        r = await c.get(s.panel + "export.csv")
        raw = await r.read()
        assert r.headers["Content-Type"].startswith("text/csv")
        assert raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode("utf-8-sig")
        assert "کد پیگیری" in text.splitlines()[0]
        assert "'=HYPERLINK" in text


async def test_import_dry_run_reports_problems_by_file_line_column(
    panel_server: PanelServer,
) -> None:
    s = panel_server
    bad = "slug,question_fa,answer_fa,source\nok-one,پرسش,پاسخ,منبع\nBAD SLUG,پرسش,پاسخ,منبع\n"
    async with aiohttp.ClientSession(headers=await _auth(s)) as c:
        form = aiohttp.FormData()
        form.add_field("files", bad.encode(), filename="faq.csv", content_type="text/csv")
        r = await c.post(f"{s.url}/api/v1/import?dry_run=1", data=form)
        assert r.status == 422
        body = await r.json()
        assert body["ok"] is False and body["dry_run"] is True
        assert body["problems"][0] | {"reason_fa": "", "reason_en": ""} == {
            "file": "faq.csv",
            "line": 3,
            "column": "slug",
            "reason_fa": "",
            "reason_en": "",
        }
        good = bad.replace("BAD SLUG", "ok-two")
        form = aiohttp.FormData()
        form.add_field("files", good.encode(), filename="faq.csv", content_type="text/csv")
        body = await (await c.post(f"{s.url}/api/v1/import?dry_run=1", data=form)).json()
        assert body["ok"] and body["counts"]["faq"]["inserted"] == 2
        assert not any(f.slug == "ok-one" for f in await s.runtime.services.catalog.faq())
        form = aiohttp.FormData()
        form.add_field("files", good.encode(), filename="faq.csv", content_type="text/csv")
        r = await c.post(f"{s.url}/api/v1/import", data=form)
        assert r.status == 200
        assert any(f.slug == "ok-two" for f in await s.runtime.services.catalog.faq())
        r = await c.post(f"{s.url}/api/v1/import", data=b"x")
        assert r.status == 400


async def test_publish_report_calls_the_digest_hook(panel_server: PanelServer) -> None:
    s = panel_server
    async with aiohttp.ClientSession(headers=await _auth(s)) as c:
        r = await c.post(f"{s.url}/api/v1/reports/SBZ-1405-Q2/publish")
        body = await r.json()
        assert r.status == 200 and body["digest_queued"] is True
        assert (await c.post(f"{s.url}/api/v1/reports/NOPE/publish")).status == 404
        progress = await (await c.get(f"{s.url}/api/v1/broadcasts")).json()
        assert "items" in progress
    assert s.published == ["SBZ-1405-Q2"]
    reports = {r.code: r for r in await s.runtime.services.catalog.reports()}
    assert "SBZ-1405-Q2" in reports  # visible to citizens from today


async def test_moderation_block_and_redact(panel_server: PanelServer) -> None:
    s = panel_server
    code = s.codes["d2"]
    await s.staff.workflow.redact(ADMIN, code, "متن بدون نام‌ها")
    reviewer = StaffIdentity(2, "reviewer", "reviewer")
    assert (await s.staff.inbox.detail(code, reviewer)).item.text == "متن بدون نام‌ها"
    admin_view = await s.staff.inbox.detail(code, ADMIN)
    assert admin_view.original_text is not None and "فرهنگسرا" in admin_view.original_text
    await s.staff.workflow.block_chat(ADMIN, code, True, "هرزنامه")
    async with s.runtime.services.sessions() as session:
        assert await session.scalar(select(ChatBlock.chat_id)) is not None
    assert await s.runtime.services.feedback.is_blocked("telegram", OTHER_CHAT)
    entries = await s.staff.audit.recent()
    assert {"feedback.redact", "chat.block"} <= {e.action for e in entries}


async def test_openapi_documents_the_staff_endpoints() -> None:
    doc = openapi_document()
    for path in (
        "/api/v1/feedback",
        "/api/v1/feedback/{code}",
        "/api/v1/feedback/{code}/status",
        "/api/v1/feedback/{code}/reply",
        "/api/v1/import",
        "/api/v1/reports/{code}/publish",
    ):
        assert path in doc["paths"]
    assert doc["components"]["securitySchemes"]["staffToken"]["scheme"] == "bearer"


async def test_cli_functions(panel_server: PanelServer) -> None:
    sessions = panel_server.runtime.services.sessions
    out = await staff_add(
        sessions, "Sara", "a long enough password", role="reviewer", districts=["۹"]
    )
    assert "sara" in out and "9" in out
    listing = await staff_list(sessions)
    assert "sara\treviewer\tdistricts=9" in listing
    token = await staff_token(sessions, "sara")
    assert token.startswith("shf_")
    assert (await panel_server.staff.tokens.authenticate(token)) is not None


def test_password_hash_is_salted_scrypt() -> None:
    one, two = hash_password("secret-password"), hash_password("secret-password")
    assert one != two and one.startswith("scrypt$")
    assert verify_password("secret-password", one)
    assert not verify_password("secret-passwore", one)
    assert not verify_password("x", "garbage")
