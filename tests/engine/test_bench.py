import re
from dataclasses import replace
from pathlib import Path

from bot import bench
from bot.engine import Engine
from tests.engine.conftest import FIXTURE_KNOWLEDGE


def test_synthetic_knowledge_has_the_asked_size_and_cites_real_sources(engine):
    synthetic = bench.synthetic_knowledge(engine.knowledge, 300)
    assert len(synthetic.entries) == 300
    sources = set(synthetic.sources)
    assert all(c.source_id in sources for e in synthetic.entries.values() for c in e.citations)


def test_the_engine_reads_synthetic_knowledge_as_it_reads_real_knowledge(engine):
    # The bench times matching on it: an entry's own question must reach that entry.
    synthetic = bench.synthetic_knowledge(engine.knowledge, 300)
    matching = Engine(synthetic)
    asked = list(synthetic.entries.values())[:20]
    decisions = [matching.decide(entry.question) for entry in asked]
    answered = [d.entry.id if d.answered and d.entry else None for d in decisions]
    assert answered == [entry.id for entry in asked]


def test_synthetic_knowledge_is_the_same_for_the_same_seed(engine):
    first = bench.synthetic_knowledge(engine.knowledge, 20, seed=3)
    second = bench.synthetic_knowledge(engine.knowledge, 20, seed=3)
    assert first.entries == second.entries


def test_quality_says_plainly_when_the_shared_scorer_is_absent(tmp_path, monkeypatch):
    from bot.ops.settings import load_settings

    monkeypatch.setattr(bench, "EVAL_DIR", tmp_path / "missing")
    printed: list[str] = []
    bench._quality(load_settings(environ={}, env_file=None), printed.append)
    assert any("NOT MEASURED" in line and "absent" in line for line in printed)


def test_bench_prints_the_worst_hostile_question_with_its_floor(engine):
    printed: list[str] = []
    bench._worst_hostile(engine.knowledge, printed.append)
    (line,) = printed
    assert "worst CPU" in line
    assert "floor 10 ms" in line


def test_bench_guides_a_long_paragraph_of_quotations_giving_each_its_speaker():
    printed: list[str] = []
    bench._guide_of_a_long_quotation(printed.append)
    (line,) = printed
    assert "1.0 MB one-paragraph source" in line
    assert "47,619 sentences (47,619 attributed to the person quoted)" in line


def test_quality_prints_the_share_of_wrong_answers_but_not_the_wrong_questions():
    scored = "\n".join(
        [
            "para       2/3    66.7%",
            "near       1/2    50.0%",
            "  WRONG ('para', 'secret question one', True, 'some-entry', 0.7)",
            "  WRONG ('near', 'secret question two', True, 'other-entry', 0.6)",
            "in-scope 2/3 = 66.7%  abstain 1/2 = 50.0%  wall 0.10s",
        ]
    )
    printed = bench._without_questions(scored)
    assert "secret question" not in printed
    assert printed.splitlines()[-1] == "wrong answers 2/4 of the answers given = 50.0%"


def test_quality_counts_unanswered_questions_whose_answer_was_offered(tmp_path):
    from tests.engine.conftest import FIXTURE_KNOWLEDGE

    scorer = tmp_path / "score.py"
    scorer.write_text(
        "def hit(expect, text):\n"
        "    return all(any(w.lower() in text.lower() for w in group) for group in expect)\n",
        encoding="utf-8",
    )
    questions = tmp_path / "set.yaml"
    questions.write_text(
        "items:\n"
        "  - {q: 'what does article 10 say', kind: para, expect: [[enlargement]]}\n"
        "  - {q: 'who refuses to recognise kosovo among allies', kind: para,"
        " expect: [[no such words]]}\n"
        "  - {q: 'pfp kosovo', kind: kw, expect: [[outside]]}\n"
        "  - {q: 'who won the match and what is for dinner', kind: multi, expect: [[match]]}\n"
        "  - {q: 'what is the weather', kind: off, expect: abstain}\n",
        encoding="utf-8",
    )
    printed = bench._offered(scorer, questions, FIXTURE_KNOWLEDGE)
    assert printed == (
        "in-scope questions not answered: 2; their answer among the closest questions"
        " offered: 1 (the first offered: 1)"
    )


