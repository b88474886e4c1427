"""The public JSON API under /api/v1 (aiohttp)."""
