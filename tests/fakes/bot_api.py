"""A local Telegram/Bale Bot API server (aiohttp, loopback) for end-to-end bot tests.

It speaks the HTTP protocol python-telegram-bot uses — `POST {base_url}{token}/{method}` with
form, multipart, JSON or query parameters — and answers with Telegram-shaped JSON. Tests feed
updates in (long polling or webhook), watch what the bot sent, and inject faults.

`platform="bale"` plays Bale as its public notes and client libraries describe it, strictly
enough that a bot written for Telegram fails loudly where Bale would misbehave:

* no `parse_mode` at all, so any `parse_mode` is a 400; Bale renders its own `*bold*`,
  `_italic_` and `[text](url)` in plain text, and so does the fake (`parse_bale_markdown`): the
  markers disappear from the recorded text and become entities;
* `setWebhook` takes only `url`: `secret_token` (and every other parameter) is a 400, and the URL
  must use port 443 or 88; no secret header is sent with webhook calls;
* updates come in Bale's shape: a callback query has no `chat_instance` and a sticker no
  `is_animated`/`is_video` (fields python-telegram-bot requires);
* a message that carries an inline keyboard cannot be edited (Bale's edits of such messages are
  unreliable), and callback queries the bot never answered are listed in
  `unanswered_callbacks`.
"""

from __future__ import annotations

import asyncio
import functools
import json
import re
import ssl
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, NoReturn, Self, TypeVar, cast

import aiohttp
from aiohttp import web
from telegram.ext import Application, ApplicationBuilder
from telegram.request import HTTPXRequest

from tests.fakes.updates import utf16_len

Json = dict[str, Any]
_T = TypeVar("_T")
MethodHandler = Callable[[Json, dict[str, "UploadedFile"]], Awaitable[Any]]

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# The server's own rule, written out again on purpose: checked against the settings' table it
# would agree with any mistake in it.
BALE_WEBHOOK_PORTS = (443, 88)
DEFAULT_UPDATE_TYPES_EXCLUDED = {"chat_member", "message_reaction", "message_reaction_count"}

# Parameters that are strings in the Bot API; form values of every other parameter are JSON.
_STRING_PARAMS = {
    "text",
    "caption",
    "parse_mode",
    "callback_query_id",
    "url",
    "secret_token",
    "action",
    "inline_message_id",
    "language_code",
    "ip_address",
    "emoji",
    "title",
    "address",
    "description",
    "short_description",
    "name",
    "query",
    "business_connection_id",
    "message_effect_id",
    "file_id",
    "photo",
    "document",
    "video",
    "audio",
    "voice",
    "animation",
    "sticker",
    "video_note",
    "thumbnail",
    "filename",
}
# Parameters whose value is a JSON object or array, even when sent as a string inside JSON.
_JSON_PARAMS = {
    "reply_markup",
    "entities",
    "caption_entities",
    "allowed_updates",
    "commands",
    "scope",
    "menu_button",
    "link_preview_options",
    "reply_parameters",
    "media",
}
_CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
_BOT_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


class ApiError(Exception):
    """A Bot API error answer: HTTP status, description and optional retry_after."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> Json:
        """Return the JSON body Telegram sends for this error."""
        body: Json = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def _bad_request(reason: str) -> NoReturn:
    raise ApiError(400, f"Bad Request: {reason}")


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    field: str
    filename: str | None
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        """Return the upload's length in bytes."""
        return len(self.data)


@dataclass
class RecordedCall:
    """One Bot API request as the fake received it, and how it answered."""

    method: str
    params: Json
    files: dict[str, UploadedFile]
    time: float
    http_method: str
    status: int | None = None
    response: Json | None = None


@dataclass
class _Fault:
    method: str
    kind: str  # "error", "drop" or "delay"
    times: int
    chat_id: int | None = None
    status: int = 0
    description: str = ""
    retry_after: int | None = None
    seconds: float = 0.0

    def matches(self, method: str, params: Json) -> bool:
        if self.method not in ("*", method.lower()):
            return False
        return self.chat_id is None or _as_int(params.get("chat_id")) == self.chat_id


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    mime_type: str = "application/octet-stream"


# ---------------------------------------------------------------------------------------------
# Telegram's HTML: a strict subset, parsed the way the Bot API server (tdlib) does it.

_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]*));")


@dataclass
class _OpenTag:
    name: str
    offset: int  # UTF-16 offset in the output text
    attrs: dict[str, str]


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _entity_error(reason: str) -> NoReturn:
    _bad_request(f"can't parse entities: {reason}")


