"""Downloading a moderator's attached file without ever holding more than the limit.

Discord states an attachment's size, but the bytes at its address are what count: a file
declared as 1 kB may be 10 MB. The download is streamed in chunks and abandoned as soon as
it passes the limit, so no more than the limit and one chunk is ever read, and it is not
decompressed on the way (a compressed bomb would otherwise expand before any check).
"""

from __future__ import annotations

import aiohttp

from bot.knowledge.problems import Problem
from bot.knowledge.store import Refused
from bot.strings import Kb

CHUNK = 64 * 1024
DOWNLOAD_TIMEOUT = 60


async def download_limited(url: str, limit: int) -> bytes | Refused:
    """The bytes at `url` when there are at most `limit` of them, else a refusal."""
    session = aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=DOWNLOAD_TIMEOUT), auto_decompress=False
    )
    try:
        async with session, session.get(url, headers={"Accept-Encoding": "identity"}) as response:
            if response.status != 200:
                return _refused(Kb.DOWNLOAD_FAILED)
            return await _read_within(response, limit)
    except (TimeoutError, aiohttp.ClientError):
        return _refused(Kb.DOWNLOAD_FAILED)


async def _read_within(response: aiohttp.ClientResponse, limit: int) -> bytes | Refused:
    """The body, read chunk by chunk; the connection is dropped once it passes `limit`."""
    if (response.content_length or 0) > limit:
        response.close()
        return _refused(Kb.TOO_BIG.format(limit=limit))
    body = bytearray()
    async for chunk in response.content.iter_chunked(CHUNK):
        body += chunk
        if len(body) > limit:
            response.close()
            return _refused(Kb.TOO_BIG.format(limit=limit))
    return bytes(body)


def _refused(message: str) -> Refused:
    return Refused((Problem("", message),))