def _write_later_source(root: Path) -> None:
    """A later source and the entry citing it, into a knowledge folder's layout."""
    (root / "sources" / "later.yaml").write_text(
        'id: later\ntitle: "Later"\noutlet: "Wire"\npublished: "2026-01"\nlanguage: en\n'
        'added: "2026-01-02"\n',
        encoding="utf-8",
    )
    (root / "sources" / "later.txt").write_text("Zenda joined the league in 2026.\n", "utf-8")
    (root / "entries" / "zenda-joined.yaml").write_text(
        'id: zenda-joined\nquestion: "When did Zenda join the league?"\ntopic: "Later"\n'
        'answer: "In 2026."\ncitations:\n  - source: later\n'
        '    quote: "Zenda joined the league in 2026."\n    speaker: "Wire"\n',
        encoding="utf-8",
    )


def test_a_set_is_scored_on_the_knowledge_of_the_sources_it_was_written_from(tmp_path):
    import shutil

    from bot.knowledge.loader import load_knowledge
    from tests.engine.conftest import FIXTURE_KNOWLEDGE

    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root)
    _write_later_source(root)
    first = next(p.stem for p in (FIXTURE_KNOWLEDGE / "sources").glob("*.yaml"))
    assert load_knowledge(root).knowledge is not None

    restricted = load_knowledge(bench._knowledge_of(root, (first,), tmp_path / "scratch"))
    whole = load_knowledge(bench._knowledge_of(root, None, tmp_path / "scratch"))

    assert set(restricted.knowledge.sources) == {first}
    assert "zenda-joined" not in restricted.knowledge.entries
    assert "zenda-joined" in whole.knowledge.entries


def test_a_subject_kept_out_of_the_knowledge_is_scored_with_its_day_one_files_added(tmp_path):
    from bot.knowledge.loader import load_knowledge
    from tests.engine.conftest import FIXTURE_KNOWLEDGE

    added = tmp_path / "day-one"
    (added / "sources").mkdir(parents=True)
    (added / "entries").mkdir()
    _write_later_source(added)
    grown = bench._knowledge_of(FIXTURE_KNOWLEDGE, None, tmp_path / "scratch", added)

    knowledge = load_knowledge(grown).knowledge
    assert "zenda-joined" in knowledge.entries and "later" in knowledge.sources
    assert set(load_knowledge(FIXTURE_KNOWLEDGE).knowledge.entries) < set(knowledge.entries)
    assert not (FIXTURE_KNOWLEDGE / "entries" / "zenda-joined.yaml").exists()


def test_every_listed_question_set_names_the_sources_it_was_written_from():
    listed = bench.question_sets(bench.QUESTION_SETS)
    paths = {listed_set.path for listed_set in listed}
    assert bench.OWN_QUESTIONS.resolve() in paths
    folders = ("engine", "heldout", "growth", "eval")
    assert all(path.parent.name in folders or path.parent.parent.name == "dayone" for path in paths)
    assert all(listed_set.sources is None or listed_set.sources for listed_set in listed)


def test_every_listed_question_set_has_the_floors_printed_beside_its_scores():
    listed = bench.question_sets(bench.QUESTION_SETS)
    assert all("in-scope >= " in listed_set.floors for listed_set in listed)
    day_one = [s for s in listed if s.sources is None]
    assert day_one
    assert all("in-scope >= 90 %" in s.floors for s in day_one)


def test_bench_prints_the_time_of_one_entrys_edit_with_its_floor(engine):
    printed: list[str] = []
    bench._edit(engine, printed.append)
    (line,) = printed
    assert f"edit at {len(engine.knowledge.entries)} entries reflected in answers" in line
    assert "floor 100 ms" in line


def test_the_bench_edits_one_entry_as_a_moderator_adding_a_phrasing_would(engine):
    knowledge = engine.knowledge
    entry_id = sorted(knowledge.entries)[0]
    edited = bench.edited_knowledge(knowledge, entry_id, "a new way to ask")
    assert edited.entries[entry_id].phrasings == (
        *knowledge.entries[entry_id].phrasings,
        "a new way to ask",
    )
    assert {i: e for i, e in edited.entries.items() if i != entry_id} == {
        i: e for i, e in knowledge.entries.items() if i != entry_id
    }


