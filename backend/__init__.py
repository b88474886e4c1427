"""Shafaf's domain: models, services, the assistant and the HTTP API (never imports telegram)."""
