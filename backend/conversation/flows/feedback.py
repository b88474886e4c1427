"""The feedback conversation: kind → project → text → attachments → contact → summary → code.

A transport-neutral state machine over `ConversationStore` (see `flows/base.py`). Each
input loads the chat's state, advances it, saves it *before* replying (so a restart between two
messages continues where it was) and returns a `Reply`.

Steps and the choices their buttons carry (the Action payload is ``feedback:<choice>``):

==========  ===========================================================================
kind        ``k:complaint|criticism|suggestion|thanks``; typed words are understood too
project     ``p:<code>`` (or ``p:#<hash>`` for a code too long for a button), ``p:-``
            (general, or typed «کلی»), ``again`` (search again), ``keep`` (keep the
            current project); other typed text searches project names
text        typed text (or a photo caption); a photo or location is kept as an attachment;
            ``keep`` keeps the current text
attach      a photo and/or a location; ``next``
contact     only a shared contact (the citizen's own, checked by the transport);
            ``none``, ``keep``
summary     ``submit``, ``edit:text``, ``edit:project``, ``edit:kind``
any step    ``back``, ``cancel`` (also typed: «بازگشت», «انصراف»)
==========  ===========================================================================

Markers for the transport, in `Reply.intent`:

* ``feedback:<step>`` while the flow waits on that step; at ``feedback:contact`` the transport
  also shows its own "share my contact" keyboard button (and removes it on any other reply).
* ``feedback:submitted``: the tracking code is the payload of the reply's one Action of kind
  ``feedback_status`` (a real "check status" button, so nothing hidden rides along); the
  transport alerts staff with it (`FeedbackService.get(code)` has the rest).
* ``feedback:cancelled``, ``feedback:blocked``, ``feedback:expired``: the flow is closed.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import jdatetime
from rapidfuzz import fuzz

from backend.conversation import texts as T
from backend.conversation.flows.base import ChatRef, FlowInput
from backend.errors import InvalidInput, NotFound
from backend.formatting import fa_digits_in_prose, fa_int
from backend.labels import FEEDBACK_KIND_LABELS
from backend.models import FEEDBACK_KINDS
from backend.reply import Action, Block, Reply
from backend.services import Services
from backend.services.conversations import FlowState
from backend.services.feedback import MAX_FEEDBACK_LENGTH, FeedbackDraft, SubmissionBlocked
from nlp.normalize import ZWNJ, normalize

STEPS: tuple[str, ...] = ("kind", "project", "text", "attach", "contact", "summary")
_NEXT: dict[str, str] = {
    "kind": "project",
    "project": "text",
    "text": "attach",
    "attach": "contact",
    "contact": "summary",
}
_BACK: dict[str, str] = {step: previous for previous, step in _NEXT.items()}

MAX_MATCHES = 5
# Telegram allows 64 bytes of callback data; base.py asks flows to stay near 40 so the bot can
# add its own prefix. Codes that would not fit travel as a short hash of the code instead.
MAX_PAYLOAD_BYTES = 40
_FUZZY_CUTOFF = 75.0  # below this a name is a different name, not a typo of it
_FUZZY_SPREAD = 12.0  # show matches this close to the best one
_LABEL_CHARS = 48  # long project names make unreadable buttons
_PREVIEW_CHARS = 300  # how much of the current text to echo back when asking for it again
_MIN_PHONE_DIGITS = 6
_MAX_PHONE_DIGITS = 15  # E.164
_MAX_FILE_ID_CHARS = 256  # the photo_file_id column

_Handler = Callable[["FeedbackFlow", ChatRef, FlowInput, "_Draft"], Awaitable[Reply]]


# --- the persisted draft -----------------------------------------------------------------------
def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _opt_float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


@dataclass(slots=True)
class _Draft:
    """What the citizen entered so far; stored as JSON in the conversation state."""

    kind: str | None = None
    project_set: bool = False  # a project, or "general", was chosen
    project_code: str | None = None
    project_name: str | None = None
    text: str = ""
    photo: str | None = None
    lat: float | None = None
    lon: float | None = None
    phone: str | None = None
    contact_name: str | None = None
    editing: bool = False  # opened from the summary: return there after this step
    matches: list[str] = field(default_factory=list)  # codes offered by the last search

    def to_json(self) -> dict[str, Any]:
        """Return the draft as JSON-serializable data."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> _Draft:
        """Read a stored draft, dropping anything malformed rather than failing."""
        kind = data.get("kind")
        lat, lon = _opt_float(data.get("lat")), _opt_float(data.get("lon"))
        if lat is None or lon is None or not _valid_location(lat, lon):
            lat = lon = None
        matches, text = data.get("matches"), data.get("text")
        return cls(
            kind=kind if kind in FEEDBACK_KINDS else None,
            project_set=data.get("project_set") is True,
            project_code=_opt_str(data.get("project_code")),
            project_name=_opt_str(data.get("project_name")),
            text=text if isinstance(text, str) else "",
            photo=_opt_str(data.get("photo")),
            lat=lat,
            lon=lon,
            phone=_opt_str(data.get("phone")),
            contact_name=_opt_str(data.get("contact_name")),
            editing=data.get("editing") is True,
            matches=[m for m in matches if isinstance(m, str)] if isinstance(matches, list) else [],
        )


