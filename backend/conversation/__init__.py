"""One conversation behind every door: the bot, `shafaf chat`, `shafaf ask` and the API.

- `router.Conversation` turns one chat event (a text, a command, a pressed button, a photo) and
  the chat's state into one `Reply`;
- `answers/` builds the answers, split by family (shares and comparisons, projects, calculator,
  FAQ and reports, small talk);
- `flows/` holds the multi-step flows (feedback), `subscriptions`, `rating` and `staff` the rest;
- `texts` is the one text catalogue; `doors` serves the text doors (`ask`, the API).

Transports (`bot/`) only render and send what this package returns.
"""

from __future__ import annotations

from backend.conversation.flows.base import ChatRef, Flow, FlowInput
from backend.conversation.router import Conversation, ConversationConfig
from backend.services import Services


def default_flows(services: Services) -> dict[str, Flow]:
    """Return the multi-step flows this build has."""
    from backend.conversation.flows.feedback import FeedbackFlow

    return {"feedback": FeedbackFlow(services)}


__all__ = ["ChatRef", "Conversation", "ConversationConfig", "Flow", "FlowInput", "default_flows"]
