"""Shared fixtures. Each area adds its fixtures in its own ``tests/fixtures_<area>.py``;
every such module is loaded here as a pytest plugin."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests check what is generated, never how fast: no per-example deadline and no "too slow"
# health check, which fail on a loaded machine (tests never assert on wall time).
settings.register_profile("claimwatch", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("claimwatch")

TESTS = Path(__file__).parent
DATA = TESTS / "data"
sys.path.insert(0, str(TESTS))

pytest_plugins = sorted(p.stem for p in TESTS.glob("fixtures_*.py"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return (DATA / "seed" / "seed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_body(seed_raw: str) -> str:
    """The seed's body: the text after the headline and the blank line (what the gold annotates)."""
    return seed_raw.split("\n\n", 1)[1]


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((DATA / "seed" / "seed.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from claimwatch.extract.pipeline import load_nlp

    return load_nlp()
