"""The benchmark's synthetic rule base must load: it is what the ×10 figure measures."""

import importlib.util
from pathlib import Path

from coder import load_ruleset
from coder.ruleset import default_rules_dir

ROOT = Path(__file__).resolve().parent.parent


def test_synthetic_variants_of_the_shipped_rules_load(tmp_path):
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    paths = bench.synthetic_rules(tmp_path, 2, default_rules_dir())
    rs = load_ruleset(paths, use_cache=False)
    assert len(rs.rules) > 2 * 300
