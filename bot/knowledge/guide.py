"""Guided coverage of a source: each sentence no entry cites, as a citation ready to write from.

After adding a source, a moderator covers it sentence by sentence. For each uncited sentence
this module prepares what the entry form's citation needs (the source, the sentence as the
quote, and the speaker the sentence names) and suggests a topic, so the moderator only
writes the question, the answer and the phrasings. Speakers are read from general patterns
of attribution in English ("X said", "said X", "according to X", "X told ..."), never from
names known in advance.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from bot.knowledge.coverage import SENTENCE_STARTERS, Sentence, source_coverage, split_sentences
from bot.knowledge.model import Entry, Knowledge, Source
from bot.knowledge.quotes import marks_unpaired, quote_spans, unpaired_fix
from bot.knowledge.validate import QUOTE_LIMIT, SPEAKER_LIMIT
from bot.language.words import CALENDAR_NAMES, NAME_PARTICLES

# A quotation runs on over at most this many sentences after the one opening it before
# the one closing it names its speaker (the source article's longest runs over two).
QUOTATION_REACH = 4
_OPENING_MARKS = " \"'“‘«("
_WORD = r"[A-Z][\w'’.-]*"
# Small words inside a name, which may also open it ("said van der Berg", "Van der Berg said").
_PARTICLE = rf"(?i:{'|'.join(sorted(NAME_PARTICLES))})"
# Small words joining the parts of a title, or two names ("High Representative for Foreign
# Policy and Security Jane Doe", "Ministry of the Interior"): a name never opens with one.
_JOIN_WORDS = ("of", "for", "and", "on", "the")
_JOIN = f"(?:{'|'.join(_JOIN_WORDS)})"
# The small words are taken possessively (`*+`): a capitalised particle ("Van") is also a
# word, and trying it as either at every place made a line of them take exponential time.
_NAME = rf"(?:{_PARTICLE} )*+{_WORD}(?: (?:(?:{_PARTICLE}|{_JOIN}) )*+{_WORD})*"
_SPEAKING = (
    "said|says|told|tells|added|adds|stated|states|noted|notes|explained|explains|warned|"
    "warns|wrote|writes|argued|argues|announced|announces|insisted|insists|declared|declares|"
    "stressed|stresses|reported|reports|recalled|recalls|emphasised|emphasized|claimed|claims|"
    "confirmed|confirms|denied|denies|condemned|condemns|urged|urges|tweeted|tweets|posted|"
    "posts|praised|praises|hailed|hails"
)
# What a body said: a verb that is no plural noun too ("the member states", "police reports").
_SAID = "said|say|says|told|added|stated|announced|confirmed|warned|denied|insisted|declared"
# Words that may stand between a speaker and the verb ("Police later said").
_BETWEEN = "later|also|earlier|then|now|previously|first|finally|today|yesterday"
# Verbs that may follow a quotation before the speaker's name ("...,” said Jane Doe"); not
# those whose object is who was spoken to ("..., told Doe", "urged Doe").
_SPEAKING_BEFORE_NAME = (
    "said|says|added|adds|stated|states|noted|notes|explained|explains|wrote|writes|argued|"
    "argues|announced|announces|insisted|insists|declared|declares|stressed|stresses|"
    "reported|reports|recalled|recalls|emphasised|emphasized|claimed|claims|confirmed|confirms|"
    "tweeted|tweets|posted|posts"
)
# A post written in lowercase between a body and the name of who holds it ("...,” tweeted
# Zenda's Council chief Jane Doe"): the speaker is the name after it, not the body.
_ROLE = (
    "chief|head|president|minister|spokesperson|spokesman|spokeswoman|leader|secretary|"
    "ambassador|envoy|commissioner|official|director|governor|mayor|chair|chairman"
)
# A speaker named at the start of a sentence and described before the verb ("Jane Doe,
# Central Bank Governor, CBK, told reporters"): one or two short parts between commas.
_DESCRIBED = r"(?:[^,.;:“”\"]{1,60}, ){1,2}"
# A speaker named by a pronoun ("...,” he said", "it added"): someone named before.
_PRONOUN_SPEAKING = re.compile(rf"(?<![\w'’])(?i:he|she|it) (?:(?:{_BETWEEN}) )?(?:{_SPEAKING})\b")
# A pronoun is read back at most this many sentences: a reader takes "he" for someone just
# named, and a line of pronouns costs a bounded reading each.
PRONOUN_REACH = 3
# In the order they are tried: the explicit phrase first, then a name before its verb (the
# usual "..., Doe said"), a described name opening the sentence, a name and the body it
# qualifies ("Freedonia police said"), then a verb after a quotation, before its name
# ("...,” said Jane Doe", after a body and a post: "...,” tweeted Council chief Jane Doe").
_ATTRIBUTIONS = (
    re.compile(rf"\b(?i:according) to (?:the )?(?P<name>{_NAME})"),
    re.compile(
        rf"(?<![\w'’])(?P<name>{_NAME}) (?:(?:{_BETWEEN}) )?(?:has |had )?(?:{_SPEAKING})\b"
    ),
    re.compile(
        rf"^(?P<name>{_NAME}), {_DESCRIBED}(?:(?:{_BETWEEN}) )?(?:has |had )?(?:{_SPEAKING})\b"
    ),
    re.compile(
        rf"(?<![\w'’])(?P<name>{_NAME} (?!(?:{_BETWEEN}|has|had)\b)[a-z]+)"
        rf" (?:(?:{_BETWEEN}) )?(?:has |had )?(?:{_SAID})\b"
    ),
    re.compile(
        rf"(?<=[,”\"'’] )(?:{_SPEAKING_BEFORE_NAME}) (?:the )?{_NAME} (?:{_ROLE}) (?P<name>{_NAME})"
    ),
    re.compile(rf"(?<=[,”\"'’] )(?:{_SPEAKING_BEFORE_NAME}) (?:the )?(?P<name>{_NAME})"),
)
# Words that open a sentence before a name ("Then Doe said") and are no part of it.
_OPENING_WORDS = """
    then also so now later still yet moreover furthermore instead today yesterday earlier
    first finally previously speaking
