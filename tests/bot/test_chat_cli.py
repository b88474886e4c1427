"""`shafaf chat` runs the same conversation engine, buttons as numbered choices."""

from __future__ import annotations

from backend.formatting import rial_exact
from shafaf.chat import run_chat
from shafaf.runtime import Runtime
from tests.bot.helpers import vat_share_rial
from tests.conftest import SAMPLE_DIR


async def test_chat_numbers_press_buttons_and_text_is_answered(sample_runtime: Runtime) -> None:
    lines = iter(["۱", "سهم مشهد از مالیات سال ۱۴۰۳", "/status SH-000000", "/quit"])
    out: list[str] = []
    code = await run_chat(
        sample_runtime.conversation,
        read=lambda _: next(lines),
        write=out.append,
    )
    assert code == 0
    assert "۱) " in out[0]  # the main menu as numbered choices
    assert "سهم شهرداری" in out[1]  # "۱" pressed the first button (vat share)
    assert rial_exact(vat_share_rial(SAMPLE_DIR, "mashhad", "1403-01", "1403-12")) in out[2]
    assert "پیدا نشد" in out[3]
