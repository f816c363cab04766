"""The rules of the vocabulary files (knowledge/vocabulary/*.yaml), and their clashes.

A vocabulary file teaches the engine the subject's words: names to recognise, aliases that
map people's words onto the sources' words, and the case forms of names. Every word is
stored folded (as the engine reads text), so "Përse" and "perse" are one word.
The file format is documented in knowledge/README.md.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml

from bot import strings
from bot.knowledge.fields import ANY_LENGTH, kind_of, list_field, mapping_fields, text_value
from bot.knowledge.model import Forms, Vocabulary
from bot.knowledge.problems import FieldPath, Problem, Report
from bot.language.markup import markup_in
from bot.language.text import fold
from bot.language.text import stem as stem_of
from bot.language.words import ASKING_WORDS, ENDINGS, GENERAL_ALIASES, STOPWORDS

WORD_LIMIT = 100
# Case forms one vocabulary file may make: fifty times the shipped files' (494 in the
# largest), and room for 500 people's names under both sets of a person's endings (45
# endings), which files could list before those sets took the endings of names ending in
# a consonant. A form costs about 200 bytes of the lexicon: 5 MB at most.
FORMS_LIMIT = 25_000
# A form of one or two letters that the engine passes over ("be", "in", "i", "a") stands in
# almost every question, in several languages: read as a word of the subject (an
# abbreviation in another language) it would change them all. Longer common words
# ("talks", "give up") may be given a meaning: they are rare enough to mean one thing.
LONGEST_TOO_COMMON_FORM = 2
NAME_LISTS = ("names", "people", "protagonists", "topics")
VOCABULARY_FIELDS = (*NAME_LISTS, "aliases", "forms")
FORMS_FIELDS = ("endings", "stems")
_WHAT = strings.Check.A_VOCABULARY


def check_vocabulary(data: object, report: Report) -> Vocabulary | None:
    """One vocabulary file as a `Vocabulary`, or None when anything in it is wrong."""
    fields = mapping_fields(report, data, (), VOCABULARY_FIELDS, VOCABULARY_FIELDS, _WHAT)
    if fields is None:
        return None
    before = len(report.problems)
    lists = {name: _words(report, (name,), fields[name]) for name in NAME_LISTS if name in fields}
    aliases = _meanings(report, ("aliases",), fields["aliases"]) if "aliases" in fields else {}
    forms = _all_forms(report, fields["forms"]) if "forms" in fields else ()
    if len(report.problems) > before:
        return None
    return Vocabulary(
        names=lists.get("names", ()),
        people=lists.get("people", ()),
        protagonists=lists.get("protagonists", ()),
        topics=lists.get("topics", ()),
        aliases=aliases,
        forms=forms,
    )


def _word(report: Report, path: FieldPath, value: object) -> str | None:
    """One word or phrase, folded; None (reported) when it is no text or folds to nothing."""
    text = text_value(report, path, value, WORD_LIMIT)
    if text is None:
        return None
    markup = markup_in(text)
    if markup is not None:
        report.add(path, strings.Check.MARKUP.format(markup=markup))
        return None
    folded = fold(text)
    if not folded:
        report.add(path, strings.Check.EMPTY_TEXT)
        return None
    return folded


def _words(report: Report, path: FieldPath, value: object) -> tuple[str, ...]:
    """A list of names: each one word, since the engine reads names word by word."""
    items = list_field(report, path, value, ANY_LENGTH)
    words = []
    for i, item in enumerate(items):
        word = _word(report, (*path, i), item)
        if word is not None and " " in word:
            first = word.split()[0]
            report.add((*path, i), strings.Check.SEVERAL_WORDS.format(value=word, first=first))
        elif word is not None:
            words.append(word)
    return tuple(words)


def _meanings(report: Report, path: FieldPath, value: object) -> dict[str, str]:
    """A mapping of `form: meaning` lines, each side folded."""
    if not isinstance(value, Mapping):
        report.add(path, strings.Check.NOT_A_WORD_MAPPING.format(kind=kind_of(value)))
        return {}
    meanings: dict[str, str] = {}
    for key, meaning in value.items():
        form = _word(report, (*path, key), key)
        read = _word(report, (*path, key), meaning)
        if form is None or read is None:
            continue
        if form in meanings and not _read_alike(meanings[form], read):
            message = strings.Check.FORM_CLAIMED_HERE.format(
                form=form, meaning=read, other=meanings[form]
            )
            report.add((*path, key), message)
        meanings[form] = read
    return meanings


def _all_forms(report: Report, value: object) -> tuple[Forms, ...]:
    """The file's sets of case forms, or none when they make more than FORMS_LIMIT forms.

    Forms are every stem times every ending: a file well within its size could otherwise
    make millions, and take gigabytes to read.
    """
    items = list_field(report, ("forms",), value, ANY_LENGTH)
    found = (_forms(report, ("forms", i), item) for i, item in enumerate(items))
    forms = tuple(forms for forms in found if forms is not None)
    count = sum(len(group.stems) * len(group.endings) for group in forms)
    if count > FORMS_LIMIT:
        report.add(("forms",), strings.Check.TOO_MANY_FORMS.format(count=count, limit=FORMS_LIMIT))
        return ()
    return forms


def _forms(report: Report, path: FieldPath, value: object) -> Forms | None:
    if not isinstance(value, Mapping):
        report.add(path, strings.Check.FORMS_NOT_A_MAPPING.format(kind=kind_of(value)))
        return None
    fields = mapping_fields(report, value, path, FORMS_FIELDS, (), strings.Check.A_SET_OF_FORMS)
    if fields is None or any(name not in fields for name in FORMS_FIELDS):
        return None
    endings = _endings(report, (*path, "endings"), fields["endings"])
    stems = _meanings(report, (*path, "stems"), fields["stems"])
    return Forms(endings, stems) if endings is not None else None


def _endings(report: Report, path: FieldPath, value: object) -> tuple[str, ...] | None:
    """The endings: the name of a set of endings the engine knows, or a list of them.

    An ending may be empty (the stem alone is a form), so it is not read as a word.
    """
    if isinstance(value, str):
        if value.strip() not in ENDINGS:
            known = ", ".join(ENDINGS)
            report.add(path, strings.Check.UNKNOWN_ENDINGS.format(value=value, known=known))
            return None
        return ENDINGS[value.strip()]
    items = list_field(report, path, value, ANY_LENGTH)
    endings = []
    for i, item in enumerate(items):
        if not isinstance(item, str):
            report.add((*path, i), strings.Check.NOT_TEXT.format(kind=kind_of(item)))
            return None
        endings.append(fold(item))
    return tuple(endings)


@dataclass
class VocabularyClaims:
    """Which file (and field) claimed each name and each form, to find clashes between files.

    A form read two ways depends on which file is read first, and an alias of a listed name
    hides the name: both are refused, naming the other file.
    """

    meanings: dict[str, tuple[str, str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, vocabulary: Vocabulary, report: Report) -> None:
        """Record the file's names and forms, reporting each that clashes with one before."""
        for name in NAME_LISTS:
            for word in getattr(vocabulary, name):
                self.names.setdefault(word, report.label)
        for form, meaning, path in _claims(vocabulary):
            self._claim(form, meaning, path, report)

    def check_names(self, vocabulary: Vocabulary, report: Report) -> None:
        """Report the file's aliases that hide a name listed anywhere (once all are read)."""
        for form, meaning, path in _claims(vocabulary):
            if form in self.names and form != meaning:
                where = self.names[form]
                message = strings.Check.ALIAS_HIDES_NAME.format(
                    form=form, meaning=meaning, file=where
                )
                report.add(path, message)

    def _claim(self, form: str, meaning: str, path: FieldPath, report: Report) -> None:
        """Record that `form` is read as `meaning`, or report why it cannot be.

        An alias the general language already makes ("dont: do not") only says it again:
        accepted, so a release that teaches the engine a word a knowledge already aliased
        the same way does not make that knowledge fail its check.
        """
        general = GENERAL_ALIASES.get(form)
        if general is not None and general != meaning:
            message = strings.Check.FORM_OF_THE_LANGUAGE.format(form=form, meaning=general or "")
            report.add(path, message)
            return
        if form in STOPWORDS and len(form) <= LONGEST_TOO_COMMON_FORM:
            report.add(path, strings.Check.ALIAS_OF_A_STOPWORD.format(form=form))
            return
        if form in ASKING_WORDS:
            report.add(path, strings.Check.ALIAS_OF_AN_ASKING_WORD.format(form=form))
            return
        claimed = self.meanings.get(form)
        if claimed is None:
            self.meanings[form] = (meaning, report.label)
        elif not _read_alike(claimed[0], meaning):
            message = strings.Check.FORM_CLAIMED.format(
                form=form, meaning=meaning, other=claimed[0], file=claimed[1]
            )
            report.add(path, message)


