"""Matching: a question in, a decision out (answer, suggest, or abstain).

Nothing in this package knows about Discord or about how a reply looks.
"""

from bot.engine.engine import Engine

__all__ = ["Engine"]
