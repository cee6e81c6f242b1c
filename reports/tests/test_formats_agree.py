"""The C and the Python owners of each format give the same answers.

The runner (harness/) writes records and streams and reads expectations;
mmapcts_formats reads all three.  Each question here goes to both sides:
the runner's own code (harness/tests/format-oracle, the runner itself) and
the package, over the fixtures in fixtures/formats/:

  systems.tsv          systems -> the system key, and the record's "system"
  expectations.tsv     a good expectations file: globs, sets, the emulation
                       field, comments, blank lines, a CRLF line, non-ASCII
  malformed.tsv        malformed lines, each must fail at its line on both sides
  cases.txt, keys.txt  the case ids and extra system keys queried
  crashed.stream       a runner killed with a case in flight (-j 2, SIGKILL),
  crashed.record.json  its stream as a console mangles it (printk before a
                       marker, a line cut short, a line lost, the panic
                       after) and the record the runner left

and over live runs of the runner on the fixture programs, complete and
killed mid-run.
"""
import copy
import json
import os
import signal
import subprocess
import time

import pytest

from mmapcts_formats import expectations, record, stream

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures", "formats")
BUILDDIR = os.environ.get("MMAPCTS_BUILDDIR") or os.getcwd()
ORACLE = os.path.join(BUILDDIR, "harness", "tests", "format-oracle")
RUNNER = os.path.join(BUILDDIR, "harness", "mmapcts")
PROGRAMS = os.path.join(BUILDDIR, "harness", "tests", "fixtures")
EXPECTATIONS = os.path.join(FIXTURES, "expectations.tsv")
VERDICTS = list(record.VERDICTS) + ["BOGUS"]

needs_oracle = pytest.mark.skipif(not os.path.exists(ORACLE),
                                  reason="no harness/tests/format-oracle (make check builds it)")
needs_runner = pytest.mark.skipif(not os.path.exists(RUNNER), reason="no runner built")


def fixture_lines(name):
    """The lines of a fixture, its "#" comments and blank lines left out."""
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


def oracle(*args, stdin=""):
    proc = subprocess.run([ORACLE, *args], input=stdin.encode(), capture_output=True,
                          timeout=60)
    assert proc.returncode in (0, 2) and not proc.stderr, proc.stderr
    return proc.stdout.decode("utf-8").splitlines()


def c_keys():
    """(key, system) for each system of systems.tsv, as the runner makes them."""
    lines = oracle("key", stdin="".join(line + "\n" for line in fixture_lines("systems.tsv")))
    return [(d["key"], d["system"]) for d in map(json.loads, lines)]


def c_load(path):
    """What the runner says of an expectations file: ("loaded", n) or ("error", message)."""
    first = oracle("match", path)[0]
    verb, _, rest = first.partition(" ")
    return (verb, int(rest) if verb == "loaded" else rest)


def py_load(path):
    try:
        return ("loaded", len(expectations.load(path)))
    except expectations.ExpectationError as err:
        return ("error", str(err))


# ---------------------------------------------------------------- system key

@needs_oracle
def test_the_system_key_of_each_system_is_the_runners():
    keys = c_keys()
    assert len(keys) == len(fixture_lines("systems.tsv"))
    for key, system in keys:
        # The key the tools compute from the record's system object, which
        # the runner wrote, is the key the runner matched against.
        assert expectations.system_key({"system": system}) == key


# ------------------------------------------------------------- expectations

def malformed_files(tmp_path):
    """A file per malformed line: a good first line, then the bad one."""
    good = b"a/ok\tFAIL\t*\tfine\n"
    with open(os.path.join(FIXTURES, "malformed.tsv"), "rb") as f:
        bad = [line for line in f if not line.startswith(b"#")]
    # Bytes a text fixture should not hold: not UTF-8 (even in a comment),
    # an overlong "/", a surrogate, past U+10FFFF, a NUL.
    bad += [b"a/x\tFAIL\t*\t\xff\n", b"# caf\xe9\n", b"a/\xc0\xaf\tFAIL\t*\twhy\n",
            b"a/x\tFAIL\t*\t\xed\xa0\x80\n", b"a/x\tFAIL\t*\t\xf4\x90\x80\x80\n",
            b"a/x\tFAIL\t*\tw\x00hy\n", b"a/x\tFAIL\t*\t\xe2\x82\n"]
    for n, line in enumerate(bad):
        path = tmp_path / f"malformed-{n}.tsv"
        path.write_bytes(good + line)
        yield line, str(path)


