"""Small factories for Telegram update JSON that `telegram.Update.de_json` accepts.

Every factory returns a plain dict with a fresh, increasing `update_id` (unless one is given), so
the result can be pushed to `FakeBotApi`, posted to a webhook, or fed to `Update.de_json`.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

BOT_ID = 123456
BOT_USERNAME = "shafaf_test_bot"
DEFAULT_FIRST_NAME = "شهروند"
# A user id for senders in groups and channels when the caller gives none (private chats use
# the chat id, as Telegram does).
DEFAULT_GROUP_USER_ID = 424242

_update_ids = itertools.count(1)
_message_ids = itertools.count(1)
_callback_ids = itertools.count(1)

Json = dict[str, Any]


def next_update_id() -> int:
    """Return a process-wide increasing update id."""
    return next(_update_ids)


def utf16_len(text: str) -> int:
    """Return the length of `text` in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def user(user_id: int, *, first_name: str = DEFAULT_FIRST_NAME, language_code: str = "fa") -> Json:
    """Build a human User object."""
    return {
        "id": user_id,
        "is_bot": False,
        "first_name": first_name,
        "language_code": language_code,
    }


def bot_user(bot_id: int = BOT_ID, username: str = BOT_USERNAME) -> Json:
    """Build the bot's own User object."""
    return {"id": bot_id, "is_bot": True, "first_name": "Shafaf", "username": username}


def chat(
    chat_id: int,
    chat_type: str = "private",
    *,
    first_name: str = DEFAULT_FIRST_NAME,
    title: str | None = None,
) -> Json:
    """Build a Chat object; private chats get a first name, the others a title."""
    if chat_type == "private":
        return {"id": chat_id, "type": "private", "first_name": first_name}
    return {"id": chat_id, "type": chat_type, "title": title or "گروه آزمایشی"}


def command_entities(text: str) -> list[Json]:
    """Return the bot_command entity Telegram adds when `text` starts with a /command."""
    if not text.startswith("/") or len(text) < 2:
        return []
    command = text.split(maxsplit=1)[0]
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]


def _sender_id(chat_id: int, chat_type: str, user_id: int | None) -> int:
    if user_id is not None:
        return user_id
    return chat_id if chat_type == "private" else DEFAULT_GROUP_USER_ID


def _message(
    chat_id: int,
    *,
    user_id: int | None,
    first_name: str,
    chat_type: str,
    message_id: int | None,
    date: int | None,
    title: str | None = None,
) -> Json:
    sender = _sender_id(chat_id, chat_type, user_id)
    return {
        "message_id": message_id if message_id is not None else next(_message_ids),
        "date": date if date is not None else int(time.time()),
        "chat": chat(chat_id, chat_type, first_name=first_name, title=title),
        "from": user(sender, first_name=first_name),
    }


def _update(kind: str, payload: Json, update_id: int | None) -> Json:
    return {"update_id": update_id if update_id is not None else next_update_id(), kind: payload}


def message_update(
    chat_id: int,
    text: str,
    *,
    user_id: int | None = None,
    first_name: str = DEFAULT_FIRST_NAME,
    chat_type: str = "private",
    update_id: int | None = None,
    message_id: int | None = None,
    entities: list[Json] | None = None,
    date: int | None = None,
    title: str | None = None,
) -> Json:
    """Build a text message update; /commands get their bot_command entity automatically."""
    message = _message(
        chat_id,
        user_id=user_id,
        first_name=first_name,
        chat_type=chat_type,
        message_id=message_id,
        date=date,
        title=title,
    )
    message["text"] = text
    found = command_entities(text) if entities is None else entities
    if found:
        message["entities"] = found
    return _update("message", message, update_id)


def command_update(chat_id: int, command: str, args: str = "", **kwargs: Any) -> Json:
    """Build a /command message update (`command` with or without the slash)."""
    text = "/" + command.lstrip("/")
    if args:
        text = f"{text} {args}"
    return message_update(chat_id, text, **kwargs)


def group_message_update(
    chat_id: int,
    text: str,
    *,
    user_id: int = DEFAULT_GROUP_USER_ID,
    chat_type: str = "supergroup",
    title: str = "گروه آزمایشی",
    **kwargs: Any,
) -> Json:
    """Build a message update in a group or supergroup (chat ids are negative there)."""
    if chat_id > 0:
        raise ValueError("group chat ids are negative")
    return message_update(
        chat_id, text, user_id=user_id, chat_type=chat_type, title=title, **kwargs
    )


