"""The quality gate: the extractor scored on the gold corpus must stay above pinned floors.

Like trafilatura's eval gate, the floors are pinned here and only ever raised: a change that
lowers a score below its floor fails, and a change that lifts the scores should lift the
floors too (to what is reached, minus a small margin). The corpus lives in ../shared beside
the repository; where it is absent the gate is skipped, except on CI, which must never skip.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from ortak.ingest.extract import extract, read_path

# ../shared beside the repository, or where ORTAK_SHARED says (a git worktree lives elsewhere).
SHARED = Path(
    os.environ.get("ORTAK_SHARED") or Path(__file__).resolve().parents[3] / ".." / "shared"
)
CORPUS = SHARED / "corpus" / "dev"
SCORER = SHARED / "tools" / "score_extraction.py"
REGIONAL = SHARED / "corpus" / "dev-regional"

# Reached on 2026-11-23 with pipeline 0.1.0: 1.0 on every field below; the floors leave a
# margin for the held-out articles' kind of variation. Raise them, never lower them.
FLOORS = {
    "overall": 0.95,
    "participants": 0.95,
    "participant_country": 0.95,
    "organizations": 0.95,
    "countries": 0.95,
    "type": 0.9,
    "city": 0.85,
    "country": 0.85,
    "start_date": 0.85,
    "planned": 0.75,
}

# The region's own press (ru 3, tr 3, az 3, kk 2 in both scripts, ky 1, uz 1). Reached on
# 2026-12-06 with pipeline 0.2.0: overall 0.89, participants 0.96, type 0.83, city 1.0,
# country 0.9, organizations 0.79, countries 0.84, start_date 0.67. On 2026-12-06 the dates
# as each language writes them and the header dates of the region's press: start_date 1.0;
# a body under another ("министрлигине караштуу ...") as one name: organizations 0.855;
# surnames that start like an event word: participants 0.987, overall 0.949. People and
# institutions in base form, officials of the press's own state, embassies of the state that
# sends them, bodies named after a person: participant_country 1.0, organizations 0.904,
# overall 0.959.
REGIONAL_FLOORS = {
    "overall": 0.85,
    "participants": 0.93,
    "participant_country": 0.95,
    "type": 0.75,
    "city": 0.9,
    "country": 0.8,
    "organizations": 0.87,
    "countries": 0.8,
    "start_date": 0.9,
}

# Ortak's own corpus (ortak/ingest/tests/corpus, see its INDEX.md): real articles the team
# annotated in two rounds, to measure the extractor on articles it was not written against.
# Before any fix it scored 0.74 and 0.76 (English), 0.61 and 0.69 (regional) on the two rounds.
# Reached on 2026-12-06 with pipeline 0.3.0, after both rounds' fixes: English overall 0.968
# (type 0.89, planned 0.87, participant_country 0.96, organizations 0.96), regional 0.932
# (type 0.91, country 0.89, countries 0.89, planned 0.81, organizations 0.94).
TEAM_CORPUS = Path(__file__).resolve().parent / "corpus"
TEAM_FLOORS = {
    "en": {
        "overall": 0.93,
        "type": 0.85,
        "start_date": 0.95,
        "city": 0.95,
        "country": 0.95,
        "participants": 0.95,
        "participant_country": 0.92,
        "organizations": 0.92,
        "countries": 0.92,
        "planned": 0.82,
    },
    "regional": {
        "overall": 0.9,
        "type": 0.87,
        "start_date": 0.95,
        "city": 0.95,
        "country": 0.85,
        "participants": 0.94,
        "participant_country": 0.9,
        "organizations": 0.9,
        "countries": 0.85,
        "planned": 0.77,
    },
}

pytestmark = pytest.mark.corpus


def _require_corpus(corpus: Path = CORPUS) -> None:
    if corpus.is_dir() and SCORER.is_file():
        return
    message = f"the gold corpus is not at {corpus.resolve()}"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run the quality gate, never skip it")
    pytest.skip(message)


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _corpus_scores(corpus: Path) -> dict[str, float]:
    _require_corpus(corpus)
    import json

    scorer = _scorer()
    per_field: dict[str, list[float]] = {}
    for text_path in sorted(corpus.glob("*.txt")):
        gold_path = text_path.with_name(text_path.stem + ".gold.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        record = extract(read_path(text_path)).record.to_dict()
        article = scorer.score_article(gold, record)
        present = [article[k] for k in scorer.OVERALL if k in article]
        article["overall"] = sum(present) / len(present)
        for key, value in article.items():
            per_field.setdefault(key, []).append(value)
    assert per_field, f"no gold records in {corpus}"
    return {key: sum(values) / len(values) for key, values in per_field.items()}


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    return _corpus_scores(CORPUS)


@pytest.fixture(scope="module")
def regional_scores() -> dict[str, float]:
    return _corpus_scores(REGIONAL)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_extraction_scores_stay_above_their_floor(scores, field):
    assert scores[field] >= FLOORS[field], (
        f"{field} fell to {scores[field]:.3f} (floor {FLOORS[field]})"
    )


@pytest.mark.parametrize("field", sorted(REGIONAL_FLOORS))
def test_regional_extraction_scores_stay_above_their_floor(regional_scores, field):
    assert regional_scores[field] >= REGIONAL_FLOORS[field], (
        f"{field} fell to {regional_scores[field]:.3f} (floor {REGIONAL_FLOORS[field]})"
    )


@pytest.fixture(scope="module")
def team_scores() -> dict[str, dict[str, float]]:
    return {name: _corpus_scores(TEAM_CORPUS / name) for name in TEAM_FLOORS}


@pytest.mark.parametrize(
    ("corpus", "field"), [(name, field) for name in TEAM_FLOORS for field in TEAM_FLOORS[name]]
)
def test_team_corpus_scores_stay_above_their_floor(team_scores, corpus, field):
    score, floor = team_scores[corpus][field], TEAM_FLOORS[corpus][field]
    assert score >= floor, f"{corpus} {field} fell to {score:.3f} (floor {floor})"


def test_the_seed_articles_come_out_right():
    """001 and 002, the articles Ortak started from, must be extracted without a fault."""
    _require_corpus()
    scorer = _scorer()
    import json

    for stem in ("001", "002"):
        gold = json.loads((CORPUS / f"{stem}.gold.json").read_text(encoding="utf-8"))
        article = scorer.score_article(
            gold, extract(read_path(CORPUS / f"{stem}.txt")).record.to_dict()
        )
        faults = {k: v for k, v in article.items() if k in scorer.OVERALL and v < 1.0}
        assert not faults, f"{stem}: {faults}"
