"""Other people's FAQ-bot benchmark, in HINT3's format, scored by `python -m bot bench --peer`."""

import csv
from pathlib import Path

from bot import peer_bench
from bot.cli import main
from bot.knowledge.quotes import find_quote

TRAIN = [
    ("How can I cancel my order?", "CANCEL_ORDER"),
    ("cancel my order", "CANCEL_ORDER"),
    ("I want to cancel the order I placed", "CANCEL_ORDER"),
    ("Where is my parcel?", "TRACK_PARCEL"),
    ("track my parcel", "TRACK_PARCEL"),
    ("Cancel my order!", "TRACK_PARCEL"),  # the same words as an earlier intent's: dropped
    ("When will my parcel arrive?", "TRACK_PARCEL"),
    ("thank you", "THANKS"),
    ("thanks a lot", "THANKS"),
]
TEST = [
    ("cancel my order please", "CANCEL_ORDER"),
    ("Track my parcel", "TRACK_PARCEL"),
    ("Thank you", "THANKS"),
    ("what is the weather on the moon", "NO_NODES_DETECTED"),
    ("I need a refund for a broken lamp", "NO_NODES_DETECTED"),
]


def write_bot(folder: Path, name: str, train=TRAIN, test=TEST) -> None:
    for suffix, rows in ((peer_bench.TRAIN_SUFFIX, train), (peer_bench.TEST_SUFFIX, test)):
        with (folder / f"{name}{suffix}").open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(["sentence", "label"])
            writer.writerows(rows)


def test_each_intent_becomes_an_entry_of_its_sentences_each_claimed_once():
    knowledge = peer_bench.intent_knowledge("shop", TRAIN)

    assert sorted(knowledge.entries) == ["cancel-order", "thanks", "track-parcel"]
    parcel = knowledge.entries["track-parcel"]
    assert parcel.question == "Where is my parcel?"
    assert parcel.phrasings == ("track my parcel", "When will my parcel arrive?")
    (source,) = knowledge.sources.values()
    for entry in knowledge.entries.values():
        assert all(find_quote(c.quote, source.text) for c in entry.citations)


def test_an_intent_keeps_at_most_the_phrasings_an_entry_may_hold():
    many = [(f"question number {n} about parcels", "TRACK_PARCEL") for n in range(60)]

    entry = peer_bench.intent_knowledge("shop", many).entries["track-parcel"]

    assert len(entry.phrasings) == 40


def test_the_benchmark_prints_each_bots_figures(tmp_path, capsys):
    write_bot(tmp_path, "shop")

    assert main(["bench", "--peer", str(tmp_path)]) == 0

    assert capsys.readouterr().out.splitlines() == [
        "shop: covered queries answered by their intent 3/3 = 100.0 %, uncovered declined"
        " 2/2 = 100.0 %, wrong among answers 0/3 = 0.0 %, own training sentences answered by"
        " their intent 8/8 = 100.0 %"
    ]


def test_a_folder_without_a_bots_two_files_says_what_it_needs(tmp_path):
    (tmp_path / "shop_train.csv").write_text("sentence,label\n", encoding="utf-8")
    said = []

    assert peer_bench.run(tmp_path, said.append) == 1
    assert said == [f"no <bot>_train.csv with its <bot>_test.csv in {tmp_path}"]
