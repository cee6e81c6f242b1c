"""The HTML matrix (report.py matrix --html): grouped column headers, the
per-system summaries, each message once, a size bound on a record set as
large as the committed one will be, and a page that shows everything
without its script.  test_matrix_browser.py renders it in Chromium."""
import html.parser
import json
import random
import zlib

import pytest

import report

SYSTEM = {"os": "Linux", "kernel_release": "6.1.0-30-amd64", "machine": "x86_64",
          "page_size": 4096, "libc": {"name": "glibc", "version": "2.36"},
          "tmpdir": {"path": "/tmp", "fstype": "ext4"}, "emulation": ""}


def system(kernel="6.1.0-30-amd64", arch="x86_64", libc=("glibc", "2.36"), fs="ext4",
           emulation="", page=4096):
    return dict(SYSTEM, kernel_release=kernel, machine=arch, page_size=page,
                libc={"name": libc[0], "version": libc[1]}, tmpdir={"fstype": fs},
                emulation=emulation)


def record(cases, sys_=None, complete=True, vm=None, **extra):
    rec = {"format": "mmapcts-record", "format_version": 1, "system": sys_ or system(),
           "complete": complete, "cases": [dict(c) for c in cases]}
    if vm:
        rec["vm"] = vm
    rec.update(extra)
    return rec


def case(i, verdict="PASS", message=None, expected=None, observations=None):
    c = {"id": i, "verdict": verdict, "observations": observations or {}}
    if message:
        c["message"] = message
    if expected:
        c["expected"] = expected
    return c


