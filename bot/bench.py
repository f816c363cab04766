"""The quality and speed benchmark behind `python -m bot bench` (and `make bench`).

Quality is scored by the shared evaluation script (../shared/eval/score.py), run against
`python -m bot ask --json` exactly as an outside scorer would; speed is measured in this
process on the shipped knowledge and on synthetic knowledge of 1,000 and 10,000 entries.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import yaml

from bot.engine import Engine
from bot.engine.decision import MAX_QUESTION_CHARS
from bot.engine.engine import SERVED, TENTATIVE_MARGIN
from bot.engine.held_out import (
    WRONG_COST,
    HeldOut,
    decided,
    entries_left_out,
    held_out_cases,
)
from bot.engine.hostile import hostile_questions
from bot.engine.routing import misroutes
from bot.knowledge.files import SOURCE_TEXT_LIMIT
from bot.knowledge.history import Actor
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Citation, Entry, Knowledge, Source
from bot.knowledge.serialise import entry_to_yaml
from bot.knowledge.store import Applied
from bot.knowledge.validate import QUESTION_LIMIT, QUOTE_LIMIT, QUOTE_MIN_WORDS
from bot.language.text import fold
from bot.language.words import is_stopword
from bot.ops.settings import PROJECT_ROOT, Settings
from bot.serving.live import open_moderated

EVAL_DIR = PROJECT_ROOT.parent / "shared" / "eval"
OWN_QUESTIONS = PROJECT_ROOT / "tests" / "engine" / "questions.yaml"
# The question sets to score and the sources each was written from: the shared dev set,
# the engine's own, sets by writers who never saw the knowledge (tests/engine/heldout), and
# sets of sources added later, scored on the day they were added (tests/engine/growth).
QUESTION_SETS = PROJECT_ROOT / "tests" / "engine" / "question_sets.yaml"
SYNTHETIC_SIZES = (1_000, 10_000)
# The scales of the thresholds the held-out phrasings are decided with, beside the served.
THRESHOLD_SCALES = (0.85, 1.15)
ROUNDS = 5
EDITS = 3
# Who the benchmark's edits are recorded as, in a history that is thrown away.
BENCH_MODERATOR = Actor(0, "bench")
# The vocabulary file the benchmark's moderator adds aliases to.
BENCH_VOCABULARY = "bench"
# The floors of issue 12, printed beside each figure.
P99_FLOOR_MS = 1.0
BUILD_FLOOR_S = 2.0
EDIT_FLOOR_MS = 100.0
STARTUP_FLOOR_S = 1.0
SERVING_MEMORY_FLOOR_MB = 150


def run(settings: Settings, out: Callable[[str], None] = print) -> int:
    """Print every figure; return 0 (the figures, not the exit code, are the result)."""
    result = load_knowledge(settings.knowledge_dir)
    if result.knowledge is None:
        out("the knowledge does not load; run `python -m bot check`")
        return 1
    knowledge = result.knowledge
    out(f"knowledge: entries {len(knowledge.entries)}, sources {len(knowledge.sources)}")
    _routing(knowledge, out)
    _held_out(knowledge, out)
    _quality(settings, out)
    questions = _timing_questions(knowledge)
    out(f"\nmatching latency per question ({len(questions)} questions x {ROUNDS} rounds):")
    _speed("shipped", knowledge, questions, out)
    for size in SYNTHETIC_SIZES:
        largest = synthetic_knowledge(knowledge, size)
        engine = _speed(f"synthetic {size:,}", largest, questions, out)
    _edit(engine, out)
    _add_and_remove(engine, out)
    _moderator_edit(settings.knowledge_dir, largest, out)
    _moderator_add_and_remove(settings.knowledge_dir, largest, out)
    _moderator_vocabulary(settings.knowledge_dir, largest, out)
    _worst_hostile(knowledge, out)
    _misquote_in_a_long_source(knowledge, out)
    _guide_of_a_long_quotation(out)
    _startup(settings, _first_question(knowledge), out)
    _serving_memory(settings, largest, out)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out(f"peak memory of this benchmark process (10k index included): {peak:.0f} MB")
    return 0


def _routing(knowledge: Knowledge, out: Callable[[str], None]) -> None:
    """How many of the entries' own questions and phrasings reach their entry (floor: all)."""
    texts = sum(1 + len(entry.phrasings) for entry in knowledge.entries.values())
    reached = texts - len(misroutes(knowledge))
    out(
        f"entries' own questions and phrasings answered by their entry: {reached:,}/{texts:,}"
        f" = {100 * reached / max(texts, 1):.1f}% (floor 100 %; `python -m bot check` names"
        " each other one)"
    )