@needs_oracle
def test_a_malformed_line_fails_both_readers_alike(tmp_path):
    for line, path in malformed_files(tmp_path):
        c, py = c_load(path), py_load(path)
        assert c == py, line
        assert c[0] == "error" and c[1].startswith(f"{path}:2: "), (line, c)


@needs_oracle
def test_good_files_load_alike(tmp_path):
    # Lines fgets() would have cut, a lone CR inside a field, no last newline.
    odd = tmp_path / "odd.tsv"
    odd.write_bytes(b"a/long\tFAIL\t*\t" + b"x" * 6000 + b"\n"
                    b"a/cr\tFAIL\t*\tone\rtwo\n"
                    b"\t \t\r\n"
                    b"a/last\tCRASH\t*\tno newline after me")
    empty = tmp_path / "empty.tsv"
    empty.write_bytes(b"")
    for path in (EXPECTATIONS, str(odd), str(empty), expectations.DEFAULT_PATH):
        assert c_load(path) == py_load(path), path
    assert c_load(str(odd)) == ("loaded", 3)


def queries():
    """Every (case id, verdict, system key) the fixtures make."""
    keys = [key for key, _ in c_keys()] + fixture_lines("keys.txt")
    keys += [k.rsplit(" ", 1)[0] + " qemu-system" for k in keys]
    return [(i, v, k) for i in fixture_lines("cases.txt") for v in VERDICTS for k in keys]


@needs_oracle
@pytest.mark.parametrize("path", [EXPECTATIONS, expectations.DEFAULT_PATH],
                         ids=["fixture", "reports/expectations.tsv"])
def test_each_query_finds_the_same_expectation(path):
    asked = queries()
    answers = oracle("match", path, stdin="".join("\t".join(q) + "\n" for q in asked))
    assert answers[0].startswith("loaded ")
    known = expectations.load(path)
    differ = []
    for query, answer in zip(asked, answers[1:], strict=True):
        found = expectations.find(known, *query)
        mine = found.evidence if found else None
        if json.loads(answer)["evidence"] != mine:
            differ.append((query, json.loads(answer)["evidence"], mine))
    assert differ == []
    if path == EXPECTATIONS:   # the queries reach every line of the fixture
        hit = {expectations.find(known, *q) for q in asked} - {None}
        assert hit == set(known)


# ------------------------------------------------------- records and streams

def comparable(rec):
    """A record without what only one side can know: the host's "vm" object,
    the loader's "_path"."""
    rec = {k: v for k, v in rec.items() if k not in ("vm", "_path")}
    return rec


def agree(c_rec, py_rec, lost=()):
    """The record the runner wrote and the one made from its stream say the
    same, but for the cases whose result line was lost (lost: their ids)."""
    c_rec, py_rec = comparable(c_rec), comparable(py_rec)
    c_cases = [c for c in c_rec.pop("cases") if c["id"] not in lost]
    assert py_rec.pop("cases") == c_cases
    # A case whose result was lost is one the stream saw start and never end.
    c_flight, py_flight = c_rec.pop("in_flight"), py_rec.pop("in_flight")
    assert sorted(py_flight) == sorted(c_flight + list(lost))
    # The runner's record has no summary until the run ends; the stream's
    # counts what it holds, as the runner's would.
    assert py_rec.pop("summary") == c_rec.pop("summary", record.summarize(c_cases))
    assert py_rec == c_rec


def test_a_crashed_runs_stream_agrees_with_its_record():
    with open(os.path.join(FIXTURES, "crashed.stream"), encoding="utf-8") as f:
        runs = stream.parse_log(f.read())
    c_rec = record.load(os.path.join(FIXTURES, "crashed.record.json"))
    assert len(runs) == 1
    py_rec = stream.build_record(runs[0], {"guest_end": "panic"})
    lost = [i for i in c_rec["in_flight"] + [c["id"] for c in c_rec["cases"]]
            if i.endswith(("/variants:shm", "/segfault"))]
    assert len(lost) == 2
    agree(c_rec, py_rec, lost)
    assert c_rec["complete"] is False and py_rec["complete"] is False
    assert [i.rsplit("/", 1)[1] for i in py_rec["in_flight"]] == ["hang", "variants:shm",
                                                                  "segfault"]
    vm = py_rec["vm"]
    assert (vm["garbled_lines"], vm["lost_lines"]) == (1, 1)
    assert vm["console_tail"][-1].endswith("end Kernel panic - not syncing: Oops: "
                                           "Fatal exception ]---")


