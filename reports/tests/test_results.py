"""The committed records (reports/results/) are explained and current.

Every verdict in every committed record is a PASS, an UNSUPPORTED, or a
known deviation that reports/expectations.tsv documents for that record's
system; every record finished (a guest that died would say complete:
false); and reports/matrix.md and matrix.html are the matrix of exactly
these records.
"""
import glob
import os

import pytest

import report
from mmapcts_formats import expectations, record

REPORTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

RECORDS = sorted(glob.glob(os.path.join(REPORTS, "results", "*.json")))


@pytest.mark.parametrize("path", RECORDS, ids=os.path.basename)
def test_every_verdict_is_explained(path):
    rec = record.load(path)
    known = expectations.load()
    assert rec["complete"] is True, f"{path}: the run did not finish"
    odd = [f"{c['id']}: {c['verdict']}: {c.get('message')}"
           for c in expectations.unexpected(rec, known)]
    assert odd == [], "\n".join(odd)


def test_the_committed_matrix_is_current():
    known = expectations.load()
    records = [expectations.mark(r, known) for r in
               sorted((record.load(p) for p in RECORDS), key=report.system_order)]
    with open(os.path.join(REPORTS, "matrix.md"), encoding="utf-8") as f:
        committed = f.read()
    assert committed == report.markdown(records), \
        "reports/matrix.md is stale: make matrix"
    with open(os.path.join(REPORTS, "matrix.html"), encoding="utf-8") as f:
        committed = f.read()
    assert committed == report.html_page(records), \
        "reports/matrix.html is stale: make matrix"