def _held_out(knowledge: Knowledge, out: Callable[[str], None]) -> None:
    """The knowledge's own phrasings held out, under the served thresholds and scaled ones.

    The figure the thresholds are checked on (`Thresholds`): no question set is read.
    """
    cases = held_out_cases(Engine(knowledge))
    served = decided(cases, SERVED)
    share = 100 / max(served.asked, 1)
    out(
        f"\nthe knowledge's own phrasings held out (each left out of its entry and asked;"
        f" {served.asked:,}): answered by their entry {share * served.right:.1f} %, by another"
        f" {share * served.wrong:.1f} %, abstained {share * served.abstained:.1f} %"
    )
    worth = {factor: decided(cases, SERVED.scaled(factor)).worth for factor in THRESHOLD_SCALES}
    worth[1.0] = served.worth
    figures = " / ".join(f"x{f:.2f} {100 * worth[f]:.1f}" for f in sorted(worth))
    out(
        f"  right less {WRONG_COST} x wrong per phrasing, thresholds scaled: {figures}"
        f" (served: x1.00)"
    )
    near = entries_left_out(Engine(knowledge))
    wrong = {factor: decided(near, SERVED.scaled(factor)) for factor in (*THRESHOLD_SCALES, 1.0)}
    figures = " / ".join(
        f"x{f:.2f} {100 * wrong[f].wrong / max(wrong[f].asked, 1):.1f} %" for f in sorted(wrong)
    )
    out(
        f"  each entry left out and its {len(near):,} texts asked (near questions nothing left"
        f" states): answered by an entry citing other passages, thresholds scaled: {figures}"
        f" (an upper bound: a neighbour stating a related fact counts)"
    )
    out(_tentative_line(served, wrong[1.0]))


def _tentative_line(served: HeldOut, near: HeldOut) -> str:
    """How many held-out answers are shown as only the closest covered question.

    TENTATIVE_MARGIN is the lower quarter of the right answers' margins, so about a
    quarter of them are; the line shows it, and how many of the wrong ones and of the near
    questions' answers are.
    """
    shares = [
        _share(part, whole)
        for part, whole in (
            (served.right_tentative, served.right),
            (served.wrong_tentative, served.wrong),
            (near.wrong_tentative, near.wrong),
        )
    ]
    return (
        f"  answers shown as only the closest covered question (score below"
        f" {TENTATIVE_MARGIN:g} x the score required, or another entry within a close call):"
        f" right held-out answers {shares[0]},"
        f" wrong ones {shares[1]}, near questions' {shares[2]}"
    )


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / max(whole, 1):.1f} %"


def _quality(settings: Settings, out: Callable[[str], None]) -> None:
    scorer = EVAL_DIR / "score.py"
    if not scorer.is_file():
        out(f"\nquality: NOT MEASURED: the scorer {scorer} is absent")
        return
    scores_by_floors: defaultdict[str, list[str]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="bench-knowledge-") as scratch:
        for questions, sources, floors, added in question_sets(QUESTION_SETS):
            if not questions.is_file():
                out(f"\nquality ({questions}): NOT MEASURED: the file is absent")
                continue
            knowledge_dir = _knowledge_of(settings.knowledge_dir, sources, Path(scratch), added)
            written = "every source" if sources is None else ", ".join(sources)
            if added is not None:
                written += f", with the files a moderator added on day one in {added.parent.name}"
            out(f"\nquality ({questions}, written from {written}), scored by {scorer}:")
            scored = _scored(scorer, questions, knowledge_dir)
            out(scored)
            out(_offered(scorer, questions, knowledge_dir))
            if floors:
                out(f"floors: {floors}")
                scores_by_floors[floors].append(scored)
    for floors, scores in scores_by_floors.items():
        if len(scores) > 1:
            heading = f"quality of the {len(scores)} sets with the floors {floors}"
            out(f"\n{heading}, pooled, read or not:")
            out(pooled(scores))


# The totals lines of a set's score as `_scored` gives them.
_SCORER_TOTALS = re.compile(r"^in-scope (\d+)/(\d+) = .*abstain (\d+)/(\d+) = ", re.MULTILINE)
_WRONG_TOTALS = re.compile(r"^wrong answers (\d+)/(\d+) of the answers given", re.MULTILINE)


def pooled(scores: Iterable[str]) -> str:
    """Several sets' totals added up: in scope, abstained, wrong among the answers given.

    A new subject's day one is two sets of about a hundred questions, where one question is
    a point or more; the floors are of day one on any subject, which all the subjects'
    sets together measure better than any one of them. A set the scorer could not score is
    counted apart, not as zero.
    """
    sums = [0] * 6
    unscored = 0
    for score in scores:
        totals, wrong = _SCORER_TOTALS.search(score), _WRONG_TOTALS.search(score)
        if totals is None or wrong is None:
            unscored += 1
            continue
        for i, value in enumerate((*totals.groups(), *wrong.groups())):
            sums[i] += int(value)
    in_right, in_all, abstained, abstain_all, wrong_given, given = sums
    line = (
        f"in-scope {_share(in_right, in_all)}  abstain {_share(abstained, abstain_all)}"
        f"  wrong answers {_share(wrong_given, given)} of the answers given"
    )
    return line + (f" ({unscored} of the sets could not be scored)" if unscored else "")