def test_the_runners_marks_are_the_tools_marks_on_the_crashed_record():
    c_rec = record.load(os.path.join(FIXTURES, "crashed.record.json"))
    marked = expectations.mark(copy.deepcopy(c_rec), expectations.load(EXPECTATIONS))
    assert [c["expected"] for c in marked["cases"]] == [c["expected"] for c in c_rec["cases"]]
    assert any(c["expected"] for c in c_rec["cases"])


def program(name):
    return os.path.join(PROGRAMS, name)


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def from_stream(path):
    with open(path, encoding="utf-8") as f:
        runs = stream.parse_log(f.read())
    assert len(runs) == 1 and runs[0].head is not None
    return stream.build_record(runs[0])


def marks_agree(c_rec):
    """The runner marked each result by EXPECTATIONS as the tools would."""
    tools = expectations.mark(copy.deepcopy(c_rec), expectations.load(EXPECTATIONS))
    assert [c["expected"] for c in tools["cases"]] == [c["expected"] for c in c_rec["cases"]]


@needs_runner
def test_a_complete_run_makes_the_same_record_both_ways(tmp_path):
    rec_path, stream_path = tmp_path / "run.json", tmp_path / "run.stream"
    names = ["pass", "fail", "unsupported", "unresolved", "untested", "observe",
             "segfault", "abort", "exit-status", "variants", "flood", "hang", "child-fail"]
    proc = subprocess.run([RUNNER, "--no-progress", "-j", "2", "--timeout", "1",
                           "--json", str(rec_path), "--stream", str(stream_path),
                           "-e", EXPECTATIONS, *map(program, names)],
                          capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, TMPDIR=str(tmp_path)), cwd=str(tmp_path))
    assert proc.returncode == 1, proc.stderr
    c_rec = read_json(rec_path)
    assert c_rec["complete"] is True
    py_rec = from_stream(stream_path)
    # The runner reads the clock for the record's end and again for the
    # stream's: a second may tick between the two.
    c_end, py_end = c_rec.pop("end"), py_rec.pop("end")
    assert abs(time.mktime(time.strptime(c_end, "%Y-%m-%dT%H:%M:%SZ"))
               - time.mktime(time.strptime(py_end, "%Y-%m-%dT%H:%M:%SZ"))) <= 1
    agree(c_rec, py_rec)
    marks_agree(c_rec)
    assert sum(1 for c in c_rec["cases"] if c["expected"]) >= 2


def children(pid):
    """The processes whose parent is pid (Linux /proc)."""
    found = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
        except OSError:
            pass   # gone meanwhile
    return found


@needs_runner
@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="finding the orphaned cases needs /proc")
def test_a_killed_run_says_the_same_of_what_finished_and_what_was_in_flight(tmp_path):
    rec_path, stream_path = tmp_path / "run.json", tmp_path / "run.stream"
    names = ["pass", "hang", "fail", "observe", "variants", "unsupported", "segfault"]
    proc = subprocess.Popen([RUNNER, "--no-progress", "-j", "2", "--timeout", "600",
                             "--json", str(rec_path), "--stream", str(stream_path),
                             "-e", EXPECTATIONS, *map(program, names)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, TMPDIR=str(tmp_path)), cwd=str(tmp_path))
    orphans = []
    try:
        # Every case but the hang has its result: only the hang is running.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if stream_path.exists():
                text = stream_path.read_text(encoding="utf-8")
                if text.count('"event": "result"') == len(names) + 1:   # 3 variants, no hang
                    break
            time.sleep(0.05)
        orphans = children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in orphans:   # each case leads its own process group
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    c_rec = read_json(rec_path)
    py_rec = from_stream(stream_path)
    assert c_rec["complete"] is False and py_rec["complete"] is False
    assert [i.rsplit("/", 1)[1] for i in c_rec["in_flight"]] == ["hang"]
    assert "end" not in c_rec and "end" not in py_rec
    agree(c_rec, py_rec)
    marks_agree(c_rec)
