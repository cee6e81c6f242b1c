"""cases/manifest.tsv, the build's list of case ids (build-aux/gen-manifest.awk
writes it, harness/manifest.c reads it in C).

One tab-separated row per case id; '#' lines are comments.  The last
columns came later (no_fault, then covers and covers_part): a row without
them reads as if they were empty, as the runner reads it.
"""

COLUMNS = ("id", "program", "group", "profile", "timeout", "variant", "needs",
           "spec", "assertion", "no_fault", "covers", "covers_part")


def load(path):
    """The manifest's rows, in order, each a dict keyed by COLUMNS."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            fields += [""] * (len(COLUMNS) - len(fields))
            rows.append(dict(zip(COLUMNS, fields)))
    return rows