class QuestionSet(NamedTuple):
    """A question set, the sources it was written from (None: every source), its floors.

    `added`, for a subject kept out of the shipped knowledge, is the folder of what a
    moderator added for it on day one (sources, entries, vocabulary files, in the
    knowledge's layout): the set is scored on the shipped knowledge with those files added.
    """

    path: Path
    sources: tuple[str, ...] | None
    floors: str
    added: Path | None = None


def question_sets(listing: Path) -> list[QuestionSet]:
    """Each question set listed in `listing`, in order."""
    groups = yaml.safe_load(listing.read_text(encoding="utf-8")) if listing.is_file() else []
    found = []
    for group in groups or []:
        written = group.get("written_from")
        sources = None if written == "all" else tuple(written)
        floors = str(group.get("floors", ""))
        added = (PROJECT_ROOT / group["added"]).resolve() if group.get("added") else None
        for pattern in group["sets"]:
            paths = (
                sorted(PROJECT_ROOT.glob(pattern)) if "*" in pattern else [PROJECT_ROOT / pattern]
            )
            found += [QuestionSet(path.resolve(), sources, floors, added) for path in paths]
    return found


def _knowledge_of(
    root: Path, sources: tuple[str, ...] | None, scratch: Path, added: Path | None = None
) -> Path:
    """A copy of the knowledge holding only `sources` and the entries citing nothing else.

    With `added`, the whole knowledge with the files of that folder added to it.
    """
    if added is not None:
        return _with_added(root, added, scratch)
    if sources is None:
        return root
    copy = scratch / "-".join(sources)
    if copy.exists():
        return copy
    shutil.copytree(root, copy)
    for path in (copy / "sources").iterdir():
        if path.stem not in sources:
            path.unlink()
    for path in (copy / "entries").glob("*.yaml"):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        if any(citation["source"] not in sources for citation in entry["citations"]):
            path.unlink()
    return copy


def _with_added(root: Path, added: Path, scratch: Path) -> Path:
    """A copy of the knowledge with the files of `added` (a day one's additions) added."""
    copy = scratch / f"added-{added.parent.name}-{added.name}"
    if not copy.exists():
        shutil.copytree(root, copy)
        for folder in ("sources", "entries", "vocabulary"):
            if (added / folder).is_dir():
                shutil.copytree(added / folder, copy / folder, dirs_exist_ok=True)
    return copy


def _scored(scorer: Path, questions: Path, knowledge_dir: Path) -> str:
    """The shared scorer's totals for one set, asked of `python -m bot ask --json`."""
    asking = f"{sys.executable} -m bot ask --json"
    done = subprocess.run(
        [sys.executable, str(scorer), str(questions), "--cmd", asking, "--show-wrong"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, "BRIEFING_KNOWLEDGE_DIR": str(knowledge_dir)},
        timeout=600,
    )
    return _without_questions(done.stdout) or done.stderr.rstrip()


def _offered(scorer: Path, questions: Path, knowledge_dir: Path) -> str:
    """How many in-scope questions not answered had their answer among the questions offered.

    When the bot abstains it offers the closest covered questions (buttons in Discord): a
    member is then one press from the answer. An offered entry holds the answer when the
    scorer's own test (`hit`, loaded from the scorer) finds the expected words in its answer
    and quotes, as it would in a reply.
    """
    knowledge = load_knowledge(knowledge_dir).knowledge
    if knowledge is None:
        return f"answers offered: NOT MEASURED: {knowledge_dir} does not load"
    hit = _scorers_hit(scorer)
    engine = Engine(knowledge)
    items = yaml.safe_load(questions.read_text(encoding="utf-8"))["items"]
    unanswered = offered = first = 0
    for item in items:
        if item["expect"] == "abstain" or item["kind"] in _NOT_IN_SCOPE:
            continue
        decision = engine.decide(str(item["q"]))
        if decision.answered:
            continue
        unanswered += 1
        holds = [hit(item["expect"], _stated(engine, s.entry_id)) for s in decision.suggestions]
        offered += any(holds)
        first += bool(holds and holds[0])
    return (
        f"in-scope questions not answered: {unanswered}; their answer among the closest"
        f" questions offered: {offered} (the first offered: {first})"
    )


# The kinds the shared scorer leaves out of its in-scope figure.
_NOT_IN_SCOPE = ("near", "off", "multi")


def _scorers_hit(scorer: Path) -> Callable[[list[list[str]], str], bool]:
    """The shared scorer's test of whether a reply's text holds the expected words."""
    spec = importlib.util.spec_from_file_location("shared_scorer", scorer)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {scorer}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.hit


def _stated(engine: Engine, entry_id: str) -> str:
    """An entry's answer and quotes: the text a reply with it shows, as the scorer reads it."""
    entry = engine.knowledge.entries[entry_id]
    return " ".join([entry.answer, *(citation.quote for citation in entry.citations)])


