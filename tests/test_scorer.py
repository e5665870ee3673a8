"""The shared scorer on the reference input (skipped without ../shared)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import shared_path

pytestmark = pytest.mark.corpus


def test_seed_scores_perfectly(tmp_path, seed_conversion):
    scorer = shared_path("bin", "akn-score")
    gold = shared_path("corpus", "seed")
    (tmp_path / "A_HRC_RES_38_3.zh.akn.xml").write_bytes(seed_conversion.akn)
    result = subprocess.run([str(scorer), "--pred", str(tmp_path), "--set", str(gold), "--suffix", ".akn.xml"],
                            capture_output=True, text=True, env={"PYTHON": sys.executable, "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.splitlines()[:2]
    scores = dict(zip(header.split()[1:], row.split()[1:], strict=True))
    for metric in ("meta", "preF1", "opStr", "fnF1", "vOut", "vCnt", "vList"):
        assert scores[metric] == "1.000", (metric, result.stdout)
    assert float(scores["cons"]) >= 0.99 and float(scores["noise"]) <= 0.01
    assert re.search(r"missing/unparseable predictions: 0", result.stdout)