def test_bench_prints_the_peak_memory_of_a_process_serving_the_knowledge_with_its_floor(engine):
    from bot.ops.settings import load_settings

    settings = load_settings(
        environ={"BRIEFING_KNOWLEDGE_DIR": str(FIXTURE_KNOWLEDGE)}, env_file=None
    )
    printed: list[str] = []
    bench._serving_memory(settings, engine.knowledge, printed.append)
    (line,) = printed
    assert f"serving process with {len(engine.knowledge.entries)} entries" in line
    assert "peak memory" in line
    assert "floor 150 MB" in line


def test_bench_says_plainly_when_the_serving_process_fails(engine, tmp_path):
    from bot.ops.settings import load_settings

    broken = tmp_path / "knowledge"
    (broken / "entries").mkdir(parents=True)
    (broken / "entries" / "bad.yaml").write_text("id: [", "utf-8")
    settings = load_settings(environ={"BRIEFING_KNOWLEDGE_DIR": str(broken)}, env_file=None)
    printed: list[str] = []
    bench._serving_memory(settings, engine.knowledge, printed.append)
    assert printed == [
        f"serving process with {len(engine.knowledge.entries)} entries: "
        "NOT MEASURED: `python -m bot ask` failed on a folder of them"
    ]


def test_synthetic_knowledge_written_to_a_folder_loads_whatever_the_shipped_sources(tmp_path):
    from bot.knowledge.loader import load_knowledge
    from bot.ops.settings import PROJECT_ROOT

    shipped = load_knowledge(PROJECT_ROOT / "knowledge").knowledge
    synthetic = bench.synthetic_knowledge(shipped, 50)
    bench.write_knowledge(PROJECT_ROOT / "knowledge", synthetic, tmp_path)

    loaded = load_knowledge(tmp_path)
    assert loaded.problems == ()
    assert len(loaded.knowledge.entries) == 50


def test_bench_prints_how_many_own_texts_reach_their_entry(engine):
    printed: list[str] = []
    bench._routing(engine.knowledge, printed.append)
    texts = sum(1 + len(e.phrasings) for e in engine.knowledge.entries.values())
    (line,) = printed
    assert f"answered by their entry: {texts:,}/{texts:,} = 100.0%" in line


def test_bench_prints_the_time_of_one_entry_added_and_of_one_removed(engine):
    printed: list[str] = []
    bench._add_and_remove(engine, printed.append)
    added, removed = printed
    entries = len(engine.knowledge.entries)
    assert f"one entry added at {entries} entries reflected in answers: worst of" in added
    assert f"one entry removed at {entries} entries reflected in answers: worst of" in removed


def test_the_bench_adds_and_removes_entries_keeping_them_in_order_of_id(engine):
    knowledge = engine.knowledge
    first, second = sorted(knowledge.entries)[:2]
    added = replace(knowledge.entries[second], id=f"{first}-copy")
    resized = bench.resized_knowledge(knowledge, added=[added], removed=[second])
    assert list(resized.entries) == sorted({*knowledge.entries, added.id} - {second})
    assert resized.entries[added.id] == added


def test_bench_prints_the_knowledges_own_phrasings_held_out_beside_scaled_thresholds(engine):
    printed: list[str] = []
    bench._held_out(engine.knowledge, printed.append)
    held_out, scaled, near, tentative = printed
    assert "each left out of its entry and asked; 18)" in held_out
    assert "answered by their entry 100.0 %, by another 0.0 %, abstained 0.0 %" in held_out
    assert "x0.85 100.0 / x1.00 100.0 / x1.15" in scaled
    assert "(served: x1.00)" in scaled
    texts = sum(1 + len(e.phrasings) for e in engine.knowledge.entries.values())
    assert f"each entry left out and its {texts} texts asked" in near
    shares = [float(share) for share in re.findall(r"x\d\.\d\d (\d+\.\d) %", near)]
    assert len(shares) == 3 and shares == sorted(shares, reverse=True)
    assert "answers shown as only the closest covered question (score below 1.35 x" in tentative
    assert (
        "right held-out answers 5/18 = 27.8 %, wrong ones 0/0 = 0.0 %, near questions' 4/4"
        in tentative
    )


def test_bench_prints_the_time_of_a_moderators_entry_added_and_removed_end_to_end(engine):
    printed: list[str] = []
    bench._moderator_add_and_remove(FIXTURE_KNOWLEDGE, engine.knowledge, printed.append)
    added, removed = printed
    entries = len(engine.knowledge.entries)
    assert f"one moderator's entry added at {entries} entries (`/kb entry add`" in added
    assert f"one moderator's entry removed at {entries} entries (`/kb entry remove`" in removed
    assert "until answered: worst of 3 " in added
    assert "until no longer answered: worst of 3 " in removed