def _without_questions(scored: str) -> str:
    """The scorer's totals, plus the share of wrong answers among the answers given.

    The wrong questions themselves are not printed: a set read question by question stops
    being a fair test (tests/engine/heldout/README.md).
    """
    lines = scored.rstrip().splitlines()
    wrong = [
        ast.literal_eval(line.split("WRONG", 1)[1].strip()) for line in lines if "WRONG" in line
    ]
    totals = [line for line in lines if "WRONG" not in line]
    if not totals or not totals[-1].startswith("in-scope "):
        return "\n".join(totals)
    in_scope_correct = int(totals[-1].split()[1].split("/")[0])
    wrongly_answered = sum(1 for row in wrong if row[2])
    given = in_scope_correct + wrongly_answered
    share = 100 * wrongly_answered / max(given, 1)
    totals.append(f"wrong answers {wrongly_answered}/{given} of the answers given = {share:.1f}%")
    return "\n".join(totals)


def _child_environment(settings: Settings) -> dict[str, str]:
    """The environment for a child `python -m bot`: this one, with the same knowledge."""
    return {**os.environ, "BRIEFING_KNOWLEDGE_DIR": str(settings.knowledge_dir)}


def _timing_questions(knowledge: Knowledge) -> list[str]:
    """Questions to time: the dev set and the engine's own, all kinds mixed.

    Without them, the knowledge's own questions and a greeting.
    """
    questions: list[str] = []
    for path in (EVAL_DIR / "dev_questions.yaml", OWN_QUESTIONS):
        if path.is_file():
            items = yaml.safe_load(path.read_text(encoding="utf-8")).get("items", [])
            questions += [str(item["q"]) for item in items]
    return questions or [*(e.question for e in knowledge.entries.values()), "hello"]


def _speed(
    label: str, knowledge: Knowledge, questions: Sequence[str], out: Callable[[str], None]
) -> Engine:
    """Latency of `decide` per question, as CPU time of this thread and as wall time.

    CPU time is what one question costs on one core; wall time also counts whatever else
    the machine was doing (other processes), so its tail is noisier. The first round, on
    the engine just built, is printed apart: what an entry states of a kind is derived the
    first time a question measures it for that kind. Returns the engine.
    """
    started = time.perf_counter()
    engine = Engine(knowledge)
    build_ms = (time.perf_counter() - started) * 1000
    first: list[float] = []
    for question in questions:
        cpu_start = time.thread_time()
        engine.decide(question)
        first.append((time.thread_time() - cpu_start) * 1000)
    cpu: list[float] = []
    wall: list[float] = []
    for _ in range(ROUNDS):
        for question in questions:
            wall_start, cpu_start = time.perf_counter(), time.thread_time()
            engine.decide(question)
            cpu.append((time.thread_time() - cpu_start) * 1000)
            wall.append((time.perf_counter() - wall_start) * 1000)
    out(
        f"  {label:>16}: {len(knowledge.entries):>6} entries  "
        f"CPU p50 {_percentile(cpu, 50):.3f} ms  p99 {_percentile(cpu, 99):.3f} ms "
        f"(floor {P99_FLOOR_MS:g} ms)  "
        f"(wall p50 {_percentile(wall, 50):.3f}  p99 {_percentile(wall, 99):.3f})  "
        f"index build {build_ms / 1000:.2f} s (floor {BUILD_FLOOR_S:g} s at 10,000)  "
        f"first round CPU p50 {_percentile(first, 50):.3f}  p99 {_percentile(first, 99):.3f}"
    )
    return engine


def edited_knowledge(knowledge: Knowledge, entry_id: str, phrasing: str) -> Knowledge:
    """`knowledge` with `phrasing` added to one entry, as `/kb phrase add` would."""
    entry = knowledge.entries[entry_id]
    entries = dict(knowledge.entries)
    entries[entry_id] = replace(entry, phrasings=(*entry.phrasings, phrasing))
    return Knowledge(entries=entries, sources=knowledge.sources, vocabulary=knowledge.vocabulary)


def _edit(engine: Engine, out: Callable[[str], None]) -> None:
    """Wall time from an edited snapshot to the engine that answers from it (worst of a few).

    Each edit adds a phrasing (another entry's question) to an entry, as a moderator's
    `/kb phrase add` does; the live knowledge serves the updated engine as soon as it is.
    """
    knowledge = engine.knowledge
    ids = sorted(knowledge.entries)
    rng = random.Random(11)
    wall, cpu = [], []
    for _ in range(EDITS):
        entry_id, other = rng.sample(ids, 2)
        edited = edited_knowledge(knowledge, entry_id, knowledge.entries[other].question)
        wall_start, cpu_start = time.perf_counter(), time.thread_time()
        engine = engine.updated(edited)
        cpu.append((time.thread_time() - cpu_start) * 1000)
        wall.append((time.perf_counter() - wall_start) * 1000)
        knowledge = edited
    out(
        f"  one entry's edit at {len(knowledge.entries):,} entries reflected in answers: "
        f"worst of {EDITS} CPU {max(cpu):.0f} ms (floor {EDIT_FLOOR_MS:g} ms) "
        f"(wall {max(wall):.0f} ms)"
    )


