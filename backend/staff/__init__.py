"""The staff side of the domain: accounts, sessions, inbox, workflow, moderation, data, dashboard.

`StaffServices.build` wires them over the domain `Services`; the panel (backend/panel) and the
staff API (backend/api/staff.py) are thin adapters over this one object.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import backend.staff_models  # noqa: F401  (registers the staff tables on the shared metadata)
from backend.services import Services
from backend.staff.accounts import AccountService, AuditLog, LoginThrottle, TokenService
from backend.staff.dashboard import DashboardService
from backend.staff.data import DataService, ReportHook
from backend.staff.inbox import InboxService
from backend.staff.questions import QuestionQueue
from backend.staff.sessions import SessionStore
from backend.staff.templates import TemplateService
from backend.staff.workflow import WorkflowService


@dataclass(frozen=True, slots=True)
class StaffServices:
    """Every staff service, wired once per application."""

    services: Services
    zone: ZoneInfo
    accounts: AccountService
    throttle: LoginThrottle
    tokens: TokenService
    audit: AuditLog
    web_sessions: SessionStore
    inbox: InboxService
    workflow: WorkflowService
    templates: TemplateService
    questions: QuestionQueue
    data: DataService
    dashboard: DashboardService

    @classmethod
    def build(
        cls,
        services: Services,
        zone: ZoneInfo,
        *,
        on_report_published: ReportHook | None = None,
    ) -> StaffServices:
        """Wire the staff services over the domain services."""
        sessions = services.sessions
        audit = AuditLog(sessions)
        inbox = InboxService(sessions, zone)
        return cls(
            services=services,
            zone=zone,
            accounts=AccountService(sessions),
            throttle=LoginThrottle(),
            tokens=TokenService(sessions),
            audit=audit,
            web_sessions=SessionStore(sessions),
            inbox=inbox,
            workflow=WorkflowService(sessions, services.feedback, inbox, audit),
            templates=TemplateService(sessions),
            questions=QuestionQueue(sessions, services.today, services.version),
            data=DataService(sessions, services.today, services.version, on_report_published),
            dashboard=DashboardService(sessions, services.today, services.vat),
        )
