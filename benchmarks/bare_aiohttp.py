"""The baseline: a bare aiohttp handler returning a fixed JSON body (no database, no routing)."""

from __future__ import annotations

import sys

from aiohttp import web

BODY = {"items": [{"key": "1404", "amount_rial": 68378165000000, "months_with_data": 12}]}


async def handler(request: web.Request) -> web.Response:
    return web.json_response(BODY)


def main() -> None:
    app = web.Application()
    app.router.add_get("/{tail:.*}", handler)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)


if __name__ == "__main__":
    main()
