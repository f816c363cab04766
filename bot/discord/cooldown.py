"""A per-member cooldown so one member cannot flood a channel with questions.

Kept in memory only: the member id is a key for a few seconds and is never logged or
stored, so the record of questions stays anonymous.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque
from collections.abc import Callable


class Cooldown:
    """At most `questions` questions per member in any `seconds`-long window."""

    def __init__(
        self, questions: int, seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._questions = questions
        self._seconds = seconds
        self._clock = clock
        # Members in the order they last asked, least recent first: the idle ones are at
        # the front, so forgetting them never looks at anyone still within the window.
        self._asked: OrderedDict[int, deque[float]] = OrderedDict()
        # Members already told to wait since they last asked: a subset of `_asked`.
        self._told: set[int] = set()

    @property
    def remembered(self) -> int:
        """How many members are kept in memory (those who asked within the window)."""
        return len(self._asked)

    def wait_for(self, member_id: int) -> int:
        """Take one question for the member: 0 when allowed, else whole seconds to wait.

        Constant work per question, amortised: each member is forgotten once, at the front.
        """
        now = self._clock()
        self._forget_idle(now)
        asked = self._asked.setdefault(member_id, deque())
        while asked and now - asked[0] >= self._seconds:
            asked.popleft()
        if len(asked) >= self._questions:
            return max(1, math.ceil(self._seconds - (now - asked[0])))
        asked.append(now)
        self._asked.move_to_end(member_id)
        self._told.discard(member_id)
        return 0

    def first_refusal(self, member_id: int) -> bool:
        """Whether the member, just refused, has not yet been told to wait this time.

        A public notice per refused question would itself flood the channel: one is enough
        until the member may ask again.
        """
        if member_id in self._told:
            return False
        self._told.add(member_id)
        return True

    def _forget_idle(self, now: float) -> None:
        """Drop members whose window has passed, so memory stays bounded."""
        while self._asked:
            member_id, asked = next(iter(self._asked.items()))
            if asked and now - asked[-1] < self._seconds:
                return
            del self._asked[member_id]
            self._told.discard(member_id)
