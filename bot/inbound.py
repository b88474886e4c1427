"""Read every update the Bot API delivers, even one python-telegram-bot's strict parser refuses.

PTB turns an update into its Telegram types and raises on any missing required field. In polling
it parses the whole `getUpdates` batch at once, so ONE update it cannot parse loses the batch
without confirming its offset: the same batch comes back on the next poll, fails again, and no
one is ever answered again (the hostile-input stall of issue 12). Bale's updates lack exactly
such fields (a callback query has no `chat_instance`, a sticker no `is_animated`/`is_video`),
and a forged webhook body may lack anything.

So each update is read here, in this order: as it is; mended (Bale's known gaps filled with
neutral defaults); stripped of the optional parts that do not parse; reduced to a skeleton (a
callback query keeps its id and sender, so it can still be answered); and at worst reduced to
its bare `update_id`, which no handler matches but which confirms the offset.
"""

from __future__ import annotations

import copy
import json
import logging
from typing import Any

from telegram import Bot, CallbackQuery, Message, Update
from telegram.request import HTTPXRequest, RequestData

log = logging.getLogger("shafaf.bot.inbound")

Json = dict[str, Any]

# Updates whose payload is a Message (PTB: Update.MESSAGE and its siblings).
_MESSAGE_KINDS = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_message",
    "edited_business_message",
)
# Without these a message or callback query means nothing to a handler: never dropped.
_ESSENTIAL = {"message_id", "date", "chat", "from", "id"}
# Message fields that hold other messages (each parsed, and mended, as a Message too).
_NESTED_MESSAGES = ("reply_to_message", "pinned_message")
# Stand-ins for required fields Bale leaves out; neutral for every handler here.
_STICKER_DEFAULTS: Json = {"type": "regular", "width": 0, "height": 0}
_STICKER_FLAGS = ("is_animated", "is_video")


def read_update(data: Json, bot: Bot | None = None) -> Update:
    """Return `data` as an Update, mending or reducing what PTB cannot parse (never raises)."""
    try:
        return Update.de_json(data, bot)
    except Exception:  # any parse failure of outside JSON is mended below
        return Update.de_json(mend_update(data), bot)


def mend_update(data: Json) -> Json:
    """Return a copy of update JSON that `Update.de_json` accepts, as close to `data` as can be."""
    update_id = data.get("update_id")
    if _parses(Update, data):
        return data
    mended = copy.deepcopy(data)
    kind = next((k for k in mended if k != "update_id"), None)
    payload = mended.get(kind) if kind is not None else None
    losses: list[str] = []
    if kind is not None and isinstance(payload, dict):
        fixed: Json | None = None
        if kind in _MESSAGE_KINDS:
            fixed = _mend_message(payload, losses)
        elif kind == "callback_query":
            fixed = _mend_callback(payload, losses)
        else:
            for key in _droppable(payload):
                trial = {k: v for k, v in payload.items() if k != key}
                if _parses(Update, {**mended, kind: trial}):
                    fixed = trial
                    losses.append(key)
                    break
        if fixed is not None:
            mended[kind] = fixed
            _log_mended(update_id, kind, losses)
            return mended
    _log_mended(update_id, kind, ["everything but update_id"])
    return {"update_id": update_id}


def mend_updates_payload(payload: bytes) -> bytes:
    """Mend the updates of a `getUpdates` answer (the raw JSON bytes) that PTB cannot parse."""
    try:
        body = json.loads(payload)
    except ValueError:
        return payload  # PTB reports a broken answer itself
    result = body.get("result") if isinstance(body, dict) else None
    if not isinstance(result, list):
        return payload
    changed = False
    kept: list[Any] = []
    for item in result:
        if not isinstance(item, dict) or not isinstance(item.get("update_id"), int):
            changed = True  # not an update at all: nothing can be made of it
            log.warning("getUpdates: dropped an item that is not an update")
            continue
        fixed = mend_update(item)
        changed = changed or fixed is not item
        kept.append(fixed)
    if not changed:
        return payload
    body["result"] = kept
    return json.dumps(body).encode()