"""
# A headline in title case capitalises the small words too ("Dozens Of Troops Injured").
_NOT_NAMES = SENTENCE_STARTERS | frozenset(_OPENING_WORDS.split()) | {"of", "for", "and", "on"}
# "According to Doe's laws" names what Doe owns, not who speaks.
_POSSESSIVES = ("'s", "’s", "s'", "s’")
# Marks that open a quotation at the start of a paragraph.
_OPENING_QUOTES = ("“", '"', "«", "„", "‘")
# Marks that show a sentence quotes someone (not ’, which is also an apostrophe).
_QUOTE_MARKS = ("“", "”", '"', "«", "»", "„")
# A sentence takes the topic of an entry it shares this many words of this length with.
SIMILAR_WORDS_MIN = 3
WORD_LENGTH_MIN = 5
# Attributions stand near the start or the end of a sentence; reading at most this much of
# each end keeps the patterns' work bounded on a pathological line.
READ_LIMIT = 400


@dataclass(frozen=True)
class Suggestion:
    """An uncited sentence, and the citation and topic to start its entry from."""

    sentence: Sentence
    quote: str
    speaker: str
    topic: str


@dataclass(frozen=True)
class SourceGuide:
    """How much of a source is cited, and a suggestion for each sentence that is not."""

    source: Source
    total: int
    uncited: int
    suggestions: tuple[Suggestion, ...]

    @property
    def cited(self) -> int:
        """How many of the source's sentences some entry cites."""
        return self.total - self.uncited


