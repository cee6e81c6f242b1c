"""The HTML matrix in a real browser: headless Chromium (Debian's chromium,
which ci/install-deps installs) renders the committed page to a screenshot
with ci/matrix-png, which must hold the verdicts' colours, and runs the
page's filters, whose result --dump-dom shows (hidden rows, the style that
hides columns, the count the script writes)."""
import os
import shutil
import struct
import subprocess
import tempfile
import zlib

import pytest

import report
from test_matrix_html import Page, case, record, system

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian's chromium package; "
                             "ci/install-deps installs it)")

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMITTED = os.path.join(TOP, "reports", "matrix.html")
PASS_GREEN = (0xc8, 0xea, 0xc4)     # .v td in report.PAGE_STYLE
KNOWN_AMBER = (0xff, 0xf3, 0xc4)    # .k


def pixels(path):
    """(width, height, RGB bytes) of an 8-bit RGB or RGBA PNG, as Chromium
    writes them: the standard library has zlib, the rest is the filters."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, idat, head = 8, b"", None
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + size]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + size
    width, height, depth, colour, _, _, interlace = head
    assert depth == 8 and colour in (2, 6) and interlace == 0, head
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    out, prev = bytearray(), bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xff
            elif kind == 2:
                line[i] = (line[i] + b) & 0xff
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xff
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) \
                    & 0xff
        rgb = line if bpp == 3 else bytearray(v for i, v in enumerate(line) if i % 4 != 3)
        out += rgb
        prev = line
    return width, height, bytes(out)


def dump_dom(tmp_path, page, view):
    """The page's DOM after its script ran, as Chromium serialises it.  A
    profile of its own each time: a Chromium started on a profile that one
    still exiting holds hands its work to that one and prints nothing."""
    profile = tempfile.mkdtemp(prefix="profile", dir=tmp_path)
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={profile}", "--dump-dom",
         f"file://{page}#{view}"],
        capture_output=True, text=True, timeout=180)
    assert run.returncode == 0 and "<html" in run.stdout[:100], run.stderr[-2000:]
    return run.stdout


def test_the_committed_page_renders(tmp_path):
    shot = tmp_path / "matrix.png"
    run = subprocess.run([os.path.join(TOP, "ci", "matrix-png"), COMMITTED, str(shot)],
                         capture_output=True, text=True, timeout=180,
                         env=dict(os.environ, MATRIX_PNG_SIZE="1000x700"))
    assert run.returncode == 0, run.stderr[-2000:]
    width, height, rgb = pixels(shot)
    assert (width, height) == (1000, 700)
    colours = {}
    for i in range(0, len(rgb), 3):
        colours[rgb[i:i + 3]] = colours.get(rgb[i:i + 3], 0) + 1
    area = width * height
    assert colours.get(b"\xff\xff\xff", 0) < 0.9 * area, "the screenshot is (almost) blank"
    assert len(colours) > 20
    # The matrix itself is on screen: PASS cells and known deviations.
    assert colours.get(bytes(PASS_GREEN), 0) > 0.02 * area
    assert colours.get(bytes(KNOWN_AMBER), 0) > 0


def visible_rows(dom, table):
    return [r["cells"][0][2] for r in dom.rows(table, "tbody") if "hidden" not in r["attrs"]]


def test_the_filters_run_on_the_committed_page(tmp_path):
    static = Page(open(COMMITTED, encoding="utf-8").read())
    not_run = [i for i, (_, a, _) in enumerate(static.head("verdict-table", "column"))
               if a.get("class") == "x"]
    rows = static.rows("verdict-table", "tbody")
    # Without the script every row is shown.
    assert all("hidden" not in r["attrs"] for r in rows)
    wanted = [r["cells"][0][2] for r in rows if "eof/" in r["cells"][0][2]
              and any(c[2] for i, c in enumerate(r["cells"][1:]) if i not in not_run)]
    assert wanted, "the committed records have no case not PASS in eof/"
    dom_text = dump_dom(tmp_path, COMMITTED, "rows=red&q=eof/")
    dom = Page(dom_text)
    assert dom.attrs_of["filters"][1].get("hidden") is None
    assert visible_rows(dom, "verdict-table") == wanted
    columns = len(static.head("verdict-table", "column"))
    assert (f'<output id="shown">{len(wanted)} of {len(rows)} cases, {columns} of {columns} '
            'systems shown</output>') in dom_text
    # The script's "rows that differ" are the rows report.py marks so.
    differ = Page(dump_dom(tmp_path, COMMITTED, "rows=differ"))
    assert visible_rows(differ, "verdict-table") == \
        [r["cells"][0][2] for r in rows if r["attrs"].get("class") == "d"]
    # Each linked cell got its verdict and message as its title.
    notes = {r["attrs"]["id"]: r["cells"] for r in static.rows("messages", "tbody")}
    linked = [c for r in dom.rows("verdict-table", "tbody") for c in r["cells"][1:]
              if c[1].get("link")]
    assert linked
    for _, attrs, _ in linked:
        verdict, message = notes[attrs["link"][1:]][1][2], notes[attrs["link"][1:]][2][2]
        assert attrs.get("title", "").startswith(f"{verdict}: {message[:20]}"), attrs


def test_the_column_filters_regroup_the_headers(tmp_path):
    def cases(x86, tmpfs):
        return [case("a/same"), case("a/x86-only", x86),
                case("a/arm-tmpfs", tmpfs, "a.c:1: got 1",
                     expected="known" if tmpfs != "PASS" else None),
                case("a/other")]

    records = [record(cases("FAIL", "PASS"), system()),
               record(cases("PASS", "PASS"), system(arch="aarch64", emulation="qemu-aarch64")),
               record(cases("PASS", "FAIL"), system(kernel="6.12.117+deb13-arm64",
                                                    arch="aarch64", fs="tmpfs"),
                      vm={"accel": "tcg"}),
               record(cases("PASS", "PASS"), system(kernel="6.12.117+deb13-arm64",
                                                    arch="aarch64"), vm={"accel": "tcg"})]
    page = tmp_path / "m.html"
    page.write_text(report.html_page(sorted(records, key=report.system_order)))
    dom_text = dump_dom(tmp_path, page, "arch=aarch64&rows=differ")
    dom = Page(dom_text)
    assert 'data-filters="on"' in dom_text
    # Among the aarch64 columns only a/arm-tmpfs differs; a/x86-only failed on x86_64.
    assert visible_rows(dom, "verdict-table") == ["a/arm-tmpfs"]
    assert "1 of 4 cases, 3 of 4 systems shown" in dom_text
    # Column 1 (x86_64, native) is hidden by the style the script wrote ...
    style = dom_text.split('<style id="hidden-columns">')[1].split("</style>")[0]
    assert "nth-child(2)" in style and "nth-child(3)" not in style and "display:none" in style
    # ... its group headers too, and the others span what is left.
    ran = [(t, a.get("colspan", "1"), "hidden" in a)
           for _, a, t in dom.head("verdict-table", "how it ran")]
    assert ran == [("native", "1", True), ("qemu-user", "1", False),
                   ("qemu-system tcg", "2", False)]
    assert ["hidden" in r["attrs"] for r in dom.rows("systems", "tbody")] == \
        [True, False, False, False]
    # The cell's title says what its message is.
    cell = next(c for r in dom.rows("verdict-table", "tbody") for c in r["cells"][1:]
                if c[1].get("link"))
    assert cell[1]["title"] == "FAIL*: a.c:1: got 1\nknown deviation: known"
    # The address said which view: without one, everything.
    dom = Page(dump_dom(tmp_path, page, ""))
    assert len(visible_rows(dom, "verdict-table")) == 4