def _read_alike(meaning: str, other: str) -> bool:
    """Whether two meanings of a form are one word in either number ("investment(s)").

    Files written by different moderators give a word's meaning as a singular or a
    plural; the engine reads both as the one stem. Any other difference is a clash, even
    of words stemming alike ("governor", "government"), or of a name the engine keeps
    whole beside a word ("politico", "political").
    """
    words, others = meaning.split(), other.split()
    return len(words) == len(others) and all(
        a == b or ((_plural(a, b) or _plural(b, a)) and stem_of(a) == stem_of(b))
        for a, b in zip(words, others, strict=True)
    )


def _plural(word: str, singular: str) -> bool:
    """Whether `word` is `singular` with an English plural ending (party, parties)."""
    return word in (singular + "s", singular + "es") or (
        singular.endswith("y") and word == singular[:-1] + "ies"
    )


def _claims(vocabulary: Vocabulary) -> list[tuple[str, str, FieldPath]]:
    """Every form the file makes (aliases, then stems with their endings) and its meaning."""
    claims = [(form, meaning, ("aliases", form)) for form, meaning in vocabulary.aliases.items()]
    for i, forms in enumerate(vocabulary.forms):
        for stem, meaning in forms.stems.items():
            for ending in forms.endings:
                claims.append((stem + ending, meaning, ("forms", i, "stems", stem)))
    return claims