def guide(knowledge: Knowledge, source_id: str, limit: int | None = None) -> SourceGuide | None:
    """The guided coverage of one source; None when there is no such source.

    `limit` caps how many suggestions are prepared (the count of sentences stays exact):
    Discord shows a page of them, and reading speakers costs a pass over the source each.
    """
    source = knowledge.sources.get(source_id)
    if source is None:
        return None
    covered = source_coverage(knowledge, source)
    sentences = split_sentences(source.text)
    position = {sentence.start: index for index, sentence in enumerate(sentences)}
    neighbours = _neighbours_topics(_sentence_topics(knowledge, source, sentences))
    fallback = _common_topic(knowledge, source)
    vocabulary = _entry_words(knowledge)
    layout = _Layout.of(sentences)
    suggestions = tuple(
        Suggestion(
            sentence=sentence,
            quote=quote_of(sentence.text),
            speaker=_speaker(layout, position[sentence.start], source),
            topic=neighbours[position[sentence.start]]
            or _similar_topic(vocabulary, sentence.text)
            or fallback,
        )
        for sentence in covered.uncited[:limit]
    )
    return SourceGuide(source, covered.total, len(covered.uncited), suggestions)


def citing_counts(knowledge: Knowledge) -> dict[str, int]:
    """How many entries cite each source (0 for a source no entry cites)."""
    counts = dict.fromkeys(knowledge.sources, 0)
    for entry in knowledge.entries.values():
        for source_id in {c.source_id for c in entry.citations}:
            counts[source_id] = counts.get(source_id, 0) + 1
    return counts


def citation_block(source_id: str, speaker: str, quote: str) -> str:
    """A citation as the entry form's citations input (and a pasted block) holds it."""
    return f"source: {source_id}\nspeaker: {speaker}\nquote: {quote}"


def quote_of(sentence: str) -> str:
    """The sentence as a quote: the words inside lone quotation marks, within the limit.

    Cut at a word, so the quote still stands verbatim in the source; empty when no word
    ends within the limit.
    """
    quote = unpaired_fix(sentence) or sentence
    if len(quote) <= QUOTE_LIMIT:
        return quote
    cut = quote.rfind(" ", 0, QUOTE_LIMIT)
    return quote[:cut] if cut > 0 else ""  # no word ends within the limit: none to suggest


def read_speaker(sentence: str, source: Source) -> str:
    """Who the sentence says is speaking, named as fully as the source names them.

    "..., Doe said." gives the fuller "Jane Doe" when the source writes that name
    somewhere; a sentence naming no one is the outlet's own reporting.
    """
    if len(sentence) > 2 * READ_LIMIT:
        sentence = f"{sentence[:READ_LIMIT]} … {sentence[-READ_LIMIT:]}"
    for pattern in _ATTRIBUTIONS:
        for match in pattern.finditer(sentence):
            name = _trimmed(match.group("name"))
            if name and not name.endswith(_POSSESSIVES):
                return _full_name(name, source.text)[:SPEAKER_LIMIT]
    return source.outlet


def _speaker(layout: _Layout, index: int, source: Source) -> str:
    """Who speaks the sentence at `index`: the one it names, or whose quotation goes on.

    A sentence naming no one is the outlet's own reporting, unless it stands in a
    quotation run on from the sentence before (`_speaker_going_on`).
    """
    speaker = _named_speaker(layout, index, source)
    if speaker != source.outlet:
        return speaker
    return _speaker_going_on(layout, index, source) or speaker


def _named_speaker(layout: _Layout, index: int, source: Source) -> str:
    """Who the sentence at `index` names as speaking; "he said" is whoever one before names.

    A pronoun is followed back through the sentences that also say "he said" to the one
    naming its speaker; when that one is the outlet's own reporting, the pronoun's speaker
    is not known and the outlet stands, as for any sentence naming no one.
    """
    earliest = max(0, index - PRONOUN_REACH)
    while index > earliest and _PRONOUN_SPEAKING.search(_attributed(layout, index)):
        index -= 1
    return read_speaker(_attributed(layout, index), source)