def resized_knowledge(
    knowledge: Knowledge, added: Sequence[Entry] = (), removed: Sequence[str] = ()
) -> Knowledge:
    """`knowledge` with entries added and removed, in order of id as a load gives them."""
    entries = {**knowledge.entries, **{entry.id: entry for entry in added}}
    for entry_id in removed:
        del entries[entry_id]
    return Knowledge(
        entries=dict(sorted(entries.items())),
        sources=knowledge.sources,
        vocabulary=knowledge.vocabulary,
    )


def _add_and_remove(engine: Engine, out: Callable[[str], None]) -> None:
    """Wall time from a snapshot with one entry added, or removed, to the engine answering it.

    As a moderator's `/kb entry add` and `/kb entry remove` do (worst of a few each): the
    entry added is another entry's copy under a new id, among the others in order of id,
    asked with a third entry's question.
    """
    knowledge = engine.knowledge
    rng = random.Random(13)
    timed: dict[str, list[tuple[float, float]]] = {"added": [], "removed": []}
    for number in range(EDITS):
        ids = sorted(knowledge.entries)
        copied, asked, gone = rng.sample(ids, 3)
        entry = replace(
            knowledge.entries[copied],
            id=f"{rng.choice(ids)}-{number}",
            question=knowledge.entries[asked].question,
        )
        for kind, edited in (
            ("added", resized_knowledge(knowledge, added=[entry])),
            ("removed", resized_knowledge(knowledge, added=[entry], removed=[gone])),
        ):
            wall_start, cpu_start = time.perf_counter(), time.thread_time()
            engine = engine.updated(edited)
            cpu = (time.thread_time() - cpu_start) * 1000
            timed[kind].append((cpu, (time.perf_counter() - wall_start) * 1000))
            knowledge = edited
    for kind, times in timed.items():
        out(
            f"  one entry {kind} at {len(knowledge.entries):,} entries reflected in answers: "
            f"worst of {EDITS} CPU {max(c for c, _ in times):.0f} ms "
            f"(wall {max(w for _, w in times):.0f} ms)"
        )


def _moderator_edit(base: Path, knowledge: Knowledge, out: Callable[[str], None]) -> None:
    """Wall time of a moderator's `/kb phrase add`, from the call until it is answered.

    Its CPU time is printed beside it: on a machine busy with other work the wall time
    stretches with waiting for a core, the CPU time much less.

    The whole path on a folder of `knowledge` (worst of EDITS): the store's checks and its
    atomic, recorded write, the routing check, and the served engine's swap, then the
    served engine asked the new phrasing. Each phrasing is an entry's question with its
    first word moved to the end, on an entry whose own texts and new phrasing the engine
    answers with it by measure (many made-up phrasings reach no entry, and the check refuses
    an edit of their entry); an edit refused all the same (its entry already answers
    another entry's text) is counted apart and another entry is tried.
    """
    with tempfile.TemporaryDirectory(prefix="bench-edit-") as scratch:
        folder = Path(scratch) / "knowledge"
        folder.mkdir()
        write_knowledge(base, knowledge, folder)
        live, store = open_moderated(folder, Path(scratch) / "history.sqlite3", routing=True)
        rng = random.Random(11)
        timed: list[float] = []
        cpu: list[float] = []
        refused: list[float] = []
        for entry_id in rng.sample(sorted(knowledge.entries), len(knowledge.entries)):
            entry = knowledge.entries[entry_id]
            phrasing = _rotated(entry.question)
            texts = (entry.question, *entry.phrasings, phrasing)
            if not all(_answers(live.engine, text, entry_id) for text in texts):
                continue
            started, cpu_started = time.perf_counter(), time.thread_time()
            applied = isinstance(store.add_phrasing(entry_id, phrasing, BENCH_MODERATOR), Applied)
            answered = _answers(live.engine, phrasing, entry_id)
            (timed if applied and answered else refused).append(time.perf_counter() - started)
            if applied and answered:
                cpu.append(time.thread_time() - cpu_started)
            if len(timed) == EDITS:
                break
    out(
        f"  one moderator's edit at {len(knowledge.entries):,} entries (`/kb phrase add`: "
        f"store checks and write, routing check, swap) until answered: worst of {len(timed)} "
        f"{max(timed, default=0) * 1000:.0f} ms (floor {EDIT_FLOOR_MS:g} ms; CPU "
        f"{max(cpu, default=0) * 1000:.0f} ms); "
        f"{len(refused)} refused on the way, worst {max(refused, default=0) * 1000:.0f} ms"
    )


