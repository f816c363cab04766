"""`python -m bot check` on sources: metadata fields, types and the stored text."""

from __future__ import annotations

from pathlib import Path

import pytest

META = "sources/demo-source.yaml"
TEXT = "sources/demo-source.txt"


def edit(root: Path, old: str, new: str) -> None:
    path = root / "sources" / "demo-source.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('published: "2025-12"', 'published: "2025-12-28"'),
        ("author: null", 'author: "Jane Doe"'),
        ("author: null\n", ""),
        ("url: null", 'url: "https://www.rferl.org/a/kosovo-nato/33612345.html"'),
        ("url: null\n", ""),
        ("language: en", 'language: "sq"'),
        ('published: "2025-12"', 'published: "2026-11"'),
        ('published: "2025-12"', 'published: "2026-11-27"'),
    ],
)
def test_accepts_every_documented_form_of_the_metadata(knowledge, check, old, new):
    edit(knowledge, old, new)
    assert check(knowledge) == (0, ["ok: 2 entries, 1 source"])


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'published: "2025-12"',
            'published: "December 2025"',
            "5: published: 'December 2025' is not a date: write YYYY-MM-DD, "
            "or YYYY-MM when the day is not known",
        ),
        (
            'published: "2025-12"',
            'published: "2025-13"',
            "5: published: '2025-13' is not a date: write YYYY-MM-DD, "
            "or YYYY-MM when the day is not known",
        ),
        (
            'published: "2025-12"',
            "published: 2025-12-28",
            "5: published: YAML reads a bare `2025-12-28` as a date, not text: write it in quotes",
        ),
        (
            'added: "2026-11-27"',
            'added: "2026-11"',
            "8: added: '2026-11' is not a date: write YYYY-MM-DD",
        ),
        (
            "url: null",
            'url: "http://example.org/a"',
            "6: url: 'http://example.org/a' is not a web address: "
            "write https://…, or null when unknown",
        ),
        (
            "language: en",
            'language: "English"',
            "7: language: 'English' is not a language code: "
            "write two lowercase letters, such as en",
        ),
        (
            "author: null",
            "author: 42",
            "4: author: YAML reads a bare `42` as a number, not text: write it in quotes",
        ),
        (
            "url: null",
            'url: "https://example.org/a?' + "utm=x&" * 100 + '"',
            "6: url: is 622 characters long; the limit is 500",
        ),
        (
            'published: "2025-12"',
            'published: "2052-12"',
            "5: published: '2052-12' is after the day the source was added (2026-11-27): a "
            "source is published before it is added; check the year",
        ),
        (
            'added: "2026-11-27"',
            'added: "2099-01-02"',
            "8: added: '2099-01-02' is after today: a source is added on the day it is "
            "reviewed; check the year",
        ),
        ('outlet: "Demo Outlet"\n', "", "1: outlet: is missing; a source needs it"),
        (
            "language: en",
            "language: en\nlicence: none",
            "8: licence: is not a field of a source; its fields are: id, title, outlet, "
            "author, published, url, language, added",
        ),
    ],
)
def test_reports_bad_metadata_on_its_line(knowledge, check, old, new, expected):
    edit(knowledge, old, new)
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [f"{META}:{expected}"]


def test_reports_a_missing_text_and_does_not_blame_its_citations(knowledge, check):
    (knowledge / "sources" / "demo-source.txt").unlink()
    assert check(knowledge) == (
        1,
        [f"{TEXT}: is missing; every source needs its full text beside its metadata"],
    )


def test_reports_an_empty_text(knowledge, check):
    (knowledge / "sources" / "demo-source.txt").write_text("\n  \n", encoding="utf-8")
    assert check(knowledge) == (1, [f"{TEXT}: is empty; store the source's full text"])


def test_reports_a_text_that_is_not_utf8_with_its_line(knowledge, check):
    (knowledge / "sources" / "demo-source.txt").write_bytes(b"NATO has 32 members.\nCaf\xe9\n")
    assert check(knowledge) == (
        1,
        [f"{TEXT}:2: is not UTF-8 text (undecodable byte at offset 24); save it as UTF-8"],
    )


def test_reports_a_text_without_metadata(knowledge, check):
    (knowledge / "sources" / "orphan.txt").write_text("Some text.", encoding="utf-8")
    assert check(knowledge) == (
        1,
        ["sources/orphan.txt: has no metadata file orphan.yaml beside it"],
    )


def test_reports_a_source_id_that_does_not_match_its_file(knowledge, check):
    edit(knowledge, "id: demo-source", "id: demo-article")
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [f"{META}:1: id: 'demo-article' does not match the file name 'demo-source'"]