def _speaker_going_on(layout: _Layout, index: int, source: Source) -> str | None:
    """Who goes on speaking in a quotation that names no one: "“A,” Doe said. “B. C.”".

    A quotation opening right after a sentence of the same paragraph that quotes someone
    and names them (or says "she said" after naming them) is that person's words going on,
    the way news reports run a quote on; but only when it closes within `QUOTATION_REACH`
    sentences with nothing after its closing mark: a quotation whose end says who spoke
    it ("..., the minister replied") names another speaker, or one the patterns do not read.
    """
    opening = layout.quotation_opening(index)
    if opening is None or opening == layout.firsts[index]:
        return None
    if not any(mark in layout.sentences[opening - 1].text for mark in _QUOTE_MARKS):
        return None
    closing = layout.quotation_closing(opening)
    if closing is None or _after_closing_mark(layout.sentences[closing].text):
        return None
    speaker = _named_speaker(layout, opening - 1, source)
    return None if speaker == source.outlet else speaker


def _after_closing_mark(text: str) -> bool:
    """Whether words follow the last quotation mark of a sentence closing a quotation."""
    last = max(text.rfind(mark) for mark in _QUOTE_MARKS)
    return any(character.isalnum() for character in text[last + 1 :])


def _attributed(layout: _Layout, index: int) -> str:
    """The text that says who spoke the sentence at `index`.

    A sentence opening a quotation, or standing inside one opened before it in its
    paragraph, is attributed where the quotation closes: it is read with the sentences of
    the same paragraph up to the one closing it (at most `QUOTATION_REACH` on). A
    paragraph that opens with a quotation, after one ending in a colon ("Jane Doe said on
    social media:"), is the words that colon announces.
    """
    sentences = layout.sentences
    announced = _announcing(sentences, layout.firsts[index])
    if announced is not None:
        return announced.text
    sentence = sentences[index]
    opened_before = layout.open_since[index] is not None
    if opened_before == marks_unpaired(sentence.text):
        return sentence.text  # no quotation, or the one it closes is attributed here
    texts = [sentence.text]
    for following in sentences[index + 1 : index + 1 + QUOTATION_REACH]:
        if following.line != sentence.line:
            break
        texts.append(following.text)
        if marks_unpaired(following.text):
            break
    return " ".join(texts)


@dataclass(frozen=True)
class _Layout:
    """A source's sentences with, for each, where its paragraph and its quotation start.

    Worked out once for the whole source, so reading each sentence's speaker looks at a
    few sentences around it, however long its paragraph: a one-line source of thousands
    of quoted sentences is read in linear time.
    """

    sentences: list[Sentence]
    # For each sentence, the index of the first sentence of its paragraph (its line).
    firsts: list[int]
    # For each sentence, the sentence opening the quotation still open before it in its
    # paragraph (a sentence with an unpaired mark opens one, or closes the one open).
    open_since: list[int | None]

    @classmethod
    def of(cls, sentences: list[Sentence]) -> _Layout:
        firsts: list[int] = []
        open_since: list[int | None] = []
        for index, sentence in enumerate(sentences):
            same_line = index > 0 and sentences[index - 1].line == sentence.line
            firsts.append(firsts[-1] if same_line else index)
            opening = None
            if same_line:
                before = sentences[index - 1].text
                opening = open_since[-1]
                if marks_unpaired(before):
                    opening = index - 1 if opening is None else None
            open_since.append(opening)
        return cls(sentences, firsts, open_since)

    def quotation_closing(self, opening: int) -> int | None:
        """The sentence closing the quotation opened at `opening`, within `QUOTATION_REACH`."""
        line = self.sentences[opening].line
        for at in range(opening + 1, min(opening + 1 + QUOTATION_REACH, len(self.sentences))):
            if self.sentences[at].line != line:
                return None
            if marks_unpaired(self.sentences[at].text):
                return at
        return None

    def quotation_opening(self, index: int) -> int | None:
        """The sentence opening the quotation the sentence at `index` stands in, if any."""
        opening = self.open_since[index]
        if opening is None and marks_unpaired(self.sentences[index].text):
            return index
        return opening