# --- small pure helpers ------------------------------------------------------------------------
def _key(text: str) -> str:
    """Canonical form for comparing typed words and names (ZWNJ and spaces are the same)."""
    return normalize(text).replace(ZWNJ, " ")


def _valid_location(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def _code_hash(code: str) -> str:
    return hashlib.sha1(code.encode()).hexdigest()[:8]


def _choice(flow: str, choice: str) -> str:
    return f"{flow}:{choice}"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _display_name(name: str) -> str:
    """Show a database name with Persian digits (codes and Latin words stay as written)."""
    return fa_digits_in_prose(name)


def _kind_from_text(text: str) -> str | None:
    """Return the one kind the typed words name, or None when none or several do."""
    words = _key(text).split()
    found = {
        kind
        for kind, stems in T.FB_KIND_KEYWORDS.items()
        if any(word.startswith(stem) for word in words for stem in stems)
    }
    return found.pop() if len(found) == 1 else None


def _is_word(text: str, words: Sequence[str]) -> bool:
    return _key(text) in words


def _token_score(query_tokens: list[str], name_tokens: list[str]) -> float:
    """Mean over the query words of their best match in the name (typos allowed, numbers not)."""
    if not query_tokens or not name_tokens:
        return 0.0
    total = 0.0
    for q in query_tokens:
        best = 0.0
        for w in name_tokens:
            if q.isdigit() or w.isdigit():
                score = 100.0 if q == w else 0.0
            elif q in w:
                score = 100.0
            else:
                score = fuzz.ratio(q, w)
            best = max(best, score)
        total += best
    return total / len(query_tokens)


def rank_projects(query: str, projects: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return up to `MAX_MATCHES` (code, name) pairs whose code or name matches the typed text."""
    key = _key(query)
    squashed = key.replace(" ", "").replace("-", "")
    if not squashed:
        return []
    scored: list[tuple[float, str, str]] = []
    for code, name in projects:
        if squashed.upper() == code.replace("-", "").upper():
            return [(code, name)]  # a typed code is an exact answer
        name_key = _key(name)
        if squashed in name_key.replace(" ", ""):
            score = 100.0
        elif len(squashed) < 3:
            continue  # two letters match half the names by chance
        else:
            score = max(
                fuzz.partial_ratio(key, name_key),
                _token_score(key.split(), name_key.split()),
            )
        if score >= _FUZZY_CUTOFF:
            scored.append((score, code, name))
    if not scored:
        return []
    # Shorter names first among equals: the more of the name the query covers, the likelier.
    scored.sort(key=lambda r: (-r[0], len(r[2]), r[1]))
    best = scored[0][0]
    return [
        (code, name) for score, code, name in scored[:MAX_MATCHES] if score >= best - _FUZZY_SPREAD
    ]


def _phone_digits(text: str) -> str:
    return "".join(ch for ch in normalize(text) if ch.isdigit())


# --- the flow ----------------------------------------------------------------------------------
class FeedbackFlow:
    """Collect one feedback item step by step and submit it for a tracking code."""

    name = "feedback"

    def __init__(self, services: Services) -> None:
        self._services = services
        self._store = services.conversations

    # -- entry points ---------------------------------------------------------------------------
    async def start(
        self,
        chat: ChatRef,
        today: jdatetime.date,
        *,
        argument: str = "",
        text: str = "",
        kind: str | None = None,
    ) -> Reply:
        """Open the flow, optionally about a project code, and ask for the kind.

        A citizen who already wrote the feedback (one message naming its kind and saying what
        it is, or a complaint kept beside a question) is not asked for it again: the flow goes
        to the kind (if unknown) and then straight to the summary, photo and phone optional.
        """
        if await self._services.feedback.is_blocked(chat.platform, chat.chat_id):
            current = await self._store.get(chat.platform, chat.chat_id)
            if current is not None and current.flow == self.name:
                await self._store.clear(chat.platform, chat.chat_id)
            return Reply(f"{self.name}:blocked", [Block("text", T.FB_BLOCKED)])
        draft = _Draft()
        notes = [T.FB_INTRO]
        code = argument.strip()
        if code:
            found = await self._project(code)
            if found is None:
                notes.append(T.FB_PROJECT_UNKNOWN)
            else:
                draft.project_set = True
                draft.project_code, draft.project_name = found
                notes.append(T.FB_PROJECT_PRESET.format(name=_display_name(found[1])))
        text = text.strip()
        if text and self._text_problem(text) is None:
            draft.text = text
            draft.project_set = True  # a project named in it is kept; else "general"
            draft.kind = kind if kind in FEEDBACK_KINDS else None
            step = "summary" if draft.kind else "kind"
            reply = await self._goto(chat, step, draft, [T.FB_KEPT_TEXT])
            reply.blocks.insert(0, Block("title", T.FB_TITLE))
            return reply
        reply = await self._goto(chat, "kind", draft, notes)
        reply.blocks.insert(0, Block("title", T.FB_TITLE))
        return reply

    async def handle(self, chat: ChatRef, event: FlowInput, today: jdatetime.date) -> Reply:
        """Advance the flow by one input; never raises on odd or stale input."""
        state = await self._store.get(chat.platform, chat.chat_id)
        if state is None or state.flow != self.name:
            return self._expired()
        draft = _Draft.from_json(state.data)
        step = state.step if state.step in STEPS else "kind"
        if self._is_command(event, "cancel", T.FB_WORDS_CANCEL):
            await self._store.clear(chat.platform, chat.chat_id)
            return Reply(
                f"{self.name}:cancelled",
                [Block("text", T.FB_CANCELLED)],
                [[Action(T.FB_BTN_NEW, "feedback", "")]],
            )
        if self._is_command(event, "back", T.FB_WORDS_BACK):
            return await self._back(chat, step, draft)
        return await _HANDLERS[step](self, chat, event, draft)

    # -- moving between steps -------------------------------------------------------------------
    async def _goto(
        self,
        chat: ChatRef,
        step: str,
        draft: _Draft,
        notes: Sequence[str] = (),
        found: Sequence[tuple[str, str]] = (),
    ) -> Reply:
        """Save the state, then ask the step's question (saving first survives a restart)."""
        await self._store.set(
            chat.platform, chat.chat_id, FlowState(self.name, step, draft.to_json())
        )
        return self._prompt(step, draft, notes, found)

    async def _advance(
        self, chat: ChatRef, done: str, draft: _Draft, notes: Sequence[str] = ()
    ) -> Reply:
        """Go to the step after `done`, or back to the summary when editing from there."""
        if draft.editing:
            draft.editing = False
            return await self._goto(chat, "summary", draft, notes)
        step = _NEXT[done]
        if done == "kind" and draft.text and draft.project_set:
            step = "summary"  # the text was given up front; only the kind was missing
        if step == "project" and draft.project_set:
            step = "text"  # chosen already (a project card's button); the summary can change it
        return await self._goto(chat, step, draft, notes)

    async def _back(self, chat: ChatRef, step: str, draft: _Draft) -> Reply:
        if draft.editing:
            draft.editing = False
            return await self._goto(chat, "summary", draft)
        return await self._goto(chat, _BACK.get(step, "kind"), draft)

    async def _reask(
        self, chat: ChatRef, step: str, draft: _Draft, event: FlowInput, note: str | None = None
    ) -> Reply:
        """Ask the same question again, saying why (an old button, or input that does not fit)."""
        if note is None:
            note = T.FB_STALE if event.kind == "action" else T.FB_UNEXPECTED
        return await self._goto(chat, step, draft, [note])

    def _is_command(self, event: FlowInput, choice: str, words: Sequence[str]) -> bool:
        if event.kind == "action":
            return event.payload == choice
        return event.kind == "text" and _is_word(event.text, words)

    # -- step handlers --------------------------------------------------------------------------
    async def _on_kind(self, chat: ChatRef, event: FlowInput, draft: _Draft) -> Reply:
        kind: str | None = None
        if event.kind == "action" and event.payload.startswith("k:"):
            kind = event.payload[2:]
        elif event.kind == "text":
            kind = _kind_from_text(event.text)
            if kind is None:
                return await self._reask(chat, "kind", draft, event, T.FB_KIND_NOT_UNDERSTOOD)
        if kind not in FEEDBACK_KINDS:
            return await self._reask(chat, "kind", draft, event)
        draft.kind = kind
        return await self._advance(chat, "kind", draft)

    async def _on_project(self, chat: ChatRef, event: FlowInput, draft: _Draft) -> Reply:
        if event.kind == "text" and not _is_word(event.text, T.FB_WORDS_GENERAL):
            return await self._search(chat, draft, event.text)
        if event.kind not in ("action", "text"):
            return await self._reask(chat, "project", draft, event)
        choice = event.payload if event.kind == "action" else "p:-"
        if choice == "p:-":
            draft.project_set, draft.project_code, draft.project_name = True, None, None
            draft.matches = []
            return await self._advance(chat, "project", draft)
        if choice == "keep" and draft.project_set:
            return await self._advance(chat, "project", draft)
        if choice == "again":
            draft.matches = []
            return await self._goto(chat, "project", draft, [T.FB_PROJECT_SEARCH_AGAIN])
        if choice.startswith("p:"):
            code = self._code_of(choice[2:], draft)
            found = await self._project(code) if code else None
            if found is None:
                return await self._reask(chat, "project", draft, event, T.FB_PROJECT_STALE)
            draft.project_set = True
            draft.project_code, draft.project_name = found
            draft.matches = []
            return await self._advance(chat, "project", draft)
        return await self._reask(chat, "project", draft, event)

    async def _search(self, chat: ChatRef, draft: _Draft, query: str) -> Reply:
        data = await self._services.catalog.gazetteer_data()
        found = rank_projects(query, [(p.code, p.name_fa) for p in data.projects])
        draft.matches = [code for code, _ in found]
        if not found:
            note = T.FB_PROJECT_NONE_FOUND.format(query=_short(query.strip(), 60))
            return await self._goto(chat, "project", draft, [note])
        return await self._goto(chat, "project", draft, found=found)

    async def _on_text(self, chat: ChatRef, event: FlowInput, draft: _Draft) -> Reply:
        if event.kind == "text":
            problem = self._text_problem(event.text)
            if problem:
                return await self._reask(chat, "text", draft, event, problem)
            draft.text = event.text.strip()
            return await self._advance(chat, "text", draft)
        if event.kind == "action" and event.payload == "keep" and draft.text:
            return await self._advance(chat, "text", draft)
        if event.kind in ("photo", "location"):
            notes = self._attach(event, draft)
            caption = event.text.strip() if event.kind == "photo" else ""
            if caption:
                problem = self._text_problem(caption)
                if problem is None:
                    # A captioned photo answers the question: the caption is the text.
                    draft.text = caption
                    return await self._advance(chat, "text", draft, notes)
                notes.append(problem)
            return await self._goto(chat, "text", draft, notes)
        return await self._reask(chat, "text", draft, event)

    async def _on_attach(self, chat: ChatRef, event: FlowInput, draft: _Draft) -> Reply:
        if event.kind in ("photo", "location"):
            notes = self._attach(event, draft)
            caption = event.text.strip() if event.kind == "photo" else ""
            if caption:
                combined = f"{draft.text}\n\n{caption}" if draft.text else caption
                if len(combined) <= MAX_FEEDBACK_LENGTH:
                    draft.text = combined
                    notes.append(T.FB_CAPTION_ADDED)
                else:
                    notes.append(T.FB_CAPTION_TOO_LONG.format(max=fa_int(MAX_FEEDBACK_LENGTH)))
            return await self._goto(chat, "attach", draft, notes)
        if (event.kind == "action" and event.payload == "next") or (
            event.kind == "text" and _is_word(event.text, T.FB_WORDS_SKIP)
        ):
            return await self._advance(chat, "attach", draft)
        note = T.FB_ATTACH_ONLY if event.kind == "text" else None
        return await self._reask(chat, "attach", draft, event, note)

    async def _on_contact(self, chat: ChatRef, event: FlowInput, draft: _Draft) -> Reply:
        if event.kind == "contact":
            raw = (event.phone or "").strip()
            digits = _phone_digits(raw)
            if not _MIN_PHONE_DIGITS <= len(digits) <= _MAX_PHONE_DIGITS:
                return await self._reask(chat, "contact", draft, event, T.FB_CONTACT_INVALID)
            # Canonical and short (the column holds 32): Telegram sends "98912…" or "+98912…".
            draft.phone = f"+{digits}" if raw.startswith("+") else digits
            draft.contact_name = _short((event.contact_name or "").strip(), 200) or None
            return await self._advance(chat, "contact", draft, [T.FB_CONTACT_SAVED])
        if event.kind == "action" and event.payload == "keep" and draft.phone:
            return await self._advance(chat, "contact", draft)
        if (event.kind == "action" and event.payload == "none") or (
            event.kind == "text" and _is_word(event.text, T.FB_WORDS_NO_CONTACT)
        ):
            draft.phone = draft.contact_name = None
            return await self._advance(chat, "contact", draft)
        if event.kind == "text" and len(_phone_digits(event.text)) >= _MIN_PHONE_DIGITS:
            # Privacy: a typed number may be anyone's; only the citizen's own shared contact counts.
            return await self._reask(chat, "contact", draft, event, T.FB_CONTACT_TYPED)
        return await self._reask(chat, "contact", draft, event)

    async def _on_summary(self, chat: ChatRef, event: FlowInput, draft: _Draft) -> Reply:
        choice = event.payload if event.kind == "action" else ""
        if choice == "submit" or (event.kind == "text" and _is_word(event.text, T.FB_WORDS_SUBMIT)):
            return await self._submit(chat, draft)
        edits = {
            "edit:text": "text",
            "edit:project": "project",
            "edit:kind": "kind",
            "edit:attach": "attach",
            "edit:contact": "contact",
        }
        if choice in edits:
            draft.editing = True
            return await self._goto(chat, edits[choice], draft)
        return await self._reask(chat, "summary", draft, event)

    async def _submit(self, chat: ChatRef, draft: _Draft) -> Reply:
        # A state edited by hand or from an older version may lack a piece; ask for it.
        if draft.kind is None:
            return await self._goto(chat, "kind", draft)
        if self._text_problem(draft.text):
            return await self._goto(chat, "text", draft)
        try:
            info = await self._services.feedback.submit(
                FeedbackDraft(
                    platform=chat.platform,
                    chat_id=chat.chat_id,
                    user_id=chat.user_id,
                    kind=draft.kind,
                    text=draft.text,
                    project_code=draft.project_code,
                    photo_file_id=draft.photo,
                    lat=draft.lat,
                    lon=draft.lon,
                    contact_phone=draft.phone,
                    contact_name=draft.contact_name,
                )
            )
        except SubmissionBlocked:
            await self._store.clear(chat.platform, chat.chat_id)
            return Reply(f"{self.name}:blocked", [Block("text", T.FB_BLOCKED)])
        except InvalidInput as exc:
            note = T.FB_SUBMIT_FAILED.format(message=exc.message_fa)
            return await self._goto(chat, "summary", draft, [note])
        await self._store.clear(chat.platform, chat.chat_id)
        code = info.tracking_code
        return Reply(
            f"{self.name}:submitted",
            [
                Block("title", T.FB_SUBMITTED_TITLE),
                Block("text", T.FB_TRACKING.format(code=code)),
                Block("text", T.FB_SUBMITTED_TEXT),
            ],
            [[Action(T.FB_BTN_STATUS.format(code=code), "feedback_status", code)]],
            answered=True,
        )

    # -- helpers with services ------------------------------------------------------------------
    async def _project(self, code: str) -> tuple[str, str] | None:
        """Return (code, name) of an existing project, or None."""
        code = code.strip()
        if not code or len(code) > 64:
            return None
        for candidate in dict.fromkeys((code, code.upper())):
            try:
                detail = await self._services.projects.detail(candidate)
            except NotFound:
                continue
            return detail.summary.code, detail.summary.name_fa
        return None

    def _code_of(self, token: str, draft: _Draft) -> str | None:
        """Read a project choice: the code itself, or `#hash` of one of the offered codes."""
        if token.startswith("#"):
            return next((c for c in draft.matches if _code_hash(c) == token[1:]), None)
        return token or None

    def _text_problem(self, text: str) -> str | None:
        stripped = text.strip()
        if not stripped:
            return T.FB_TEXT_EMPTY
        if len(stripped) > MAX_FEEDBACK_LENGTH:
            return T.FB_TEXT_TOO_LONG.format(
                length=fa_int(len(stripped)), max=fa_int(MAX_FEEDBACK_LENGTH)
            )
        return None

    def _attach(self, event: FlowInput, draft: _Draft) -> list[str]:
        """Keep a photo or location from the input (one of each; a new one replaces the old)."""
        if event.kind == "photo":
            if not event.file_id or len(event.file_id) > _MAX_FILE_ID_CHARS:
                return [T.FB_UNEXPECTED]
            draft.photo = event.file_id
            return [T.FB_PHOTO_SAVED]
        lat, lon = event.lat, event.lon
        if lat is None or lon is None or not _valid_location(float(lat), float(lon)):
            return [T.FB_LOCATION_INVALID]
        draft.lat, draft.lon = float(lat), float(lon)
        return [T.FB_LOCATION_SAVED]

    # -- replies --------------------------------------------------------------------------------
    def _action(self, label: str, choice: str) -> Action:
        return Action(label, "flow", _choice(self.name, choice))

    def _project_choice(self, code: str) -> str:
        choice = f"p:{code}"
        if len(_choice(self.name, choice).encode()) <= MAX_PAYLOAD_BYTES:
            return choice
        return f"p:#{_code_hash(code)}"

    def _nav(self, step: str, draft: _Draft) -> list[Action]:
        """The back/cancel row: no "back" on the first step unless editing from the summary."""
        row = [self._action(T.FB_BTN_CANCEL, "cancel")]
        if step != "kind" or draft.editing:
            row.insert(0, self._action(T.FB_BTN_BACK, "back"))
        return row

    def _prompt(
        self,
        step: str,
        draft: _Draft,
        notes: Sequence[str],
        found: Sequence[tuple[str, str]] = (),
    ) -> Reply:
        blocks = [Block("text", note) for note in notes]
        rows: list[list[Action]] = []
        if step == "kind":
            blocks.append(Block("text", T.FB_ASK_KIND))
            kinds = [self._action(T.FB_KIND_BUTTONS[k], f"k:{k}") for k in FEEDBACK_KINDS]
            rows += [kinds[:2], kinds[2:]]
        elif step == "project":
            if found:
                blocks.append(Block("text", T.FB_PROJECT_MATCHES))
                rows += [
                    [
                        self._action(
                            _short(_display_name(name), _LABEL_CHARS), self._project_choice(code)
                        )
                    ]
                    for code, name in found
                ]
                rows.append([self._action(T.FB_BTN_SEARCH_AGAIN, "again")])
            else:
                if draft.project_set:
                    blocks.append(
                        Block("text", T.FB_PROJECT_CURRENT.format(name=self._project_label(draft)))
                    )
                blocks.append(Block("text", T.FB_ASK_PROJECT))
                if draft.project_set:
                    rows.append([self._action(T.FB_BTN_KEEP_PROJECT, "keep")])
            rows.append([self._action(T.FB_BTN_GENERAL, "p:-")])
        elif step == "text":
            if draft.text:
                preview = _short(draft.text, _PREVIEW_CHARS)
                blocks.append(Block("text", T.FB_TEXT_CURRENT.format(text=preview)))
                rows.append([self._action(T.FB_BTN_KEEP_TEXT, "keep")])
            blocks.append(Block("text", T.FB_ASK_TEXT.format(max=fa_int(MAX_FEEDBACK_LENGTH))))
        elif step == "attach":
            has_any = draft.photo is not None or draft.lat is not None
            blocks.append(Block("text", T.FB_ATTACH_MORE if has_any else T.FB_ASK_ATTACH))
            label = T.FB_BTN_CONTINUE if has_any else T.FB_BTN_SKIP
            rows.append([self._action(label, "next")])
        elif step == "contact":
            if draft.phone:
                blocks.append(Block("text", T.FB_CONTACT_CURRENT))
                rows.append([self._action(T.FB_BTN_KEEP_CONTACT, "keep")])
            blocks.append(Block("text", T.FB_ASK_CONTACT))
            rows.append([self._action(T.FB_BTN_NO_CONTACT, "none")])
        else:
            blocks += self._summary_blocks(draft)
            rows += [
                [self._action(T.FB_BTN_SUBMIT, "submit")],
                [
                    self._action(T.FB_BTN_EDIT_TEXT, "edit:text"),
                    self._action(T.FB_BTN_EDIT_PROJECT, "edit:project"),
                ],
                [
                    self._action(T.FB_BTN_EDIT_KIND, "edit:kind"),
                    self._action(T.FB_BTN_ADD_ATTACH, "edit:attach"),
                ],
                [self._action(T.FB_BTN_ADD_CONTACT, "edit:contact")],
            ]
        rows.append(self._nav(step, draft))
        return Reply(f"{self.name}:{step}", blocks, rows)

    def _project_label(self, draft: _Draft) -> str:
        if draft.project_code is None:
            return T.FB_GENERAL
        return _display_name(draft.project_name or draft.project_code)

    def _summary_blocks(self, draft: _Draft) -> list[Block]:
        def has(flag: bool) -> str:
            return T.FB_HAS if flag else T.FB_HAS_NOT

        kind = FEEDBACK_KIND_LABELS.get(draft.kind or "", "—")
        return [
            Block("title", T.FB_SUMMARY_TITLE),
            Block("fact", kind, label=T.FB_LABEL_KIND),
            Block("fact", self._project_label(draft), label=T.FB_LABEL_PROJECT),
            Block("fact", draft.text, label=T.FB_LABEL_TEXT),
            Block("fact", has(draft.photo is not None), label=T.FB_LABEL_PHOTO),
            Block("fact", has(draft.lat is not None), label=T.FB_LABEL_LOCATION),
            Block("fact", has(draft.phone is not None), label=T.FB_LABEL_CONTACT),
            Block("text", T.FB_SUMMARY_HINT),
        ]

    def _expired(self) -> Reply:
        return Reply(
            f"{self.name}:expired",
            [Block("text", T.FB_EXPIRED)],
            [[Action(T.FB_BTN_NEW, "feedback", "")]],
        )


_HANDLERS: dict[str, _Handler] = {
    "kind": FeedbackFlow._on_kind,
    "project": FeedbackFlow._on_project,
    "text": FeedbackFlow._on_text,
    "attach": FeedbackFlow._on_attach,
    "contact": FeedbackFlow._on_contact,
    "summary": FeedbackFlow._on_summary,
}
