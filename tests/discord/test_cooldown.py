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