def _announcing(sentences: list[Sentence], first: int) -> Sentence | None:
    """The sentence ending in a colon before a paragraph (its first sentence at `first`)."""
    if first == 0 or not sentences[first].text.startswith(_OPENING_QUOTES):
        return None
    before = sentences[first - 1]
    return before if before.text.rstrip().endswith(":") else None


def _trimmed(name: str) -> str:
    """The name without words caught with it: "However Doe", "Doe on Monday", a full stop."""
    words = name.split()
    while words and words[0].casefold() in _NOT_NAMES:
        words.pop(0)
    for at in range(1, len(words) - 1):
        if words[at] in _JOIN_WORDS and words[at + 1].casefold().rstrip(".") in CALENDAR_NAMES:
            words = words[:at]
            break
    if words and words[-1].count(".") == 1 and words[-1].endswith("."):
        words[-1] = words[-1][:-1]
    return " ".join(words)


@lru_cache(maxsize=256)
def _full_name(name: str, text: str) -> str:
    """`name` with the capitalised word the source most often writes before it, if any.

    The particles are given as the source writes them there ("Van der Berg" at the start of
    a sentence is "Anna van der Berg").

    A one-word name, or one that opens with a particle ("van der Berg"), is usually a
    surname the source introduced in full earlier (with an initial: `_with_given_name`).
    A word that merely opens a sentence does not count. An acronym names a body, not a
    person: the word before it is not its first name ("the Northern ROSA contingent").
    """
    if (" " in name and not re.match(rf"{_PARTICLE} ", name)) or name.isupper():
        return name
    surname = rf"(?i:{re.escape(name)})" if " " in name else re.escape(name)
    before = Counter(
        match.group()
        for match in re.finditer(rf"(?<![\w'’.-])(?P<first>{_WORD}) {surname}\b", text)
        if match.group("first").casefold() not in _NOT_NAMES
        and not _ends_a_sentence(match.group("first"))
        and not _opens_sentence(text, match.start())
    )
    if not before:
        return name
    return _with_given_name(before.most_common(1)[0][0], text)


def _with_given_name(name: str, text: str) -> str:
    """A name opening with an initial ("J. Doe") with the word the source writes before it.

    A word before an initial is the given name even where it opens a sentence ("Ann J.
    Doe spoke"): no sentence ends in a capitalised word and an initial.
    """
    if re.match(r"[A-Z]\. ", name) is None:
        return name
    given = re.search(rf"(?<![\w'’.-])(?P<given>{_WORD}) {re.escape(name)}\b", text)
    if given is None or given.group("given").casefold() in _NOT_NAMES:
        return name
    return name if _ends_a_sentence(given.group("given")) else given.group()


def _ends_a_sentence(word: str) -> bool:
    """Whether a capitalised word with a full stop ends a sentence ("...held in Avalon. Doe").

    An initial ("J.") does not: it stands inside a name ("Ann J. Doe"). A dotted
    abbreviation ("U.S.") may end one, and a name's first word is never one.
    """
    return word.endswith(".") and re.fullmatch(r"[A-Z]\.", word) is None


def _opens_sentence(text: str, index: int) -> bool:
    """Whether only opening marks stand between `index` and a sentence's end or the start.

    Looked at backwards from `index`, not by copying all before it: a name may be written
    thousands of times in a long source.
    """
    at = index
    while at > 0 and text[at - 1] in _OPENING_MARKS:
        at -= 1
    return at == 0 or text[at - 1] in ".!?\n"


