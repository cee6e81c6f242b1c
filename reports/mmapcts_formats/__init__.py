"""mmapcts_formats: the Python owner of mmapcts's file formats.

The runner (harness/) writes them in C; everything in Python that reads or
writes them comes here, so each format has one owner per language, and
reports/tests/test_formats_agree.py holds the two owners to the same answers.

  record        a run record (JSON): the format's name and version, the
                verdicts, loading with validation, the runner's layout
  stream        "@mmapcts-stream <seq> <json>" lines: a log to runs, a run
                to a record
  expectations  reports/expectations.tsv: the system key, loading, matching
  manifest      cases/manifest.tsv, the build's list of case ids
  errors        FormatError, and the one error exit the command-line tools share

The tools next to this package (reports/report.py, reports/stream.py) find
it as scripts find their own directory; tests get reports/ on the path from
pytest.ini, and ci/vm-run adds it in one place.  Standard library only.
"""
