from bot.language.markup import markup_in, plain_text


def test_mentions_emoji_and_timestamps_leave_only_the_words():
    text = (
        "<@456> <@!457> <@&123> why pfp <:kfor:123> <a:wave:8> <t:1700000000:R>, @everyone @here?"
    )
    assert plain_text(text) == "why pfp,?"


def test_a_channel_becomes_its_name_when_known_and_nothing_otherwise():
    names = {1: "kosovo-news"}.get
    assert plain_text("news in <#1> and <#2>?", names) == "news in kosovo-news and?"


def test_a_masked_link_becomes_its_text_and_a_command_mention_nothing():
    text = "see [the article](<https://example.com/a?b=1>) or </topics:42>"
    assert plain_text(text) == "see the article or"


def test_a_command_mention_with_its_subcommand_leaves_no_words():
    assert plain_text("why pfp </kb phrase add:123>") == "why pfp"


def test_links_to_a_servers_tabs_and_soundboard_sounds_leave_no_words():
    text = "<id:guide> why pfp <id:customize> <id:linked-roles:77> <sound:123:456>?"
    assert plain_text(text) == "why pfp?"


def test_a_link_in_angle_brackets_reads_as_the_bare_link():
    assert plain_text("read <https://example.com/a?b=1> please") == (
        "read https://example.com/a?b=1 please"
    )


def test_text_without_markup_is_unchanged():
    text = "Why isn't Kosovo in PfP? (asked 2 times: <3)\nThanks"
    assert plain_text(text) == text


def test_markup_alone_leaves_nothing():
    assert plain_text("<@1> <:x:2> @everyone") == ""


def test_the_markup_taken_out_of_questions_is_the_markup_the_knowledge_refuses():
    samples = ["<@456>", "<@!457>", "<@&123>", "<#9>", "@everyone", "@here", "<:kfor:123>"]
    samples += ["<a:wave:8>", "<t:1700000000:R>", "</topics:42>"]
    assert [markup_in(f"why pfp {sample}") for sample in samples] == samples
    assert all(sample not in plain_text(f"why pfp {sample}") for sample in samples)
    assert markup_in(plain_text("why pfp <@456> <:kfor:123>?")) is None
