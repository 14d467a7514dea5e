"""Scoring the coder against gold files: precision, recall and F1.

Two gold formats:

- JSONL, one record per line: {"id": ..., "text": ..., "events": [{"code": "173", "source":
  "IRQCOP", "target": null}, ...]}. Coded and gold events of a record are paired by code (as a
  multiset); scores are given overall (by full code) and per CAMEO root (by root). Among the
  paired events, the share whose source and target agree with the gold (where it names them).
- The arabic_event_gsr CSV (id, event_type, label, ..., text): a sentence labelled "yes" should
  get an event of its PLOVER category (ASSAULT, PROTEST, ...), "easy no" and "difficult no"
  should not, "ambiguous" is left out.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field

from .cameo import plover_class
from .pipeline import Coder


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    """Scores of one gold file, with the sentences behind the errors."""

    kind: str
    overall: Score = field(default_factory=Score)
    by_group: dict[str, Score] = field(default_factory=dict)
    misses: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)  # id, text, gold, coded
    false_alarms: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)
    notes: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "overall": self.overall.as_dict(),
                "groups": {k: v.as_dict() for k, v in sorted(self.by_group.items())}, **self.notes}


def is_gsr_csv(path: str) -> bool:
    with open(path, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f), [])
    return {"id", "event_type", "label", "text"} <= set(header)


def evaluate_gsr(coder: Coder, path: str) -> Report:
    """Score an arabic_event_gsr CSV by PLOVER category, sentence by sentence."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["label"] in ("yes", "easy no", "difficult no")]
    report = Report("gsr")
    hard = hard_fp = 0
    for r in rows:
        kind = r["event_type"].strip().upper()
        group = report.by_group.setdefault(kind, Score())
        codes = [e.code for e in coder.code_text(r["text"])]
        pred = any(plover_class(c) == kind for c in codes)
        gold = r["label"] == "yes"
        if r["label"] == "difficult no":
            hard += 1
            hard_fp += pred
        for score in (group, report.overall):
            score.tp += pred and gold
            score.fp += pred and not gold
            score.fn += gold and not pred
        item = (r["id"], r["text"], [kind] if gold else [], codes)
        if gold and not pred:
            report.misses.append(item)
        elif pred and not gold:
            report.false_alarms.append(item)
    report.notes["difficult_no_false_positives"] = f"{hard_fp}/{hard}"
    return report


def evaluate_jsonl(coder: Coder, path: str) -> Report:
    """Score a JSONL gold file event by event (codes as multisets per record)."""
    report = Report("jsonl")
    agree = Counter()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise ValueError(f"{path}:{number}: a gold record needs 'text' and 'events'")
            gold = [e for e in rec.get("events") or [] if isinstance(e, dict) and e.get("code")]
            events = coder.code_text(rec["text"], rec.get("date"))
            gold_codes = Counter(str(e["code"]) for e in gold)
            pred_codes = Counter(e.code for e in events)
            both = gold_codes & pred_codes
            report.overall.tp += sum(both.values())
            report.overall.fp += sum((pred_codes - gold_codes).values())
            report.overall.fn += sum((gold_codes - pred_codes).values())
            g_root = Counter(c[:2] for c in gold_codes.elements())
            p_root = Counter(c[:2] for c in pred_codes.elements())
            for root in set(g_root) | set(p_root):
                s = report.by_group.setdefault(root, Score())
                s.tp += min(g_root[root], p_root[root])
                s.fp += max(p_root[root] - g_root[root], 0)
                s.fn += max(g_root[root] - p_root[root], 0)
            item = (str(rec.get("id", number)), rec["text"], sorted(gold_codes.elements()),
                    sorted(pred_codes.elements()))
            if gold_codes - pred_codes:
                report.misses.append(item)
            if pred_codes - gold_codes:
                report.false_alarms.append(item)
            for g in gold:
                match = next((e for e in events if e.code == str(g["code"])), None)
                if match is None:
                    continue
                for side in ("source", "target"):
                    if g.get(side):
                        agree[side + "_n"] += 1
                        agree[side + "_ok"] += getattr(match, side) == g[side]
    for side in ("source", "target"):
        n = agree[side + "_n"]
        if n:
            report.notes[f"{side}_agreement"] = f"{agree[side + '_ok'] / n:.3f} of {n}"
    return report


def evaluate(coder: Coder, path: str) -> Report:
    """Score `path` in whichever gold format it is."""
    return evaluate_gsr(coder, path) if path.endswith(".csv") and is_gsr_csv(path) else evaluate_jsonl(coder, path)