def _moderator_add_and_remove(base: Path, knowledge: Knowledge, out: Callable[[str], None]) -> None:
    """Wall time of a moderator's `/kb entry add` and `/kb entry remove`, end to end.

    As `_moderator_edit` times `/kb phrase add` (worst of EDITS each, CPU time beside):
    the store's checks and write, the routing check of an entry added, and the served
    engine's swap, until the engine answers the entry added with it, or no longer answers
    the question of the entry removed with that entry. Each entry added cites what another
    entry cites and is asked in invented words, among the others in order of id; an entry
    added that the checks refuse all the same is counted apart.
    """
    with tempfile.TemporaryDirectory(prefix="bench-resize-") as scratch:
        folder = Path(scratch) / "knowledge"
        folder.mkdir()
        write_knowledge(base, knowledge, folder)
        live, store = open_moderated(folder, Path(scratch) / "history.sqlite3", routing=True)
        rng = random.Random(17)
        timed: dict[str, list[tuple[float, float]]] = {"added": [], "removed": []}
        refused = 0
        for number in range(EDITS * 3):
            if len(timed["added"]) == EDITS:
                break
            ids = sorted(live.knowledge.entries)
            copied, gone = rng.sample(ids, 2)
            invented = " ".join(_invented_word(rng) for _ in range(2))
            entry = replace(
                live.knowledge.entries[copied],
                id=f"{copied}-added-{number}",
                question=f"What did the {invented} agree?",
                phrasings=(f"{invented} agreement",),
            )
            data = yaml.safe_load(entry_to_yaml(entry))
            started, cpu_started = time.perf_counter(), time.thread_time()
            added = isinstance(store.add_entry(data, BENCH_MODERATOR), Applied)
            if not (added and _answers(live.engine, entry.question, entry.id)):
                refused += 1
                continue
            timed["added"].append((time.perf_counter() - started, time.thread_time() - cpu_started))
            question = live.knowledge.entries[gone].question
            started, cpu_started = time.perf_counter(), time.thread_time()
            removed = isinstance(store.remove_entry(gone, BENCH_MODERATOR), Applied)
            if removed and not _answers(live.engine, question, gone):
                timed["removed"].append(
                    (time.perf_counter() - started, time.thread_time() - cpu_started)
                )
    for kind, command, until in (
        ("added", "add", "answered"),
        ("removed", "remove", "no longer answered"),
    ):
        times = timed[kind]
        out(
            f"  one moderator's entry {kind} at {len(knowledge.entries):,} entries (`/kb entry "
            f"{command}`: store checks and write, routing check, swap) until {until}: worst "
            f"of {len(times)} {max((w for w, _ in times), default=0) * 1000:.0f} ms (CPU "
            f"{max((c for _, c in times), default=0) * 1000:.0f} ms)"
            + (f"; {refused} refused on the way" if kind == "added" else "")
        )


def _moderator_vocabulary(base: Path, knowledge: Knowledge, out: Callable[[str], None]) -> None:
    """Wall time of a moderator's `/kb vocab add` of an alias, end to end (CPU time beside).

    The store's checks and write (the vocabulary read again), the engine updated (the
    entries writing a word read otherwise read again), the routing check and the swap.
    Two kinds of alias: a word no entry writes, given the meaning of a word many do (what
    moderators add most: a member's word), whose check asks no text; and the word most
    questions write (no name), made to mean the next (the entries having it are read
    otherwise, and the texts they may answer are asked), applied or refused.
    """
    with tempfile.TemporaryDirectory(prefix="bench-vocabulary-") as scratch:
        folder = Path(scratch) / "knowledge"
        folder.mkdir()
        write_knowledge(base, knowledge, folder)
        live, store = open_moderated(folder, Path(scratch) / "history.sqlite3", routing=True)
        lexicon = live.engine.lexicon
        named = lexicon.written_names | lexicon.people | lexicon.topics | lexicon.protagonists
        named |= lexicon.one_word_aliases.keys()
        counts = Counter(
            word
            for entry in knowledge.entries.values()
            for word in fold(entry.question).split()
            if len(word) > 3 and not is_stopword(word) and word not in named
        )
        (common, _), (other, _) = counts.most_common(2)
        for kind, word, meaning in (
            ("a word no entry writes", "zzqbenchword", common),
            ("a word entries write", common, other),
        ):
            started, cpu_started = time.perf_counter(), time.thread_time()
            result = store.add_word(BENCH_VOCABULARY, "aliases", word, meaning, BENCH_MODERATOR)
            wall, cpu = time.perf_counter() - started, time.thread_time() - cpu_started
            verdict = "applied" if isinstance(result, Applied) else "refused"
            out(
                f"  one moderator's alias at {len(knowledge.entries):,} entries (`/kb vocab add`, "
                f"{kind}: store checks and write, engine updated, routing check, swap): "
                f"{wall:.1f} s (CPU {cpu:.1f} s), {verdict}"
            )