class TolerantUpdatesRequest(HTTPXRequest):
    """PTB's HTTP client for `getUpdates`, mending updates before PTB parses the batch."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        write_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        connect_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        pool_timeout: Any = HTTPXRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Make the request; a successful `getUpdates` answer is mended where it must be."""
        code, payload = await super().do_request(
            url,
            method,
            request_data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        if code == 200 and url.lower().endswith("/getupdates"):
            payload = mend_updates_payload(payload)
        return code, payload


# --- mending one object ---------------------------------------------------------------------


def _parses(cls: type[Update] | type[Message] | type[CallbackQuery], data: Json) -> bool:
    try:
        cls.de_json(data, None)
    except Exception:  # "does not parse", whatever PTB raised
        return False
    return True


def _droppable(payload: Json) -> list[str]:
    """Return the optional structured fields of an object, the ones that may be left out."""
    return [k for k, v in payload.items() if k not in _ESSENTIAL and isinstance(v, dict | list)]


def _fill_bale_gaps(message: Json) -> None:
    """Fill, in place, the required fields Bale's messages are known to leave out."""
    sticker = message.get("sticker")
    if isinstance(sticker, dict):
        for key, value in _STICKER_DEFAULTS.items():
            sticker.setdefault(key, value)
        for flag in _STICKER_FLAGS:
            sticker.setdefault(flag, False)
        if "file_id" in sticker:
            sticker.setdefault("file_unique_id", sticker["file_id"])
    sender = message.get("from")
    if isinstance(sender, dict):
        sender.setdefault("is_bot", False)
        sender.setdefault("first_name", "")
    message.setdefault("date", 0)


def _mend_message(message: Json, losses: list[str]) -> Json | None:
    """Return a parseable version of a message, or None when its chat or id is unusable."""
    mended = copy.deepcopy(message)
    _fill_bale_gaps(mended)
    for key in _NESTED_MESSAGES:
        nested = mended.get(key)
        if isinstance(nested, dict) and not _parses(Message, nested):
            fixed = _mend_message(nested, losses)
            if fixed is None:
                del mended[key]
                losses.append(key)
            else:
                mended[key] = fixed
    if _parses(Message, mended):
        return mended
    # One broken part (an unknown media shape, say) must not cost the rest of the message.
    for key in _droppable(mended):
        trial = {k: v for k, v in mended.items() if k != key}
        if _parses(Message, trial):
            losses.append(key)
            return trial
    bare = {k: v for k, v in mended.items() if k in _ESSENTIAL or not isinstance(v, dict | list)}
    losses.extend(k for k in mended if k not in bare)
    return bare if _parses(Message, bare) else None


def _mend_callback(query: Json, losses: list[str]) -> Json | None:
    """Return a parseable callback query, keeping at least its id and sender to answer it."""
    mended = copy.deepcopy(query)
    mended.setdefault("chat_instance", "")  # Bale has none; nothing here reads it
    sender = mended.get("from")
    if isinstance(sender, dict):
        sender.setdefault("is_bot", False)
        sender.setdefault("first_name", "")
    message = mended.get("message")
    if isinstance(message, dict) and not _parses(Message, message):
        fixed = _mend_message(message, losses)
        if fixed is None:
            del mended["message"]
            losses.append("message")
        else:
            mended["message"] = fixed
    if _parses(CallbackQuery, mended):
        return mended
    # The skeleton: still answerable, since answerCallbackQuery needs only the id.
    skeleton: Json = {
        k: mended[k] for k in ("id", "from", "chat_instance", "message") if k in mended
    }
    if isinstance(mended.get("data"), str):
        skeleton["data"] = mended["data"]
    losses.extend(k for k in mended if k not in skeleton)
    if _parses(CallbackQuery, skeleton):
        return skeleton
    skeleton.pop("message", None)
    losses.append("message")
    return skeleton if _parses(CallbackQuery, skeleton) else None


def _log_mended(update_id: object, kind: str | None, losses: list[str]) -> None:
    # Bale's known gaps are routine (debug); losing parts of an update is worth a warning. Never
    # the content: ids and field names are enough to debug, and texts are citizens' words.
    if not losses:
        log.debug("update %s (%s): filled fields Bale leaves out", update_id, kind)
        return
    log.warning(
        "update %s (%s) did not parse as delivered; left out: %s",
        update_id,
        kind or "empty",
        ", ".join(sorted(set(losses))),
    )
