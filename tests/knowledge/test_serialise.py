import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Citation, Entry, Source
from bot.knowledge.serialise import entry_to_data, entry_to_yaml, source_to_yaml
from tests.knowledge.store_helpers import SOURCE_ID, make_knowledge

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)
tricky = st.sampled_from(["no", "yes", "off", "null", "~", "2024", "2025-12-28", "1e3", "- x"])
values = text | tricky
entries = st.builds(
    Entry,
    id=st.just("some-entry"),
    question=values,
    answer=values,
    topic=values,
    phrasings=st.lists(values, max_size=4).map(tuple),
    citations=st.lists(
        st.builds(Citation, source_id=values, quote=values, speaker=values), max_size=3
    ).map(tuple),
)


@given(entries)
def test_an_entry_file_reads_back_as_the_same_values(entry):
    assert yaml.safe_load(entry_to_yaml(entry)) == entry_to_data(entry)


def test_an_entry_file_loads_back_as_the_same_entry(tmp_path):
    root = make_knowledge(tmp_path)
    entry = Entry(
        id="yes",
        question="no",
        answer="2025-12-28",
        topic="Зашто Косово?",
        phrasings=("off", "Pse Kosova nuk është në Partneritetin për Paqe?"),
        citations=(Citation(SOURCE_ID, "for political reasons", "RFE/RL"),),
    )
    (root / "entries" / "yes.yaml").write_text(entry_to_yaml(entry), "utf-8")

    assert load_knowledge(root).knowledge.entries["yes"] == entry


def test_entry_files_keep_the_documented_key_order_and_quote_all_text():
    entry = Entry("kosovo-pfp", "Q?", "no", "T", ("p",), (Citation("s", "q", "RFE/RL"),))

    assert entry_to_yaml(entry) == (
        'id: "kosovo-pfp"\n'
        'question: "Q?"\n'
        'topic: "T"\n'
        'answer: "no"\n'
        "phrasings:\n"
        '  - "p"\n'
        "citations:\n"
        '  - source: "s"\n'
        '    quote: "q"\n'
        '    speaker: "RFE/RL"\n'
    )


def test_source_files_write_unknown_author_and_url_as_null():
    source = Source("s-2025", "T", "O", "2025-12", "en", "2026-11-27", "text")

    assert source_to_yaml(source) == (
        'id: "s-2025"\ntitle: "T"\noutlet: "O"\nauthor: null\npublished: "2025-12"\n'
        'url: null\nlanguage: "en"\nadded: "2026-11-27"\n'
    )
