"""The command line, run as a user runs it."""

import json
import re
import subprocess
import sys

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "airdrop_raid.jsonl"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "coder", *args], capture_output=True, text=True, input=stdin,
                          cwd=ROOT)


def test_codes_the_shipped_example():
    p = run("code", str(EXAMPLE), "-o", "-")
    assert p.returncode == 0, p.stderr
    events = [json.loads(line) for line in p.stdout.splitlines()]
    got = {(e["id"], e["code"]) for e in events}
    assert ("example-airdrop-1", "190") in got  # the airdrop raid and the killing
    assert ("example-airdrop-1", "173") in got  # the arrest
    assert ("example-airdrop-1", "193") in got  # the exchange of fire
    assert ("example-airdrop-2", "173") in got
    text = {json.loads(line)["id"]: json.loads(line) for line in EXAMPLE.read_text(encoding="utf-8").splitlines()}
    for e in events:
        assert text[e["id"]]["text"][e["start"]:e["end"]] == e["trigger"]
        assert e["date"] == text[e["id"]]["date"]
    assert "2 records read, 2 with events" in p.stderr
    assert re.search(r"0 failed in \d+\.\d s \([\d,]+ records/s\)", p.stderr)  # the rate, for sizing a run
    # the denied arrest in the second record is not coded
    assert not any(e["id"] == "example-airdrop-2" and "اعتقال" in e["trigger"] for e in events)


def test_bad_lines_are_counted_and_reported(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "1", "text": "اعتقلت الشرطة رجلا"}\nnot json\n{"id": "3", "text": "لا شيء"}\n',
                   encoding="utf-8")
    out = tmp_path / "out.csv"
    p = run("code", str(src), "-o", str(out))
    assert p.returncode == 0
    assert f"{src}:2: invalid JSON" in p.stderr
    assert "3 records read, 1 with events, 1 events, 1 failed" in p.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("id,code,name,root")


def test_stdin_text_and_quiet():
    p = run("code", "-", "--input-format", "text", "-q", stdin="قتل خمسة جنود\nسطر بلا حدث\n")
    assert p.returncode == 0 and p.stderr == ""
    (e,) = [json.loads(line) for line in p.stdout.splitlines()]
    assert (e["id"], e["code"]) == ("1", "190")


def test_missing_input_file():
    p = run("code", "no/such/file.jsonl")
    assert p.returncode == 1 and "no such input file" in p.stderr and "Traceback" not in p.stderr


def test_explain_shows_tokens_matches_and_negation(mini_dir):
    p = run("explain", "--rules", str(mini_dir),
            "نفذت قوات التحالف الدولي إنزالاً جوياً واعتقلت قيادياً. لم تعتقل الشرطة أحدا")
    assert p.returncode == 0, p.stderr
    assert "rule airdrop" in p.stdout and "rule arrest" in p.stdout
    assert "IMGMIL" in p.stdout  # the actor mention
    assert "negated by 'لم'" in p.stdout
    assert "انزالا" in p.stdout  # the normalised token


def test_codes_browser():
    p = run("codes", "173")
    assert p.returncode == 0 and "Arrest" in p.stdout
    assert run("codes", "no such code name").returncode == 1


def test_rules_check_and_test():
    p = run("rules", "check")
    assert p.returncode == 0 and "0 errors" in p.stdout
    p = run("rules", "test")
    assert p.returncode == 0
    assert p.stdout.splitlines()[-1].endswith(" 0 failed")


def test_rules_test_reports_a_failing_example(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text('rules:\n  - id: mine\n    code: "173"\n    patterns: ["داهم~"]\n'
                 '    examples: ["داهمت الشرطة منزلا", "اقتحمت الشرطة منزلا"]\n'
                 '    counterexamples: ["داهمت الشرطة منزلا"]\n', encoding="utf-8")
    p = run("rules", "test", str(f))
    assert p.returncode == 1
    assert p.stdout.splitlines()[-1] == "1 passed, 2 failed"
    assert "counterexample of rule mine" in p.stdout and "173 by mine" in p.stdout
    assert "coded:    nothing" in p.stdout


def test_version_and_module_entry():
    assert run("--version").stdout.startswith("coder ")


def test_binary_garbage_is_accounted_for(tmp_path):
    src = tmp_path / "garbage.jsonl"
    ok = '{"id": "ok", "text": "قتل جندي"}'.encode()
    src.write_bytes(b'\xff\xfe\x00garbage\n{"text": "\xd9"}\n' + ok + b"\n")
    p = run("code", str(src), "-o", "-")
    assert p.returncode == 0
    assert "3 records read" in p.stderr and "2 failed" in p.stderr
    assert f"{src}:1: not valid UTF-8" in p.stderr


def test_workers_give_identical_output(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines() * 1300  # past the main process's warm-up
    src.write_text("\n".join(lines) + "\nnot json\n", encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    p1 = run("code", str(src), "-o", str(one), "--workers", "1")
    p2 = run("code", str(src), "-o", str(two), "--workers", "2")
    assert p1.returncode == p2.returncode == 0
    assert one.read_bytes() == two.read_bytes() and one.stat().st_size > 0
    assert "2601 records read" in p2.stderr and "1 failed" in p2.stderr


def test_forked_helpers_and_spawned_pool_give_identical_output(coder):
    """Both ways of coding with several processes (forked helpers beside the main process, and
    the pool of spawned processes used where there is no fork) keep the rows and the counts of
    coding in one process, in order, bad records included."""
    from coder import batch
    from coder.io import BadRecord, read_records

    records = list(read_records(str(EXAMPLE))) * 60 + [BadRecord("x", 9, "bad")]
    results = []
    for run_it in (lambda s: batch.code_rendered(coder, None, records, s, 1, "jsonl"),
                   lambda s: batch.code_rendered(coder, None, records, s, 3, "jsonl"),
                   lambda s: batch._pooled(None, iter(records), s, 2, "jsonl")):
        summary = batch.Summary()
        rows = [(type(rec).__name__, text) for rec, text in run_it(summary)]
        results.append((rows, summary))
    assert results[0][1].read == 121 and results[0][1].failed == 1 and results[0][1].events > 0
    assert results[1] == results[0] and results[2] == results[0]