# What each field of a vocabulary file holds, written above it whenever a file is written
# (from Discord), so a file reads the same however it was last saved.
_FIELD_NOTES = {
    "names": (
        "Names of places, states and bodies. A question naming one that an entry does not\n"
        "mention is not answered by that entry."
    ),
    "people": (
        'People a question may ask to quote ("what did X say"): only an entry reporting\n'
        "their own words answers it."
    ),
    "protagonists": (
        "Names the whole knowledge is about: their views come in many voices, so a question\n"
        "about what one says or did is not held to one speaker or deed."
    ),
    "topics": (
        "Names every entry is about, whether it writes them or not: read past like a name,\n"
        "never demanded of an entry."
    ),
    "aliases": (
        "What people write (left) and the words the engine reads instead (right): other\n"
        "names and spellings, acronyms, capitals for their countries, people's words for\n"
        "the sources' words."
    ),
    "forms": (
        "Case forms: every stem followed by every ending of its set is read as the word on\n"
        "its right (sets: albanian, serbian, albanian person, serbian person; or a list)."
    ),
}


def vocabulary_to_yaml(vocabulary: Vocabulary) -> str:
    """The text of a vocabulary file, in the order and with the notes of the format."""
    blocks = []
    for name in NAME_LISTS:
        words = getattr(vocabulary, name)
        if words:
            blocks.append([f"{name}:", *(f"  - {_scalar(w)}" for w in words)])
    if vocabulary.aliases:
        lines = [f"  {_scalar(k)}: {_scalar(v)}" for k, v in vocabulary.aliases.items()]
        blocks.append(["aliases:", *lines])
    if vocabulary.forms:
        lines = ["forms:"]
        for forms in vocabulary.forms:
            lines += [f"  - endings: {_endings_text(forms.endings)}", "    stems:"]
            lines += [f"      {_scalar(k)}: {_scalar(v)}" for k, v in forms.stems.items()]
        blocks.append(lines)
    texts = []
    for block in blocks:
        field_name = block[0].rstrip(":")
        note = "\n".join(f"# {line}" for line in _FIELD_NOTES[field_name].splitlines())
        texts.append(note + "\n" + "\n".join(block))
    return "\n\n".join(texts) + "\n"