def _rotated(question: str) -> str:
    words = question.rstrip("?").split()
    return " ".join([*words[1:], words[0]]) + "?"


def _answers(engine: Engine, text: str, entry_id: str) -> bool:
    """Whether `text` reaches the entry by measure, as the routing check asks it.

    Word for word, an entry's own text is always answered by its entry (`Engine.decide`).
    """
    decision = engine.decide_by_measure(text)
    return decision.entry is not None and decision.entry.id == entry_id


def _worst_hostile(knowledge: Knowledge, out: Callable[[str], None]) -> None:
    """The CPU time of the costliest question `hostile_questions` builds (floor: 10 ms)."""
    engine = Engine(knowledge)
    costs = []
    for question in hostile_questions(engine.lexicon):
        started = time.thread_time()
        engine.decide(question)
        costs.append(((time.thread_time() - started) * 1000, question))
    worst_ms, worst = max(costs)
    out(
        f"\nhostile questions ({len(costs):,}, each {MAX_QUESTION_CHARS} characters): worst CPU "
        f"{worst_ms:.2f} ms ({worst[:40]!r}...), floor 10 ms"
    )


def _percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, len(ordered) * percent // 100)]


LONG_SOURCE_CHARS = 4_900_000
MISQUOTE_CHARS = 995