def _read_tag_attrs(text: str, i: int, begin: int) -> tuple[dict[str, str], int]:
    """Read `name="value"` pairs up to '>' and return them with the index after '>'."""
    attrs: dict[str, str] = {}
    n = len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            _entity_error(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
        if text[i] == ">":
            return attrs, i + 1
        start = i
        while i < n and not text[i].isspace() and text[i] not in "=>":
            i += 1
        name = text[start:i].lower()
        if i < n and text[i] == "=":
            i += 1
            if i < n and text[i] in "\"'":
                quote = text[i]
                end = text.find(quote, i + 1)
                if end == -1:
                    _entity_error(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
                value, i = text[i + 1 : end], end + 1
            else:
                start = i
                while i < n and not text[i].isspace() and text[i] != ">":
                    i += 1
                value = text[start:i]
            attrs[name] = _ENTITY.sub(lambda m: _decode_entity(m) or m.group(0), value)
        elif name:
            attrs[name] = ""


_PLAIN_RUN = re.compile(r"[^<&]+")
_J = TypeVar("_J")


def _copy(value: _J) -> _J:
    """Copy JSON data (dicts, lists, scalars): what `copy.deepcopy` does here, several times
    faster. The fake runs in the benchmarks' process, so its own CPU would count against the bot.
    """
    if isinstance(value, dict):
        return cast(_J, {k: _copy(v) for k, v in value.items()})
    if isinstance(value, list):
        return cast(_J, [_copy(v) for v in value])
    return value


def _decode_entity(match: re.Match[str]) -> str | None:
    decimal, hexadecimal, named = match.groups()
    if named is not None:
        return _NAMED_ENTITIES.get(named)
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    return chr(code) if 0 < code <= 0x10FFFF else None


def parse_html(text: str, *, strict: bool = True) -> tuple[str, list[Json]]:
    """Return (plain text, entities) for Telegram HTML, or raise a 400 "can't parse entities".

    `strict` also rejects a bare '&' and unknown named entities such as `&nbsp;`, which Telegram
    itself passes through literally; a bot that sends them almost always forgot to escape.
    """
    out: list[str] = []
    out_len = 0  # UTF-16 units written so far
    stack: list[_OpenTag] = []
    entities: list[Json] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "&":
            match = _ENTITY.match(text, i)
            decoded = _decode_entity(match) if match else None
            if decoded is None:
                if strict:
                    shown = match.group(0) if match else "&"
                    _entity_error(
                        f'Unsupported HTML entity "{shown}" at byte offset '
                        f"{_byte_offset(text, i)}; escape '&' as &amp;"
                    )
                decoded = "&"
                i += 1
            else:
                i = match.end() if match else i + 1
            out.append(decoded)
            out_len += utf16_len(decoded)
            continue
        if char != "<":
            # a run of plain text at once (measured per run, not per character)
            plain = _PLAIN_RUN.match(text, i)
            assert plain is not None
            out.append(plain.group(0))
            out_len += utf16_len(plain.group(0))
            i = plain.end()
            continue
        begin = i
        if i + 1 < n and text[i + 1] == "/":
            end = text.find(">", i)
            if not stack:
                _entity_error(f"Unexpected end tag at byte offset {_byte_offset(text, begin)}")
            if end == -1:
                _entity_error(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
            name = text[i + 2 : end].strip().lower()
            top = stack.pop()
            if name != top.name:
                _entity_error(
                    f"Unmatched end tag at byte offset {_byte_offset(text, begin)}, "
                    f'expected "</{top.name}>", found "</{name}>"'
                )
            _close_tag(top, out_len, stack, entities)
            i = end + 1
            continue
        i += 1
        start = i
        while i < n and not text[i].isspace() and text[i] not in ">/":
            i += 1
        name = text[start:i].lower()
        if name not in _HTML_TAGS:
            _entity_error(
                f'Unsupported start tag "{name}" at byte offset {_byte_offset(text, begin)}'
            )
        attrs, i = _read_tag_attrs(text, i, begin)
        if name == "span" and attrs.get("class") != "tg-spoiler":
            _entity_error(
                f'Tag "span" must have class "tg-spoiler" at byte offset '
                f"{_byte_offset(text, begin)}"
            )
        if name == "tg-emoji" and not attrs.get("emoji-id"):
            _entity_error(
                f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset '
                f"{_byte_offset(text, begin)}"
            )
        stack.append(_OpenTag(name, out_len, attrs))
    if stack:
        _entity_error(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _close_tag(tag: _OpenTag, end: int, stack: list[_OpenTag], entities: list[Json]) -> None:
    length = end - tag.offset
    if length <= 0:
        return  # Telegram drops empty entities
    kind = _HTML_TAGS[tag.name]
    entity: Json = {"type": kind, "offset": tag.offset, "length": length}
    if kind == "text_link":
        href = tag.attrs.get("href", "")
        if not href:
            return
        entity["url"] = href
    elif kind == "custom_emoji":
        entity["custom_emoji_id"] = tag.attrs["emoji-id"]
    elif kind == "blockquote" and "expandable" in tag.attrs:
        entity["type"] = "expandable_blockquote"
    elif kind == "code":
        language = tag.attrs.get("class", "").removeprefix("language-")
        parent = stack[-1] if stack else None
        if language and parent is not None and parent.name == "pre" and parent.offset == tag.offset:
            parent.attrs["language"] = language  # <pre><code class="language-x"> is one entity
            return
    elif kind == "pre" and tag.attrs.get("language"):
        entity["language"] = tag.attrs["language"]
    entities.append(entity)


# Bale's own light Markdown, read in every plain message (Bale has no parse_mode).
_BALE_MARKDOWN = re.compile(r"\*([^*\n]+)\*|_([^_\n]+)_|\[([^\]\n]+)\]\((\S+?)\)")


def parse_bale_markdown(text: str) -> tuple[str, list[Json]]:
    """Return (shown text, entities) of a plain Bale message: `*bold*`, `_italic_`, `[t](url)`."""
    out: list[str] = []
    entities: list[Json] = []
    offset = 0  # UTF-16 units written so far
    last = 0
    for match in _BALE_MARKDOWN.finditer(text):
        before = text[last : match.start()]
        out.append(before)
        offset += utf16_len(before)
        bold, italic, label, url = match.groups()
        shown = bold or italic or label
        entity: Json = {
            "type": "bold" if bold else "italic" if italic else "text_link",
            "offset": offset,
            "length": utf16_len(shown),
        }
        if url is not None:
            entity["url"] = url
        entities.append(entity)
        out.append(shown)
        offset += utf16_len(shown)
        last = match.end()
    out.append(text[last:])
    return "".join(out), entities


def _strip_text(text: str, entities: list[Json]) -> tuple[str, list[Json]]:
    """Strip surrounding whitespace as Telegram does, moving and clipping entities to match."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    shift = utf16_len(text[: len(text) - len(text.lstrip())])
    limit = utf16_len(stripped)
    kept = []
    for entity in entities:
        start = max(0, entity["offset"] - shift)
        end = min(limit, entity["offset"] + entity["length"] - shift)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


# ---------------------------------------------------------------------------------------------
# Parameter helpers


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return None


def _coerce_form_value(name: str, value: str) -> Any:
    """Turn a form/query string into the JSON value PTB encoded (strings stay strings)."""
    if name in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # methods reject a string where they need an object


def _image_size(data: bytes) -> tuple[int, int] | None:
    """Return (width, height) of a PNG/JPEG/GIF/WebP, (0, 0) if unknown, None if not an image."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data.startswith((b"\xff\xd8", b"GIF87a", b"GIF89a")):
        return (0, 0)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return (0, 0)
    return None


def _describe(call: RecordedCall) -> str:
    """Return "method→status", with the error description when the call failed."""
    text = f"{call.method}→{call.status}"
    if call.response is not None and not call.response.get("ok"):
        text += f" ({call.response.get('description')})"
    return text


def _to_bale_shape(update: Json) -> None:
    """Drop, in place, the fields Bale's updates do not carry."""
    for payload in update.values():
        if not isinstance(payload, dict):
            continue
        payload.pop("chat_instance", None)  # callback queries
        for message in (payload, payload.get("message")):
            if isinstance(message, dict) and isinstance(message.get("sticker"), dict):
                message["sticker"].pop("is_animated", None)
                message["sticker"].pop("is_video", None)


def _check_bale_webhook(params: Json, url: str) -> None:
    """Refuse what Bale's setWebhook does not take: any parameter but `url`, other ports."""
    if "secret_token" in params:
        _bad_request("setWebhook takes only url on Bale: secret_token is not supported")
    extra = sorted(set(params) - {"url"})
    if extra:
        _bad_request(f"setWebhook takes only url on Bale: {', '.join(extra)} not supported")
    if url:
        try:
            parsed = urllib.parse.urlsplit(url)
            port = parsed.port or (443 if parsed.scheme == "https" else 80)
        except ValueError:
            _bad_request("bad webhook: invalid URL")
        if port not in BALE_WEBHOOK_PORTS:
            _bad_request(f"bad webhook: Webhook can be set up only on ports 443 or 88, not {port}")


@functools.cache
def _shared_ssl_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def local_request(**kwargs: Any) -> HTTPXRequest:
    """Return a PTB HTTPXRequest that reuses one SSL context (building one costs ~0.15 s)."""
    httpx_kwargs = {"verify": _shared_ssl_context(), **kwargs.pop("httpx_kwargs", {})}
    return HTTPXRequest(httpx_kwargs=httpx_kwargs, **kwargs)


class FakeBotApi:
    """A local Bot API server for one bot token, on 127.0.0.1 and an ephemeral port."""

    def __init__(
        self, token: str = "123456:TEST", *, platform: str = "telegram", strict_html: bool = True
    ) -> None:
        if platform not in ("telegram", "bale"):
            raise ValueError(f"unknown platform {platform!r}")
        self.token = token
        self.platform = platform
        self.strict_html = strict_html
        bot_id = token.split(":", 1)[0]
        self.bot_id = int(bot_id) if bot_id.isdigit() else 123456
        self.requests: list[RecordedCall] = []
        self.webhook: Json = {
            "url": "",
            "secret_token": None,
            "allowed_updates": None,
            "max_connections": 40,
        }
        self.commands: dict[tuple[str, str], list[Json]] = {}
        self.menu_buttons: dict[int | None, Json] = {}
        self.answered_callbacks: dict[str, Json] = {}
        # Public webhook URL prefix → where it really lands (a reverse proxy in front of the bot).
        self.webhook_forwards: dict[str, str] = {}
        self._sent: list[Json] = []
        self._updates: list[Json] = []
        self._next_update_id = 1
        self._allowed_updates: list[str] = []
        self._poll_generation = 0
        self._faults: list[_Fault] = []
        self._blocked: set[int] = set()
        self._chats: dict[int, Json] = {}
        self._messages: dict[tuple[int, int], Json] = {}
        self._last_message_id: dict[int, int] = {}
        self._callback_ids: set[str] = set()
        self._files: dict[str, _StoredFile] = {}
        self._files_by_path: dict[str, _StoredFile] = {}
        self._file_counter = 0
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._methods: dict[str, tuple[str, MethodHandler]] = {}
        for name, handler in self._method_table().items():
            self._methods[name.lower()] = (name, handler)

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Start serving on 127.0.0.1 and an ephemeral port."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Wake pending long polls and delays, then close the server and its connections."""
        self._closing = True
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        """Return the port the server listens on."""
        if self._port is None:
            raise RuntimeError("FakeBotApi is not started")
        return self._port

    @property
    def base_url(self) -> str:
        """Return the Bot API base URL (PTB's `base_url`; the token is appended)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_url(self) -> str:
        """Return the file download base URL (PTB's `base_file_url`)."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    def application_builder(self) -> ApplicationBuilder:  # type: ignore[type-arg]
        """Return a PTB ApplicationBuilder aimed at this server (token and URLs set)."""
        return (
            Application.builder()
            .token(self.token)
            .base_url(self.base_url)
            .base_file_url(self.file_url)
            .request(local_request())
            .get_updates_request(local_request())
        )

    def settings_env(self) -> dict[str, str]:
        """Return the SHAFAF_* settings that point a bot at this server."""
        return {
            "SHAFAF_BOT_TOKEN": self.token,
            "SHAFAF_PLATFORM": self.platform,
            "SHAFAF_BOT_API_URL": self.base_url,
            "SHAFAF_BOT_FILE_URL": self.file_url,
        }

    # -- feeding updates ------------------------------------------------------------------------

    def push_update(self, update: Json) -> int:
        """Queue an update for getUpdates, assigning update_id if missing; return the id."""
        update = self._ingest(update)
        self._updates.append(update)
        self._notify()
        return int(update["update_id"])

    async def post_webhook(
        self, update: Json, *, url: str | None = None, secret: str | None = None
    ) -> int:
        """POST an update to the bot's webhook (as set by setWebhook) and return the HTTP status."""
        update = self._ingest(update)
        target = url or self.webhook["url"]
        if not target:
            raise RuntimeError("no webhook is set; call setWebhook first or pass url=")
        for public, local in self.webhook_forwards.items():
            if target.startswith(public):
                target = local + target[len(public) :]
                break
        token = secret if secret is not None else self.webhook["secret_token"]
        headers = {}
        if token and self.platform != "bale":
            headers[SECRET_HEADER] = token
        timeout = aiohttp.ClientTimeout(total=10)
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.post(target, json=update, headers=headers) as response,
        ):
            await response.read()
            return response.status

    def forward_webhooks(self, public_prefix: str, local_prefix: str) -> None:
        """Deliver webhook calls for `public_prefix…` to `local_prefix…` (a reverse proxy)."""
        self.webhook_forwards[public_prefix] = local_prefix

    def _ingest(self, update: Json) -> Json:
        """Assign ids and remember the chats, messages and callback ids an update mentions.

        Like Telegram, the server owns message state: a callback query carries the bot's
        message as it is now, and a new message never reuses the id of one already stored.
        Bale's updates lose the fields Bale does not have (see the module docstring).
        """
        update = _copy(update)
        if self.platform == "bale":
            _to_bale_shape(update)
        if "update_id" not in update:
            update["update_id"] = self._next_update_id
        self._next_update_id = max(self._next_update_id, int(update["update_id"]) + 1)
        for key, payload in update.items():
            if not isinstance(payload, dict):
                continue
            if key == "callback_query":
                if "id" in payload:  # a forged query may lack even its id
                    self._callback_ids.add(str(payload["id"]))
                message = payload.get("message")
                if isinstance(message, dict) and isinstance(message.get("chat"), dict):
                    stored = self._messages.get(self._message_key(message))
                    if stored is not None:
                        payload["message"] = _copy(stored)
                    else:
                        self._remember_message(message)
            elif isinstance(payload.get("chat"), dict) and "message_id" in payload:
                is_new = not key.startswith("edited_")
                if is_new and self._message_key(payload) in self._messages:
                    chat_id = int(payload["chat"]["id"])
                    payload["message_id"] = self._last_message_id[chat_id] + 1
                self._remember_message(payload)
        return update

    @staticmethod
    def _message_key(message: Json) -> tuple[int, int]:
        return int(message["chat"]["id"]), int(message["message_id"])

    def _remember_message(self, message: Json) -> None:
        chat = message["chat"]
        chat_id = int(chat["id"])
        self._chats.setdefault(chat_id, dict(chat))
        message_id = int(message["message_id"])
        self._messages[(chat_id, message_id)] = _copy(message)
        self._last_message_id[chat_id] = max(self._last_message_id.get(chat_id, 0), message_id)

    def add_file(
        self,
        file_id: str,
        data: bytes,
        *,
        file_path: str | None = None,
        mime_type: str = "application/octet-stream",
    ) -> None:
        """Make `file_id` known to getFile and its bytes downloadable from the file URL."""
        self._file_counter += 1
        stored = _StoredFile(
            file_id=file_id,
            file_unique_id=f"u-{file_id}",
            file_path=file_path or f"files/file_{self._file_counter}",
            data=data,
            mime_type=mime_type,
        )
        self._files[file_id] = stored
        self._files_by_path[stored.file_path] = stored

    def add_chat(self, chat: Json) -> None:
        """Make a chat known to getChat (chats in pushed updates are known already)."""
        self._chats[int(chat["id"])] = dict(chat)

    # -- observing ------------------------------------------------------------------------------

    def sent(self, chat_id: int | None = None) -> list[Json]:
        """Return what the bot sent or edited, oldest first, optionally for one chat.

        Each entry is the Message the fake answered with, plus `method` (e.g. "sendMessage"),
        `parse_mode` (as requested) and `reply_markup` (as requested, reply keyboards included).
        """
        if chat_id is None:
            return list(self._sent)
        return [m for m in self._sent if m["chat"]["id"] == chat_id]

    @property
    def pending_updates(self) -> list[Json]:
        """Return the updates queued for getUpdates and not yet confirmed by an offset."""
        return _copy(self._updates)

    @property
    def unanswered_callbacks(self) -> list[str]:
        """Return the ids of delivered callback queries the bot has not answered (yet)."""
        return sorted(self._callback_ids - self.answered_callbacks.keys())

    def calls(self, method: str) -> list[RecordedCall]:
        """Return the recorded calls of one method (case-insensitive)."""
        return [c for c in self.requests if c.method.lower() == method.lower()]

    # `timeout` is the documented test-facing API (like pytest's), hence the noqa.
    async def wait_for(
        self,
        predicate: Callable[[RecordedCall], bool],
        timeout: float = 5.0,  # noqa: ASYNC109
        *,
        answered: bool = True,
    ) -> RecordedCall:
        """Wait for a call matching `predicate` (earlier ones count) and return it.

        By default only answered calls match; `answered=False` also matches calls in flight.
        """

        def find() -> RecordedCall | None:
            return next(
                (
                    c
                    for c in self.requests
                    if (c.status is not None or not answered) and predicate(c)
                ),
                None,
            )

        return await self._wait(find, timeout, "a matching Bot API call")

    async def wait_sent(
        self,
        chat_id: int | None = None,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> list[Json]:
        """Wait until at least `count` messages were sent to `chat_id`; return them all."""

        def find() -> list[Json] | None:
            found = self.sent(chat_id)
            return found if len(found) >= count else None

        return await self._wait(find, timeout, f"{count} message(s) sent to chat {chat_id}")

    async def _wait(self, find: Callable[[], _T | None], seconds: float, what: str) -> _T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while True:
            changed = self._changed
            if (found := find()) is not None:
                return found
            remaining = deadline - loop.time()
            if remaining <= 0:
                recent = ", ".join(_describe(c) for c in self.requests[-10:])
                raise TimeoutError(
                    f"timed out after {seconds}s waiting for {what}; last calls: {recent or 'none'}"
                )
            await self._wait_changed(changed, remaining)

    @staticmethod
    async def _wait_changed(event: asyncio.Event, seconds: float) -> None:
        try:
            async with asyncio.timeout(seconds):
                await event.wait()
        except TimeoutError:
            pass

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    # -- fault injection ------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        *,
        status: int,
        description: str,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` ("*" = any) with this error."""
        self._faults.append(
            _Fault(method.lower(), "error", times, chat_id, status, description, retry_after)
        )

    def block_chat(self, chat_id: int) -> None:
        """Make every send to `chat_id` fail with 403, as when the user blocked the bot."""
        self._blocked.add(chat_id)

    def unblock_chat(self, chat_id: int) -> None:
        """Undo block_chat."""
        self._blocked.discard(chat_id)

    def drop_connection_next(self, method: str, times: int = 1) -> None:
        """Close the TCP connection of the next `times` calls of `method` without answering."""
        self._faults.append(_Fault(method.lower(), "drop", times))

    def delay_next(
        self, method: str, seconds: float, times: int = 1, *, chat_id: int | None = None
    ) -> None:
        """Hold the answer to the next `times` calls of `method` (to `chat_id`) for `seconds`."""
        self._faults.append(_Fault(method.lower(), "delay", times, chat_id, seconds=seconds))

    async def wait_faults_taken(self, timeout: float = 30.0) -> None:  # noqa: ASYNC109
        """Wait until every injected fault was taken by a call."""

        def find() -> bool | None:
            return True if not self._faults else None

        await self._wait(find, timeout, "every injected fault taken")

    def _take_fault(self, method: str, params: Json, *, delay: bool) -> _Fault | None:
        for fault in self._faults:
            if (fault.kind == "delay") == delay and fault.matches(method, params):
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    # -- HTTP handlers --------------------------------------------------------------------------

    async def _handle_method(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        canonical, handler = self._methods.get(method.lower(), (method, None))
        call = RecordedCall(canonical, {}, {}, asyncio.get_running_loop().time(), request.method)
        self.requests.append(call)
        try:
            call.params, call.files = await self._read_params(request)
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            if (delay := self._take_fault(canonical, call.params, delay=True)) is not None:
                await self._sleep(delay.seconds)
            fault = self._take_fault(canonical, call.params, delay=False)
            if fault is not None and fault.kind == "drop":
                call.status = 0
                self._notify()
                if request.transport is not None:
                    request.transport.close()
                return web.Response(status=500)  # never reaches the client
            if fault is not None:
                raise ApiError(fault.status, fault.description, fault.retry_after)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            body: Json = {"ok": True, "result": await handler(call.params, call.files)}
            status = 200
        except ApiError as error:
            body, status = error.payload(), error.status
        except Exception as error:  # a bug in the fake: answer 500 and keep it visible
            body = ApiError(500, f"Internal Server Error: fake bug: {error!r}").payload()
            status = 500
        call.status, call.response = status, body
        self._notify()
        return web.json_response(body, status=status)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").payload(), status=401)
        stored = self._files_by_path.get(request.match_info["path"])
        if stored is None:
            return web.json_response(ApiError(404, "Not Found").payload(), status=404)
        return web.Response(body=stored.data, content_type=stored.mime_type)

    async def _read_params(self, request: web.Request) -> tuple[Json, dict[str, UploadedFile]]:
        params: Json = {k: _coerce_form_value(k, v) for k, v in request.query.items()}
        files: dict[str, UploadedFile] = {}
        if not request.can_read_body:
            return params, files
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                _bad_request("can't parse JSON request body")
            if not isinstance(body, dict):
                _bad_request("JSON request body must be an object")
            for key, value in body.items():
                if key in _JSON_PARAMS and isinstance(value, str):
                    value = _coerce_form_value(key, value)
                params[key] = value
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = UploadedFile(
                        key, value.filename, value.content_type, value.file.read()
                    )
                else:
                    params[key] = _coerce_form_value(key, str(value))
        return params, files

    async def _sleep(self, seconds: float) -> None:
        """Sleep, but return early when the server is stopping."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not self._closing and (remaining := deadline - loop.time()) > 0:
            await self._wait_changed(self._changed, remaining)

    # -- methods --------------------------------------------------------------------------------

    def _method_table(self) -> dict[str, MethodHandler]:
        return {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "setChatMenuButton": self._set_chat_menu_button,
            "getChatMenuButton": self._get_chat_menu_button,
            "sendMessage": self._send_message,
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "sendLocation": self._send_location,
            "sendChatAction": self._send_chat_action,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "getFile": self._get_file,
            "getChat": self._get_chat,
            "close": self._ok,
            "logOut": self._ok,
        }

    async def _ok(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        return True

    async def _get_me(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Shafaf",
            "username": "shafaf_test_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, params: Json, files: dict[str, UploadedFile]) -> list[Json]:
        if self.webhook["url"]:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = _as_int(params.get("offset")) or 0
        limit = min(max(_as_int(params.get("limit")) or 100, 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        if isinstance(params.get("allowed_updates"), list):
            self._allowed_updates = [str(kind) for kind in params["allowed_updates"]]
        # A newer getUpdates ends the one still waiting, as Telegram does.
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            changed = self._changed
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure "
                    "that only one bot instance is running",
                )
            self._updates = [u for u in self._updates if self._is_allowed(u)]
            remaining = deadline - loop.time()
            if self._updates or self._closing or remaining <= 0:
                return _copy(self._updates[:limit])
            await self._wait_changed(changed, remaining)

    def _is_allowed(self, update: Json) -> bool:
        kind = next((key for key in update if key != "update_id"), "")
        if self._allowed_updates:
            return kind in self._allowed_updates
        return kind not in DEFAULT_UPDATE_TYPES_EXCLUDED

    async def _set_webhook(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        url = str(params.get("url") or "")
        secret = params.get("secret_token")
        if self.platform == "bale":
            _check_bale_webhook(params, url)
        elif secret is not None and not _SECRET_TOKEN.fullmatch(str(secret)):
            _bad_request("secret token contains unallowed characters")
        if url and not url.startswith(("http://", "https://")):
            _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if params.get("drop_pending_updates") is True:
            self._updates.clear()
        self.webhook = {
            "url": url,
            "secret_token": str(secret) if secret is not None and url else None,
            "allowed_updates": params.get("allowed_updates"),
            "max_connections": _as_int(params.get("max_connections")) or 40,
        }
        self._notify()
        return True

    async def _delete_webhook(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        if params.get("drop_pending_updates") is True:
            self._updates.clear()
        self.webhook = {
            "url": "",
            "secret_token": None,
            "allowed_updates": None,
            "max_connections": 40,
        }
        return True

    async def _get_webhook_info(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        info: Json = {
            "url": self.webhook["url"],
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self.webhook["url"]:
            info["max_connections"] = self.webhook["max_connections"]
            if self.webhook["allowed_updates"]:
                info["allowed_updates"] = self.webhook["allowed_updates"]
        return info

    @staticmethod
    def _commands_key(params: Json) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    async def _set_my_commands(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            _bad_request("can't parse commands JSON object")
        for command in commands:
            if not isinstance(command, dict) or not _BOT_COMMAND.fullmatch(
                str(command.get("command", ""))
            ):
                _bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._commands_key(params)] = commands
        return True

    async def _get_my_commands(self, params: Json, files: dict[str, UploadedFile]) -> list[Json]:
        return self.commands.get(self._commands_key(params), [])

    async def _delete_my_commands(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        self.commands.pop(self._commands_key(params), None)
        return True

    async def _set_chat_menu_button(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        button = params.get("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or button.get("type") not in (
            "default",
            "commands",
            "web_app",
        ):
            _bad_request("can't parse menu button")
        self.menu_buttons[_as_int(params.get("chat_id"))] = button
        return True

    async def _get_chat_menu_button(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        chat_id = _as_int(params.get("chat_id"))
        return self.menu_buttons.get(chat_id) or self.menu_buttons.get(None) or {"type": "default"}

    # -- sending --------------------------------------------------------------------------------

    def _chat(self, params: Json) -> Json:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            _bad_request("chat_id is empty")
        chat_id = _as_int(raw)
        if chat_id is None:
            known = next((c for c in self._chats.values() if f"@{c.get('username')}" == raw), None)
            if known is None:
                _bad_request("chat not found")
            return known
        if chat_id not in self._chats:
            # Unknown chats are accepted, so tests may send without pushing an update first.
            if chat_id > 0:
                return {"id": chat_id, "type": "private", "first_name": "کاربر"}
            kind = "supergroup" if str(chat_id).startswith("-100") else "group"
            return {"id": chat_id, "type": kind, "title": "گروه"}
        return self._chats[chat_id]

    def _check_blocked(self, chat_id: int) -> None:
        if chat_id in self._blocked:
            reason = (
                "bot was blocked by the user"
                if chat_id > 0
                else "bot was kicked from the group chat"
            )
            raise ApiError(403, f"Forbidden: {reason}")

    def _formatted(
        self, params: Json, key: str, limit: int, *, required: bool
    ) -> tuple[str, list[Json]]:
        """Parse text or caption per parse_mode and check its length like Telegram."""
        raw = params.get(key)
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            raw = str(raw)
        parse_mode = params.get("parse_mode")
        entities: list[Json] = []
        if "parse_mode" in params and self.platform == "bale":
            # Bale has no parse_mode; it renders its own light Markdown in every plain text.
            _bad_request(f"unsupported parse_mode {parse_mode}: Bale has no parse_mode")
        if parse_mode:
            mode = str(parse_mode).lower()
            if mode == "html":
                text, entities = parse_html(raw, strict=self.strict_html)
            elif mode in ("markdown", "markdownv2"):
                text = raw  # not validated; see the module's limitations
            else:
                _bad_request(f"unsupported parse_mode {parse_mode}")
        elif self.platform == "bale":
            text, entities = parse_bale_markdown(raw)
        else:
            text = raw
            given = params.get(f"{'caption_' if key == 'caption' else ''}entities")
            entities = list(given) if isinstance(given, list) else []
        text, entities = _strip_text(text, entities)
        if required and not text:
            _bad_request("message text is empty")
        if len(text) > limit:
            _bad_request("message is too long" if key == "text" else "message caption is too long")
        return text, entities

    def _reply_markup(self, params: Json) -> Json | None:
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            _bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
                _bad_request(
                    "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
                )
            for button in (b for row in rows for b in row):
                self._check_inline_button(button)
        elif "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
                _bad_request("can't parse reply keyboard markup JSON object")
            for button in (b for row in rows for b in row):
                text = (
                    button
                    if isinstance(button, str)
                    else (button.get("text") if isinstance(button, dict) else None)
                )
                if not isinstance(text, str) or not text:
                    _bad_request(
                        'can\'t parse keyboard button: Field "text" must be of type String'
                    )
        elif not ({"remove_keyboard", "force_reply"} & markup.keys()):
            _bad_request("can't parse reply keyboard markup JSON object")
        return markup

    @staticmethod
    def _check_inline_button(button: Any) -> None:
        if not isinstance(button, dict) or not isinstance(button.get("text"), str):
            _bad_request('can\'t parse inline keyboard button: Field "text" must be of type String')
        if "callback_data" in button:
            size = len(str(button["callback_data"]).encode("utf-8"))
            if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
                _bad_request("BUTTON_DATA_INVALID")
        elif "url" in button:
            url = str(button["url"])
            if not re.match(r"(https?|tg)://\S+$", url):
                _bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")
        elif not (
            button.keys()
            & {
                "web_app",
                "login_url",
                "switch_inline_query",
                "pay",
                "switch_inline_query_current_chat",
                "callback_game",
                "switch_inline_query_chosen_chat",
                "copy_text",
            }
        ):
            _bad_request(
                "can't parse inline keyboard button: Text buttons are unallowed in the "
                "inline keyboard"
            )

    def _new_message(self, method: str, params: Json, content: Json) -> Json:
        """Store and record a message the bot sent, and return it as Telegram would."""
        chat = self._chat(params)
        self._check_blocked(int(chat["id"]))
        markup = self._reply_markup(params)
        chat_id = int(chat["id"])
        message_id = self._last_message_id.get(chat_id, 0) + 1
        message: Json = {
            "message_id": message_id,
            "from": {
                "id": self.bot_id,
                "is_bot": True,
                "first_name": "Shafaf",
                "username": "shafaf_test_bot",
            },
            "chat": chat,
            "date": int(time.time()),
            **content,
        }
        if markup is not None and "inline_keyboard" in markup:
            message["reply_markup"] = markup  # only inline keyboards belong to a Message
        if (replied := self._replied_message(params, chat_id)) is not None:
            message["reply_to_message"] = replied
        self._remember_message(message)
        self._record_sent(method, params, message, markup)
        return message

    def _replied_message(self, params: Json, chat_id: int) -> Json | None:
        reply = params.get("reply_parameters")
        if not isinstance(reply, dict):
            return None
        target = self._messages.get(
            (_as_int(reply.get("chat_id")) or chat_id, _as_int(reply.get("message_id")) or 0)
        )
        if target is None:
            if reply.get("allow_sending_without_reply") is True:
                return None
            _bad_request("message to be replied not found")
        return {k: v for k, v in _copy(target).items() if k != "reply_to_message"}

    def _record_sent(self, method: str, params: Json, message: Json, markup: Json | None) -> None:
        record = _copy(message)
        record["method"] = method
        record["parse_mode"] = params.get("parse_mode")
        if markup is not None:
            record["reply_markup"] = _copy(markup)
        self._sent.append(record)

    async def _send_message(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        self._check_blocked(int(self._chat(params)["id"]))
        text, entities = self._formatted(params, "text", MAX_TEXT_LENGTH, required=True)
        content: Json = {"text": text}
        if entities:
            content["entities"] = entities
        return self._new_message("sendMessage", params, content)

    def _caption(self, params: Json) -> Json:
        caption, entities = self._formatted(params, "caption", MAX_CAPTION_LENGTH, required=False)
        content: Json = {}
        if caption:
            content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
        return content

    def _input_file(
        self, params: Json, files: dict[str, UploadedFile], field_name: str
    ) -> tuple[_StoredFile, UploadedFile | None]:
        """Resolve an uploaded file, attach:// reference, known file_id or URL."""
        upload = files.get(field_name)
        value = params.get(field_name)
        if upload is None and isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value.removeprefix("attach://"))
        if upload is not None:
            if not upload.data:
                _bad_request("file must be non-empty")
            self._file_counter += 1
            file_id = f"{field_name}-{self._file_counter}"
            self.add_file(
                file_id,
                upload.data,
                mime_type=upload.content_type,
                file_path=f"{field_name}s/file_{self._file_counter}",
            )
            return self._files[file_id], upload
        if not value:
            _bad_request(f"there is no {field_name} in the request")
        text = str(value)
        if text in self._files:
            return self._files[text], None
        if text.startswith(("http://", "https://")):
            self.add_file(text, b"", mime_type="application/octet-stream")
            return self._files[text], None
        _bad_request("wrong file identifier/HTTP URL specified")

    async def _send_photo(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        self._check_blocked(int(self._chat(params)["id"]))
        stored, upload = self._input_file(params, files, "photo")
        width, height = 1280, 960
        if upload is not None:
            size = _image_size(upload.data)
            if size is None:
                _bad_request("IMAGE_PROCESS_FAILED")
            if size != (0, 0):
                width, height = size
        content: Json = {
            "photo": [
                {
                    "file_id": f"{stored.file_id}-thumb",
                    "file_unique_id": f"{stored.file_unique_id}-t",
                    "width": max(1, width // 16),
                    "height": max(1, height // 16),
                    "file_size": 1,
                },
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "width": width,
                    "height": height,
                    "file_size": len(stored.data),
                },
            ]
        }
        content.update(self._caption(params))
        return self._new_message("sendPhoto", params, content)

    async def _send_document(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        self._check_blocked(int(self._chat(params)["id"]))
        stored, upload = self._input_file(params, files, "document")
        document: Json = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "mime_type": stored.mime_type,
        }
        if upload is not None and upload.filename:
            document["file_name"] = upload.filename
        content: Json = {"document": document}
        content.update(self._caption(params))
        return self._new_message("sendDocument", params, content)

    async def _send_location(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        try:
            latitude = float(params["latitude"])
            longitude = float(params["longitude"])
        except (KeyError, TypeError, ValueError):
            _bad_request("wrong latitude or longitude")
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            _bad_request("wrong latitude or longitude")
        location = {"latitude": latitude, "longitude": longitude}
        return self._new_message("sendLocation", params, {"location": location})

    async def _send_chat_action(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        chat = self._chat(params)
        self._check_blocked(int(chat["id"]))
        if params.get("action") not in _CHAT_ACTIONS:
            _bad_request("wrong parameter action in request")
        return True

    # -- editing --------------------------------------------------------------------------------

    def _editable(self, params: Json) -> Json:
        if params.get("inline_message_id"):
            _bad_request("MESSAGE_ID_INVALID")
        chat = self._chat(params)
        chat_id = int(chat["id"])
        self._check_blocked(chat_id)
        message = self._messages.get((chat_id, _as_int(params.get("message_id")) or 0))
        if message is None:
            _bad_request("message to edit not found")
        if message.get("from", {}).get("id") != self.bot_id:
            _bad_request("message can't be edited")
        if self.platform == "bale" and "inline_keyboard" in (message.get("reply_markup") or {}):
            _bad_request("message can't be edited: Bale does not reliably edit keyboard messages")
        return message

    def _edited_markup(self, params: Json) -> Json | None:
        markup = self._reply_markup(params)
        if markup is not None and "inline_keyboard" not in markup:
            _bad_request("inline keyboard expected")
        return markup

    def _apply_edit(
        self, method: str, params: Json, message: Json, changes: Json, markup: Json | None
    ) -> Json:
        updated = {**message, **{k: v for k, v in changes.items() if v is not None}}
        for key, value in changes.items():
            if value is None:
                updated.pop(key, None)
        if markup:
            updated["reply_markup"] = markup
        else:
            updated.pop("reply_markup", None)
        keys = ("text", "entities", "caption", "caption_entities", "reply_markup")
        if all(updated.get(k) == message.get(k) for k in keys):
            _bad_request(_NOT_MODIFIED)
        updated["edit_date"] = int(time.time())
        self._remember_message(updated)
        self._record_sent(method, params, updated, markup)
        return updated

    async def _edit_message_text(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        message = self._editable(params)
        if "text" not in message:
            _bad_request("there is no text in the message to edit")
        text, entities = self._formatted(params, "text", MAX_TEXT_LENGTH, required=True)
        markup = self._edited_markup(params)
        changes = {"text": text, "entities": entities or None}
        return self._apply_edit("editMessageText", params, message, changes, markup)

    async def _edit_message_reply_markup(
        self, params: Json, files: dict[str, UploadedFile]
    ) -> Json:
        message = self._editable(params)
        markup = self._edited_markup(params)
        return self._apply_edit("editMessageReplyMarkup", params, message, {}, markup)

    async def _delete_message(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        chat_id = int(self._chat(params)["id"])
        key = (chat_id, _as_int(params.get("message_id")) or 0)
        if self._messages.pop(key, None) is None:
            _bad_request("message to delete not found")
        return True

    async def _answer_callback_query(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._callback_ids or query_id in self.answered_callbacks:
            _bad_request("query is too old and response timeout expired or query ID is invalid")
        if len(str(params.get("text") or "")) > 200:
            _bad_request("MESSAGE_TOO_LONG")
        self.answered_callbacks[query_id] = dict(params)
        return True

    # -- files and chats ------------------------------------------------------------------------

    async def _get_file(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        stored = self._files.get(str(params.get("file_id") or ""))
        if stored is None:
            _bad_request("invalid file_id")
        if len(stored.data) > MAX_DOWNLOAD_BYTES:
            _bad_request("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    async def _get_chat(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        chat = self._chat(params)
        gifts = {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        }
        return {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": gifts,
        }