def _endings_text(endings: tuple[str, ...]) -> str:
    named = next((name for name, known in ENDINGS.items() if known == endings), None)
    return named or "[" + ", ".join(_scalar(e) for e in endings) + "]"


def _scalar(text: str) -> str:
    """`text` bare when YAML reads it back as the same text, else double-quoted."""
    plain = yaml.safe_dump(text, width=_NEVER_WRAP).removesuffix("\n").removesuffix("\n...")
    return text if plain == text else json.dumps(text, ensure_ascii=False)


_NEVER_WRAP = 1 << 20


FILE_NAME = re.compile(r"[a-z0-9-]{1,64}")
WORD_FIELDS = (*NAME_LISTS, "aliases")


def changed_vocabulary(
    vocabulary: Vocabulary, field_name: str, word: str, meaning: str, adding: bool
) -> Vocabulary | str:
    """`vocabulary` with one word added to or removed from a field, or why it cannot be.

    `field_name` is a list (`names`, `people`...) or `aliases`, where `meaning` is what the
    word is read as. Words are folded as the loader folds them.
    """
    if field_name not in WORD_FIELDS:
        return strings.Moderation.VOCAB_BAD_FIELD.format(fields=", ".join(WORD_FIELDS))
    refused = _markup_refusal(word, meaning) if adding else None
    if refused is not None:
        return refused
    form, read = fold(word), fold(meaning)
    if not form:
        return strings.Moderation.VOCAB_EMPTY_WORD
    if field_name == "aliases":
        return _changed_aliases(vocabulary, form, read, adding)
    if read:
        return strings.Moderation.VOCAB_NO_MEANING.format(field=field_name)
    if adding and " " in form:
        first = form.split()[0]
        return strings.Moderation.VOCAB_SEVERAL_WORDS.format(
            word=form, field=field_name, first=first
        )
    words: tuple[str, ...] = getattr(vocabulary, field_name)
    if adding == (form in words):
        message = strings.Moderation.VOCAB_PRESENT if adding else strings.Moderation.VOCAB_ABSENT
        return message.format(word=form, field=field_name)
    changed = (*words, form) if adding else tuple(w for w in words if w != form)
    return dataclasses.replace(vocabulary, **{field_name: changed})


def files_holding(vocabularies: Mapping[str, Vocabulary], field_name: str, word: str) -> list[str]:
    """The vocabulary files whose `field_name` holds `word` (folded as the loader folds it)."""
    form = fold(word)
    return sorted(
        name
        for name, vocabulary in vocabularies.items()
        if field_name in WORD_FIELDS and form in getattr(vocabulary, field_name)
    )


def _markup_refusal(*words: str) -> str | None:
    """Why a word typed to add holds Discord markup, which folding would turn into a number."""
    for word in words:
        markup = markup_in(word)
        if markup is not None:
            return strings.Moderation.VOCAB_MARKUP.format(markup=markup)
    return None


def _changed_aliases(
    vocabulary: Vocabulary, form: str, read: str, adding: bool
) -> Vocabulary | str:
    aliases = dict(vocabulary.aliases)
    if adding and not read:
        return strings.Moderation.VOCAB_NEEDS_MEANING
    if adding == (form in aliases):
        message = strings.Moderation.VOCAB_PRESENT if adding else strings.Moderation.VOCAB_ABSENT
        return message.format(word=form, field="aliases")
    if adding:
        aliases[form] = read
    else:
        del aliases[form]
    return dataclasses.replace(vocabulary, aliases=aliases)


