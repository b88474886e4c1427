"""Reusable response templates: staff pick one instead of typing the same answer again."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from backend.clock import utcnow
from backend.errors import InvalidInput, NotFound
from backend.services.base import SessionFactory
from backend.staff_models import ResponseTemplate


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    id: int
    title: str
    body: str
    created_by: str


class TemplateService:
    """List, add and remove response templates."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    async def list(self) -> list[TemplateInfo]:
        """List templates by title."""
        async with self._sessions() as session:
            rows = (
                await session.scalars(select(ResponseTemplate).order_by(ResponseTemplate.title))
            ).all()
        return [TemplateInfo(r.id, r.title, r.body, r.created_by) for r in rows]

    async def add(self, title: str, body: str, *, actor: str) -> TemplateInfo:
        """Store a new template."""
        title, body = title.strip(), body.strip()
        if not title or not body:
            raise InvalidInput("title and body are required", message_fa="عنوان و متن لازم است.")
        async with self._sessions() as session, session.begin():
            row = ResponseTemplate(
                title=title[:200], body=body[:4000], created_by=actor, created_at=utcnow()
            )
            session.add(row)
            await session.flush()
            return TemplateInfo(row.id, row.title, row.body, row.created_by)

    async def delete(self, template_id: int) -> None:
        """Remove a template."""
        async with self._sessions() as session, session.begin():
            row = await session.get(ResponseTemplate, template_id)
            if row is None:
                raise NotFound("no such template", message_fa="چنین الگویی نیست.")
            await session.delete(row)
