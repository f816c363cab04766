from bot import bench
from bot.engine import Engine


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