class Page(html.parser.HTMLParser):
    """The page's tables as rows of cells: (tag, attributes, text).  The page
    leaves out the end tags of cells and rows; a new cell or row ends the one
    before, as in a browser."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tables, self.table, self.cell = {}, None, None
        self.section = None
        self.attrs_of = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.attrs_of[attrs["id"]] = (tag, attrs)
        if tag == "table":
            self.table = self.tables.setdefault(attrs.get("id", f"t{len(self.tables)}"), [])
        elif tag in ("thead", "tbody") and self.table is not None:
            self.section = tag
        elif tag == "tr" and self.table is not None:
            self.table.append({"section": self.section, "attrs": attrs, "cells": []})
            self.cell = None
        elif tag in ("td", "th") and self.table is not None:
            self.cell = [tag, attrs, ""]
            self.table[-1]["cells"].append(self.cell)
        elif tag == "a" and self.cell is not None:
            self.cell[1] = dict(self.cell[1], link=attrs.get("href"))

    def handle_endtag(self, tag):
        if tag == "table":
            self.table, self.cell = None, None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[2] += data

    def rows(self, table, section):
        return [r for r in self.tables[table] if r["section"] == section]

    def head(self, table, label):
        """The header row whose first cell says label, without that cell."""
        return next(r["cells"][1:] for r in self.rows(table, "thead")
                    if r["cells"][0][2] == label)


def spans(cells):
    return [(text, int(attrs.get("colspan", 1))) for _, attrs, text in cells]


def page_of(records):
    text = report.html_page(sorted(records, key=report.system_order))
    return text, Page(text)


@pytest.fixture
def systems():
    """Six systems over three ways of running, given out of order."""
    a = [case("a/x", observations={"hint": "yes"}), case("a/y")]
    return [
        record(a, system(kernel="6.12.117+deb13-arm64", arch="aarch64", fs="ext4"),
               vm={"accel": "tcg"}),
        record(a, system(libc=("musl", "1.2.3"))),
        record(a, system(kernel="6.12.117+deb13-arm64", arch="aarch64", fs="tmpfs"),
               vm={"accel": "tcg"}),
        record(a, system(arch="aarch64", emulation="qemu-aarch64 -L /usr/aarch64-linux-gnu")),
        record(a, system(kernel="6.1.0-50-arm64", arch="aarch64", fs="btrfs"),
               vm={"accel": "tcg"}),
        record(a),
    ]


def test_columns_are_grouped_by_how_they_ran_arch_kernel_libc_fs(systems):
    _, page = page_of(systems)
    assert spans(page.head("verdict-table", "how it ran")) == [
        ("native", 2), ("qemu-user", 1), ("qemu-system tcg", 3)]
    assert spans(page.head("verdict-table", "architecture")) == [
        ("x86_64", 2), ("aarch64", 1), ("aarch64", 3)]
    # The kernel version numerically (6.1 before 6.12), its page size with it.
    assert spans(page.head("verdict-table", "kernel")) == [
        ("6.1.0-30-amd644 KiB pages", 2), ("6.1.0-30-amd644 KiB pages", 1),
        ("6.1.0-50-arm644 KiB pages", 1), ("6.12.117+deb13-arm644 KiB pages", 2)]
    assert spans(page.head("verdict-table", "libc")) == [
        ("glibc 2.36", 1), ("musl 1.2.3", 1), ("glibc 2.36", 1), ("glibc 2.36", 1),
        ("glibc 2.36", 2)]
    # Filesystems in reading order within a kernel: tmpfs before ext4.
    assert [t for t, _ in spans(page.head("verdict-table", "filesystem"))] == [
        "ext4", "ext4", "ext4", "btrfs", "tmpfs", "ext4"]
    numbers = page.head("verdict-table", "column")
    assert [t for _, _, t in numbers] == ["1", "2", "3", "4", "5", "6"]
    # What the filters select by, on the column numbers.
    assert [a["data-arch"] for _, a, _ in numbers] == ["x86_64"] * 2 + ["aarch64"] * 4
    assert [a["data-ran"] for _, a, _ in numbers][2:4] == ["qemu-user", "qemu-system tcg"]
    assert numbers[1][1]["data-libc"] == "musl 1.2.3"
    # The group headers name their first column, for the filters to re-span.
    arch = page.head("verdict-table", "architecture")
    assert [int(a["data-c"]) for _, a, _ in arch] == [0, 2, 3]
    # The observations share the columns.
    for level in ("how it ran", "kernel", "filesystem", "column"):
        assert page.head("observation-table", level) == page.head("verdict-table", level)


def test_summaries_per_system(tmp_path):
    full = [case("a/x"), case("a/y", "FAIL", "y.c:3: broke"),
            case("a/z", "FAIL", "z.c:4: known", expected="documented"),
            case("a/w", "UNSUPPORTED", "w.c:1: no feature")]
    cut = record([case("a/x")], system(fs="tmpfs"), complete=False, in_flight=["a/y"],
                 cut_short={"reason": "the guest panicked during the run on tmpfs"})
    missed = record([], system(fs="xfs"), complete=False,
                    not_run={"reason": "the guest could not mount xfs"})
    text, page = page_of([record(full), cut, missed])
    # tmpfs (cut short), ext4, xfs (not run).
    systems = page.rows("systems", "tbody")
    states = [r["cells"][7] for r in systems]
    assert [s[2] for s in states] == [
        "INCOMPLETE (the guest panicked during the run on tmpfs)", "complete",
        "NOT RUN (the guest could not mount xfs)"]
    assert [s[1].get("class") for s in states] == ["n", None, "x"]
    heads = [c[2] for c in page.rows("systems", "thead")[0]["cells"]]
    assert heads[8:] == ["PASS", "FAIL", "FAIL*", "UNSUPPORTED", "in flight", "not reached"]
    counts = [[c[2] for c in r["cells"][8:]] for r in systems]
    assert counts == [["1", "", "", "", "1", "2"], ["1", "1", "1", "1", "", ""],
                      [""] * 6]
    # In the matrix's head: what nothing explains, and the known deviations.
    assert [t for _, _, t in page.head("verdict-table", "unexplained")] == ["3", "1", "\u2013"]
    assert [t for _, _, t in page.head("verdict-table", "known deviations")] == \
        ["0", "1", "\u2013"]
    # Every kind of cell has a class of its own: a known deviation is not a FAIL,
    # in flight, not reached and not run are apart.
    body = {r["cells"][0][2]: [(c[1].get("class"), c[2]) for c in r["cells"][1:]]
            for r in page.rows("verdict-table", "tbody")}
    assert body["a/x"] == [(None, ""), (None, ""), ("x", "\u2013")]
    assert body["a/y"] == [("i", "flight"), ("f", "FAIL"), ("x", "\u2013")]
    assert body["a/z"] == [("n", "n.r."), ("k", "FAIL*"), ("x", "\u2013")]
    assert body["a/w"] == [("n", "n.r."), ("s", "UNSUP"), ("x", "\u2013")]
    # Rows that differ first, marked; the not-run column makes none differ.
    rows = page.rows("verdict-table", "tbody")
    assert [r["attrs"].get("class") for r in rows] == ["d", "d", "d", None]
    # The legend names each kind.
    for words in ("a known deviation", "in flight", "not reached", "not run", "UNRESOLVED"):
        assert words in text


def test_each_message_is_on_the_page_once():
    said = "cases/a/y.c:10: CHECK_EQ(x, 1): got 2, expected 1"
    other = "cases/a/y.c:10: CHECK_EQ(x, 1): got 3, expected 1"
    evidence = "qemu-user does not do this: the evidence, at some length " * 4
    records = []
    for n in range(40):
        cases = [case("a/x"), case("a/y", "FAIL", other if n == 39 else said),
                 case("a/z", "FAIL", "cases/a/z.c:2: known", expected=evidence)]
        records.append(record(cases, system(kernel=f"6.1.{n}-amd64")))
    text, page = page_of(records)
    assert text.count(html_text(said)) == 1 and text.count(html_text(other)) == 1
    assert text.count(html_text(evidence)) == 1
    rows = {r["cells"][0][2]: r["cells"][1:] for r in page.rows("verdict-table", "tbody")}
    links = [c[1].get("link") for c in rows["a/y"]]
    assert links[:39] == ["#m1"] * 39 and links[39] == "#m2"
    assert {c[1].get("link") for c in rows["a/z"]} == {"#m3"}
    assert [c[1].get("link") for c in rows["a/x"]] == [None] * 40
    notes = {r["attrs"]["id"]: [c[2] for c in r["cells"]]
             for r in page.rows("messages", "tbody")}
    assert notes["m1"][:3] == ["m1", "FAIL", said]
    assert notes["m1"][3] == "a/y 1\u201339"
    assert notes["m3"][1] == "FAIL*" and notes["m3"][2].endswith("evidence d1")
    evidence_rows = page.rows("evidence-table", "tbody")
    assert [[c[2] for c in r["cells"]] for r in evidence_rows] == [["d1", evidence, "m3"]]


def html_text(s):
    return report.html.escape(s)


def test_the_page_shows_everything_without_its_script(systems):
    text, page = page_of(systems)
    # Nothing is hidden but the filters, which only the script can work.
    assert " hidden" not in text.replace("<form id=filters hidden>", "").split("<script>")[0]
    assert page.attrs_of["filters"][0] == "form"
    # One self-contained file: no external resource of any kind.
    for needle in ("src=", "http:", "https:", "@import", "url(", "<link"):
        assert needle not in text, needle
    assert text.count("<script>") == 1 and "data-filters" in text


def test_observations_keep_their_place():
    obs = [case("a/x", observations={"hint": "yes"}),
           case("a/y", observations={"raised": "SIGSEGV/SEGV_ACCERR"})]
    other = [case("a/x", observations={"hint": "no"}),
             case("a/y", observations={"raised": "SIGSEGV/SEGV_MAPERR"})]
    text, page = page_of([record(obs), record(other, system(fs="tmpfs"))])
    order = [text.index(f"<h2 id={s}>") for s in ("verdicts", "records", "observations")]
    assert order == sorted(order)
    rows = {r["cells"][0][2]: r["cells"][1:] for r in page.rows("observation-table", "tbody")}
    # Short values as they are; long ones by letter, named under the key.
    assert [c[2] for c in rows["a/x hint"]] == ["no", "yes"]
    named = next(k for k in rows if k.startswith("a/y raised"))
    # Columns: tmpfs, then ext4; equally common values take letters in order.
    assert [c[2] for c in rows[named]] == ["b", "a"]
    assert named.endswith("a = SIGSEGV/SEGV_ACCERR; b = SIGSEGV/SEGV_MAPERR")


def synthetic(n_records=65, n_cases=860, seed=7):
    """A record set as large as the committed one will be: six
    architectures, kernels, four filesystems; per architecture 4% of the
    cases fail (most of them known deviations, the evidence per
    architecture), with a message that names the architecture, and 0.5% of
    the cells fail with a message of their own; observations in every
    record."""
    rng = random.Random(seed)
    ids = [f"group{g}/some-rule-name-of-usual-length-{i}:{v}"
           for g in range(20) for i in range(n_cases // 60) for v in ("file", "shm", "memfd")]
    ids = (ids + [f"extra/rule-{i}" for i in range(n_cases)])[:n_cases]
    arches = ("x86_64", "aarch64", "ppc64le", "s390x", "riscv64", "i686")
    failing = {a: {i: rng.choice(("FAIL", "FAIL", "FAIL", "UNSUPPORTED", "TIMEOUT"))
                   for i in ids if rng.random() < 0.04} for a in arches}
    records = []
    for n in range(n_records):
        arch = arches[n % 6]
        sys_ = system(kernel=f"6.{n // 24}.{n % 7}-{arch}", arch=arch,
                      fs=("tmpfs", "ext4", "xfs", "btrfs")[n % 4])
        cases = []
        for i in ids:
            if i in failing[arch]:
                which = zlib.crc32(i.encode())
                evidence = (f"{arch}: a long explanation of the deviation, its evidence "
                            f"{which % 5} and where it was seen " * 3)
                cases.append(case(i, failing[arch][i],
                                  f"cases/{i}.c:{len(i) * 3}: got 1, expected 0 on {arch}",
                                  expected=evidence if which % 4 else None))
            elif rng.random() < 0.005:
                cases.append(case(i, "FAIL", f"cases/{i}.c:{rng.randrange(20, 200)}: "
                                  f"got {rng.randrange(1000)}, expected 0"))
            else:
                cases.append(case(i))
        for c in cases[:120]:
            c["observations"] = {"signal": rng.choice(("SIGSEGV/SEGV_ACCERR",
                                                       "SIGSEGV/SEGV_MAPERR")),
                                 "pages": str(rng.randrange(3))}
        records.append(record(cases, sys_))
    return records


def test_a_large_record_set_makes_a_page_under_1_mb():
    records = synthetic()
    text = report.html_page(sorted(records, key=report.system_order))
    size = len(text.encode("utf-8"))
    assert size < 1_000_000, f"{size} bytes"
    page = Page(text)
    assert len(page.rows("verdict-table", "tbody")) == 860
    assert len(page.head("verdict-table", "column")) == 65


def test_the_page_is_the_same_every_time(systems):
    assert page_of(systems)[0] == page_of(json.loads(json.dumps(systems)))[0]
