"""A per-member cooldown so one member cannot flood a channel with questions.

Kept in memory only: the member id is a key for a few seconds and is never logged or
stored, so the record of questions stays anonymous.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable


class Cooldown:
    """At most `questions` questions per member in any `seconds`-long window."""

    def __init__(
        self, questions: int, seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._questions = questions
        self._seconds = seconds
        self._clock = clock
        self._asked: dict[int, deque[float]] = {}

    def wait_for(self, member_id: int) -> int:
        """Take one question for the member: 0 when allowed, else whole seconds to wait."""
        now = self._clock()
        asked = self._asked.setdefault(member_id, deque())
        while asked and now - asked[0] >= self._seconds:
            asked.popleft()
        if len(asked) >= self._questions:
            return max(1, math.ceil(self._seconds - (now - asked[0])))
        asked.append(now)
        self._forget_idle(now)
        return 0

    def _forget_idle(self, now: float) -> None:
        """Drop members whose window has passed, so memory stays bounded."""
        idle = [
            m for m, asked in self._asked.items() if not asked or now - asked[-1] >= self._seconds
        ]
        for member_id in idle:
            del self._asked[member_id]
