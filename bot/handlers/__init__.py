"""PTB handlers: thin adapters from updates to `Conversation` calls and rendered replies."""