def edited_message_update(
    chat_id: int,
    text: str,
    *,
    message_id: int,
    user_id: int | None = None,
    first_name: str = DEFAULT_FIRST_NAME,
    chat_type: str = "private",
    update_id: int | None = None,
    date: int | None = None,
) -> Json:
    """Build an edited_message update for a message the user sent earlier."""
    message = _message(
        chat_id,
        user_id=user_id,
        first_name=first_name,
        chat_type=chat_type,
        message_id=message_id,
        date=date,
    )
    message["text"] = text
    message["edit_date"] = message["date"] + 1
    if found := command_entities(text):
        message["entities"] = found
    return _update("edited_message", message, update_id)


def callback_update(
    chat_id: int,
    data: str,
    *,
    message_id: int,
    message_text: str = "…",
    user_id: int | None = None,
    first_name: str = DEFAULT_FIRST_NAME,
    bot_id: int = BOT_ID,
    callback_id: str | None = None,
    reply_markup: Json | None = None,
    update_id: int | None = None,
) -> Json:
    """Build a callback_query update for a button under the bot's message `message_id`."""
    sender = user_id if user_id is not None else chat_id
    message: Json = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat(chat_id, "private" if chat_id > 0 else "supergroup", first_name=first_name),
        "from": bot_user(bot_id),
        "text": message_text,
    }
    if reply_markup is not None:
        message["reply_markup"] = reply_markup
    query = {
        "id": callback_id or f"cb{next(_callback_ids)}",
        "from": user(sender, first_name=first_name),
        "chat_instance": f"ci{chat_id}",
        "message": message,
        "data": data,
    }
    return _update("callback_query", query, update_id)


def photo_update(
    chat_id: int,
    file_id: str,
    caption: str | None = None,
    *,
    user_id: int | None = None,
    width: int = 1280,
    height: int = 960,
    file_size: int = 100_000,
    update_id: int | None = None,
) -> Json:
    """Build a photo message; `file_id` is the largest size (register bytes with add_file)."""
    message = _message(
        chat_id,
        user_id=user_id,
        first_name=DEFAULT_FIRST_NAME,
        chat_type="private" if chat_id > 0 else "supergroup",
        message_id=None,
        date=None,
    )
    message["photo"] = [
        {
            "file_id": f"{file_id}-thumb",
            "file_unique_id": f"u-{file_id}-thumb",
            "width": max(1, width // 16),
            "height": max(1, height // 16),
            "file_size": 2_000,
        },
        {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "width": width,
            "height": height,
            "file_size": file_size,
        },
    ]
    if caption is not None:
        message["caption"] = caption
    return _update("message", message, update_id)


def location_update(
    chat_id: int,
    lat: float,
    lon: float,
    *,
    user_id: int | None = None,
    update_id: int | None = None,
) -> Json:
    """Build a location message update."""
    message = _message(
        chat_id,
        user_id=user_id,
        first_name=DEFAULT_FIRST_NAME,
        chat_type="private",
        message_id=None,
        date=None,
    )
    message["location"] = {"latitude": lat, "longitude": lon}
    return _update("message", message, update_id)


def contact_update(
    chat_id: int,
    phone: str,
    *,
    user_id: int | None = None,
    own: bool = True,
    first_name: str = DEFAULT_FIRST_NAME,
    update_id: int | None = None,
) -> Json:
    """Build a contact message; `own` makes it the sender's own number (contact.user_id)."""
    sender = user_id if user_id is not None else chat_id
    message = _message(
        chat_id,
        user_id=sender,
        first_name=first_name,
        chat_type="private",
        message_id=None,
        date=None,
    )
    contact: Json = {"phone_number": phone, "first_name": first_name}
    contact["user_id"] = sender if own else sender + 1
    message["contact"] = contact
    return _update("message", message, update_id)


def sticker_update(
    chat_id: int,
    file_id: str = "sticker-1",
    *,
    emoji: str = "👍",
    user_id: int | None = None,
    update_id: int | None = None,
) -> Json:
    """Build a sticker message update."""
    message = _message(
        chat_id,
        user_id=user_id,
        first_name=DEFAULT_FIRST_NAME,
        chat_type="private",
        message_id=None,
        date=None,
    )
    message["sticker"] = {
        "file_id": file_id,
        "file_unique_id": f"u-{file_id}",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": emoji,
    }
    return _update("message", message, update_id)


def channel_post_update(
    chat_id: int, text: str, *, title: str = "کانال شفاف", update_id: int | None = None
) -> Json:
    """Build a channel_post update (no sender user; the channel is the sender_chat)."""
    if chat_id > 0:
        raise ValueError("channel chat ids are negative")
    channel = chat(chat_id, "channel", title=title)
    post: Json = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": channel,
        "sender_chat": channel,
        "text": text,
    }
    return _update("channel_post", post, update_id)
