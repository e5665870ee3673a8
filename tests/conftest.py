"""Shared test fixtures: paths, the fixed markup date, golden-file updating."""
from __future__ import annotations

from pathlib import Path

import os

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "input" / "A_HRC_RES_38_3.zh.txt"
SHARED = ROOT.parent / "shared"
# A fixed manifestation date keeps outputs byte-identical between runs.
MARKUP_DATE = "2026-01-01"
EPOCH = "1767225600"  # SOURCE_DATE_EPOCH of MARKUP_DATE: the same bytes in every run

# Property tests (tests/test_properties.py): a bounded number of examples in CI, many
# more when asked for (AKN_HYPOTHESIS_PROFILE=deep). One conversion validates AKN and
# TEI against their schemas, so an example takes tenths of a second: no deadline. The CI
# profile draws the same examples every run (derandomize), so a red CI is a change of
# the code, never the luck of the draw; the deep profile draws new ones each time, to
# find what the fixed ones miss (and each find becomes an @example).
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("AKN_HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files in tests/golden from the current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def seed_conversion():
    from pipeline.convert import Options, convert

    return convert(SEED.read_bytes(), "input/A_HRC_RES_38_3.zh.txt", Options(markup_date=MARKUP_DATE))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when the shared material is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpus and scorer live in ../shared beside the project")
    return path


def pytest_sessionstart(session):
    """Every conversion validates TEI, so without the fetched schema no test can run:
    say so once, with the command that fixes it, instead of failing every test."""
    from pipeline.validate import TEI_SCHEMA_FETCH, tei_schema_path

    if not tei_schema_path().is_file():
        pytest.exit(f"{tei_schema_path()} is missing: fetch it with `{TEI_SCHEMA_FETCH}` "
                    f"(`invoke test` does this first)", returncode=4)


@pytest.fixture
def fixed_date(monkeypatch):
    """Builds of one test give the same bytes: the manifestation date is fixed
    (the reproducible-builds convention the converter follows)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
