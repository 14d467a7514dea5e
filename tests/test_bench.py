"""The benchmark's synthetic rule base must load: it is what the ×10 figure measures."""

import importlib.util
from pathlib import Path

from coder import load_ruleset
from coder.ruleset import default_rules_dir

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_synthetic_variants_of_the_shipped_rules_load(tmp_path):
    bench = _bench()
    paths = bench.synthetic_rules(tmp_path, 2, default_rules_dir())
    rs = load_ruleset(paths, use_cache=False)
    assert len(rs.rules) > 2 * 300


def test_interleaved_timing_counts_every_line_once_per_pass():
    bench = _bench()
    lines = [f"سطر {i}" for i in range(2 * bench.SLICE + 7)]
    seen = []

    def fake(part, cost):
        seen.append(len(part))
        return cost * len(part), len(part)

    (a_s, a_n), (b_s, b_n) = bench.interleaved([lambda p: fake(p, 1.0), lambda p: fake(p, 3.0)], lines, 2)
    assert a_n == b_n == len(lines)
    assert (a_s, b_s) == (len(lines), 3.0 * len(lines))
    assert len(seen) == 3 * 2 * 2  # three slices, two runs, two passes