def _misquote_in_a_long_source(knowledge: Knowledge, out: Callable[[str], None]) -> None:
    """Time to refuse a long misquote against a 4.9 MB source, closest passage included.

    The source is the shipped texts' words shuffled, with the longest shipped text in the
    middle; the misquote is a passage of it with one word changed.
    """
    from bot.knowledge.quotes import find_quote, misquote

    texts = sorted((s.text for s in knowledge.sources.values()), key=len)
    if not texts:
        return
    original = " ".join(texts[-1].split())
    words = " ".join(text for text in texts).split()
    rng = random.Random(5)
    half = LONG_SOURCE_CHARS // 2
    filler = " ".join(rng.choice(words) for _ in range(LONG_SOURCE_CHARS // 5))
    text = f"{filler[:half]}\n{texts[-1]}\n{filler[half:LONG_SOURCE_CHARS]}"
    start = max(0, len(original) // 2 - MISQUOTE_CHARS // 2)
    passage = original[start : start + MISQUOTE_CHARS]
    cut = passage.split()
    cut[len(cut) // 2] = cut[len(cut) // 2] + "x"
    quote = " ".join(cut)
    started = time.perf_counter()
    found = not find_quote(quote, text) and misquote(quote, text).difference is not None
    seconds = time.perf_counter() - started
    out(
        f"misquote of {len(quote)} characters against a {len(text) / 1e6:.1f} MB source: "
        f"{seconds:.2f} s to refuse it with its closest passage "
        f"({'difference marked' if found else 'DIFFERENCE NOT FOUND'})"
    )


def _guide_of_a_long_quotation(out: Callable[[str], None]) -> None:
    """Time to guide a moderator through a 1 MB source of one paragraph of quotations.

    Every sentence asks who speaks it, which looks for the quotation it stands in and the
    sentence before that: the worst case for reading speakers, once quadratic in the
    paragraph's length (15 s for 116 kB).
    """
    from bot.knowledge.guide import guide

    run = "“We won,” Doe told the crowd. “It was hard. We go on.” "
    text = run * (SOURCE_TEXT_LIMIT // len(run.encode()))
    source = Source("long", "A long report", "Example Times", "2026-01", "en", "2026-01-02", text)
    started = time.perf_counter()
    found = guide(Knowledge(entries={}, sources={source.id: source}), source.id)
    seconds = time.perf_counter() - started
    speakers = Counter(s.speaker for s in found.suggestions) if found else Counter()
    out(
        f"guided coverage of a {len(text.encode()) / 1e6:.1f} MB one-paragraph source of "
        f"quotations: {seconds:.2f} s for {found.uncited if found else 0:,} sentences "
        f"({speakers['Doe']:,} attributed to the person quoted)"
    )


# Runs `python -m bot ask QUESTION` and then prints, on a last line of its own, the process's
# peak memory in kB (VmHWM, which an exec resets, unlike the rusage figures a child inherits
# from its parent) and the command's exit status.
_MEASURED_ASK = """
import runpy, sys
sys.argv = ["bot", "ask", sys.argv[1]]
status = 0
try:
    runpy.run_module("bot", run_name="__main__")
except SystemExit as stop:
    status = stop.code if isinstance(stop.code, int) else 1
peak = open("/proc/self/status").read().split("VmHWM:")
sys.stderr.write(f"\\n{peak[1].split()[0] if len(peak) > 1 else 0} {status}")
"""


def _first_question(knowledge: Knowledge) -> str:
    """A question the knowledge answers (the first entry's), to time a first answer with."""
    return next((e.question for e in knowledge.entries.values()), "hello")


def _startup(settings: Settings, question: str, out: Callable[[str], None]) -> None:
    """Wall time and peak memory of a fresh `python -m bot ask QUESTION` (best of 3)."""
    seconds = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", question],
            capture_output=True,
            cwd=PROJECT_ROOT,
            env=_child_environment(settings),
            timeout=60,
            check=True,
        )
        seconds.append(time.perf_counter() - started)
    _, peak, _ = _measured_ask(settings, question)
    out(
        f"\nstart-up to first answer (fresh `python -m bot ask`, best of 3): "
        f"{min(seconds):.2f} s (floor {STARTUP_FLOOR_S:g} s); its peak memory: {peak:.0f} MB"
    )


def _measured_ask(settings: Settings, question: str) -> tuple[float, float, bool]:
    """Wall seconds, peak memory (MB) and success of a fresh `python -m bot ask QUESTION`."""
    started = time.perf_counter()
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURED_ASK, question],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=_child_environment(settings),
        timeout=600,
    )
    seconds = time.perf_counter() - started
    last = measured.stderr.strip().splitlines()[-1:] or ["0 1"]
    peak, status = (int(figure) for figure in last[0].split())
    return seconds, peak / 1024, status == 0


def _serving_memory(settings: Settings, knowledge: Knowledge, out: Callable[[str], None]) -> None:
    """Peak memory of a serving process that loads `knowledge` from a folder and answers."""
    with tempfile.TemporaryDirectory(prefix="bench-knowledge-") as folder:
        write_knowledge(settings.knowledge_dir, knowledge, Path(folder))
        served = replace(settings, knowledge_dir=Path(folder))
        seconds, peak, answered = _measured_ask(served, _first_question(knowledge))
    label = f"serving process with {len(knowledge.entries):,} entries"
    if not answered:
        out(f"{label}: NOT MEASURED: `python -m bot ask` failed on a folder of them")
        return
    out(
        f"{label} (fresh `python -m bot ask` on a folder of them): peak memory {peak:.0f} MB "
        f"(floor {SERVING_MEMORY_FLOOR_MB} MB), first answer after {seconds:.1f} s"
    )


def write_knowledge(base: Path, knowledge: Knowledge, folder: Path) -> None:
    """Write `knowledge`'s entries as files, beside the sources and vocabulary of `base`."""
    for part in ("sources", "vocabulary"):
        if (base / part).is_dir():
            shutil.copytree(base / part, folder / part)
    (folder / "entries").mkdir()
    for entry in knowledge.entries.values():
        (folder / "entries" / f"{entry.id}.yaml").write_text(entry_to_yaml(entry), "utf-8")


def synthetic_knowledge(base: Knowledge, size: int, seed: int = 7) -> Knowledge:
    """Knowledge of `size` made-up entries, recombined from the base's words and invented ones.

    Built programmatically so the figures scale honestly: the entries share the real
    vocabulary (so common words have long postings) and add new words (so the vocabulary
    grows as a real knowledge's would).
    """
    rng = random.Random(seed)
    real = sorted({w for e in base.entries.values() for w in _words_of(e)}) or ["word"]
    invented = [_invented_word(rng) for _ in range(size * 2)]
    # Each quote is cited from the source it was taken from, so the entries validate
    # whatever number of sources the base has.
    sentences = [
        (src.id, s)
        for src in base.sources.values()
        for s in src.text.split(". ")
        if len(s.split()) >= QUOTE_MIN_WORDS and len(s) <= QUOTE_LIMIT
    ] or [("synthetic", "text")]
    entries = {}
    for number in range(size):

        def sentence(length: int) -> str:
            return " ".join(
                rng.choice(real) if rng.random() < 0.7 else rng.choice(invented)
                for _ in range(length)
            )

        entry_id = f"synthetic-{number:05d}"
        source_id, quote = rng.choice(sentences)
        entries[entry_id] = Entry(
            id=entry_id,
            question=_at_most(sentence(rng.randint(5, 10)), QUESTION_LIMIT - 1) + "?",
            answer=sentence(rng.randint(20, 40)) + ".",
            topic=f"Topic {number % 12}",
            phrasings=tuple(sentence(rng.randint(3, 9)) for _ in range(rng.randint(3, 8))),
            citations=(Citation(source_id, quote, "Synthetic speaker"),),
        )
    return Knowledge(entries=entries, sources=base.sources, vocabulary=base.vocabulary)


def _at_most(text: str, limit: int) -> str:
    """`text` cut to its words that fit in `limit` characters (so the entry validates)."""
    while len(text) > limit:
        text = text.rsplit(" ", 1)[0]
    return text


def _words_of(entry: Entry) -> list[str]:
    text = " ".join((entry.question, entry.answer, *entry.phrasings))
    return [w.strip("?.,;:!\"'()") for w in text.split() if len(w) > 2]


def _invented_word(rng: random.Random) -> str:
    syllables = ["ka", "ro", "vi", "sta", "len", "mor", "tu", "pel", "dri", "an", "zo", "ne"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
