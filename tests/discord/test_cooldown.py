from collections import OrderedDict

from bot.discord.cooldown import Cooldown


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_member_may_ask_again_once_the_window_has_passed():
    clock = Clock()
    cooldown = Cooldown(questions=2, seconds=30, clock=clock)
    assert cooldown.wait_for(1) == 0
    clock.now += 10
    assert cooldown.wait_for(1) == 0
    assert cooldown.wait_for(1) == 20
    clock.now += 20
    assert cooldown.wait_for(1) == 0


def test_refused_questions_do_not_extend_the_wait():
    clock = Clock()
    cooldown = Cooldown(questions=1, seconds=30, clock=clock)
    assert cooldown.wait_for(1) == 0
    for _ in range(5):
        clock.now += 5
        cooldown.wait_for(1)
    clock.now += 5
    assert cooldown.wait_for(1) == 0


def test_each_member_has_their_own_window():
    cooldown = Cooldown(questions=1, seconds=30, clock=Clock())
    assert cooldown.wait_for(1) == 0
    assert cooldown.wait_for(1) > 0
    assert cooldown.wait_for(2) == 0


class CountingAsked(OrderedDict):
    """The cooldown's memory of members, counting how many members it looks at."""

    def __init__(self) -> None:
        super().__init__()
        self.looked_at = 0

    def items(self):
        for item in super().items():
            self.looked_at += 1
            yield item


def test_members_idle_past_the_window_are_forgotten():
    clock = Clock()
    cooldown = Cooldown(questions=2, seconds=30, clock=clock)
    for member in range(100):
        cooldown.wait_for(member)
    clock.now += 20
    cooldown.wait_for(1000)
    clock.now += 15

    assert cooldown.wait_for(1001) == 0
    assert cooldown.remembered == 2


def test_a_question_does_not_look_at_every_member_remembered():
    clock = Clock()
    cooldown = Cooldown(questions=2, seconds=30, clock=clock)
    cooldown._asked = memory = CountingAsked()
    for member in range(1000):
        cooldown.wait_for(member)
        clock.now += 0.001
    checked_per_question = []
    for member in range(1000, 1100):
        before = memory.looked_at
        cooldown.wait_for(member)
        checked_per_question.append(memory.looked_at - before)

    assert cooldown.remembered == 1100
    assert max(checked_per_question) <= 1


def test_a_refused_member_is_told_once_until_they_may_ask_again():
    clock = Clock()
    cooldown = Cooldown(questions=1, seconds=30, clock=clock)
    cooldown.wait_for(1)
    told = []
    for _ in range(3):
        assert cooldown.wait_for(1) > 0
        told.append(cooldown.first_refusal(1))
    clock.now += 30
    assert cooldown.wait_for(1) == 0
    assert cooldown.wait_for(1) > 0
    told.append(cooldown.first_refusal(1))

    assert told == [True, False, False, True]
