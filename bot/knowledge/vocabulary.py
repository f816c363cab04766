"""The rules of the vocabulary files (knowledge/vocabulary/*.yaml), and their clashes.

A vocabulary file teaches the engine the subject's words: names to recognise, aliases that
map people's words onto the sources' words, and the case forms of names. Every word is
stored folded (as the engine reads text), so "Përse" and "perse" are one word.
The file format is documented in knowledge/README.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot import strings
from bot.engine.lexicon import ENDINGS, GENERAL_ALIASES
from bot.engine.text import fold
from bot.knowledge.fields import ANY_LENGTH, kind_of, list_field, mapping_fields, text_value
from bot.knowledge.model import Forms, Vocabulary
from bot.knowledge.problems import FieldPath, Report

WORD_LIMIT = 100
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
    folded = fold(text)
    if not folded:
        report.add(path, strings.Check.EMPTY_TEXT)
        return None
    return folded


def _words(report: Report, path: FieldPath, value: object) -> tuple[str, ...]:
    items = list_field(report, path, value, ANY_LENGTH)
    words = (_word(report, (*path, i), item) for i, item in enumerate(items))
    return tuple(word for word in words if word is not None)


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
        if form in meanings and meanings[form] != read:
            message = strings.Check.FORM_CLAIMED_HERE.format(
                form=form, meaning=read, other=meanings[form]
            )
            report.add((*path, key), message)
        meanings[form] = read
    return meanings


def _all_forms(report: Report, value: object) -> tuple[Forms, ...]:
    items = list_field(report, ("forms",), value, ANY_LENGTH)
    found = (_forms(report, ("forms", i), item) for i, item in enumerate(items))
    return tuple(forms for forms in found if forms is not None)


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
        general = GENERAL_ALIASES.get(form)
        if general is not None:
            message = strings.Check.FORM_OF_THE_LANGUAGE.format(form=form, meaning=general or "")
            report.add(path, message)
            return
        claimed = self.meanings.get(form)
        if claimed is None:
            self.meanings[form] = (meaning, report.label)
        elif claimed[0] != meaning:
            message = strings.Check.FORM_CLAIMED.format(
                form=form, meaning=meaning, other=claimed[0], file=claimed[1]
            )
            report.add(path, message)


def _claims(vocabulary: Vocabulary) -> list[tuple[str, str, FieldPath]]:
    """Every form the file makes (aliases, then stems with their endings) and its meaning."""
    claims = [(form, meaning, ("aliases", form)) for form, meaning in vocabulary.aliases.items()]
    for i, forms in enumerate(vocabulary.forms):
        for stem, meaning in forms.stems.items():
            for ending in forms.endings:
                claims.append((stem + ending, meaning, ("forms", i, "stems", stem)))
    return claims