def is_empty(vocabulary: Vocabulary) -> bool:
    """Whether a vocabulary says nothing (its file is then removed rather than left empty)."""
    return not any(getattr(vocabulary, name) for name in (*WORD_FIELDS, "forms"))


def typed_endings(text: str) -> tuple[str, ...] | Problem:
    """The endings a moderator typed, read by the checker's own rule for `endings:`.

    A set the engine knows is named (`serbian`); a list is written with commas, an empty
    item or `""` standing for the stem alone (`"", a, u, om`). A name the engine does not
    know is refused with the checker's message (the file to be filled in by the caller).
    """
    report = Report("")
    if "," in text:
        value: object = [item.strip().strip('"') for item in text.split(",")]
    else:
        value = " ".join(text.split()).casefold()
    endings = _endings(report, ("forms", "endings"), value)
    return report.problems[0] if endings is None else endings


def endings_shown(endings: tuple[str, ...]) -> str:
    """Endings as a moderator types them: the name of their set, or the list with commas."""
    named = next((name for name, known in ENDINGS.items() if known == endings), None)
    return named or ", ".join(ending or '""' for ending in endings)


def endings_in_use(vocabularies: Mapping[str, Vocabulary]) -> list[str]:
    """The sets the engine knows, then every other list of endings the files use, as typed."""
    shown = list(ENDINGS)
    for vocabulary in vocabularies.values():
        for forms in vocabulary.forms:
            text = endings_shown(forms.endings)
            if text not in shown:
                shown.append(text)
    return shown


def added_forms(
    vocabulary: Vocabulary, endings: str, stem: str, meaning: str
) -> Vocabulary | Problem | str:
    """`vocabulary` reading every case form of `stem` as `meaning`, or why it cannot.

    `endings` is what a moderator types (`typed_endings`). The stem joins the forms of the
    same endings in the file, or starts new ones after them, so the file reads as if
    written by hand.
    """
    read = typed_endings(endings)
    if isinstance(read, Problem):
        return read
    refused = _markup_refusal(stem, meaning)
    if refused is not None:
        return refused
    form, read_as = fold(stem), fold(meaning)
    if not form:
        return strings.Moderation.VOCAB_EMPTY_WORD
    if not read_as:
        return strings.Moderation.VOCAB_STEM_NEEDS_MEANING
    groups = list(vocabulary.forms)
    index = next((i for i, g in enumerate(groups) if g.endings == read), len(groups))
    if index == len(groups):
        groups.append(Forms(read, {}))
    stems = dict(groups[index].stems)
    if form in stems:
        message = strings.Moderation.VOCAB_STEM_PRESENT
        return message.format(stem=form, endings=endings_shown(read))
    stems[form] = read_as
    groups[index] = Forms(read, stems)
    return dataclasses.replace(vocabulary, forms=tuple(groups))


def removed_forms(
    vocabulary: Vocabulary, endings: str | None, stem: str
) -> Vocabulary | Problem | str:
    """`vocabulary` without `stem`'s forms of `endings` (all of them when None), or why not.

    Forms left with no stem go.
    """
    read = None if endings is None else typed_endings(endings)
    if isinstance(read, Problem):
        return read
    form = fold(stem)
    groups = []
    for forms in vocabulary.forms:
        if form not in forms.stems or read not in (None, forms.endings):
            groups.append(forms)
            continue
        stems = {k: v for k, v in forms.stems.items() if k != form}
        if stems:
            groups.append(Forms(forms.endings, stems))
    if groups == list(vocabulary.forms):
        return strings.Moderation.VOCAB_STEM_ABSENT.format(stem=form)
    return dataclasses.replace(vocabulary, forms=tuple(groups))
