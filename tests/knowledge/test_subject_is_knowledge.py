"""The subject lives in the knowledge: no name of it is written in the code under bot/."""

import re
from pathlib import Path

from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Knowledge
from bot.language.text import fold
from bot.language.words import STOPWORDS

PROJECT = Path(__file__).parents[2]
# The words the project's own hooks look for, whatever the knowledge holds.
HOOK_WORDS = frozenset(
    {"kosovo", "nato", "serbia", "albania", "kurti", "osmani", "rutte", "pfp", "kfor"}
    | {"balkan", "balkans", "pristina", "belgrade"}
)
# Names that are ordinary English words too ("self", "mark", "us", "pm" of "9 pm", the
# prefix "un" of "unshifted"): the code may use the word, so only the name, written with a
# capital or in capitals, is looked for.
ORDINARY_WORDS = frozenset({"self", "mark", "us", "pm", "un"})


def subject_words(knowledge: Knowledge) -> frozenset[str]:
    """Every name the knowledge teaches the engine, and the names of those it quotes.

    The listed names, people, protagonists and topics and the names case forms stand for
    (case forms of ordinary words, "godin: year", are no names: a form stands for a name
    when it is listed, or when the sources write it always with a capital);
    one-word aliases of those names (other spellings, capitals, case forms); acronyms (a
    one-word alias of the initials of what it stands for); speakers' names.
    """
    listed: set[str] = set()
    for vocabulary in knowledge.vocabulary.values():
        for names in (vocabulary.names, vocabulary.people, vocabulary.protagonists):
            listed.update(names)
        listed.update(vocabulary.topics)
    proper = _always_capitalised(knowledge)
    for vocabulary in knowledge.vocabulary.values():
        for forms in vocabulary.forms:
            listed.update(m for m in forms.stems.values() if m in listed or m in proper)
    words = set(listed)
    for vocabulary in knowledge.vocabulary.values():
        for form, meaning in vocabulary.aliases.items():
            said = meaning.split()
            if " " not in form and (set(said) & listed or form == "".join(w[0] for w in said)):
                words.add(form)
    for entry in knowledge.entries.values():
        for citation in entry.citations:
            name = citation.speaker.split(",")[0].split()
            capitalised = [w for w in name if w[:1].isupper()]
            # A name of several words ("Foreign Ministry", "Pledge Times") is looked for
            # whole: each of its words may be ordinary ("a foreign key", "three times").
            words.add(fold(" ".join(capitalised)))
    return frozenset(w for w in words | HOOK_WORDS if len(w) > 1 and w not in STOPWORDS)


def _always_capitalised(knowledge: Knowledge) -> frozenset[str]:
    """The folded words the sources write, each time, with a capital ("Europe")."""
    written = [w for s in knowledge.sources.values() for w in re.findall(r"[^\W\d_]+", s.text)]
    lowercase = {w for w in written if w[:1].islower()}
    return frozenset(fold(w) for w in written if w[:1].isupper() and w.lower() not in lowercase)


def places_written(words: frozenset[str]) -> list[str]:
    """`file:line: word` for every subject word written in a Python file under bot/."""
    plain = sorted(w for w in words if w not in ORDINARY_WORDS)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, plain)) + r")(?![\w])", re.I)
    names = [form for w in sorted(words & ORDINARY_WORDS) for form in (w.capitalize(), w.upper())]
    capitalised = re.compile(r"(?<![\w])(?:" + "|".join(names) + r")(?![\w])")
    found = []
    for path in sorted((PROJECT / "bot").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in (*pattern.finditer(line), *capitalised.finditer(line)):
                where = path.relative_to(PROJECT)
                found.append(f"{where}:{number}: {match.group()}")
    return found


def test_no_name_of_the_shipped_subject_is_written_in_the_code():
    knowledge = load_knowledge(PROJECT / "knowledge").knowledge
    assert knowledge is not None
    assert places_written(subject_words(knowledge)) == []
