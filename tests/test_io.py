"""Readers account for every line; writers produce the documented fields."""

import csv
import gzip
import io
import json

from coder.io import FIELDS, BadRecord, Fields, Record, Writer, read_records


def recs(path, **kw):
    return list(read_records(str(path), **kw))


def test_jsonl_bad_lines_are_reported_and_reading_goes_on(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(
        '{"id": "a", "text": "نص"}\n'
        '{"id": "b", "text": \n'
        "\n"
        '{"id": "c"}\n'
        '["not", "an", "object"]\n'.encode()
        + b'{"id": "d", "text": "\xff\xfe"}\n'
        + '{"id": 5, "text": "نص آخر", "date": "2025-10-01"}\n'.encode()
    )
    out = recs(p)
    assert [type(r).__name__ for r in out] == ["Record", "BadRecord", "BadRecord", "BadRecord", "BadRecord",
                                              "Record"]
    bad = [r for r in out if isinstance(r, BadRecord)]
    assert [b.line for b in bad] == [2, 4, 5, 6]
    assert "invalid JSON" in bad[0].reason
    assert "field 'text' is missing" in bad[1].reason
    assert "UTF-8" in bad[3].reason
    assert out[-1] == Record("5", "نص آخر", "2025-10-01", 7)


def test_custom_field_names(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"doc": "x1", "body": "نص", "published": "2024-01-02"}\n', encoding="utf-8")
    (r,) = recs(p, fields=Fields("doc", "body", "published"))
    assert (r.id, r.text, r.date) == ("x1", "نص", "2024-01-02")


def test_a_gigaword_id_dates_a_record_without_a_date(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "AAW_ARB_20080129.0036-23", "text": "نص"}\n'
                 '{"id": "AFP_ARB_20071208.0001", "text": "نص", "date": "2007-12-09"}\n'
                 '{"id": "AAW_ARB_20081399.0001", "text": "نص"}\n'
                 '{"id": "doc-20080129", "text": "نص"}\n', encoding="utf-8")
    assert [r.date for r in recs(p)] == ["2008-01-29", "2007-12-09", None, None]  # a given date wins


def test_csv_and_tsv_with_multiline_fields(tmp_path):
    p = tmp_path / "in.csv"
    p.write_text('id,text\n1,"سطر\nثان"\n2,نص\n3,a,extra\n', encoding="utf-8")
    out = recs(p)
    assert out[0] == Record("1", "سطر\nثان", None, 2)
    assert out[1] == Record("2", "نص", None, 4)
    assert isinstance(out[2], BadRecord) and out[2].line == 5
    t = tmp_path / "in.tsv"
    t.write_text("id\ttext\n7\tنص\n", encoding="utf-8")
    assert recs(t) == [Record("7", "نص", None, 2)]


def test_csv_without_text_column_is_an_input_error(tmp_path):
    import pytest

    from coder.io import InputError

    p = tmp_path / "in.csv"
    p.write_text("id,body\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column 'text'"):
        recs(p)


def test_plain_text_one_record_per_line_and_gzip(tmp_path):
    p = tmp_path / "in.txt.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write("سطر أول\n\nسطر ثالث\n")
    assert recs(p) == [Record("1", "سطر أول", None, 1), Record("3", "سطر ثالث", None, 3)]


def test_unknown_extension_sniffs_jsonl_or_text(tmp_path):
    a = tmp_path / "a.data"
    a.write_text('{"id": "x", "text": "نص"}\n', encoding="utf-8")
    b = tmp_path / "b.data"
    b.write_text("نص\n", encoding="utf-8")
    assert recs(a)[0].id == "x"
    assert recs(b)[0].id == "1"


def test_writers(tmp_path):
    row = {f: None for f in FIELDS} | {"id": "a", "code": "173", "trigger": "اعتقال"}
    j = tmp_path / "out.jsonl"
    with Writer(str(j)) as w:
        w.write([row])
    assert json.loads(j.read_text(encoding="utf-8")) == row
    c = tmp_path / "out.csv"
    with Writer(str(c)) as w:
        w.write([row, row])
    rows = list(csv.DictReader(io.StringIO(c.read_text(encoding="utf-8"))))
    assert len(rows) == 2 and rows[0]["trigger"] == "اعتقال" and list(rows[0]) == list(FIELDS)