def _sentence_topics(
    knowledge: Knowledge, source: Source, sentences: list[Sentence]
) -> list[list[str]]:
    """For each sentence, the topics of the entries whose quotes cover part of it."""
    topics: list[list[str]] = [[] for _ in sentences]
    ends = [sentence.end for sentence in sentences]  # in order, as the sentences are
    for entry, start, end in _cited_spans(knowledge.entries.values(), source):
        index = bisect.bisect_right(ends, start)  # the first sentence ending after it starts
        while index < len(sentences) and sentences[index].start < end:
            topics[index].append(entry.topic)
            index += 1
    return topics


def _cited_spans(entries: Iterable[Entry], source: Source) -> Iterable[tuple[Entry, int, int]]:
    for entry in entries:
        for citation in entry.citations:
            if citation.source_id == source.id:
                for start, end in quote_spans(citation.quote, source.text):
                    yield entry, start, end


def _neighbours_topics(topics: list[list[str]]) -> list[str]:
    """For each sentence, the topic of the nearest cited sentences around it ("" if none).

    The one before comes first among equally near. The nearest cited sentence on each
    side is carried along in one pass each way: looking outwards from every sentence made
    a long source that no entry cites yet quadratic.
    """
    before = _nearest_cited(range(len(topics)), topics)
    after = _nearest_cited(reversed(range(len(topics))), topics)[::-1]
    found = []
    for index, (earlier, later) in enumerate(zip(before, after, strict=True)):
        distances = [abs(index - n) for n in (earlier, later) if n is not None and n != index]
        distance = min(distances, default=0)
        near = [
            topic
            for neighbour in (index - distance, index + distance)
            if distance and neighbour in (earlier, later)
            for topic in topics[neighbour]
        ]
        found.append(Counter(near).most_common(1)[0][0] if near else "")
    return found


def _nearest_cited(order: Iterable[int], topics: list[list[str]]) -> list[int | None]:
    """For each index in `order`, the last cited index met before it in that order."""
    nearest: list[int | None] = []
    last = None
    for index in order:
        nearest.append(last)
        if topics[index]:
            last = index
    return nearest


def _entry_words(knowledge: Knowledge) -> list[tuple[str, frozenset[str]]]:
    """Each entry's topic with the words of its question, answer and phrasings."""
    return [
        (entry.topic, _words(" ".join((entry.question, entry.answer, *entry.phrasings))))
        for entry in knowledge.entries.values()
    ]


def _similar_topic(vocabulary: list[tuple[str, frozenset[str]]], sentence: str) -> str:
    """The topic of the entry whose words the sentence shares most (a few at least).

    For a source no entry cites yet, entries from other sources on the same matter are the
    best guess at where its sentences belong. A shared word counts less the more entries
    have it, so the subject's everyday words do not decide.
    """
    words = _words(sentence)
    spread = Counter(word for _, entry_words in vocabulary for word in entry_words & words)
    best, best_weight = "", 0.0
    for topic, entry_words in vocabulary:
        shared = entry_words & words
        weight = sum(1 / spread[word] for word in shared)
        if len(shared) >= SIMILAR_WORDS_MIN and weight > best_weight:
            best, best_weight = topic, weight
    return best


def _words(text: str) -> frozenset[str]:
    """The longer words of a text, casefolded: short ones are mostly grammar."""
    return frozenset(w for w in re.findall(r"\w+", text.casefold()) if len(w) >= WORD_LENGTH_MIN)


def _common_topic(knowledge: Knowledge, source: Source) -> str:
    """The topic most entries citing the source have, else the most common topic of all."""
    citing = [
        e.topic
        for e in knowledge.entries.values()
        if any(c.source_id == source.id for c in e.citations)
    ]
    every = [e.topic for e in knowledge.entries.values()]
    for topics in (citing, every):
        if topics:
            return Counter(topics).most_common(1)[0][0]
    return ""
