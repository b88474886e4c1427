"""PTB handlers: thin adapters from updates to `ConversationEngine` calls and rendered replies."""
