"""The CAMEO codebook shipped as data."""

from coder.cameo import codebook, plover_class


def test_all_codes_present():
    book = codebook()
    assert len(book) == 317
    assert sum(1 for c in book if len(c) == 2) == 20
    assert sum(1 for c in book if len(c) == 3) == 149
    for code in ("01", "0871", "173", "1831", "195", "1952", "2042"):
        assert code in book


def test_fields_consistent_with_roots():
    for code, entry in codebook().items():
        assert entry.root == code[:2]
        assert -10 <= entry.goldstein <= 10
        root = int(entry.root)
        expected = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        assert entry.quad_class == expected, code
        assert entry.name


def test_plover_classes_of_the_gold_sets():
    assert plover_class("190") == "ASSAULT"
    assert plover_class("1712") == "ASSAULT"
    assert plover_class("145") == "PROTEST"
    assert plover_class("173") != "ASSAULT"
