"""The rule author's tools: check findings, stats, coverage, eval, new."""

from __future__ import annotations

import json

from coder import Coder, load_ruleset
from coder.authoring import lint, stats
from coder.cli import main
from tests.conftest import write_rules


def run(capsys, *args) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_lint_finds_conflicts_dead_patterns_and_shadowed_rules(tmp_path):
    path = write_rules(tmp_path, "r.yaml", """
        rules:
          - id: a
            code: "173"
            patterns: ["اعتقل~"]
            examples: ["اعتقلت الشرطة رجلا"]
          - id: b
            code: "190"
            patterns: ["اعتقل~"]
            examples: ["اعتقلت الشرطة رجلا"]
          - id: dead
            code: "190"
            patterns: ["{source} قتل~ {target}"]
            examples: ["قتل رجل"]
          - id: general
            code: "190"
            patterns: ["قتل~"]
            examples: ["قتل رجل"]
          - id: specific
            code: "186"
            patterns: ["قتل~ رجل"]
            examples: ["قتل رجل"]
    """)
    findings = lint(Coder(load_ruleset([path], use_cache=False)))
    text = "\n".join(f.format() for f in findings)
    assert "conflict: the same pattern is in rule a" in text
    assert "rule general is shadowed on all its examples by specific" in text
    assert any(f.severity == "error" and "never matches" in f.message and f.line == 12 for f in findings)


def test_check_cli_exit_status(tmp_path, capsys):
    path = write_rules(tmp_path, "r.yaml", """
        rules:
          - id: a
            code: "173"
            patterns: ["اعتقل~"]
            examples: ["اعتقلت الشرطة رجلا"]
          - id: b
            code: "190"
            patterns: ["اعتقل~"]
            examples: ["اعتقلت الشرطة رجلا"]
    """)
    code, out = run(capsys, "rules", "check", "--alone", str(path))
    assert code == 1
    assert f"{path}:8:17: error: conflict" in out and "1 errors" in out


def test_stats_counts_codes(mini_dir, capsys):
    st = stats(load_ruleset([mini_dir]))
    assert st["roots"]["17"]["codes"] == ["173"]
    assert st["blocking_rules"] == 1
    assert "181" in st["codes_without_rule"]
    code, out = run(capsys, "rules", "stats", "--rules", str(mini_dir), "--json")
    assert code == 0 and json.loads(out)["patterns"] == st["patterns"]


def test_coverage_on_a_small_corpus(mini_dir, tmp_path, capsys):
    corpus = tmp_path / "c.txt"
    corpus.write_text("اعتقلت الشرطة العراقية مسلحين\nيتظاهر المدنيون في سوريا\nقتل جنود\n", encoding="utf-8")
    code, out = run(capsys, "rules", "coverage", str(corpus), "--rules", str(mini_dir), "--json")
    rep = json.loads(out)
    assert code == 0
    assert rep["sentences"] == 3 and rep["sentences_with_events"] == 2
    assert rep["rules_fired"] == {"arrest": 1, "kill": 1}
    assert "airstrike" in rep["rules_never_fired"]
    assert rep["codes"] == {"173": 1, "190": 1}
    assert ["يتظاهر", 1] in rep["uncoded_trigger_like_words"]


def test_eval_jsonl_gold(mini_dir, tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "1", "text": "اعتقلت الشرطة العراقية مسلحين", "events": [{"code": "173", "source": "IRQCOP"}]},
        {"id": "2", "text": "قتل جنود", "events": [{"code": "195"}]},
        {"id": "3", "text": "الطقس جميل", "events": []},
    ]) + "\n", encoding="utf-8")
    code, out = run(capsys, "eval", str(gold), "--rules", str(mini_dir), "--json")
    rep = json.loads(out)[str(gold)]
    assert code == 0
    assert rep["overall"]["tp"] == 1 and rep["overall"]["fp"] == 1 and rep["overall"]["fn"] == 1
    assert rep["groups"]["17"]["f1"] == 1.0
    assert rep["groups"]["19"]["f1"] == 1.0  # 190 for 195: the right root, the wrong code
    assert rep["source_agreement"] == "1.000 of 1"


def test_eval_gsr_csv(mini_dir, tmp_path, capsys):
    gold = tmp_path / "assault.csv"
    gold.write_text("id,event_type,label,accept,reject,total,text\n"
                    "a,ASSAULT,yes,3,0,3,قتل جنود في هجوم\n"
                    "b,ASSAULT,difficult no,0,3,3,إثر مقتل جنديين تظاهر الآلاف\n"
                    "c,ASSAULT,easy no,0,3,3,اعتقلت الشرطة رجلا\n"
                    "d,ASSAULT,ambiguous,1,2,3,قتل\n", encoding="utf-8")
    code, out = run(capsys, "eval", str(gold), "--rules", str(mini_dir), "--show", "5")
    assert code == 0
    assert "ASSAULT" in out and "1.000" in out and "difficult no false positives: 0/1" in out


def test_new_scaffolds_into_the_root_file(tmp_path, capsys):
    (tmp_path / "events").mkdir()
    code, out = run(capsys, "rules", "new", "14_sit_in", "--code", "1411", "--dir", str(tmp_path))
    assert code == 0
    created = list((tmp_path / "events").glob("14_*.yaml"))
    assert len(created) == 1 and "id: 14_sit_in" in created[0].read_text(encoding="utf-8")
    code, out = run(capsys, "rules", "new", "14_march", "--code", "141", "--dir", str(tmp_path))
    assert "id: 14_march" in created[0].read_text(encoding="utf-8")
    load_ruleset([tmp_path], use_cache=False)  # the scaffold is a valid rule file
    assert main(["rules", "new", "x", "--code", "999", "--dir", str(tmp_path)]) == 1


def test_an_edited_copy_of_a_shipped_file_keeps_its_place(tmp_path):
    # rules that tie on a match are broken by file order: a copy checked with `rules test PATH`
    # must sit where the shipped file sits, or its examples code differently
    import argparse
    import shutil

    from coder.cli import _authoring_files
    from coder.ruleset import default_rules_dir, rule_files

    shipped = rule_files([default_rules_dir()])
    original = next(p for p in shipped if p.name == "02_appeal.yaml")
    copy = tmp_path / original.name
    shutil.copy(original, copy)
    extra = write_rules(tmp_path, "zz_mine.yaml", "rules: []")
    files, focus = _authoring_files(argparse.Namespace(paths=[str(copy), str(extra)], alone=False))
    assert files.index(copy) == shipped.index(original)
    assert original not in files and files[-1] == extra and len(files) == len(shipped) + 1
    assert focus == {copy.resolve(), extra.resolve()}