def test_bench_prints_the_time_of_a_moderators_alias_added_end_to_end(engine):
    printed: list[str] = []
    bench._moderator_vocabulary(FIXTURE_KNOWLEDGE, engine.knowledge, printed.append)
    unwritten, written = printed
    entries = len(engine.knowledge.entries)
    assert (
        f"one moderator's alias at {entries} entries (`/kb vocab add`, a word no entry" in unwritten
    )
    assert unwritten.endswith(", applied")
    assert "a word entries write" in written
    assert written.endswith((", applied", ", refused"))


def test_bench_prints_latency_beside_its_floor_and_the_first_round_apart(engine):
    printed: list[str] = []
    bench._speed("fixture", engine.knowledge, ["hello", "why is kosovo not in pfp"], printed.append)
    (line,) = printed
    assert re.search(r"CPU p50 [\d.]+ ms  p99 [\d.]+ ms \(floor 1 ms\)", line)
    assert re.search(r"index build [\d.]+ s \(floor 2 s at 10,000\)", line)
    assert re.search(r"first round CPU p50 [\d.]+  p99 [\d.]+$", line)


def _scored_text(in_scope: str, abstain: str, wrong: str) -> str:
    """A set's totals as `_quality` prints them."""
    return "\n".join(
        [
            "para       2/3    66.7%",
            f"in-scope {in_scope} = 0.0%  abstain {abstain} = 0.0%  wall 0.10s",
            f"wrong answers {wrong} of the answers given = 0.0%",
        ]
    )


def test_pooled_quality_adds_up_the_sets_totals():
    scores = [_scored_text("61/85", "30/34", "6/67"), _scored_text("54/84", "29/34", "7/61")]
    assert bench.pooled(scores) == (
        "in-scope 115/169 = 68.0 %  abstain 59/68 = 86.8 %"
        "  wrong answers 13/128 = 10.2 % of the answers given"
    )


def test_pooled_quality_counts_a_set_that_was_not_scored_apart_not_as_zero():
    scores = [_scored_text("3/4", "1/2", "1/4"), "Traceback (most recent call last): ..."]
    assert bench.pooled(scores) == (
        "in-scope 3/4 = 75.0 %  abstain 1/2 = 50.0 %"
        "  wrong answers 1/4 = 25.0 % of the answers given (1 of the sets could not be scored)"
    )


def test_bench_prints_the_pooled_quality_of_the_sets_sharing_floors(tmp_path, monkeypatch):
    from bot.ops.settings import load_settings

    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    # A scorer giving every set the same totals: one in-scope question of two answered
    # rightly, one wrongly; the one near question abstained on.
    (eval_dir / "score.py").write_text(
        "def hit(expect, text):\n"
        "    return False\n"
        "if __name__ == '__main__':\n"
        "    print(\"  WRONG ('para', 'q', True, 'e', 0.7)\")\n"
        "    print('in-scope 1/2 = 50.0%  abstain 1/1 = 100.0%  wall 0.01s')\n",
        encoding="utf-8",
    )
    sets = []
    for name in ("first", "second", "alone"):
        path = tmp_path / f"{name}.yaml"
        path.write_text("items: []\n", encoding="utf-8")
        sets.append(path)
    listing = tmp_path / "question_sets.yaml"
    listing.write_text(
        f"- sets: [{sets[0]}, {sets[1]}]\n  written_from: all\n  floors: 'day one floors'\n"
        f"- sets: [{sets[2]}]\n  written_from: all\n  floors: 'other floors'\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(bench, "EVAL_DIR", eval_dir)
    monkeypatch.setattr(bench, "QUESTION_SETS", listing)
    settings = load_settings(
        environ={"BRIEFING_KNOWLEDGE_DIR": str(FIXTURE_KNOWLEDGE)}, env_file=None
    )
    printed: list[str] = []
    bench._quality(settings, printed.append)
    pooled_at = printed.index(
        "\nquality of the 2 sets with the floors day one floors, pooled, read or not:"
    )
    assert printed[pooled_at + 1] == (
        "in-scope 2/4 = 50.0 %  abstain 2/2 = 100.0 %"
        "  wrong answers 2/4 = 50.0 % of the answers given"
    )
    assert not any("other floors, pooled" in line for line in printed)
