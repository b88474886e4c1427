"""The Bot API's HTTP client: PTB's request interface over aiohttp.

httpx (PTB's default) spends most of a request in its connection pool's bookkeeping once tens of
requests are in flight: every request and every response scans every pooled connection, and
checking an idle one for expiry asks the socket for its peer and options (issue 12's profile:
the largest share of a reply's CPU after the interpreter itself). aiohttp's pool keeps idle
connections in a per-host queue, so a request costs the same with 2 or 200 of them. Both the
handlers' bot and the broadcast engine's bot use it; `getUpdates` keeps PTB's own request.
"""

from __future__ import annotations

import json

import aiohttp
from aiohttp.helpers import get_env_proxy_for_url
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL

_JSON = {"Content-Type": "application/json"}


class AiohttpRequest(BaseRequest):
    """PTB's request interface over an aiohttp session (its own connection pool).

    PTB still builds every request and maps every error, so callers see the usual
    `telegram.error` exceptions.
    """

    def __init__(
        self,
        *,
        pool_size: int = 10,
        read_timeout: float = 15.0,
        write_timeout: float = 30.0,
        connect_timeout: float = 10.0,
    ) -> None:
        self._pool_size = pool_size
        self._read, self._write, self._connect = read_timeout, write_timeout, connect_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, tuple[URL | None, aiohttp.BasicAuth | None]] = {}

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout in seconds."""
        return self._read

    async def initialize(self) -> None:
        """Open the session (and its connection pool)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
            )
            self._proxies.clear()  # the environment is read again, as a new httpx client does

    async def shutdown(self) -> None:
        """Close the session."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one request; map aiohttp's errors to PTB's."""
        if self._session is None or self._session.closed:
            await self.initialize()
        assert self._session is not None
        read = self._read if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = self._connect if isinstance(connect_timeout, DefaultValue) else connect_timeout
        total = None if read is None else read + (connect or 0) + self._write
        body: aiohttp.FormData | bytes | None = None
        if request_data is not None:
            if request_data.contains_files:
                form = aiohttp.FormData()
                for name, value in request_data.json_parameters.items():
                    form.add_field(name, value)
                for name, upload in request_data.multipart_data.items():
                    filename, content, *mime = upload
                    form.add_field(
                        name,
                        content if isinstance(content, bytes) else content.read(),
                        filename=filename,
                        content_type=mime[0] if mime else None,
                    )
                body = form
            else:
                # One JSON document with native values (numbers stay numbers, keyboards stay
                # objects) rather than a url-encoded form of JSON strings: encoding long
                # Persian text for a form cost more CPU than anything else in the request,
                # and UTF-8 is a third of the size of \u escapes.
                body = json.dumps(request_data.parameters, ensure_ascii=False).encode()
        headers = None if isinstance(body, aiohttp.FormData) or body is None else _JSON
        proxy, proxy_auth = self._proxy_for(URL(url))
        try:
            async with self._session.request(
                method,
                url,
                data=body,
                headers=headers,
                proxy=proxy,
                proxy_auth=proxy_auth,
                timeout=aiohttp.ClientTimeout(total=total, sock_connect=connect, sock_read=read),
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp: {exc!r}") from exc

    def _proxy_for(self, url: URL) -> tuple[URL | None, aiohttp.BasicAuth | None]:
        """Return the proxy for this URL's host from HTTP(S)_PROXY / NO_PROXY, as httpx would.

        Read once per host and session: aiohttp's own `trust_env` reads the environment and
        ~/.netrc on every request (about 0.1 ms each, more than the rest of the request).
        """
        origin = f"{url.scheme}://{url.host}:{url.port}"
        found = self._proxies.get(origin)
        if found is None:
            try:
                found = get_env_proxy_for_url(url)
            except LookupError:
                found = (None, None)
            self._proxies[origin] = found
        return found
